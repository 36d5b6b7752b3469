package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment/files"
	"creativecity/assets"
	"creativecity/translations"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb, func(string) string { return "" })
	return code, out.String(), errb.String()
}

func demoPath(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), assets.DemoName)
	if err := os.WriteFile(path, assets.DemoCCSA, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQuestionsJSONListsTheContractSections(t *testing.T) {
	code, out, errs := runCLI(t, "questions", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Version  string `json:"questionnaireVersion"`
		Sections []struct {
			ID, Kind, Name string
			Questions      []map[string]any
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, s.ID+":"+s.Kind)
		scored := 0
		for _, q := range s.Questions {
			for _, key := range []string{"id", "type", "text", "min", "max", "unit", "reference", "perCapita", "weight", "dimension", "levels"} {
				if _, ok := q[key]; !ok {
					t.Errorf("%s lacks %q", q["id"], key)
				}
			}
			if strings.TrimSpace(q["text"].(string)) == "" {
				t.Errorf("%s has no text", q["id"])
			}
			if q["type"] == "rubric" && len(q["levels"].([]any)) != 5 {
				t.Errorf("%s has %d levels", q["id"], len(q["levels"].([]any)))
			}
			if q["weight"].(float64) > 0 && s.Kind != "profile" {
				scored++
			}
		}
		if s.Kind == "field" && (scored < 10 || scored > 16) {
			t.Errorf("%s has %d scored questions", s.ID, scored)
		}
	}
	want := []string{"profile:profile", "readiness:readiness", "crafts:field", "design:field", "film:field",
		"gastronomy:field", "literature:field", "media_arts:field", "music:field", "architecture:field"}
	if !slices.Equal(ids, want) || doc.Version == "" {
		t.Errorf("sections %v, version %q", ids, doc.Version)
	}
}

func TestQuestionsInVietnamese(t *testing.T) {
	code, out, _ := runCLI(t, "questions", "--lang", "vi")
	if code != 0 || !strings.Contains(out, "Ẩm thực") || !strings.Contains(out, "Thủ công mỹ nghệ") {
		t.Fatalf("exit %d:\n%.500s", code, out)
	}
}

type scoreDoc struct {
	City   string `json:"city"`
	Fields []struct {
		ID           string  `json:"id"`
		Name         string  `json:"name"`
		Score        float64 `json:"score"`
		Completeness float64 `json:"completeness"`
		Rank         int     `json:"rank"`
		RankRange    *[2]int `json:"rankRange"`
	} `json:"fields"`
	Readiness struct {
		Score, Completeness float64
	} `json:"readiness"`
	Recommendation struct {
		Field      string   `json:"field"`
		Confidence string   `json:"confidence"`
		Stability  *float64 `json:"stability"`
		Reasons    []string `json:"reasons"`
	} `json:"recommendation"`
	WhatWouldChange struct {
		Levers []struct {
			QuestionID string  `json:"questionId"`
			Gain       float64 `json:"gain"`
		} `json:"levers"`
		Swap *struct {
			Field string `json:"field"`
		} `json:"swap"`
	} `json:"whatWouldChange"`
	Gaps []struct {
		QuestionID string `json:"questionId"`
		Field      string `json:"field"`
		Text       string `json:"text"`
	} `json:"gaps"`
}

func TestScoreRecommendsGastronomyForTheDemo(t *testing.T) {
	for _, lang := range []string{"en", "vi"} {
		code, out, errs := runCLI(t, "score", "--json", "--lang", lang, demoPath(t))
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var doc scoreDoc
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Recommendation.Field != "gastronomy" || len(doc.Recommendation.Reasons) == 0 {
			t.Errorf("%s: recommendation %+v", lang, doc.Recommendation)
		}
		var ids []string
		for _, f := range doc.Fields {
			ids = append(ids, f.ID)
			if f.Score < 0 || f.Score > 100 || f.Completeness < 0 || f.Completeness > 1 || f.Rank < 1 || f.Rank > len(doc.Fields) {
				t.Errorf("%s: field %+v", lang, f)
			}
		}
		if !slices.Equal(ids, []string{"crafts", "design", "film", "gastronomy", "literature", "media_arts", "music", "architecture"}) {
			t.Errorf("fields not in the fixed order: %v", ids)
		}
		if len(doc.Gaps) == 0 || doc.Gaps[0].Field != "gastronomy" || doc.Gaps[0].Text == "" {
			t.Errorf("gaps %+v", doc.Gaps)
		}
		// The uncertainty analysis: gastronomy leads by 40 points and
		// stays first in every variation; the others move.
		if s := doc.Recommendation.Stability; s == nil || *s != 1 || doc.Recommendation.Confidence != "high" {
			t.Errorf("%s: stability %v, confidence %s", lang, s, doc.Recommendation.Confidence)
		}
		for _, f := range doc.Fields {
			if f.RankRange == nil || f.RankRange[0] > f.Rank || f.RankRange[1] < f.Rank {
				t.Errorf("%s: %s ranks %d, range %v", lang, f.ID, f.Rank, f.RankRange)
			}
		}
		if rr := doc.Fields[3].RankRange; rr == nil || *rr != [2]int{1, 1} {
			t.Errorf("%s: gastronomy's rank range %v", lang, rr)
		}
		if lv := doc.WhatWouldChange.Levers; len(lv) != 3 || lv[0].QuestionID != doc.Gaps[0].QuestionID || doc.WhatWouldChange.Swap != nil {
			t.Errorf("%s: what would change %+v", lang, doc.WhatWouldChange)
		}
		if _, again, _ := runCLI(t, "score", "--json", "--lang", lang, demoPath(t)); again != out {
			t.Errorf("%s: a second run gave other figures", lang)
		}
		names := map[string]string{"en": "Gastronomy", "vi": "Ẩm thực"}
		if doc.Fields[3].Name != names[lang] {
			t.Errorf("%s: gastronomy is named %q", lang, doc.Fields[3].Name)
		}
		if lang == "vi" && !strings.Contains(strings.Join(doc.Recommendation.Reasons, " "), "điểm") {
			t.Errorf("reasons not in Vietnamese: %v", doc.Recommendation.Reasons)
		}
	}
}

func TestScoreTextOutput(t *testing.T) {
	code, out, errs := runCLI(t, "--lang", "vi", "score", demoPath(t))
	if code != 0 || !strings.Contains(out, "Lĩnh vực đề xuất: Ẩm thực") {
		t.Fatalf("exit %d: %s\n%s", code, out, errs)
	}
}

func TestValidateReportsEveryProblemInTheChosenLanguage(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		return p
	}
	head := `{"format":"creativecity-assessment","schemaVersion":1,"city":{"name":"Huế","population":650000},"answers":`
	files := map[string]struct {
		content string
		en, vi  string
	}{
		"truncated.ccsa": {head + `{"gastronomy.x": {`, "invalid JSON at line 1", "JSON không hợp lệ tại dòng 1"},
		"format.ccsa":    {`{"format":"spreadsheet","schemaVersion":1}`, "not a Creative City assessment", "không phải phiếu tự đánh giá"},
		"newer.ccsa":     {`{"format":"creativecity-assessment","schemaVersion":99}`, "newer version", "phiên bản mới hơn"},
		"empty.ccsa":     {"", "the file is empty", "tệp rỗng"},
		"values.ccsa": {head + `{"gastronomy.signature_dishes":{"value":7},"film.screens":{"value":-2},` +
			`"music.enterprises":{"value":"many"},"gastronomy.future_item":{"value":1}}}`,
			"gastronomy.signature_dishes", "gastronomy.signature_dishes"},
	}
	for name, f := range files {
		path := write(name, f.content)
		for lang, want := range map[string]string{"en": f.en, "vi": f.vi} {
			code, _, errs := runCLI(t, "validate", "--lang", lang, path)
			if code != 1 || !strings.Contains(errs, path) || !strings.Contains(errs, want) {
				t.Errorf("%s %s: exit %d, stderr %q; want 1 and %q", name, lang, code, errs, want)
			}
			if after, _ := os.ReadFile(path); string(after) != f.content {
				t.Errorf("%s changed", name)
			}
		}
	}
	code, _, errs := runCLI(t, "validate", "--lang", "en", filepath.Join(dir, "values.ccsa"))
	for _, want := range []string{"level 7 is not allowed", "-2 is negative", "wrong type", "gastronomy.future_item", "kept unchanged"} {
		if code != 1 || !strings.Contains(errs, want) {
			t.Errorf("values.ccsa: stderr lacks %q:\n%s", want, errs)
		}
	}
	code, _, errs = runCLI(t, "validate", dir)
	if code != 1 || !strings.Contains(errs, "folder") {
		t.Errorf("directory: exit %d, %q", code, errs)
	}
}

