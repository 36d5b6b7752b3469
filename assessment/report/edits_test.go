package report_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// TestEditsOnTheVisibleSheetsAreTakenAndListed: a level, a yes/no, a
// number typed as text in the report's notation, an evidence, a source, a
// question answered for the first time, an answer cleared and a city
// figure on the summary, all changed on the visible sheets, are read back
// and each is listed with its sheet, cell, old and new value.
func TestEditsOnTheVisibleSheetsAreTakenAndListed(t *testing.T) {
	for _, lang := range translations.Languages() {
		loc := translations.New(lang)
		a := fixture.Demo(t)
		a.SetValue("film.festivals", assessment.Value{}) // unanswered at export
		delete(a.Answers, "film.festivals")
		path := reporttest.Exported(t, a, lang)
		gastronomy, film, readiness := xlsxkit.SectionSheet(loc, "gastronomy"), xlsxkit.SectionSheet(loc, "film"), xlsxkit.SectionSheet(loc, "readiness")
		var want []string
		fixture.EditCells(t, path, func(f *excelize.File) {
			set := func(sheet, id string, col int, v any, old, now string) {
				ref := xlsxkit.Cell(col, reporttest.RowOfQuestion(t, f, sheet, id))
				if err := f.SetCellValue(sheet, ref, v); err != nil {
					t.Fatal(err)
				}
				want = append(want, sheet+"!"+ref+" "+old+"→"+now)
			}
			set(gastronomy, "gastronomy.signature_dishes", report.ColAnswer, 2, "4", "2")
			set(gastronomy, "gastronomy.signature_dishes", report.ColEvidence, "Danh mục 12 món, đã rà soát lại.", xlsxkit.Short(a.Answers["gastronomy.signature_dishes"].Evidence), "Danh mục 12 món, đã rà soát lại.")
			set(gastronomy, "gastronomy.major_food_festival", report.ColSource, "Sở VHTTDL, 2026", xlsxkit.Short(a.Answers["gastronomy.major_food_festival"].Source), "Sở VHTTDL, 2026")
			local := map[translations.Lang]string{translations.VI: "1.234", translations.EN: "1,234"}[lang]
			set(gastronomy, "gastronomy.professional_chefs", report.ColAnswer, local, xlsxkit.Display(a.Value("gastronomy.professional_chefs"), string(lang)), local)
			set(film, "film.festivals", report.ColAnswer, 3, "∅", "3")
			set(readiness, "readiness.ministry_acceptance", report.ColAnswer, loc.T("report.yes"), loc.T("report.no"), loc.T("report.yes"))
			set(readiness, "readiness.budget", report.ColAnswer, "", a.Value("readiness.budget").Raw(), "∅")
		})
		back, warnings, err := report.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		slices.Sort(want)
		if got := fixture.EditsOf(warnings); !slices.Equal(got, want) {
			t.Errorf("%s: edits listed\n%s\nwant\n%s", lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for id, v := range map[string]assessment.Value{
			"gastronomy.signature_dishes":   assessment.NumberValue(2),
			"gastronomy.professional_chefs": assessment.NumberValue(1234),
			"film.festivals":                assessment.NumberValue(3),
			"readiness.ministry_acceptance": assessment.BoolValue(true),
			"readiness.budget":              {},
		} {
			if got := back.Value(id); !xlsxkit.SameValue(got, v) {
				t.Errorf("%s: %s = %v, want %v", lang, id, got.Raw(), v.Raw())
			}
		}
		if got := back.Answers["gastronomy.signature_dishes"].Evidence; got != "Danh mục 12 món, đã rà soát lại." {
			t.Errorf("%s: evidence %q", lang, got)
		}
		if got := back.Answers["gastronomy.major_food_festival"]; got.Source != "Sở VHTTDL, 2026" || got.Evidence != a.Answers["gastronomy.major_food_festival"].Evidence {
			t.Errorf("%s: festivals %+v", lang, got)
		}
	}
}

// TestAnUnreadableEditIsRefusedNamingItsCell: a level out of range, a
// word in a number, a yes/no that is neither, a fraction where a whole
// number is asked: the import fails naming the sheet and the cell.
func TestAnUnreadableEditIsRefusedNamingItsCell(t *testing.T) {
	loc := translations.New(translations.EN)
	gastronomy := xlsxkit.SectionSheet(loc, "gastronomy")
	readiness := xlsxkit.SectionSheet(loc, "readiness")
	for _, tt := range []struct {
		sheet, id string
		value     any
		code      string
	}{
		{gastronomy, "gastronomy.signature_dishes", 7, assessment.CodeCellOutOfRange},
		{gastronomy, "gastronomy.signature_dishes", 2.5, assessment.CodeCellNotWhole},
		{gastronomy, "gastronomy.professional_chefs", "about 400", assessment.CodeCellNotNumber},
		{gastronomy, "gastronomy.professional_chefs", -3, assessment.CodeCellOutOfRange},
		{readiness, "readiness.ministry_acceptance", "Maybe", assessment.CodeCellNotYesNo},
	} {
		path := reporttest.Exported(t, fixture.Demo(t), translations.EN)
		ref := ""
		fixture.EditCells(t, path, func(f *excelize.File) {
			ref = xlsxkit.Cell(report.ColAnswer, reporttest.RowOfQuestion(t, f, tt.sheet, tt.id))
			f.SetCellValue(tt.sheet, ref, tt.value)
		})
		_, _, err := report.ReadFile(path)
		var fe *assessment.FileError
		if !errors.As(err, &fe) || fe.Code != tt.code || fe.Args["Sheet"].Text != tt.sheet || fe.Args["Cell"].Text != ref {
			t.Errorf("%s = %v: %v; want %s at %s!%s", tt.id, tt.value, err, tt.code, tt.sheet, ref)
		}
	}
}

// TestSortingASheetIsNotAnEdit: rows sorted by another column (the
// autofilter allows it) are found by their question ID; nothing is listed.
func TestSortingASheetIsNotAnEdit(t *testing.T) {
	path := reporttest.Exported(t, fixture.Demo(t), translations.VI)
	sheet := xlsxkit.SectionSheet(translations.New(translations.VI), "gastronomy")
	fixture.EditCells(t, path, func(f *excelize.File) {
		x, y := reporttest.RowOfQuestion(t, f, sheet, "gastronomy.signature_dishes"), reporttest.RowOfQuestion(t, f, sheet, "gastronomy.major_food_festival")
		for col := 1; col <= report.QuestionCols; col++ {
			vx, _ := f.GetCellValue(sheet, xlsxkit.Cell(col, x), excelize.Options{RawCellValue: true})
			vy, _ := f.GetCellValue(sheet, xlsxkit.Cell(col, y), excelize.Options{RawCellValue: true})
			tx, _ := f.GetCellType(sheet, xlsxkit.Cell(col, x))
			ty, _ := f.GetCellType(sheet, xlsxkit.Cell(col, y))
			put := func(ref, v string, typ excelize.CellType) {
				if typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset && v != "" && strings.Trim(v, "0123456789.") == "" {
					f.SetCellValue(sheet, ref, mustFloat(t, v))
				} else {
					f.SetCellStr(sheet, ref, v)
				}
			}
			put(xlsxkit.Cell(col, x), vy, ty)
			put(xlsxkit.Cell(col, y), vx, tx)
		}
	})
	back, warnings, err := report.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fixture.EditsOf(warnings); len(got) != 0 {
		t.Errorf("sorting was read as edits: %v", got)
	}
	if encode(t, back) != encode(t, fixture.Demo(t)) {
		t.Error("the assessment changed")
	}
}

// TestEditsThatDisagreeAreRefused: the same answer changed to two values,
// on its sheet and on the data sheet, is refused naming both cells; the
// same new value in both is taken.
func TestEditsThatDisagreeAreRefused(t *testing.T) {
	loc := translations.New(translations.EN)
	sheet, data := xlsxkit.SectionSheet(loc, "gastronomy"), xlsxkit.SafeSheetName(loc.T("report.sheet.data"))
	for _, tt := range []struct {
		visible, onData int
		ok              bool
	}{{2, 3, false}, {2, 2, true}} {
		path := reporttest.Exported(t, fixture.Demo(t), translations.EN)
		ref, dataRef := "", ""
		fixture.EditCells(t, path, func(f *excelize.File) {
			ref = xlsxkit.Cell(report.ColAnswer, reporttest.RowOfQuestion(t, f, sheet, "gastronomy.signature_dishes"))
			f.SetCellValue(sheet, ref, tt.visible)
			rows, _ := f.GetRows(data)
			for i, r := range rows {
				if len(r) > 1 && r[0] == report.KindAnswer && r[1] == "gastronomy.signature_dishes" {
					dataRef = xlsxkit.Cell(report.DataValue, i+1)
				}
			}
			f.SetCellValue(data, dataRef, tt.onData)
		})
		back, _, err := report.ReadFile(path)
		var fe *assessment.FileError
		switch {
		case tt.ok && (err != nil || !xlsxkit.SameValue(back.Value("gastronomy.signature_dishes"), assessment.NumberValue(2))):
			t.Errorf("the same edit twice: %v", err)
		case !tt.ok && (!errors.As(err, &fe) || fe.Code != assessment.CodeCellEditConflict || fe.Args["Cell"].Text != ref || fe.Args["Other"].Text != data+"!"+dataRef):
			t.Errorf("two different edits: %v", err)
		}
	}
}

// TestACutTextCannotBeEditedOnItsSheet: evidence longer than a cell is
// shown cut; changing that cell is refused, since the rest cannot be seen.
func TestACutTextCannotBeEditedOnItsSheet(t *testing.T) {
	a := fixture.Demo(t)
	a.SetEvidence("gastronomy.major_food_festival", strings.Repeat("Lễ hội Carnaval Hạ Long. ", 2000), "")
	path := reporttest.Exported(t, a, translations.VI)
	sheet := xlsxkit.SectionSheet(translations.New(translations.VI), "gastronomy")
	ref := ""
	fixture.EditCells(t, path, func(f *excelize.File) {
		ref = xlsxkit.Cell(report.ColEvidence, reporttest.RowOfQuestion(t, f, sheet, "gastronomy.major_food_festival"))
		f.SetCellStr(sheet, ref, "Lễ hội Carnaval Hạ Long.")
	})
	_, _, err := report.ReadFile(path)
	var fe *assessment.FileError
	if !errors.As(err, &fe) || fe.Code != assessment.CodeCellCutEdited || fe.Args["Cell"].Text != ref {
		t.Errorf("err = %v", err)
	}
}

// TestACityFigureChangedOnTheSummaryIsTaken: the population and the date
// of the review, changed in the profile block of the summary sheet.
func TestACityFigureChangedOnTheSummaryIsTaken(t *testing.T) {
	path := reporttest.Exported(t, fixture.Demo(t), translations.VI)
	summary := translations.New(translations.VI).T("report.sheet.summary")
	fixture.EditCells(t, path, func(f *excelize.File) {
		rows, _ := f.GetRows(summary, excelize.Options{RawCellValue: true})
		for i, r := range rows {
			if len(r) > 1 && r[1] == "300000" {
				f.SetCellValue(summary, xlsxkit.Cell(2, i+1), 310000)
			}
		}
	})
	back, warnings, err := report.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.City.Population != 310000 || len(fixture.EditsOf(warnings)) != 1 {
		t.Errorf("population %v, edits %v", back.City.Population, fixture.EditsOf(warnings))
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
