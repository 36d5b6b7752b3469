package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/testkit"
)

// calcFill has LibreOffice Calc fill cells of a workbook, as a department
// would, through its UNO bridge (a script of the report's test data).
func calcFill(t *testing.T, in, out string, edits ...string) {
	t.Helper()
	testkit.Need(t, "soffice", "/usr/bin/python3")
	if exec.Command("/usr/bin/python3", "-c", "import uno").Run() != nil {
		testkit.Missing(t, "Python's uno module (make test installs python3-uno)")
	}
	soffice, _ := exec.LookPath("soffice")
	args := append([]string{"../../assessment/report/testdata/uno_edit.py", soffice, filepath.Join(t.TempDir(), "profile"), in, out}, edits...)
	cmd := exec.Command("/usr/bin/python3", args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, b)
	}
}

// TestFormsFilledInCalcMergeIntoTheAssessment: a form written by `form`,
// filled in LibreOffice Calc by a department, merged by `import --into`:
// the answers filled in are taken with their provenance, an answer given
// differently from the base is listed and kept (exit 1) unless --prefer
// new, and merging the same form twice changes nothing.
func TestFormsFilledInCalcMergeIntoTheAssessment(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.ccsa")
	demo, _ := files.Load(demoPath(t))
	delete(demo.Answers, "gastronomy.ocop_food_products")
	if err := files.Save(base, demo); err != nil {
		t.Fatal(err)
	}
	form := filepath.Join(dir, "phieu.xlsx")
	if code, _, errs := runCLI(t, "form", "--lang", "vi", "--sections", "gastronomy", "-o", form, base); code != 0 {
		t.Fatal(errs)
	}
	rows := formRows(t, form, "Ẩm thực")
	filled := filepath.Join(dir, "phieu-da-dien.xlsx")
	calcFill(t, form, filled,
		"Ẩm thực", "F"+rows["gastronomy.ocop_food_products"], "int", "18",
		"Ẩm thực", "H"+rows["gastronomy.ocop_food_products"], "str", "Danh sách sản phẩm OCOP 3 sao trở lên",
		"Ẩm thực", "I"+rows["gastronomy.ocop_food_products"], "str", "Sở Nông nghiệp và Môi trường, 2026",
		"Ẩm thực", "F"+rows["gastronomy.traditional_restaurants"], "int", "150",
		"Hướng dẫn", "B11", "str", "Trần Thị Lan",
		"Hướng dẫn", "B12", "str", "Cục Thống kê tỉnh Quảng Ninh",
		"Hướng dẫn", "B13", "str", "20/11/2026")
	out := filepath.Join(dir, "merged.ccsa")
	code, stdout, errs := runCLI(t, "--lang", "en", "import", "--into", base, "-o", out, filled)
	if code != 1 || !strings.Contains(stdout, "1 answer filled in") || !strings.Contains(errs, "gastronomy.traditional_restaurants") ||
		!strings.Contains(errs, "“150”") {
		t.Fatalf("exit %d:\n%s\n%s", code, stdout, errs)
	}
	merged, err := files.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	ocop := merged.Answers["gastronomy.ocop_food_products"]
	want := assessment.Provenance{File: "phieu-da-dien.xlsx", Sheet: "Ẩm thực", Contributor: "Trần Thị Lan, Cục Thống kê tỉnh Quảng Ninh", Date: "2026-11-20"}
	if ocop == nil || ocop.Value.Raw() != "18" || ocop.Evidence != "Danh sách sản phẩm OCOP 3 sao trở lên" ||
		ocop.Source != "Sở Nông nghiệp và Môi trường, 2026" || len(ocop.Provenance) != 1 || ocop.Provenance[0] != want {
		t.Errorf("merged answer %+v", ocop)
	}
	if v := merged.Value("gastronomy.traditional_restaurants").Raw(); v != demo.Value("gastronomy.traditional_restaurants").Raw() {
		t.Errorf("the base was overwritten: %s", v)
	}

	// The same form again: nothing to fill, the same conflict.
	again := filepath.Join(dir, "again.ccsa")
	if code, stdout, _ := runCLI(t, "--lang", "en", "import", "--into", out, "-o", again, filled); code != 1 || !strings.Contains(stdout, "0 answers filled in") {
		t.Errorf("twice: exit %d, %s", code, stdout)
	}
	if a, b := testkit.ReadFile(t, out), testkit.ReadFile(t, again); string(a) != string(b) {
		t.Error("merging the same form twice changed the assessment")
	}

	// Preferring the form's answers.
	code, _, errs = runCLI(t, "--lang", "en", "import", "--into", base, "--prefer", "new", "-o", out, filled)
	if code != 0 || !strings.Contains(errs, "taken") {
		t.Fatalf("prefer new: exit %d, %s", code, errs)
	}
	if merged, _ := files.Load(out); merged.Value("gastronomy.traditional_restaurants").Raw() != "150" {
		t.Error("--prefer new did not take the form's answer")
	}
	if code, _, _ := runCLI(t, "import", "--prefer", "old", "--into", base, "-o", out, filled); code != 2 {
		t.Errorf("--prefer old: exit %d", code)
	}
}

// formRows maps the question IDs of a form's sheet to their rows.
func formRows(t *testing.T, path, sheet string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheet)
	out := map[string]string{}
	for i, r := range rows {
		if len(r) > 1 && strings.Contains(r[1], ".") {
			out[r[1]] = strconv.Itoa(i + 1)
		}
	}
	return out
}
