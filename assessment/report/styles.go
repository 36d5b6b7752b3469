package report

import "github.com/xuri/excelize/v2"

// styles holds the IDs of the workbook's cell styles, created once.
type styles struct {
	title, subtitle, label, header, notice int
	text, textCenter                       int
	id                                     int // a question ID: small, on one line
	integer, decimal, score, percent       int
	date                                   int // in the report language's format
	highlight                              int
	// The action plan's sheet: the label of an initiative's line, the
	// heading line of an initiative, and a budget total.
	labelBox, heading, total int
}

// Custom number formats. Excel shows separators in the reader's locale.
const (
	fmtInteger = "#,##0"
	fmtDecimal = "#,##0.0"
	fmtScore   = "0.0"
	fmtPercent = "0%"
)

// newStyles creates the styles; dates take the language's Excel format.
// Every style names the report's font: a reader's spreadsheet shows a
// cell whose style names none in its own default font.
func newStyles(f *excelize.File, check func(error), dateFormat, font string) styles {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	mk := func(s *excelize.Style) int {
		id, err := f.NewStyle(withFont(s, font))
		check(err)
		return id
	}
	cellStyle := func(numFmt string) int {
		return mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &numFmt})
	}
	return styles{
		title:    mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: "1F3864"}}),
		subtitle: mk(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 12}}),
		label:    mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrapTop}),
		notice:   mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}}),
		header: mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5496"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}}),
		text:       mk(&excelize.Style{Border: border, Alignment: wrapTop}),
		id:         mk(&excelize.Style{Border: border, Font: &excelize.Font{Size: 9}, Alignment: &excelize.Alignment{Vertical: "top"}}),
		textCenter: mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}),
		integer:    cellStyle(fmtInteger),
		decimal:    cellStyle(fmtDecimal),
		score:      cellStyle(fmtScore),
		percent:    cellStyle(fmtPercent),
		date:       mk(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}, CustomNumFmt: &dateFormat}),
		highlight: mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13, Color: "375623"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E2EFDA"}}}),
		labelBox: mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: wrapTop,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}}),
		heading: mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F3864"}, Border: border, Alignment: wrapTop,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}),
		total: mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: &excelize.Alignment{Vertical: "top"},
			CustomNumFmt: ptr(fmtDecimal)}),
	}
}

func ptr[T any](v T) *T { return &v }

// withFont names the font in a style, keeping its size, weight and colour.
func withFont(s *excelize.Style, family string) *excelize.Style {
	if s.Font == nil {
		s.Font = &excelize.Font{}
	}
	if s.Font.Family == "" {
		s.Font.Family = family
	}
	if s.Font.Size == 0 {
		s.Font.Size = 11
	}
	return s
}
