package forms

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// writeForm writes a form of the sections for base and returns its path.
func writeForm(t *testing.T, base *assessment.Assessment, lang translations.Lang, sections ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "phieu.xlsx")
	if err := WriteFile(path, fixture.Questionnaire(t), base, Options{Lang: lang, Sections: sections, AppVersion: "t",
		Now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestAFormAsksTheChosenSectionsWithOnlyItsAnswerCellsOpen: the sheets,
// the locked structure, the open cells, the drop-downs and the number
// checks, and the base's answers filled in.
func TestAFormAsksTheChosenSectionsWithOnlyItsAnswerCellsOpen(t *testing.T) {
	loc := translations.New(translations.VI)
	path := writeForm(t, fixture.Demo(t), translations.VI, "gastronomy", "readiness")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gastronomy, readiness := xlsxkit.SectionSheet(loc, "gastronomy"), xlsxkit.SectionSheet(loc, "readiness")
	want := []string{loc.T("form.sheet.instructions"), loc.T("form.sheet.levels"), readiness, gastronomy, "_form"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	for _, hidden := range []string{loc.T("form.sheet.levels"), "_form"} {
		if visible, _ := f.GetSheetVisible(hidden); visible {
			t.Errorf("%s is visible", hidden)
		}
	}
	locked := func(sheet, ref string) bool {
		id, _ := f.GetCellStyle(sheet, ref)
		st, _ := f.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	row := func(id string) int { return reporttest.RowOfQuestion(t, f, gastronomy, id) }
	dishes := row("gastronomy.signature_dishes")
	for col, open := range map[int]bool{formQuestion: false, formHelp: false, formLevels: false, formAnswer: true, formEvidence: true, formSource: true} {
		if locked(gastronomy, xlsxkit.Cell(col, dishes)) == open {
			t.Errorf("column %d: locked %v", col, !open)
		}
	}
	if v, _ := f.GetCellValue(gastronomy, xlsxkit.Cell(formAnswer, dishes)); v != "4" {
		t.Errorf("the base's level is not filled in: %q", v)
	}
	if v, _ := f.GetCellValue(gastronomy, xlsxkit.Cell(formLevels, dishes)); !strings.HasPrefix(v, "0: ") || !strings.Contains(v, "\n4: ") {
		t.Errorf("the level descriptors: %q", v)
	}
	if v, _ := f.GetCellValue(gastronomy, xlsxkit.Cell(formHow, row("gastronomy.professional_chefs"))); !strings.Contains(v, "tổng số") {
		t.Errorf("a per-capita question does not ask for the count: %q", v)
	}
	dvs, _ := f.GetDataValidations(gastronomy)
	kinds := map[string]string{}
	for _, dv := range dvs {
		kinds[dv.Sqref] = dv.Type + " " + dv.Formula1
	}
	if k := kinds[xlsxkit.Cell(formAnswer, dishes)]; !strings.HasPrefix(k, "list") || !strings.Contains(k, loc.T("form.sheet.levels")) {
		t.Errorf("the rubric's drop-down: %q", k)
	}
	if k := kinds[xlsxkit.Cell(formAnswer, row("gastronomy.professional_chefs"))]; !strings.HasPrefix(k, "whole") {
		t.Errorf("a count's check: %q", k)
	}
	rdv, _ := f.GetDataValidations(readiness)
	yesNo := false
	for _, dv := range rdv {
		if dv.Sqref == xlsxkit.Cell(formAnswer, reporttest.RowOfQuestion(t, f, readiness, "readiness.ministry_acceptance")) {
			yesNo = strings.Contains(dv.Formula1, "Có") && strings.Contains(dv.Formula1, "Không")
		}
	}
	if !yesNo {
		t.Error("the yes/no drop-down is missing")
	}
	for _, sheet := range []string{gastronomy, readiness, loc.T("form.sheet.instructions")} {
		if !protected(t, path, sheet) {
			t.Errorf("%s is not protected", sheet)
		}
	}
}

// protected reports whether a sheet of the workbook at path is protected.
func protected(t *testing.T, path, sheet string) bool {
	t.Helper()
	f, _ := excelize.OpenFile(path)
	defer f.Close()
	idx, _ := f.GetSheetIndex(sheet)
	xml, err := readZipPart(path, "xl/worksheets/sheet"+itoa(idx+1)+".xml")
	return err == nil && strings.Contains(xml, "<sheetProtection")
}

// TestAFilledFormIsReadWithItsContributor: answers, evidence and sources
// typed in a form come back with the contributor, the organisation and the
// date of its first sheet; an empty row gives nothing; an unreadable
// answer is refused naming its cell.
func TestAFilledFormIsReadWithItsContributor(t *testing.T) {
	loc := translations.New(translations.VI)
	path := writeForm(t, nil, translations.VI, "gastronomy", "profile")
	gastronomy, instructions := xlsxkit.SectionSheet(loc, "gastronomy"), loc.T("form.sheet.instructions")
	fixture.EditCells(t, path, func(f *excelize.File) {
		set := func(id string, col int, v any) {
			f.SetCellValue(gastronomy, xlsxkit.Cell(col, reporttest.RowOfQuestion(t, f, gastronomy, id)), v)
		}
		set("gastronomy.traditional_restaurants", formAnswer, 120)
		set("gastronomy.traditional_restaurants", formEvidence, "Điều tra cơ sở ăn uống 2025")
		set("gastronomy.traditional_restaurants", formSource, "Thống kê Quảng Ninh, 2025")
		set("gastronomy.signature_dishes", formAnswer, 3)
		set("gastronomy.major_food_festival", formAnswer, "Có")
		profile := xlsxkit.SectionSheet(loc, "profile")
		f.SetCellValue(profile, xlsxkit.Cell(formAnswer, reporttest.RowOfQuestion(t, f, profile, "profile.population")), 310000)
		f.SetCellStr(instructions, "B11", "Trần Thị Lan")
		f.SetCellStr(instructions, "B12", "Thống kê tỉnh Quảng Ninh")
		f.SetCellValue(instructions, "B13", time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	})
	c, problems, err := ReadContribution(path, fixture.Questionnaire(t))
	if err != nil || len(problems) != 0 {
		t.Fatalf("%v %v", err, problems)
	}
	if c.File != "phieu.xlsx" || c.Contributor != "Trần Thị Lan, Thống kê tỉnh Quảng Ninh" || c.Date != "2026-11-20" {
		t.Errorf("contribution %q %q %q", c.File, c.Contributor, c.Date)
	}
	given := map[string]assessment.Contributed{}
	for _, a := range c.Answers {
		if !a.Value.IsNone() || a.Evidence != "" || a.Source != "" {
			given[a.QuestionID] = a
		}
	}
	if len(given) != 4 {
		t.Errorf("%d answers given: %v", len(given), given)
	}
	r := given["gastronomy.traditional_restaurants"]
	if r.Value.Raw() != "120" || r.Evidence != "Điều tra cơ sở ăn uống 2025" || r.Source != "Thống kê Quảng Ninh, 2025" || r.Sheet != gastronomy {
		t.Errorf("restaurants %+v", r)
	}
	if v, ok := given["gastronomy.major_food_festival"].Value.Bool(); !ok || !v {
		t.Errorf("yes: %v", given["gastronomy.major_food_festival"].Value.Raw())
	}
	if given["profile.population"].Value.Raw() != "310000" {
		t.Errorf("population %v", given["profile.population"].Value.Raw())
	}

	fixture.EditCells(t, path, func(f *excelize.File) {
		f.SetCellValue(gastronomy, xlsxkit.Cell(formAnswer, reporttest.RowOfQuestion(t, f, gastronomy, "gastronomy.signature_dishes")), "ba")
	})
	_, _, err = ReadContribution(path, fixture.Questionnaire(t))
	if err == nil || !strings.Contains(err.Error(), gastronomy) {
		t.Errorf("an unreadable answer: %v", err)
	}
}

// TestAReportIsAContributionToo: a report, of this version or of 2026.1,
// gives every answer it holds, brought up to this questionnaire.
func TestAReportIsAContributionToo(t *testing.T) {
	c, _, err := ReadContribution(reporttest.Exported(t, fixture.Demo(t), translations.EN), fixture.Questionnaire(t))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range c.Answers {
		if !a.Value.IsNone() {
			n++
		}
	}
	if n < 100 || c.Contributor == "" {
		t.Errorf("%d answers, contributor %q", n, c.Contributor)
	}
	old, problems, err := ReadContribution("../testdata/v2026.1/report-vi.xlsx", fixture.Questionnaire(t))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(problems, func(p assessment.Problem) bool { return p.Code == assessment.CodeMigrated }) {
		t.Errorf("a 2026.1 report is not brought up to date: %v", problems)
	}
	for _, a := range old.Answers {
		if _, ok := fixture.Questionnaire(t).Question(a.QuestionID); !ok {
			t.Errorf("%s is not a question of this version", a.QuestionID)
		}
	}
}

// readZipPart reads one part of an .xlsx package.
func readZipPart(path, name string) (string, error) {
	r, err := zip.OpenReader(path)
	if err != nil {
		return "", err
	}
	defer r.Close()
	for _, f := range r.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return "", err
			}
			defer rc.Close()
			data, err := io.ReadAll(rc)
			return string(data), err
		}
	}
	return "", os.ErrNotExist
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestAPlanEditIsNotMergedSilently: a report merged into an assessment
// gives its answers; an edit of its plan is listed as not merged, never
// as taken.
func TestAPlanEditIsNotMergedSilently(t *testing.T) {
	a := fixture.Demo(t)
	path := reporttest.Exported(t, a, translations.EN)
	sheet := reporttest.PlanSheetName(translations.EN)
	ref := ""
	fixture.EditCells(t, path, func(f *excelize.File) {
		ref = xlsxkit.Cell(2, reporttest.FindPlanBlock(t, f, translations.EN, a.Plan.Initiatives[0], 1).Heading)
		f.SetCellStr(sheet, ref, "Community kitchen school")
	})
	_, problems, err := ReadContribution(path, fixture.Questionnaire(t))
	if err != nil {
		t.Fatal(err)
	}
	notMerged := 0
	for _, p := range problems {
		if p.Code == assessment.CodePlanEditNotMerged && p.Args["Cell"].Text == ref && p.Args["New"].Text == "Community kitchen school" {
			notMerged++
		}
	}
	if notMerged != 1 || len(fixture.EditsOf(problems)) != 0 {
		t.Errorf("problems %v", problems)
	}
}
