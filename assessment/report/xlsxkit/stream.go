package xlsxkit

import (
	"math"

	"creativecity/assessment"

	"github.com/xuri/excelize/v2"
)

// Stream writes rows of cells to a sheet with excelize's StreamWriter,
// for sheets too large to hold cell by cell.
type Stream struct {
	sw  *excelize.StreamWriter
	row int
	b   *Book
}

// NewStream creates a streamed sheet (or streams the first sheet, when
// sheet is its name). Sheet settings (print setup, filters, conditional
// formats) must be made before its stream writer exists, so setup runs
// first.
func (b *Book) NewStream(sheet string, setup func(), widths ...float64) *Stream {
	if sheet != b.F.GetSheetName(0) {
		b.NewSheet(sheet)
	}
	setup()
	sw, err := b.F.NewStreamWriter(sheet)
	b.Check(err)
	if err != nil {
		return &Stream{b: b}
	}
	for i, w := range widths {
		b.Check(sw.SetColWidth(i+1, i+1, min(w, MaxColumnWidth)))
	}
	return &Stream{sw: sw, b: b}
}

// Header writes the next row as a table header, two lines high.
func (s *Stream) Header(values ...any) {
	s.addRow(s.b.St.Header, []excelize.RowOpts{{Height: 48}}, values...)
}

// Add writes the next row. Strings go in as text (never formulas).
func (s *Stream) Add(style int, values ...any) { s.addRow(style, nil, values...) }

func (s *Stream) addRow(style int, opts []excelize.RowOpts, values ...any) {
	s.row++
	if s.sw == nil {
		return
	}
	cells := make([]any, len(values))
	for i, v := range values {
		switch x := v.(type) {
		case string:
			cells[i] = excelize.Cell{StyleID: style, Value: s.b.Fit(assessment.WithoutControls(x), "")}
		case excelize.Cell:
			cells[i] = x
		default:
			cells[i] = excelize.Cell{StyleID: style, Value: x}
		}
	}
	s.b.Check(s.sw.SetRow(Cell(1, s.row), cells, opts...))
}

// Panes freezes the first rows (and columns); it must come before any row.
func (s *Stream) Panes(rows, cols int) {
	if s.sw == nil {
		return
	}
	pane := "bottomLeft"
	if cols > 0 {
		pane = "bottomRight"
	}
	s.b.Check(s.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: Cell(cols+1, rows+1),
		ActivePane: pane}))
}

// Paragraph writes a text across the columns of widths, merged, wrapped
// and as high as its lines.
func (s *Stream) Paragraph(text string, widths []float64) {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	lines := LineCount(text, total-1, CharUnits)
	s.addRow(s.b.St.Text, []excelize.RowOpts{{Height: LineHeight*float64(lines) + 4}}, text)
	if s.sw != nil && len(widths) > 1 {
		s.b.Check(s.sw.MergeCell(Cell(1, s.row), Cell(len(widths), s.row)))
	}
}

// HeaderFitted writes a table header as high as its longest header wraps.
func (s *Stream) HeaderFitted(widths []float64, heads ...string) {
	values := make([]any, len(heads))
	for i, h := range heads {
		values[i] = h
	}
	height := LineHeight*float64(LinesOf(values, widths, BoldCharUnits)) + 4
	s.addRow(s.b.St.Header, []excelize.RowOpts{{Height: max(32, height)}}, values...)
}

// AddFitted writes a row as high as its longest text wraps, so that no
// text runs over the next row.
func (s *Stream) AddFitted(style int, widths []float64, values ...any) {
	var opts []excelize.RowOpts
	if n := LinesOf(values, widths, CharUnits); n > 1 {
		opts = []excelize.RowOpts{{Height: math.Min(MaxRowHeight, LineHeight*float64(n))}}
	}
	s.addRow(style, opts, values...)
}

// Flush ends the sheet.
func (s *Stream) Flush() {
	if s.sw != nil {
		s.b.Check(s.sw.Flush())
	}
}

// Num is a number cell of a streamed row.
func Num(v float64, style int) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }
