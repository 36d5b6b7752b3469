package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creativecity/assessment/files"
	"creativecity/assets"
	"creativecity/translations"
)

// TestOpeningAFileLibreOfficeHoldsWarns: LibreOffice's own lock line is
// recognised (before, it read as no lock and was overwritten): opening
// warns naming its user, computer and time, and its lock stays.
func TestOpeningAFileLibreOfficeHoldsWarns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	if err := os.WriteFile(path, assets.DemoCCSA, 0o644); err != nil {
		t.Fatal(err)
	}
	line := `Nguyễn Văn Lan,lan,may-so-2,07.12.2026 10:37,file:///home/lan/.config/libreoffice/4;`
	if err := os.WriteFile(files.LockPath(path), []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, translations.EN)
	a.OpenPath(path)
	text := dialogText(a)
	for _, want := range []string{"already open for editing", "Nguyễn Văn Lan", "may-so-2", "10:37 07/12/2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("the warning lacks %q: %q", want, text)
		}
	}
	if data, _ := os.ReadFile(files.LockPath(path)); string(data) != line {
		t.Errorf("LibreOffice's lock became %q", data)
	}
}
