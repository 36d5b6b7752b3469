package xlsxkit

import (
	"encoding/json"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/translations"
)

// Cell returns the A1 reference of column col (1-based) and row.
func Cell(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

// ColOf is the column of an A1 reference.
func ColOf(ref string) int { c, _, _ := excelize.CellNameToCoordinates(ref); return c }

// RowOf is the row of an A1 reference.
func RowOf(ref string) int { _, r, _ := excelize.CellNameToCoordinates(ref); return r }

// SafeSheetName removes the characters Excel forbids and cuts to 31 units.
func SafeSheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	s = strings.Trim(s, "'")
	if u := utf16.Encode([]rune(s)); len(u) > 31 {
		s = strings.TrimSpace(string(utf16.Decode(u[:31])))
	}
	return s
}

// SectionSheet is the translated, Excel-safe name of a section's sheet.
func SectionSheet(loc *translations.Localizer, sectionID string) string {
	id := "report.sheetName." + sectionID
	name := loc.T(id)
	if !loc.Has(id) {
		name = loc.T("section." + sectionID + ".name")
	}
	return SafeSheetName(name)
}

// QuoteSheet quotes a sheet name for a cell reference.
func QuoteSheet(sheet string) string { return "'" + strings.ReplaceAll(sheet, "'", "''") + "'" }

// IDCol is the column of a question's ID on the sheets that list
// questions (see QuestionRow).
const IDCol = 2

// IDWidth is the width of a section's question ID column that holds each
// ID on one line, in the ID style's small font.
func IDWidth(s *assessment.Section) float64 {
	width := 10.0
	for _, q := range s.Questions {
		width = max(width, float64(len(q.ID))*0.85+2)
	}
	return width
}

// IDRows maps the question IDs in column B of a sheet to their rows.
func IDRows(f *excelize.File, sheet string) map[string][]int {
	out := map[string][]int{}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return out
	}
	for i, r := range rows {
		if len(r) >= IDCol && r[IDCol-1] != "" {
			out[r[IDCol-1]] = append(out[r[IDCol-1]], i+1)
		}
	}
	return out
}

// RawCell is a cell's content as stored: a number as written, a text as it
// is; a formula that lost its cached value (a spreadsheet that keeps
// formulas but not their results) is read when it is a constant TRUE or
// FALSE, as spreadsheets write booleans.
func RawCell(f *excelize.File, sheet, ref string) string {
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		return ""
	}
	if v == "" {
		if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
			switch strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(formula, "="))) {
			case "TRUE()", "TRUE":
				return "1"
			case "FALSE()", "FALSE":
				return "0"
			}
		}
	}
	return v
}

// IsText reports whether a cell holds text (a number typed as text
// included), rather than a number.
func IsText(f *excelize.File, sheet, ref string) bool {
	typ, _ := f.GetCellType(sheet, ref)
	return typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
}

// MustJSON is v as JSON, null when it has none.
func MustJSON(v any) []byte {
	out, err := json.Marshal(v)
	if err != nil {
		return []byte("null")
	}
	return out
}

// Round rounds x to a number of decimals.
func Round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}
