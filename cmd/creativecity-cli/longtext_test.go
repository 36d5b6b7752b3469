package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"creativecity/assessment"
	"creativecity/assessment/files"
)

// longAnswer is a text of n UTF-16 units, longer than a cell holds, with
// Vietnamese diacritics and emoji outside the basic plane, so that its
// length in UTF-16 units, in letters and in bytes all differ (without
// spaces at its ends, which reading a cell trims).
func longAnswer(n int) string {
	part := "Di sản văn hóa biển Hạ Long 🌊, làng chài Cửa Vạn và món chả mực 🦑. "
	units := utf16.Encode([]rune(strings.Repeat(part, n/len(utf16.Encode([]rune(part)))+1)))[:n]
	return strings.TrimSpace(strings.TrimSuffix(string(utf16.Decode(units)), "\uFFFD"))
}

// longBase saves the demonstration with a 36,800-unit text answer and a
// 40,000-unit evidence, and returns its path and the two texts.
func longBase(t *testing.T, dir string) (path, text, evidence string) {
	t.Helper()
	a, err := files.Load(demoPath(t))
	if err != nil {
		t.Fatal(err)
	}
	text, evidence = longAnswer(36800), longAnswer(40000)
	a.SetValue("profile.cultural_identity", assessment.StringValue(text))
	ans := a.Answers["gastronomy.signature_dishes"]
	a.SetEvidence("gastronomy.signature_dishes", evidence, ans.Source)
	path = filepath.Join(dir, "halong.ccsa")
	if err := files.Save(path, a); err != nil {
		t.Fatal(err)
	}
	return path, text, evidence
}

// checkLong fails unless the assessment at path holds both texts whole.
func checkLong(t *testing.T, what, path, text, evidence string) {
	t.Helper()
	a, err := files.Load(path)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if got, _ := a.Value("profile.cultural_identity").String(); got != text {
		t.Errorf("%s: the text answer has %d bytes, not %d", what, len(got), len(text))
	}
	if got := a.Answers["gastronomy.signature_dishes"].Evidence; got != evidence {
		t.Errorf("%s: the evidence has %d bytes, not %d", what, len(got), len(evidence))
	}
}

// TestALongTextSurvivesExportImportAndCompare: a report of an assessment
// with a 36,800-character text answer imports back whole, and compare
// ranks its city.
func TestALongTextSurvivesExportImportAndCompare(t *testing.T) {
	dir := t.TempDir()
	base, text, evidence := longBase(t, dir)
	xlsx := filepath.Join(dir, "halong.xlsx")
	if code, _, errs := runCLI(t, "export", "--lang", "vi", "-o", xlsx, base); code != 0 {
		t.Fatal(errs)
	}
	back := filepath.Join(dir, "back.ccsa")
	if code, stdout, errs := runCLI(t, "--lang", "en", "import", "-o", back, xlsx); code != 0 {
		t.Fatalf("import: exit %d: %s %s", code, stdout, short(errs))
	}
	checkLong(t, "import", back, text, evidence)
	data, _ := os.ReadFile(demoPath(t))
	hue := filepath.Join(dir, "hue.ccsa")
	os.WriteFile(hue, bytes.Replace(data, []byte(`"Hạ Long"`), []byte(`"Huế"`), 1), 0o644)
	code, stdout, errs := runCLI(t, "--lang", "en", "compare", "-o", filepath.Join(t.TempDir(), "cmp.xlsx"), xlsx, hue)
	if code != 0 || !strings.Contains(stdout, "2 cities") || strings.Contains(errs, "halong.xlsx") {
		t.Errorf("compare: exit %d: %s / %s", code, stdout, short(errs))
	}
}

// TestAPrefilledFormCarriesLongTextsWhole: a form prefilled with texts
// longer than a cell holds, returned unchanged, merges with no conflict,
// and --prefer new cuts nothing; an edit of a text shown cut is refused
// naming its cell.
func TestAPrefilledFormCarriesLongTextsWhole(t *testing.T) {
	dir := t.TempDir()
	base, text, evidence := longBase(t, dir)
	form := filepath.Join(dir, "phieu.xlsx")
	if code, _, errs := runCLI(t, "form", "--lang", "vi", "--sections", "profile,gastronomy", "-o", form, base); code != 0 {
		t.Fatal(errs)
	}
	for _, prefer := range [][]string{nil, {"--prefer", "new"}} {
		out := filepath.Join(dir, "merged.ccsa")
		args := append(append([]string{"--lang", "en", "import", "--into", base}, prefer...), "-o", out, form)
		code, stdout, errs := runCLI(t, args...)
		if code != 0 || strings.Contains(errs, "profile.cultural_identity") || strings.Contains(errs, "gastronomy.signature_dishes") {
			t.Fatalf("%v: exit %d: %s / %s", prefer, code, stdout, short(errs))
		}
		checkLong(t, strings.Join(prefer, " "), out, text, evidence)
	}
}

// short is the start of a message that may quote a long text.
func short(s string) string {
	if r := []rune(s); len(r) > 400 {
		return string(r[:400]) + "…"
	}
	return s
}
