package xlsxkit

import "github.com/xuri/excelize/v2"

// Styles holds the IDs of a workbook's cell styles, created once.
type Styles struct {
	Title, Subtitle, Label, Header, Notice int
	Text, TextCenter                       int
	ID                                     int // a question ID: small, on one line
	Integer, Decimal, Score, Percent       int
	Date                                   int // in the language's format
	Highlight                              int
	Muted                                  int // a row that takes no part, in grey (a field set aside)
	// The action plan's sheet: the label of an initiative's line, the
	// heading line of an initiative, and a budget total.
	LabelBox, Heading, Total int
}

// Custom number formats. Excel shows separators in the reader's locale.
const (
	FmtInteger = "#,##0"
	FmtDecimal = "#,##0.0"
	FmtScore   = "0.0"
	FmtPercent = "0%"
)

// Border is the thin grey border of a table's cells.
func Border() []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
}

// NewStyle creates a style in the workbook's font (see WithFont).
func (b *Book) NewStyle(s *excelize.Style) int {
	id, err := b.F.NewStyle(WithFont(s, b.Font()))
	b.Check(err)
	return id
}

// fill is a solid background of a colour.
func fill(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

// newStyles creates the styles; dates take the language's Excel format.
// Every style names the workbook's font: a reader's spreadsheet shows a
// cell whose style names none in its own default font.
func newStyles(f *excelize.File, check func(error), dateFormat, font string) Styles {
	border := Border()
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	mk := func(s *excelize.Style) int {
		id, err := f.NewStyle(WithFont(s, font))
		check(err)
		return id
	}
	cellStyle := func(numFmt string) int {
		return mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &numFmt})
	}
	return Styles{
		Title:    mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: "1F3864"}}),
		Subtitle: mk(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 12}}),
		Label:    mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrapTop}),
		Notice:   mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}}),
		Header: mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Border: border, Fill: fill("2F5496"),
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}}),
		Text: mk(&excelize.Style{Border: border, Alignment: wrapTop}),
		Muted: mk(&excelize.Style{Border: border, Alignment: wrapTop, Fill: fill("F2F2F2"),
			Font: &excelize.Font{Color: "808080", Italic: true}}),
		ID:         mk(&excelize.Style{Border: border, Font: &excelize.Font{Size: 9}, Alignment: &excelize.Alignment{Vertical: "top"}}),
		TextCenter: mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}),
		Integer:    cellStyle(FmtInteger),
		Decimal:    cellStyle(FmtDecimal),
		Score:      cellStyle(FmtScore),
		Percent:    cellStyle(FmtPercent),
		Date:       mk(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}, CustomNumFmt: &dateFormat}),
		Highlight:  mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13, Color: "375623"}, Fill: fill("E2EFDA")}),
		LabelBox:   mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: wrapTop, Fill: fill("F2F2F2")}),
		Heading: mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F3864"}, Border: border, Alignment: wrapTop,
			Fill: fill("D9E1F2")}),
		Total: mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: &excelize.Alignment{Vertical: "top"},
			CustomNumFmt: ptr(FmtDecimal)}),
	}
}

func ptr[T any](v T) *T { return &v }

// WithFont names the font in a style, keeping its size, weight and colour.
func WithFont(s *excelize.Style, family string) *excelize.Style {
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
