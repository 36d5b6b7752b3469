package files

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/testkit/fixture"
)

func TestA100MBFileIsRefusedWithoutReadingIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.ccsa")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	start := time.Now()
	if _, err := Load(path); !fixture.HasCode(err, assessment.CodeTooLarge) {
		t.Fatalf("Load = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}

// TestStrangeTextIsKeptAsData: invalid UTF-8 becomes U+FFFD, while
// right-to-left overrides and control characters are kept as they are,
// through a save and a load.
func TestStrangeTextIsKeptAsData(t *testing.T) {
	content := `{"format":"creativecity-assessment","schemaVersion":1,"city":{"name":"Hu\u202ee\u0007"},` +
		`"answers":{"gastronomy.signature_dishes":{"value":2,"evidence":"a\u0000b\u001bc\u202Ed =1+1","source":"` + "\xff\xfe" + `"}}}`
	a, err := assessment.Decode([]byte(content), "strange.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if a.City.Name != "Hu\u202ee\u0007" {
		t.Errorf("name %q", a.City.Name)
	}
	ans := a.Answer("gastronomy.signature_dishes")
	if ans.Evidence != "a\x00b\x1bc\u202ed =1+1" || ans.Source != "\ufffd\ufffd" {
		t.Errorf("evidence %q source %q", ans.Evidence, ans.Source)
	}
	path := filepath.Join(t.TempDir(), "strange.ccsa")
	if err := Save(path, a); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Answer("gastronomy.signature_dishes").Evidence; got != ans.Evidence {
		t.Errorf("after save and load: %q", got)
	}
}
