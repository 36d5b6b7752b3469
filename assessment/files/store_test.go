package files

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/testkit/fixture"
)

// sampleFile is the sample of the contract format that package
// assessment's tests use too: an assessment with members this version does
// not know.
var sampleFile = func() string {
	data, err := os.ReadFile("../testdata/sample.ccsa")
	if err != nil {
		panic(err)
	}
	return string(data)
}()

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadReadsTheContractFormat(t *testing.T) {
	a, err := Load(writeFile(t, "halong.ccsa", sampleFile))
	if err != nil {
		t.Fatal(err)
	}
	if a.City.Name != "Hạ Long" || a.City.Population != 300000 || a.City.AreaKm2 != 1119.1 || a.City.Date != "2026-11-23" {
		t.Errorf("city = %+v", a.City)
	}
	if v, ok := a.Value("gastronomy.signature_dishes").Number(); !ok || v != 3 {
		t.Errorf("value = %v, %v", v, ok)
	}
	if ans := a.Answer("gastronomy.signature_dishes"); ans.Evidence != "Chả mực" || ans.Source != "Sở VHTTDL" {
		t.Errorf("answer = %+v", ans)
	}
	if !a.UpdatedAt.Equal(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("updatedAt = %v", a.UpdatedAt)
	}
}

func TestSaveKeepsWhatThisVersionDoesNotKnow(t *testing.T) {
	path := writeFile(t, "halong.ccsa", sampleFile)
	a, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	a.SetValue("gastronomy.signature_dishes", assessment.NumberValue(4))
	if err := Save(path, a); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{`"future.question"`, `"nested"`, `"reviewedBy": "An"`, `"gastronomy.other": "not an object"`,
		`"signature"`, `"district": "Bãi Cháy"`, `"value": 4`, `"evidence": "Chả mực"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("saved file lacks %s:\n%s", want, data)
		}
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, []byte(b.Answer("future.question").Value.Raw())); err != nil || compact.String() != `{"nested":[1,2]}` {
		t.Errorf("unknown value = %s", b.Answer("future.question").Value.Raw())
	}
}

func TestSaveKeepsThePreviousVersionAsBak(t *testing.T) {
	path := filepath.Join(t.TempDir(), "city.ccsa")
	a := &assessment.Assessment{City: assessment.City{Name: "Huế"}}
	if err := Save(path, a); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + BackupSuffix); !os.IsNotExist(err) {
		t.Errorf("a first save made a backup: %v", err)
	}
	first, _ := os.ReadFile(path)
	a.City.Name = "Hội An"
	if err := Save(path, a); err != nil {
		t.Fatal(err)
	}
	bak, _ := os.ReadFile(path + BackupSuffix)
	if !bytes.Equal(bak, first) {
		t.Errorf(".bak = %s; want the first version %s", bak, first)
	}
	b, err := Load(path)
	if err != nil || b.City.Name != "Hội An" {
		t.Fatalf("reload = %+v, %v", b, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestLoadRefusesBadFilesWithoutTouchingThem(t *testing.T) {
	random := make([]byte, MaxFileSize/2)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	tests := []struct {
		name    string
		content []byte
		code    string
	}{
		{"truncated", []byte(sampleFile[:len(sampleFile)/2]), assessment.CodeSyntax},
		{"empty", nil, assessment.CodeEmpty},
		{"blank", []byte("  \n"), assessment.CodeEmpty},
		{"randomHalfTheLimit", random, assessment.CodeSyntax},
		{"array", []byte(`[1,2]`), assessment.CodeNotObject},
		{"null", []byte(`null`), assessment.CodeNotObject},
		{"wrongFormat", []byte(strings.Replace(sampleFile, "creativecity-assessment", "something-else", 1)), assessment.CodeWrongFormat},
		{"noFormat", []byte(`{"schemaVersion": 1}`), assessment.CodeWrongFormat},
		{"schema99", []byte(strings.Replace(sampleFile, `"schemaVersion": 1`, `"schemaVersion": 99`, 1)), assessment.CodeSchemaNewer},
		{"schema0", []byte(strings.Replace(sampleFile, `"schemaVersion": 1`, `"schemaVersion": 0`, 1)), assessment.CodeSchemaInvalid},
		{"schemaText", []byte(strings.Replace(sampleFile, `"schemaVersion": 1`, `"schemaVersion": "1"`, 1)), assessment.CodeSchemaInvalid},
		{"cityNotObject", []byte(strings.Replace(sampleFile, `"city": {`, `"city": 5, "x": {`, 1)), assessment.CodeMemberType},
		{"populationText", []byte(strings.Replace(sampleFile, `"population": 300000`, `"population": "300.000"`, 1)), assessment.CodeMemberType},
		{"answersArray", []byte(`{"format":"creativecity-assessment","schemaVersion":1,"answers":[]}`), assessment.CodeMemberType},
		{"badDate", []byte(strings.Replace(sampleFile, `"2026-11-23T10:00:00Z"`, `"yesterday"`, 1)), assessment.CodeMemberType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name+".ccsa")
			if err := os.WriteFile(path, tt.content, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			var fe *assessment.FileError
			if !errors.As(err, &fe) || fe.Code != tt.code || fe.Path != path {
				t.Fatalf("Load = %v; want a assessment.FileError %s naming the file", err, tt.code)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, tt.content) {
				t.Error("Load changed the file")
			}
		})
	}
}

func TestLoadRefusesPathsThatAreNotReadableFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); !fixture.HasCode(err, assessment.CodeIsDir) {
		t.Errorf("directory: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.ccsa")); !fixture.HasCode(err, assessment.CodeNotFound) {
		t.Errorf("missing: %v", err)
	}
	big := filepath.Join(dir, "big.ccsa")
	if err := os.WriteFile(big, bytes.Repeat([]byte(" "), MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); !fixture.HasCode(err, assessment.CodeTooLarge) {
		t.Errorf("big: %v", err)
	}
}

func TestSaveRefusesToOverwriteANewerSchema(t *testing.T) {
	newer := strings.Replace(sampleFile, `"schemaVersion": 1`, `"schemaVersion": 2`, 1)
	path := writeFile(t, "new.ccsa", newer)
	err := Save(path, &assessment.Assessment{City: assessment.City{Name: "X"}})
	if !fixture.HasCode(err, assessment.CodeSchemaNewer) {
		t.Fatalf("Save = %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != newer {
		t.Error("the newer file was overwritten")
	}
}

// TestEveryWriterRefusesToOverwriteANewerSchema: WriteWithBackup, which
// import and merge write with, refuses a newer schema as Save does.
func TestEveryWriterRefusesToOverwriteANewerSchema(t *testing.T) {
	newer := strings.Replace(sampleFile, `"schemaVersion": 1`, `"schemaVersion": 2`, 1)
	path := writeFile(t, "new.ccsa", newer)
	if err := WriteWithBackup(path, []byte(sampleFile)); !fixture.HasCode(err, assessment.CodeSchemaNewer) {
		t.Fatalf("WriteWithBackup = %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != newer {
		t.Error("the newer file was overwritten")
	}
	if _, err := os.Stat(path + BackupSuffix); err == nil {
		t.Error("a backup was written")
	}
}

func TestSaveIntoAMissingFolderFailsCleanly(t *testing.T) {
	err := Save(filepath.Join(t.TempDir(), "no", "such", "x.ccsa"), &assessment.Assessment{})
	if !fixture.HasCode(err, assessment.CodeNotFound) {
		t.Fatalf("Save = %v", err)
	}
}

// TestSaveSurvivesBeingKilled kills a child process at random moments while
// it saves alternately two versions of a file. After every kill the file
// must load and be one of the two versions.
func TestSaveSurvivesBeingKilled(t *testing.T) {
	if path := os.Getenv("CCSA_SAVE_LOOP"); path != "" {
		saveLoop(path)
		return
	}
	if testing.Short() {
		t.Skip("kills a child process 100 times")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "city.ccsa")
	old, neu := versions()
	if err := Save(path, old); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	const iterations = 100
	seen := map[string]int{}
	for i := range iterations {
		cmd := exec.Command(exe, "-test.run=^TestSaveSurvivesBeingKilled$", "-test.count=1")
		cmd.Env = append(os.Environ(), "CCSA_SAVE_LOOP="+path)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait until the child is saving, then kill it at a random moment.
		buf := make([]byte, 1)
		if _, err := stdout.Read(buf); err != nil {
			t.Fatalf("child did not start: %v", err)
		}
		time.Sleep(time.Duration(r.IntN(3000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		a, err := Load(path)
		if err != nil {
			t.Fatalf("iteration %d: the file does not load after a kill: %v", i, err)
		}
		if a.City.Name != old.City.Name && a.City.Name != neu.City.Name {
			t.Fatalf("iteration %d: unexpected content %q", i, a.City.Name)
		}
		seen[a.City.Name]++
	}
	t.Logf("%d kills, 0 losses; versions on disk: %v", iterations, seen)
}

func versions() (old, neu *assessment.Assessment) {
	old = &assessment.Assessment{City: assessment.City{Name: "Phiên bản cũ"}, Answers: map[string]*assessment.Answer{}}
	neu = &assessment.Assessment{City: assessment.City{Name: "Phiên bản mới"}, Answers: map[string]*assessment.Answer{}}
	for i := range 200 {
		id := "gastronomy.q" + strings.Repeat("x", i%7) + string(rune('a'+i%26))
		old.SetEvidence(id, strings.Repeat("cũ ", 50), "")
		neu.SetEvidence(id, strings.Repeat("mới ", 60), "")
	}
	return old, neu
}

func saveLoop(path string) {
	old, neu := versions()
	os.Stdout.Write([]byte("."))
	for i := 0; ; i++ {
		a := old
		if i%2 == 0 {
			a = neu
		}
		if err := Save(path, a); err != nil {
			os.Exit(3)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	path := filepath.Join(b.TempDir(), "demo.ccsa")
	demo, err := assessment.Demo()
	if err != nil {
		b.Fatal(err)
	}
	if err := Save(path, demo); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSave(b *testing.B) {
	path := filepath.Join(b.TempDir(), "demo.ccsa")
	demo, err := assessment.Demo()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Save(path, demo); err != nil {
			b.Fatal(err)
		}
	}
}

func TestASaveRemovesTemporaryFilesOfInterruptedSaves(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "city[1].ccsa")
	stale := filepath.Join(dir, ".city[1].ccsa.123.tmp")
	fresh := filepath.Join(dir, ".city[1].ccsa.456.tmp")
	other := filepath.Join(dir, ".other.ccsa.789.tmp")
	for _, p := range []string{stale, fresh, other} {
		os.WriteFile(p, []byte("partial"), 0o644)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if err := Save(path, &assessment.Assessment{City: assessment.City{Name: "x"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("the stale temporary file was kept")
	}
	for _, p := range []string{fresh, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", filepath.Base(p))
		}
	}
}

// TestAnEmptyFileIsNeverKeptAsTheBackup: a save over an empty file (as a
// program that creates the file first leaves it) keeps the previous backup
// rather than an empty one.
func TestAnEmptyFileIsNeverKeptAsTheBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	a, _ := assessment.Demo()
	if err := Save(path, a); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, a); err != nil { // the first version becomes the backup
		t.Fatal(err)
	}
	os.WriteFile(path, nil, 0o644)
	if err := Save(path, a); err != nil {
		t.Fatal(err)
	}
	if bak, err := os.ReadFile(path + BackupSuffix); err != nil || len(bak) == 0 {
		t.Errorf("backup %d bytes, %v", len(bak), err)
	}
}

// TestSaveRefusesWhatLoadWouldRefuse: an assessment grown past the
// largest file Load accepts is not saved (saved, it could not be opened
// again): the file there before and its backup stay as they were, the
// assessment keeps its UpdatedAt, and the error names the file and both
// sizes. A file of more entries than a file may hold is refused by Load.
func TestSaveRefusesWhatLoadWouldRefuse(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Hạ Long.ccsa")
	a := fixture.Demo(t)
	if err := Save(path, a); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	updated := a.UpdatedAt
	for id, ans := range a.Answers {
		ans.Source = strings.Repeat("x", MaxFileSize/len(a.Answers)) + id
	}
	err := Save(path, a)
	var fe *assessment.FileError
	if !errors.As(err, &fe) || fe.Code != assessment.CodeTooLargeToSave || fe.Path != path || fe.Args["Limit"] != assessment.CountArg(int64(MaxFileSize)) {
		t.Fatalf("Save = %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) || !a.UpdatedAt.Equal(updated) {
		t.Error("the file or the assessment changed")
	}
	if _, err := os.Stat(path + BackupSuffix); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a backup was made: %v", err)
	}

	many := fixture.Demo(t)
	for i := 0; i <= assessment.MaxEntries; i++ {
		many.Answers[fmt.Sprintf("retired.q%05d", i)] = &assessment.Answer{Value: assessment.NumberValue(1)}
	}
	data, _ := assessment.Encode(many)
	file := filepath.Join(dir, "many.ccsa")
	os.WriteFile(file, data, 0o644)
	if _, err := Load(file); !fixture.HasCode(err, assessment.CodeTooManyEntries) {
		t.Errorf("Load = %v", err)
	}
}
