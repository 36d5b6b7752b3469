package xlsxkit

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// KindDate is the Type of an answer cell that holds the city's date.
const KindDate = "date"

// AnswerCell says where an answer stands in a workbook and how a value
// typed in its cell is read.
type AnswerCell struct {
	ID    string  `json:"id"`             // a question ID, or "city.<attribute>"
	Sheet string  `json:"sheet"`          // the sheet as written
	ByID  bool    `json:"byId,omitempty"` // the row is the one whose column B holds ID (a sheet that can be sorted)
	Type  string  `json:"type"`           // the question type, KindDate for the city's date
	Int   bool    `json:"int,omitempty"`  // a whole number
	Max   float64 `json:"max,omitempty"`  // the largest value allowed (0: none)
}

// MaxOf is the largest value a question's answer cell takes (0: none).
func MaxOf(q *assessment.Question) float64 {
	if q.Type == assessment.Rubric {
		return assessment.MaxRubric
	}
	return q.Max
}

// ParseEdit reads the content of an answer cell by the question's type
// (text tells a number typed as text, read in the workbook language's
// notation, from a number cell); code is a problem code when it cannot be
// read.
func ParseEdit(s string, text bool, c AnswerCell, lang string) (assessment.Value, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return assessment.Value{}, ""
	}
	switch c.Type {
	case string(assessment.Text):
		return assessment.StringValue(s), ""
	case string(assessment.Boolean):
		if yes, ok := ReadYesNo(s); ok {
			return assessment.BoolValue(yes), ""
		}
		return assessment.Value{}, assessment.CodeCellNotYesNo
	case KindDate:
		return parseDate(s)
	}
	return parseNumber(s, text, c, lang)
}

// parseDate reads a date cell: a spreadsheet's date serial or a date typed.
func parseDate(s string) (assessment.Value, string) {
	if serial, err := strconv.ParseFloat(s, 64); err == nil {
		if t, err := excelize.ExcelDateToTime(serial, false); err == nil {
			return assessment.StringValue(t.Format(assessment.ISODate)), ""
		}
	}
	if t, err := assessment.ParseDate(s); err == nil {
		return assessment.StringValue(t.Format(assessment.ISODate)), ""
	}
	return assessment.Value{}, assessment.CodeCellNotDate
}

// parseNumber reads a number cell within the answer's bounds.
func parseNumber(s string, text bool, c AnswerCell, lang string) (assessment.Value, string) {
	n, err := strconv.ParseFloat(s, 64)
	if text {
		n, err = parseLocalNumber(s, lang)
	}
	switch {
	case err != nil || math.IsNaN(n) || math.IsInf(n, 0):
		return assessment.Value{}, assessment.CodeCellNotNumber
	case n < 0 || (c.Max > 0 && n > c.Max):
		return assessment.Value{}, assessment.CodeCellOutOfRange
	case c.Int && n != math.Trunc(n):
		return assessment.Value{}, assessment.CodeCellNotWhole
	}
	return assessment.NumberValue(n), ""
}

// parseLocalNumber reads a number typed as text in the workbook language's
// notation ("1.234,5" in a Vietnamese report).
func parseLocalNumber(s, lang string) (float64, error) {
	l, ok := translations.ParseLang(lang)
	if !ok {
		return strconv.ParseFloat(s, 64)
	}
	return assessment.ParseNumber(s, l10n.Notation(translations.New(l)))
}

// ReadYesNo reads a yes/no cell in any language the app speaks, or as a
// spreadsheet boolean.
func ReadYesNo(s string) (yes, ok bool) {
	switch strings.ToUpper(s) {
	case "1", "TRUE":
		return true, true
	case "0", "FALSE":
		return false, true
	}
	for _, l := range translations.Languages() {
		loc := translations.New(l)
		switch {
		case strings.EqualFold(s, loc.T("report.yes")):
			return true, true
		case strings.EqualFold(s, loc.T("report.no")):
			return false, true
		}
	}
	return false, false
}

// Display is a value as a list of edits shows it: as the workbook's
// language writes it.
func Display(v assessment.Value, lang string) string {
	l, ok := translations.ParseLang(lang)
	if !ok {
		l = translations.Languages()[0]
	}
	loc := translations.New(l)
	if f, ok := v.Number(); ok {
		return l10n.Number(loc, f, 2)
	}
	if b, ok := v.Bool(); ok {
		if b {
			return loc.T("report.yes")
		}
		return loc.T("report.no")
	}
	if s, ok := v.String(); ok {
		return s
	}
	return ""
}

// Short cuts a text for a list of edits.
func Short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:59]) + "…"
	}
	if s == "" {
		return "∅"
	}
	return s
}

// SameValue reports whether two values are the same answer.
func SameValue(x, y assessment.Value) bool { return x.Kind() == y.Kind() && x.Raw() == y.Raw() }
