package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/report"
	"creativecity/translations"
)

// withControls is the demonstration with a vertical tab in the city's
// name and in a text answer, a bell in an evidence and CRLF line ends in a
// source, as pasted from a word processor.
func withControls(t *testing.T) string {
	t.Helper()
	data, _ := os.ReadFile(demoPath(t))
	s := strings.Replace(string(data), `"Hạ Long"`, `"Hạ Long\u000b"`, 1)
	s = strings.Replace(s, `mỗi người tính một lần.`, `mỗi người\u0007 tính một lần.`, 1)
	s = strings.Replace(s, `"Sở Xây dựng; Hội`, `"Sở Xây dựng;\r\nHội`, 1)
	s = strings.Replace(s, `Triển lãm ảnh kiến trúc`, `Triển lãm ảnh\u000b kiến trúc`, 1)
	path := filepath.Join(t.TempDir(), "controls.ccsa")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestValidateRefusesControlCharactersNamingTheQuestion(t *testing.T) {
	path := withControls(t)
	for lang, want := range map[string]string{"en": "invisible control character", "vi": "ký tự điều khiển ẩn"} {
		code, _, errs := runCLI(t, "validate", "--lang", lang, path)
		if code != 1 || !strings.Contains(errs, want) {
			t.Fatalf("%s: exit %d, stderr %q; want 1 and %q", lang, code, errs, want)
		}
		for _, member := range []string{"profile.name", "answers.architecture.architects.evidence", "architecture.events_list"} {
			if !strings.Contains(errs, member) {
				t.Errorf("%s: stderr does not name %s:\n%s", lang, member, errs)
			}
		}
		if strings.Contains(errs, "answers.architecture.architects.source") {
			t.Errorf("%s: CRLF line ends are refused:\n%s", lang, errs)
		}
	}
}

func TestImportAndMergeRemoveControlCharactersWithAWarning(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "r.xlsx")
	// export refuses such a file; a workbook of an earlier version holds
	// the texts as they were.
	qn, _ := assessment.Default()
	src, err := files.Load(withControls(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := report.WriteFile(xlsx, qn, src, nil, report.Options{Lang: translations.VI}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "back.ccsa")
	code, _, errs := runCLI(t, "import", "--lang", "en", "-o", out, xlsx)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "architecture.events_list") || !strings.Contains(errs, "Name of the candidate") || !strings.Contains(errs, "were removed") {
		t.Errorf("import does not warn naming the answer:\n%s", errs)
	}
	if strings.Contains(errs, "changed") || strings.Contains(errs, "edited") {
		t.Errorf("import reports an edit nobody made:\n%s", errs)
	}
	a, err := files.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	ev := a.Answers["architecture.architects"]
	if v, _ := a.Answers["architecture.events_list"].Value.String(); strings.ContainsRune(v, '\v') || !strings.Contains(v, "ảnh kiến trúc") {
		t.Errorf("imported text answer %q", v)
	}
	if a.City.Name != "Hạ Long" || strings.ContainsRune(ev.Evidence, '\a') || !strings.Contains(ev.Source, "dựng;\nHội") {
		t.Errorf("imported: name %q, evidence %q, source %q", a.City.Name, ev.Evidence, ev.Source)
	}
	if ps := assessment.Validate(qn, a, out); assessment.HasErrors(ps) {
		t.Errorf("the imported file does not validate: %v", ps)
	}
	merged := filepath.Join(dir, "merged.ccsa")
	code, _, errs = runCLI(t, "import", "--lang", "en", "--into", demoPath(t), "-o", merged, xlsx)
	if code != 0 || !strings.Contains(errs, "were removed") {
		t.Errorf("merge: exit %d, stderr %q", code, errs)
	}
}