func TestValidateAcceptsTheDemo(t *testing.T) {
	code, out, errs := runCLI(t, "validate", demoPath(t))
	if code != 0 || !strings.Contains(out, "valid") || errs != "" {
		t.Errorf("exit %d, out %q, err %q", code, out, errs)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"score"}, {"score", "a", "b"}, {"validate"},
		{"--lang", "fr", "questions"}, {"questions", "--lang", "de"}, {"score", "--bogus", "x"}, {"questions", "extra"}} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d; want 2", args, code)
		}
	}
	if code, out, _ := runCLI(t, "help"); code != 0 || !strings.Contains(out, "validate") {
		t.Errorf("help: exit %d", code)
	}
}

func TestExportWritesTheWorkbookInEitherLanguage(t *testing.T) {
	dir := t.TempDir()
	for _, lang := range []string{"vi", "en"} {
		out := filepath.Join(dir, "report-"+lang+".xlsx")
		code, stdout, errs := runCLI(t, "export", "--lang", lang, "-o", out, demoPath(t))
		if code != 0 || !strings.Contains(stdout, out) {
			t.Fatalf("%s: exit %d: %s %s", lang, code, stdout, errs)
		}
		data, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(data, []byte("PK")) {
			t.Fatalf("%s: not a workbook: %v", lang, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestExportRefusesWhatItCannotWrite(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "sub.xlsx"), 0o755)
	readOnly := filepath.Join(dir, "locked.xlsx")
	os.WriteFile(readOnly, []byte("keep me"), 0o444)
	bad := filepath.Join(dir, "bad.ccsa")
	os.WriteFile(bad, []byte(`{"format":"creativecity-assessment","schemaVersion":1,"answers":{"film.screens":{"value":-1}}}`), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"read-only target", []string{"export", "--lang", "en", "-o", readOnly, demoPath(t)}, 1, "read-only"},
		{"folder target", []string{"export", "--lang", "en", "-o", filepath.Join(dir, "sub.xlsx"), demoPath(t)}, 1, "folder"},
		{"bad input", []string{"export", "--lang", "en", "-o", filepath.Join(dir, "x.xlsx"), bad}, 1, "negative"},
		{"missing input", []string{"export", "--lang", "vi", "-o", filepath.Join(dir, "y.xlsx"), filepath.Join(dir, "none.ccsa")}, 1, "không tồn tại"},
		{"no output", []string{"export", "--lang", "en", demoPath(t)}, 2, "export"},
		{"not xlsx", []string{"export", "--lang", "en", "-o", filepath.Join(dir, "r.csv"), demoPath(t)}, 2, ".xlsx"},
	}
	for _, tt := range tests {
		code, _, errs := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tt.name, code, errs, tt.code, tt.want)
		}
	}
	if data, _ := os.ReadFile(readOnly); string(data) != "keep me" {
		t.Error("the read-only file was replaced")
	}
	for _, name := range []string{"x.xlsx", "y.xlsx"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s was written for a bad input", name)
		}
	}
}

