package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
)

// formOf saves the demo without the answers named as a base, writes a
// form of a section prefilled from it, and returns both paths.
func formOf(t *testing.T, section string, without ...string) (base, form string) {
	t.Helper()
	return formFrom(t, section, func(a *assessment.Assessment) {
		for _, id := range without {
			delete(a.Answers, id)
		}
	})
}

// formFrom saves the demo changed by edit as a base, writes a form of a
// section prefilled from it, and returns both paths.
func formFrom(t *testing.T, section string, edit func(a *assessment.Assessment)) (base, form string) {
	t.Helper()
	dir := t.TempDir()
	base = filepath.Join(dir, "base.ccsa")
	demo, err := files.Load(demoPath(t))
	if err != nil {
		t.Fatal(err)
	}
	edit(demo)
	if err := files.Save(base, demo); err != nil {
		t.Fatal(err)
	}
	form = filepath.Join(dir, "phieu.xlsx")
	if code, _, errs := runCLI(t, "form", "--lang", "vi", "--sections", section, "-o", form, base); code != 0 {
		t.Fatal(errs)
	}
	return base, form
}

// editForm changes a form as a hostile or careless hand would: edit
// changes its hidden description (the JSON of the sheet _form), and the
// answer cells of the questions named get the values given. It returns
// where each answer cell is, "sheet!cell".
func editForm(t *testing.T, path string, edit func(meta map[string]any), answers map[string]any) map[string]string {
	t.Helper()
	fixture.EditFormMeta(t, path, edit)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	where := map[string]string{}
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for i, r := range rows {
			if v, ok := answers[getOr(r, 1)]; ok {
				ref := "F" + strconv.Itoa(i+1)
				if err := f.SetCellValue(sheet, ref, v); err != nil {
					t.Fatal(err)
				}
				where[r[1]] = sheet + "!" + ref
			}
		}
	}
	if len(where) != len(answers) {
		t.Fatalf("answer cells found: %v", where)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return where
}

