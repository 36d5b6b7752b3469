package report_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// withPseudo adds the pseudo-language "xx" (English in ⟦ ⟧, 40% longer)
// for the test, and returns every language.
func withPseudo(t *testing.T) []translations.Lang {
	t.Helper()
	fixture.PseudoLanguage(t)
	return translations.Languages()
}

// mergedWidth is the width, in characters, of the cell or of the merged
// range it starts.
func mergedWidth(t *testing.T, f *excelize.File, sheet string, col, row int, merges []excelize.MergeCell) float64 {
	name, _ := excelize.CoordinatesToCellName(col, row)
	last := col
	for _, m := range merges {
		if m.GetStartAxis() == name {
			last, _, _ = excelize.CellNameToCoordinates(m.GetEndAxis())
		}
	}
	w := 0.0
	for c := col; c <= last; c++ {
		letter, _ := excelize.ColumnNumberToName(c)
		cw, err := f.GetColWidth(sheet, letter)
		if err != nil {
			t.Fatal(err)
		}
		w += cw
	}
	return w
}

// TestEveryLanguageFitsItsRows: in every language, the pseudo-language's
// 40% longer text included, a wrapped text cell's row is high enough for
// its lines, so that no text is cut or runs into the next row.
func TestEveryLanguageFitsItsRows(t *testing.T) {
	qn, _ := assessment.Default()
	a, _ := assessment.Demo()
	for _, lang := range withPseudo(t) {
		f, _, err := report.Build(qn, a, nil, report.Options{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		var problems []string
		for _, sheet := range f.GetSheetList() {
			merges, _ := f.GetMergeCells(sheet)
			rows, _ := f.GetRows(sheet)
			for r, row := range rows {
				height, _ := f.GetRowHeight(sheet, r+1)
				for c, v := range row {
					if v == "" {
						continue
					}
					name, _ := excelize.CoordinatesToCellName(c+1, r+1)
					styleID, _ := f.GetCellStyle(sheet, name)
					style, _ := f.GetStyle(styleID)
					if style == nil || style.Alignment == nil || !style.Alignment.WrapText {
						continue
					}
					// Times New Roman 11 averages under 1.1 of Excel's
					// character units a letter, 1.3 bold; a line is 15
					// points high.
					letter := 1.1
					if style.Font != nil && style.Font.Bold {
						letter = 1.3
					}
					perLine := math.Max(1, math.Floor(mergedWidth(t, f, sheet, c+1, r+1, merges)/letter))
					lines := 0
					for _, para := range strings.Split(v, "\n") {
						lines += max(1, int(math.Ceil(float64(utf8.RuneCountInString(para))/perLine)))
					}
					if need := 14.0 * float64(lines); height < need {
						problems = append(problems, fmt.Sprintf("%s!%s: %d lines in %.0f points: %.60q", sheet, name, lines, height, v))
					}
				}
			}
		}
		f.Close()
		if len(problems) > 0 {
			t.Errorf("%s: %d cells cut, among them:\n%s", lang, len(problems), strings.Join(problems[:min(len(problems), 15)], "\n"))
		}
	}
}