func TestImportRestoresTheExportedAssessment(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "r.xlsx")
	if code, _, errs := runCLI(t, "export", "--lang", "vi", "-o", xlsx, demoPath(t)); code != 0 {
		t.Fatal(errs)
	}
	out := filepath.Join(dir, "back.ccsa")
	code, stdout, errs := runCLI(t, "import", "-o", out, xlsx)
	if code != 0 || !strings.Contains(stdout, out) {
		t.Fatalf("exit %d: %s %s", code, stdout, errs)
	}
	want, _ := os.ReadFile(demoPath(t))
	got, _ := os.ReadFile(out)
	var a, b map[string]any
	json.Unmarshal(want, &a)
	json.Unmarshal(got, &b)
	// Loading the demonstration reads its profile's intended field ("Ẩm
	// thực") into decisions, which the report carries: that is the one
	// member the imported file adds.
	if d, _ := b["decisions"].(map[string]any); d["intendedField"] != "gastronomy" || len(d) != 1 {
		t.Errorf("decisions imported: %v", b["decisions"])
	}
	delete(b, "decisions")
	wa, _ := json.Marshal(a)
	wb, _ := json.Marshal(b)
	if string(wa) != string(wb) {
		t.Error("the imported assessment differs from the exported one")
	}
	foreign := filepath.Join(dir, "foreign.xlsx")
	os.WriteFile(foreign, []byte("PK not really"), 0o644)
	if code, _, errs := runCLI(t, "import", "--lang", "en", "-o", filepath.Join(dir, "x.ccsa"), foreign); code != 1 || !strings.Contains(errs, "foreign.xlsx") {
		t.Errorf("foreign: exit %d, %q", code, errs)
	}
}

