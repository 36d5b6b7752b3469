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

// demoWith is the demonstration with its text old replaced by new.
func demoWith(t *testing.T, name string, pairs ...string) string {
	t.Helper()
	data, _ := os.ReadFile(demoPath(t))
	s := string(data)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("the demonstration lacks %q", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// craftsScore is the crafts score of the assessment at path.
func craftsScore(t *testing.T, path string) float64 {
	t.Helper()
	qn, _ := assessment.Default()
	a, err := files.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := assessment.Score(qn, a).Field("crafts")
	return f.Score
}

// scoreRefuses checks that score --json stops at the error naming
// question, and never writes an infinite figure.
func scoreRefuses(t *testing.T, path, question string) {
	t.Helper()
	code, out, errs := runCLI(t, "score", "--json", path)
	if code != exitInput || !strings.Contains(errs, question) || strings.Contains(out+errs, "Inf") {
		t.Errorf("score --json %s: exit %d, stdout %q, stderr %q", filepath.Base(path), code, out, errs)
	}
}

func TestPopulationBelowAThousandIsAnErrorNamingTheField(t *testing.T) {
	tiny := demoWith(t, "tiny.ccsa", `"population": 300000`, `"population": 0.3`)
	for lang, want := range map[string]string{"en": "below 1,000 inhabitants", "vi": "dưới 1.000 người"} {
		code, _, errs := runCLI(t, "validate", "--lang", lang, tiny)
		if code != 1 || !strings.Contains(errs, want) || !strings.Contains(errs, "profile.population") {
			t.Errorf("%s: exit %d, stderr %q; want 1 naming profile.population and %q", lang, code, errs, want)
		}
	}
	none := demoWith(t, "none.ccsa", `"population": 300000`, `"population": 0`)
	if code, _, errs := runCLI(t, "validate", "--lang", "en", none); strings.Contains(errs, "below 1,000") {
		t.Errorf("population 0 (not given): exit %d, %s", code, errs)
	}
	if got, want := craftsScore(t, tiny), craftsScore(t, none); got != want {
		t.Errorf("crafts scores %v with a population of 0.3, %v without one", got, want)
	}
	scoreRefuses(t, tiny, "profile.population")
}

func TestFiguresThatOverflowARateAreErrorsAndScoreStaysJSON(t *testing.T) {
	huge := demoWith(t, "huge.ccsa", `"crafts.craft_venues": {
      "value": 28`, `"crafts.craft_venues": {
      "value": 1e308`)
	code, _, errs := runCLI(t, "validate", "--lang", "en", huge)
	if code != 1 || !strings.Contains(errs, "crafts.craft_venues") || !strings.Contains(errs, "too large to compute") {
		t.Errorf("count 1e308: exit %d, stderr %q", code, errs)
	}
	code, _, errs = runCLI(t, "validate", "--lang", "vi", huge)
	if code != 1 || !strings.Contains(errs, "quá lớn") {
		t.Errorf("count 1e308 (vi): exit %d, stderr %q", code, errs)
	}
	if got, want := craftsScore(t, huge), craftsScore(t, demoWith(t, "none.ccsa", `"crafts.craft_venues": {
      "value": 28`, `"crafts.craft_venues": {
      "value": null`)); got != want {
		t.Errorf("crafts scores %v with a count of 1e308, %v without it", got, want)
	}
	scoreRefuses(t, huge, "crafts.craft_venues")
	scoreRefuses(t, demoWith(t, "speck.ccsa", `"population": 300000`, `"population": 1e-300`), "profile.population")
}

func TestDossierRefusesATinyExchangeRate(t *testing.T) {
	for _, rate := range []string{"1e-320", "0.5", "-3", "+Inf"} {
		out := filepath.Join(t.TempDir(), "d.docx")
		code, stdout, errs := runCLI(t, "dossier", "--lang", "en", "--rate-usd", rate, "-o", out, demoPath(t))
		if code != exitUsage || !strings.Contains(errs, "at least 1") || strings.Contains(stdout, "Inf") {
			t.Errorf("--rate-usd %s: exit %d, stdout %q, stderr %q", rate, code, stdout, errs)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("--rate-usd %s: a dossier was written", rate)
		}
	}
}