func getOr(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

// metaQuestion is the hidden description of one question of a form.
func metaQuestion(t *testing.T, meta map[string]any, id string) map[string]any {
	t.Helper()
	for _, q := range meta["questions"].([]any) {
		if q := q.(map[string]any); q["id"] == id {
			return q
		}
	}
	t.Fatalf("%s is not in the form's description", id)
	return nil
}

// TestAFormOfAnOlderQuestionnaireIsMigrated: a form relabelled as made for
// questionnaire 2026.1 merges as a 2026.1 report would: the level of
// readiness.uccn_objectives, rescaled in 2027.1 (old 3 is new 2), is
// mapped, the migration is reported, and a question 2027.1 removed is
// named and not merged.
func TestAFormOfAnOlderQuestionnaireIsMigrated(t *testing.T) {
	base, form := formOf(t, "readiness", "readiness.uccn_objectives")
	editForm(t, form, func(meta map[string]any) {
		meta["questionnaireVersion"] = "2026.1"
		photos := metaQuestion(t, meta, "readiness.uccn_objectives")
		meta["questions"] = append(meta["questions"].([]any), map[string]any{"id": "readiness.photos_rights",
			"sheet": photos["sheet"], "byId": true, "type": "boolean"})
	}, map[string]any{"readiness.uccn_objectives": 3})
	out := filepath.Join(filepath.Dir(base), "merged.ccsa")
	code, stdout, errs := runCLI(t, "--lang", "en", "import", "--into", base, "-o", out, form)
	if code != 0 || !strings.Contains(errs, "2026.1") || !strings.Contains(errs, "readiness.photos_rights") {
		t.Fatalf("exit %d:\n%s\n%s", code, stdout, errs)
	}
	merged, err := files.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if v := merged.Value("readiness.uccn_objectives").Raw(); v != "2" {
		t.Errorf("a 2026.1 level 3 merged as %s, want 2 (as a 2026.1 report's)", v)
	}
	if _, ok := merged.Answers["readiness.photos_rights"]; ok {
		t.Error("an answer of a removed question was merged")
	}
}

// TestAFormOfAnUnknownQuestionnaireIsRefused: a form relabelled as made
// for a newer questionnaire, or for a version that is no version, is
// refused naming the file and both versions; nothing is written.
func TestAFormOfAnUnknownQuestionnaireIsRefused(t *testing.T) {
	for _, version := range []string{"2099.1", "2027.1x", ""} {
		base, form := formOf(t, "gastronomy", "gastronomy.ocop_food_products")
		editForm(t, form, func(meta map[string]any) { meta["questionnaireVersion"] = version },
			map[string]any{"gastronomy.ocop_food_products": 18})
		before := testkit.ReadFile(t, base)
		code, stdout, errs := runCLI(t, "--lang", "en", "import", "--into", base, "-o", base, form)
		if code != exitInput || strings.Contains(stdout, "filled in") || !strings.Contains(errs, "phieu.xlsx") ||
			!strings.Contains(errs, "“"+version+"”") && !strings.Contains(errs, version+",") || !strings.Contains(errs, "2027.1") {
			t.Errorf("%q: exit %d:\n%s\n%s", version, code, stdout, errs)
		}
		if string(testkit.ReadFile(t, base)) != string(before) {
			t.Errorf("%q: the base was changed", version)
		}
	}
}

// TestAFormsHiddenTypesAreNotTrusted: a hidden sheet edited to make a
// number question a text, a count not a whole number, or a level's
// maximum 99, does not let "rất nhiều", a negative count, half a product
// or level 99 in: each is refused naming the
// file, the sheet and the cell, and the base is left byte for byte.
func TestAFormsHiddenTypesAreNotTrusted(t *testing.T) {
	cases := []struct {
		id    string
		edit  func(q map[string]any)
		value any
	}{
		{"gastronomy.traditional_restaurants", func(q map[string]any) { q["type"] = "text" }, "rất nhiều"},
		{"gastronomy.ocop_food_products", func(q map[string]any) { q["type"] = "text" }, -3},
		{"gastronomy.ocop_food_products", func(q map[string]any) { delete(q, "int") }, 2.5},
		{"gastronomy.signature_dishes", func(q map[string]any) { q["max"] = 99.0 }, 99},
		{"gastronomy.signature_dishes", func(q map[string]any) { q["type"] = "text" }, "rất nhiều"},
	}
	for _, c := range cases {
		base, form := formOf(t, "gastronomy", c.id)
		where := editForm(t, form, func(meta map[string]any) { c.edit(metaQuestion(t, meta, c.id)) }, map[string]any{c.id: c.value})
		sheet, cell, _ := strings.Cut(where[c.id], "!")
		before := testkit.ReadFile(t, base)
		code, stdout, errs := runCLI(t, "--lang", "en", "import", "--into", base, "-o", base, form)
		if code != exitInput || strings.Contains(stdout, "filled in") || !strings.Contains(errs, "phieu.xlsx") ||
			!strings.Contains(errs, "“"+sheet+"”") || !strings.Contains(errs, "cell "+cell) {
			t.Errorf("%s = %v: exit %d:\n%s\n%s", c.id, c.value, code, stdout, errs)
		}
		if string(testkit.ReadFile(t, base)) != string(before) {
			t.Errorf("%s = %v: the base was changed", c.id, c.value)
		}
	}
}

// TestAMergeThatWouldNotValidateIsRefused: a form giving a population of
// 500 (every value of it valid alone, the city's population below what
// validate accepts) is refused with the validation problem, and the base
// is left byte for byte.
func TestAMergeThatWouldNotValidateIsRefused(t *testing.T) {
	base, form := formFrom(t, "profile", func(a *assessment.Assessment) { a.City.Population = 0 })
	editForm(t, form, func(map[string]any) {}, map[string]any{"profile.population": 500})
	before := testkit.ReadFile(t, base)
	code, stdout, errs := runCLI(t, "--lang", "en", "import", "--into", base, "-o", base, form)
	if code != exitInput || strings.Contains(stdout, "filled in") || !strings.Contains(errs, "profile.population") ||
		!strings.Contains(errs, "was not written") {
		t.Errorf("exit %d:\n%s\n%s", code, stdout, errs)
	}
	if string(testkit.ReadFile(t, base)) != string(before) {
		t.Error("the base was changed")
	}
	if code, _, errs := runCLI(t, "validate", base); code != exitOK {
		t.Errorf("the base no longer validates: %s", errs)
	}
}

// TestAMergeLargerThanTheLoaderReadsIsRefused: a base just under the
// loader's limit and a form adding a long evidence: the result, which
// validate would refuse as too large, is not written.
func TestAMergeLargerThanTheLoaderReadsIsRefused(t *testing.T) {
	base, form := formFrom(t, "gastronomy", func(a *assessment.Assessment) {
		delete(a.Answers, "gastronomy.ocop_food_products")
		data, err := assessment.Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		a.Answers["crafts.recognised_craft_villages"].Evidence = strings.Repeat("x", files.MaxFileSize-len(data)-40_000)
	})
	if st, err := os.Stat(base); err != nil || st.Size() > files.MaxFileSize || st.Size() < files.MaxFileSize-50_000 {
		t.Fatalf("base of %v bytes: %v", st.Size(), err)
	}
	evidence := strings.Repeat("Danh sách sản phẩm OCOP. ", 1300)
	f, err := excelize.OpenFile(form)
	if err != nil {
		t.Fatal(err)
	}
	rows := formRows(t, form, "Ẩm thực")
	for _, col := range []string{"H", "I"} {
		f.SetCellStr("Ẩm thực", col+rows["gastronomy.ocop_food_products"], evidence)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before := testkit.ReadFile(t, base)
	code, stdout, errs := runCLI(t, "--lang", "en", "import", "--into", base, "-o", base, form)
	if code != exitInput || strings.Contains(stdout, "filled in") || !strings.Contains(errs, "too large") {
		t.Errorf("exit %d:\n%s\n%s", code, stdout, errs)
	}
	if string(testkit.ReadFile(t, base)) != string(before) {
		t.Error("the base was changed")
	}
}
