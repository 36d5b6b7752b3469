package report

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Row heights: Excel and LibreOffice do not grow a row for wrapped text
// that the file gives a height, and a row without one is drawn one line
// high by some readers; so each row gets the height its longest wrapped
// text needs, in whatever language.
const (
	// lineHeight is the height in points of a line of 11-point Times New
	// Roman, with the cell's padding.
	lineHeight = 15.5
	// charUnits and boldCharUnits are the widths, in Excel's character
	// units (the width of a digit of the default font), that a letter of
	// running text takes, regular or bold, with a margin for wide letters.
	charUnits     = 1.1
	boldCharUnits = 1.3
	// maxRowHeight is Excel's largest row height.
	maxRowHeight = 409
)

// lineCount is how many lines s takes, wrapped in a width of width
// character units, with letters of letterWidth units.
func lineCount(s string, width, letterWidth float64) int {
	perLine := max(1, math.Floor(width/letterWidth))
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		lines += max(1, int(math.Ceil(float64(utf8.RuneCountInString(para))/perLine)))
	}
	return lines
}

// textCell is a text written in a sheet.
type textCell struct {
	col, row int
	s        string
}

// fitRows gives every row of a sheet the height its wrapped text needs,
// across merged cells, never lowering a height set on purpose. It works
// from the text cells the builder wrote, not by reading the sheet back.
func (b *builder) fitRows(sheet string) {
	merges, err := b.f.GetMergeCells(sheet)
	b.check(err)
	lastCol := map[string]int{} // first cell of a merged range -> its last column
	for _, m := range merges {
		lastCol[m.GetStartAxis()], _, _ = excelize.CellNameToCoordinates(m.GetEndAxis())
	}
	colWidth := map[int]float64{}
	width := func(from, to int) float64 {
		w := 0.0
		for c := from; c <= to; c++ {
			if _, known := colWidth[c]; !known {
				letter, _ := excelize.ColumnNumberToName(c)
				cw, err := b.f.GetColWidth(sheet, letter)
				b.check(err)
				colWidth[c] = cw
			}
			w += colWidth[c]
		}
		return w
	}
	letters := map[int]float64{}
	lines := map[int]int{}
	for _, t := range b.texts[sheet] {
		name := cell(t.col, t.row)
		letter := b.wrappedLetterWidth(sheet, name, letters)
		if letter == 0 {
			continue
		}
		last := t.col
		if l, merged := lastCol[name]; merged {
			last = l
		}
		lines[t.row] = max(lines[t.row], lineCount(t.s, width(t.col, last), letter))
	}
	for row, n := range lines {
		if n == 1 {
			continue
		}
		need := math.Min(maxRowHeight, lineHeight*float64(n))
		if current, err := b.f.GetRowHeight(sheet, row); err == nil && current < need {
			b.check(b.f.SetRowHeight(sheet, row, need))
		}
	}
}

// wrappedLetterWidth is the width of a letter of a cell whose style wraps
// its text, 0 for a cell that does not wrap (memoised by style).
func (b *builder) wrappedLetterWidth(sheet, name string, memo map[int]float64) float64 {
	id, err := b.f.GetCellStyle(sheet, name)
	if err != nil {
		return 0
	}
	w, known := memo[id]
	if !known {
		st, err := b.f.GetStyle(id)
		switch {
		case err != nil || st == nil || st.Alignment == nil || !st.Alignment.WrapText:
		case st.Font != nil && st.Font.Bold:
			w = boldCharUnits
		default:
			w = charUnits
		}
		memo[id] = w
	}
	return w
}