func TestCompareWritesTheWorkbookAndNamesSkippedInputs(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(demoPath(t))
	os.WriteFile(filepath.Join(dir, "a.ccsa"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "b.ccsa"), bytes.Replace(data, []byte(`"Hạ Long"`), []byte(`"Huế"`), 1), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.ccsa"), []byte("{"), 0o644)
	out := filepath.Join(t.TempDir(), "cmp.xlsx")
	code, stdout, errs := runCLI(t, "compare", "--lang", "en", "-o", out, dir)
	if code != 0 || !strings.Contains(stdout, "2 cities") || !strings.Contains(errs, "bad.ccsa") {
		t.Fatalf("exit %d: %s / %s", code, stdout, errs)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runCLI(t, "compare", "-o", out); code != 2 {
		t.Errorf("no inputs: exit %d", code)
	}
}

// TestCompareRanksTheNewestFileOfACity: of two files of Hạ Long, the
// final one, named to sort last, is compared; the old one is named on
// stderr with the reason, and stdout counts one city and one file not
// compared. An UpdatedAt in 2099 is reported, and the file's time counts.
func TestCompareRanksTheNewestFileOfACity(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(demoPath(t))
	dated := func(name, updated string, file time.Time) {
		path := filepath.Join(dir, name)
		os.WriteFile(path, bytes.Replace(data, []byte(`"updatedAt": "2026-11-23T10:00:00Z"`), []byte(`"updatedAt": "`+updated+`"`), 1), 0o644)
		if err := os.Chtimes(path, file, file); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	dated("a-halong-2025-old.ccsa", "2025-03-01T10:00:00Z", now)
	dated("b-halong-2026-final.ccsa", now.Add(-time.Hour).UTC().Format(time.RFC3339), now.Add(-time.Hour))
	dated("c-halong-2099.ccsa", "2099-01-01T00:00:00Z", now.Add(-30*24*time.Hour))
	out := filepath.Join(t.TempDir(), "cmp.xlsx")
	code, stdout, errs := runCLI(t, "compare", "--lang", "en", "-o", out, dir)
	if code != 0 || !strings.Contains(stdout, "Comparison of 1 city") || !strings.Contains(stdout, "2 other files of a city") {
		t.Fatalf("exit %d: %s / %s", code, stdout, errs)
	}
	for _, want := range []string{
		"a-halong-2025-old.ccsa: warning: not compared: Hạ Long, Quảng Ninh is compared from " + filepath.Join(dir, "b-halong-2026-final.ccsa"),
		"c-halong-2099.ccsa: warning: not compared",
		"c-halong-2099.ccsa: warning: the time of its last change (2099-01-01 00:00 UTC) is more than a day ahead",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetList()[0])
	if last := rows[4][len(rows[4])-1]; last != filepath.Join(dir, "b-halong-2026-final.ccsa") {
		t.Errorf("the overview compares %q", last)
	}
}

// TestEveryCommandHasHelpInEachLanguage: COMMAND --help and help COMMAND
// explain the command and every one of its flags, in the language asked.
func TestEveryCommandHasHelpInEachLanguage(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		loc := translations.New(translations.Lang(lang))
		for _, cmd := range commands {
			for _, args := range [][]string{{"--lang", lang, cmd.name, "--help"}, {"--lang", lang, "help", cmd.name}} {
				code, out, _ := runCLI(t, args...)
				if code != 0 || !strings.Contains(out, loc.T("cli.cmd."+cmd.name+".synopsis")) ||
					!strings.Contains(out, loc.T("cli.cmd."+cmd.name+".summary")) || !strings.Contains(out, "--lang") {
					t.Errorf("%v: exit %d:\n%s", args, code, out)
				}
				for flag, id := range map[int]string{flagJSON: "cli.flag.json", flagOut: "cli.flag.o"} {
					if cmd.flags&flag != 0 && !strings.Contains(out, loc.T(id)) {
						t.Errorf("%v: no help for %s:\n%s", args, id, out)
					}
				}
				if lang == "vi" && strings.Contains(out, "default") {
					t.Errorf("%v: English in the Vietnamese help:\n%s", args, out)
				}
			}
		}
	}
}

// TestScoreShowsEachCountWithItsRate: every answered per-capita question
// is given with the count typed and the rate per 100,000 inhabitants the
// score uses, in JSON and in text.
func TestScoreShowsEachCountWithItsRate(t *testing.T) {
	path := demoPath(t)
	a, err := files.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	count, _ := a.Value("film.screens").Number()
	_, out, _ := runCLI(t, "score", "--json", path)
	var doc struct {
		PerCapita []struct {
			QuestionID string  `json:"questionId"`
			Count      float64 `json:"count"`
			Rate       float64 `json:"ratePer100k"`
		} `json:"perCapita"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range doc.PerCapita {
		if p.QuestionID == "film.screens" {
			found = true
			if want := count * 100000 / a.City.Population; p.Count != count || math.Abs(p.Rate-want) > 0.001 {
				t.Errorf("film.screens: %+v, want count %v rate %v", p, count, want)
			}
		}
	}
	if !found || len(doc.PerCapita) < 20 {
		t.Errorf("%d per-capita answers, film.screens among them: %v", len(doc.PerCapita), found)
	}
	_, text, _ := runCLI(t, "score", "--lang", "vi", path)
	if !strings.Contains(text, "[film.screens] ") || !strings.Contains(text, "phòng chiếu trên 100.000 dân") {
		t.Errorf("the text output lacks the rate of film.screens:\n%s", text)
	}
}

// TestImportListsEditsOfTheVisibleSheets: a level changed on a field sheet
// is imported and listed on standard error with its sheet, cell, old and
// new value; an unreadable one fails with exit 1 naming the cell.
func TestImportListsEditsOfTheVisibleSheets(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "r.xlsx")
	if code, _, errs := runCLI(t, "export", "--lang", "en", "-o", xlsx, demoPath(t)); code != 0 {
		t.Fatal(errs)
	}
	set := func(v any) string {
		f, err := excelize.OpenFile(xlsx)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows("Gastronomy")
		for i, r := range rows {
			if len(r) > 1 && r[1] == "gastronomy.signature_dishes" {
				ref := fmt.Sprintf("E%d", i+1)
				f.SetCellValue("Gastronomy", ref, v)
				f.Save()
				return ref
			}
		}
		t.Fatal("no row")
		return ""
	}
	ref := set(1)
	out := filepath.Join(dir, "back.ccsa")
	code, _, errs := runCLI(t, "import", "--lang", "en", "-o", out, xlsx)
	if code != 0 || !strings.Contains(errs, "sheet “Gastronomy”, cell "+ref+": changed from “4” to “1”") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if a, err := files.Load(out); err != nil || !strings.Contains(a.Value("gastronomy.signature_dishes").Raw(), "1") {
		t.Errorf("imported %v, %v", a.Value("gastronomy.signature_dishes").Raw(), err)
	}
	set("bốn")
	if code, _, errs := runCLI(t, "import", "--lang", "vi", "-o", filepath.Join(dir, "x.ccsa"), xlsx); code != 1 || !strings.Contains(errs, "ô "+ref) {
		t.Errorf("exit %d: %s", code, errs)
	}
}
