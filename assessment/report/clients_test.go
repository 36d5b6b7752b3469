package report_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// debianPython is the system's Python, with the Debian packages the
// Makefile installs (python3-openpyxl, python3-uno).
const debianPython = "/usr/bin/python3"

// python runs a script of testdata with the system's Python, or skips
// (fails under CI) when a module it needs is missing.
func python(t *testing.T, module string, args ...string) {
	t.Helper()
	if err := exec.Command(debianPython, "-c", "import "+module).Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("Python's %s is missing; the Makefile installs it", module)
		}
		t.Skipf("Python's %s is missing (make test installs it)", module)
	}
	cmd := exec.Command(debianPython, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "PYTHONWARNINGS=ignore")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", args[0], err, out)
	}
}

// openpyxlEdit has openpyxl open in, make the edits and save out.
func openpyxlEdit(t *testing.T, in, out string, edits ...string) {
	t.Helper()
	python(t, "openpyxl", append([]string{"testdata/openpyxl_edit.py", in, out}, edits...)...)
}

// unoEdit has LibreOffice Calc open in, make the edits as typed in its
// cells, and save out as .xlsx.
func unoEdit(t *testing.T, in, out string, edits ...string) {
	t.Helper()
	bin := testkit.Soffice(t)
	python(t, "uno", append([]string{"testdata/uno_edit.py", bin, filepath.Join(t.TempDir(), "profile"), in, out}, edits...)...)
}

// libreOfficeResave has LibreOffice open in and save it as .xlsx to out.
func libreOfficeResave(t *testing.T, in, out string) {
	t.Helper()
	bin := testkit.Soffice(t)
	dir := t.TempDir()
	testkit.Convert(t, bin, in, "xlsx:Calc MS Excel 2007 XML", dir)
	if err := os.Rename(filepath.Join(dir, filepath.Base(in)), out); err != nil {
		t.Fatal(err)
	}
}

// TestEditsByRealSpreadsheetsAreNeverDropped: a level and a yes/no changed
// on the visible sheets by openpyxl, by LibreOffice re-saving after
// openpyxl, by openpyxl after a LibreOffice re-save (booleans left as
// formulas without their values) and by LibreOffice Calc's own editing are
// imported and listed; a workbook only re-saved lists no edit; an edit
// that cannot be read is refused naming its cell.
func TestEditsByRealSpreadsheetsAreNeverDropped(t *testing.T) {
	loc := translations.New(translations.VI)
	gastronomy, readiness := xlsxkit.SectionSheet(loc, "gastronomy"), xlsxkit.SectionSheet(loc, "readiness")
	source := reporttest.Exported(t, fixture.Demo(t), translations.VI)
	f, err := excelize.OpenFile(source)
	if err != nil {
		t.Fatal(err)
	}
	level := xlsxkit.Cell(report.ColAnswer, reporttest.RowOfQuestion(t, f, gastronomy, "gastronomy.signature_dishes"))
	yesNo := xlsxkit.Cell(report.ColAnswer, reporttest.RowOfQuestion(t, f, readiness, "readiness.ministry_acceptance"))
	chefs := xlsxkit.Cell(report.ColAnswer, reporttest.RowOfQuestion(t, f, gastronomy, "gastronomy.professional_chefs"))
	f.Close()
	edits := []string{gastronomy, level, "int", "2", readiness, yesNo, "str", loc.T("report.yes")}
	want := []string{gastronomy + "!" + level + " 4→2", readiness + "!" + yesNo + " " + loc.T("report.no") + "→" + loc.T("report.yes")}
	slices.Sort(want)
	dir := t.TempDir()
	step := func(name string) string { return filepath.Join(dir, name+".xlsx") }

	paths := map[string]func() string{
		"openpyxl": func() string { openpyxlEdit(t, source, step("py"), edits...); return step("py") },
		"openpyxl, then LibreOffice re-saves": func() string {
			openpyxlEdit(t, source, step("py1"), edits...)
			libreOfficeResave(t, step("py1"), step("py-lo"))
			return step("py-lo")
		},
		"LibreOffice re-saves, then openpyxl": func() string {
			libreOfficeResave(t, source, step("lo1"))
			openpyxlEdit(t, step("lo1"), step("lo-py"), edits...)
			return step("lo-py")
		},
		"LibreOffice Calc edits": func() string { unoEdit(t, source, step("uno"), edits...); return step("uno") },
	}
	for name, make := range paths {
		t.Run(name, func(t *testing.T) {
			a, warnings, err := report.ReadFile(make())
			if err != nil {
				t.Fatal(err)
			}
			if got := fixture.EditsOf(warnings); !slices.Equal(got, want) {
				t.Errorf("edits listed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if v, _ := a.Value("gastronomy.signature_dishes").Number(); v != 2 {
				t.Errorf("level %v", v)
			}
			if v, ok := a.Value("readiness.ministry_acceptance").Bool(); !ok || !v {
				t.Errorf("yes/no %v", a.Value("readiness.ministry_acceptance").Raw())
			}
			// Everything else is as exported.
			b := fixture.Demo(t)
			b.SetValue("gastronomy.signature_dishes", assessment.NumberValue(2))
			b.SetValue("readiness.ministry_acceptance", assessment.BoolValue(true))
			if got, want := encode(t, a), encode(t, b); got != want {
				t.Errorf("other answers changed:\n%s", firstDiff(want, got))
			}
		})
	}
	t.Run("LibreOffice re-saves, nothing edited", func(t *testing.T) {
		libreOfficeResave(t, source, step("lo-only"))
		openpyxlEdit(t, step("lo-only"), step("lo-only-py"))
		for _, path := range []string{step("lo-only"), step("lo-only-py")} {
			a, warnings, err := report.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := fixture.EditsOf(warnings); len(got) != 0 {
				t.Errorf("%s: edits listed: %v", filepath.Base(path), got)
			}
			if encode(t, a) != encode(t, fixture.Demo(t)) {
				t.Errorf("%s: the assessment changed", filepath.Base(path))
			}
		}
	})
	t.Run("LibreOffice Calc, an unreadable edit", func(t *testing.T) {
		unoEdit(t, source, step("bad"), gastronomy, chefs, "str", "khoảng 400")
		_, _, err := report.ReadFile(step("bad"))
		var fe *assessment.FileError
		if !errors.As(err, &fe) || fe.Code != assessment.CodeCellNotNumber || fe.Args["Cell"].Text != chefs || fe.Args["Sheet"].Text != gastronomy {
			t.Errorf("err = %v", err)
		}
	})
}
