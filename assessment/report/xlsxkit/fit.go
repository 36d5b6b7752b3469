package xlsxkit

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Row heights: Excel and LibreOffice do not grow a row for wrapped text
// that the file gives a height, and a row without one is drawn one line
// high by some readers; so each row gets the height its longest wrapped
// text needs, in whatever language.
const (
	// LineHeight is the height in points of a line of 11-point Times New
	// Roman, with the cell's padding.
	LineHeight = 15.5
	// CharUnits and BoldCharUnits are the widths, in Excel's character
	// units (the width of a digit of the default font), that a letter of
	// running text takes, regular or bold, with a margin for wide letters.
	CharUnits     = 1.1
	BoldCharUnits = 1.3
	// MaxRowHeight is Excel's largest row height.
	MaxRowHeight = 409
)

// LineCount is how many lines s takes, wrapped in a width of width
// character units, with letters of letterWidth units.
func LineCount(s string, width, letterWidth float64) int {
	perLine := max(1, math.Floor(width/letterWidth))
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		lines += max(1, int(math.Ceil(float64(utf8.RuneCountInString(para))/perLine)))
	}
	return lines
}

// MaxColumnWidth is Excel's widest column, in character units.
const MaxColumnWidth = 255

// TextWidth is the width, in character units, that a text needs on one
// line, with the cell's padding and a margin for wide letters (a reader's
// substitute font may be wider than Times New Roman), at most
// MaxColumnWidth: a longer text (a city's name of hundreds of letters)
// wraps in the widest column.
func TextWidth(s string, letter float64) float64 {
	return min(float64(utf8.RuneCountInString(s))*letter*1.1+2, MaxColumnWidth)
}

// HeaderWidths widens each column to its header's longest word, so that a
// header wraps between words, never inside one, in any language.
func HeaderWidths(heads []string, widths []float64) []float64 {
	out := slices.Clone(widths)
	for i, h := range heads {
		for _, w := range strings.Fields(h) {
			out[i] = max(out[i], TextWidth(w, BoldCharUnits))
		}
	}
	return out
}

// LinesOf is how many lines the text cells of a row take in their columns.
func LinesOf(values []any, widths []float64, letter float64) int {
	lines := 1
	for i, v := range values {
		if s, ok := v.(string); ok && i < len(widths) {
			lines = max(lines, LineCount(s, widths[i]-1, letter))
		}
	}
	return lines
}

// textCell is a text written in a sheet.
type textCell struct {
	col, row int
	s        string
}

// FitRows gives every row of a sheet the height its wrapped text needs,
// across merged cells, never lowering a height set on purpose. It works
// from the text cells the book wrote, not by reading the sheet back.
func (b *Book) FitRows(sheet string) {
	width := b.mergedWidths(sheet)
	letters := map[int]float64{}
	lines := map[int]int{}
	for _, t := range b.texts[sheet] {
		letter := b.wrappedLetterWidth(sheet, Cell(t.col, t.row), letters)
		if letter == 0 {
			continue
		}
		lines[t.row] = max(lines[t.row], LineCount(t.s, width(t.col, t.row), letter))
	}
	for row, n := range lines {
		if n == 1 {
			continue
		}
		need := math.Min(MaxRowHeight, LineHeight*float64(n))
		if current, err := b.F.GetRowHeight(sheet, row); err == nil && current < need {
			b.Check(b.F.SetRowHeight(sheet, row, need))
		}
	}
}

// mergedWidths returns the width of a cell of a sheet, across the cells
// merged with it.
func (b *Book) mergedWidths(sheet string) func(col, row int) float64 {
	merges, err := b.F.GetMergeCells(sheet)
	b.Check(err)
	lastCol := map[string]int{} // first cell of a merged range -> its last column
	for _, m := range merges {
		lastCol[m.GetStartAxis()], _, _ = excelize.CellNameToCoordinates(m.GetEndAxis())
	}
	colWidth := map[int]float64{}
	return func(col, row int) float64 {
		last := col
		if l, merged := lastCol[Cell(col, row)]; merged {
			last = l
		}
		w := 0.0
		for c := col; c <= last; c++ {
			if _, known := colWidth[c]; !known {
				letter, _ := excelize.ColumnNumberToName(c)
				cw, err := b.F.GetColWidth(sheet, letter)
				b.Check(err)
				colWidth[c] = cw
			}
			w += colWidth[c]
		}
		return w
	}
}

// wrappedLetterWidth is the width of a letter of a cell whose style wraps
// its text, 0 for a cell that does not wrap (memoised by style).
func (b *Book) wrappedLetterWidth(sheet, name string, memo map[int]float64) float64 {
	id, err := b.F.GetCellStyle(sheet, name)
	if err != nil {
		return 0
	}
	w, known := memo[id]
	if !known {
		st, err := b.F.GetStyle(id)
		switch {
		case err != nil || st == nil || st.Alignment == nil || !st.Alignment.WrapText:
		case st.Font != nil && st.Font.Bold:
			w = BoldCharUnits
		default:
			w = CharUnits
		}
		memo[id] = w
	}
	return w
}
