package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/translations"
)

// v2026 is the test data of questionnaire 2026.1, kept forever: a file a
// user saved and the reports that version exported.
const v2026 = "../../assessment/testdata/v2026.1"

// copyFixture copies a file of the test data to a temporary folder, so
// that no test can change it.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(v2026, name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// answersOf reads a .ccsa file's answers, as JSON values by question ID.
func answersOf(t *testing.T, path string) map[string]string {
	t.Helper()
	a, err := files.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return answersJSON(a)
}

// answersJSON is an assessment's answers as JSON values by question ID.
func answersJSON(a *assessment.Assessment) map[string]string {
	out := map[string]string{}
	for id, ans := range a.Answers {
		data, _ := json.Marshal(ans)
		out[id] = string(data)
	}
	return out
}

// TestFilesOfQuestionnaire2026StillWork: a 2026.1 file validates (the
// migration told as a warning, exit 0), scores, exports and comes back
// from its report with every answer, a removed question's answer
// included; the reports 2026.1 exported import to the same answers.
func TestFilesOfQuestionnaire2026StillWork(t *testing.T) {
	qn, err := assessment.Default()
	if err != nil {
		t.Fatal(err)
	}
	demo := copyFixture(t, "demo-halong-gastronomy.ccsa")
	original := answersOf(t, demo)
	old, err := files.Load(demo)
	if err != nil {
		t.Fatal(err)
	}
	qn.Migrate(old)
	migratedAnswers := answersJSON(old)
	if len(migratedAnswers) != len(original) {
		t.Errorf("migration changed the number of answers: %d, then %d", len(original), len(migratedAnswers))
	}

	for _, lang := range translations.Languages() {
		code, out, errs := runCLI(t, "validate", "--lang", string(lang), demo)
		if code != 0 {
			t.Fatalf("%s: validate exit %d: %s %s", lang, code, out, errs)
		}
		if qn.Version != "2026.1" && !strings.Contains(out+errs, "2026.1") {
			t.Errorf("%s: validate does not tell the migration from 2026.1: %s %s", lang, out, errs)
		}
	}
	if code, out, errs := runCLI(t, "score", "--json", demo); code != 0 || !json.Valid([]byte(out)) {
		t.Fatalf("score exit %d: %s", code, errs)
	}

	dir := t.TempDir()
	for _, lang := range translations.Languages() {
		xlsx := filepath.Join(dir, "report-"+string(lang)+".xlsx")
		if code, _, errs := runCLI(t, "export", "--lang", string(lang), "-o", xlsx, demo); code != 0 {
			t.Fatalf("%s: export exit %d: %s", lang, code, errs)
		}
		summary, data := sheetTexts(t, xlsx)
		says := map[translations.Lang]string{translations.VI: "có thể được chấm điểm khác", translations.EN: "can score differently"}
		if qn.Version != "2026.1" && (!strings.Contains(summary, "2026.1") || !strings.Contains(summary, says[lang])) {
			t.Errorf("%s: the report's summary does not tell the migration", lang)
		}
		for id := range original {
			if _, known := qn.Question(id); !known && !strings.Contains(data, id) {
				t.Errorf("%s: the kept answer of %s is not on the data sheet", lang, id)
			}
		}
		back := filepath.Join(dir, "back-"+string(lang)+".ccsa")
		if code, _, errs := runCLI(t, "import", "-o", back, xlsx); code != 0 {
			t.Fatalf("%s: import exit %d: %s", lang, code, errs)
		}
		if got := answersOf(t, back); !maps.Equal(got, migratedAnswers) {
			t.Errorf("%s: the exported report lost or changed answers: %v", lang, diffKeys(got, migratedAnswers))
		}
	}

	for _, name := range []string{"report-vi.xlsx", "report-en.xlsx"} {
		back := filepath.Join(dir, "old-"+name+".ccsa")
		code, _, errs := runCLI(t, "import", "-o", back, copyFixture(t, name))
		if code != 0 {
			t.Fatalf("%s: import exit %d: %s", name, code, errs)
		}
		if qn.Version != "2026.1" && !strings.Contains(errs, "2026.1") {
			t.Errorf("%s: import does not tell the migration: %s", name, errs)
		}
		if got := answersOf(t, back); !maps.Equal(got, original) {
			t.Errorf("%s: a 2026.1 report imports to other answers: %v", name, diffKeys(got, original))
		}
		if code, out, errs := runCLI(t, "validate", back); code != 0 {
			t.Errorf("%s: the imported file does not validate: %s %s", name, out, errs)
		}
	}
}

// TestComparingOldAndNewFilesRecognisesTheCity: the 2026.1 demo and
// today's demo are the same city (its province named as before or after
// the merger), listed once with the other as a duplicate.
func TestComparingOldAndNewFilesRecognisesTheCity(t *testing.T) {
	dir := t.TempDir()
	for name, path := range map[string]string{"old.ccsa": copyFixture(t, "demo-halong-gastronomy.ccsa"), "new.ccsa": demoPath(t)} {
		data, _ := os.ReadFile(path)
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	out := filepath.Join(t.TempDir(), "cmp.xlsx")
	code, stdout, errs := runCLI(t, "compare", "--lang", "en", "-o", out, dir)
	if code != 0 || !strings.Contains(stdout, "1 city") {
		t.Fatalf("exit %d: %s / %s", code, stdout, errs)
	}
}

func diffKeys(a, b map[string]string) []string {
	var ids []string
	for id := range a {
		if a[id] != b[id] {
			ids = append(ids, id)
		}
	}
	for id := range b {
		if _, ok := a[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// sheetTexts returns the text of a report's summary (after the cover) and
// of its last sheet (the data sheet).
func sheetTexts(t *testing.T, path string) (summary, data string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	text := func(sheet string) string {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, row := range rows {
			b.WriteString(strings.Join(row, "\t") + "\n")
		}
		return b.String()
	}
	return text(sheets[1]), text(sheets[len(sheets)-1])
}
