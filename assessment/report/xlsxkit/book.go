// Package xlsxkit holds what every workbook of the app is written and read
// with, whatever it is for: the one set-up of a workbook (its font, its
// styles, its first sheet), the cell helpers, row heights that fit their
// text, the stream writer of large sheets, the safe opening of a workbook
// that may come from anywhere, and the parser of a value typed in an
// answer cell. It knows nothing of which sheets a workbook has: the
// assessment report (package report), the departments' forms (package
// forms) and the comparison of cities (package comparison) lay out their
// own.
package xlsxkit

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// MaxCellChars is Excel's limit of characters (UTF-16 units) in a cell.
const MaxCellChars = 32767

// Book is a workbook being written: the file, the language it is written
// in, its styles, and what the writing has met so far (the first error of
// a cell operation, the warnings, the texts written, for fitting rows).
type Book struct {
	F   *excelize.File
	Loc *translations.Localizer
	St  Styles

	err      error
	warnings []assessment.Problem
	warned   map[string]bool       // warnings already given, so each is given once
	texts    map[string][]textCell // the text cells written, by sheet
	cut      map[string]bool       // "sheet!A1" of the texts cut to fit their cell
}

// New starts a workbook in a language: the language's report font as the
// default and in every style, and the first sheet named by the message
// firstSheet (Excel-safe). It returns the book and that sheet's name.
func New(lang translations.Lang, firstSheet string) (*Book, string) {
	b := &Book{F: excelize.NewFile(), Loc: translations.New(lang), warned: map[string]bool{}}
	b.Check(b.F.SetDefaultFont(b.Font()))
	b.St = newStyles(b.F, b.Check, b.Loc.Setting("dateExcel"), b.Font())
	name := SafeSheetName(b.T(firstSheet))
	b.Check(b.F.SetSheetName("Sheet1", name))
	return b, name
}

// Font is the workbook's font, from the language's files (for Vietnamese
// the one administrative documents use, Times New Roman).
func (b *Book) Font() string { return b.Loc.Setting("reportFont") }

// T translates a message.
func (b *Book) T(id string, data ...map[string]any) string { return b.Loc.T(id, data...) }

// Check keeps the first error of a sequence of excelize calls.
func (b *Book) Check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// Err is the first error met, nil when everything was written.
func (b *Book) Err() error { return b.err }

// Warnings are the warnings given while writing (texts cut to fit a cell).
func (b *Book) Warnings() []assessment.Problem { return b.warnings }

// NewSheet adds a sheet.
func (b *Book) NewSheet(name string) {
	_, err := b.F.NewSheet(name)
	b.Check(err)
}

// Finish fits every sheet's rows to their texts and shows the first sheet.
func (b *Book) Finish() {
	for _, sheet := range b.F.GetSheetList() {
		b.FitRows(sheet)
	}
	b.F.SetActiveSheet(0)
}

// Text writes a string as text, never as a formula, cut to fit a cell.
func (b *Book) Text(sheet string, col, row int, s string) {
	b.SetStr(sheet, col, row, b.Fit(s, ""))
}

// StyledText writes a text and styles its cell.
func (b *Book) StyledText(sheet string, col, row int, s string, style int) {
	b.Text(sheet, col, row, s)
	b.Style(sheet, col, row, style)
}

// SetStr writes a text cell as it is, but for control characters other
// than tab and newline, which a workbook cannot store (they would show as
// U+FFFD), and remembers it for FitRows.
func (b *Book) SetStr(sheet string, col, row int, s string) {
	s = assessment.WithoutControls(s)
	b.Check(b.F.SetCellStr(sheet, Cell(col, row), s))
	if s != "" {
		if b.texts == nil {
			b.texts = map[string][]textCell{}
		}
		b.texts[sheet] = append(b.texts[sheet], textCell{col, row, s})
	}
}

// Fit cuts s to Excel's cell limit with a visible marker; questionID,
// when given, names the answer in the warning.
func (b *Book) Fit(s, questionID string) string {
	units := utf16.Encode([]rune(s))
	if len(units) <= MaxCellChars {
		return s
	}
	marker := b.T("report.truncated", map[string]any{"Length": l10n.Number(b.Loc, float64(len(units)), 0)})
	keep := MaxCellChars - len(utf16.Encode([]rune(marker)))
	// Do not split a surrogate pair.
	if keep > 0 && utf16.IsSurrogate(rune(units[keep-1])) {
		keep--
	}
	if key := fmt.Sprint(questionID, len(units)); !b.warned[key] {
		b.warned[key] = true
		b.warnings = append(b.warnings, assessment.Problem{Severity: assessment.Warning, QuestionID: questionID,
			Code: assessment.CodeEvidenceTruncated, Args: assessment.Args{"Length": assessment.CountArg(len(units)), "Limit": assessment.CountArg(MaxCellChars)}})
	}
	return string(utf16.Decode(units[:keep])) + marker
}

// CutText writes an answer's text, cut to fit its cell, and remembers a
// cut (see Cut), so that import refuses an edit of a text it cannot see
// whole.
func (b *Book) CutText(sheet string, col, row int, s, questionID string) {
	shown := b.Fit(s, questionID)
	b.SetStr(sheet, col, row, shown)
	if shown != s {
		if b.cut == nil {
			b.cut = map[string]bool{}
		}
		b.cut[sheet+"!"+Cell(col, row)] = true
	}
}

// Cut reports whether CutText cut the text of a cell.
func (b *Book) Cut(sheet, ref string) bool { return b.cut[sheet+"!"+ref] }

// Number writes a number cell.
func (b *Book) Number(sheet string, col, row int, v float64, style int) {
	b.Check(b.F.SetCellFloat(sheet, Cell(col, row), v, -1, 64))
	b.Style(sheet, col, row, style)
}

// Integer writes a whole number cell.
func (b *Book) Integer(sheet string, col, row int, v int, style int) {
	b.Check(b.F.SetCellInt(sheet, Cell(col, row), int64(v)))
	b.Style(sheet, col, row, style)
}

// Style styles a cell; style 0 leaves it as it is.
func (b *Book) Style(sheet string, col, row int, style int) {
	if style != 0 {
		b.Check(b.F.SetCellStyle(sheet, Cell(col, row), Cell(col, row), style))
	}
}

// StyleRange styles the cells from (c1, r1) to (c2, r2).
func (b *Book) StyleRange(sheet string, c1, r1, c2, r2, style int) {
	b.Check(b.F.SetCellStyle(sheet, Cell(c1, r1), Cell(c2, r2), style))
}

// Merged writes a text across columns from to last of a row, merged, and
// styles them.
func (b *Book) Merged(sheet string, from, last, row int, s string, style int) {
	b.Check(b.F.MergeCell(sheet, Cell(from, row), Cell(last, row)))
	b.Text(sheet, from, row, s)
	b.StyleRange(sheet, from, row, last, row, style)
}

// Widths sets the column widths of a sheet, from column A.
func (b *Book) Widths(sheet string, widths ...float64) {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.Check(b.F.SetColWidth(sheet, col, col, min(w, MaxColumnWidth)))
	}
}

// PrintSetup makes a sheet print on A4 landscape, fitted to the page
// width, with the first titleRows rows repeated on every page and a header
// and footer naming the city and the page.
func (b *Book) PrintSetup(sheet string, titleRows int, city string) {
	size, orientation, one, zero := 9, "landscape", 1, 0
	b.Check(b.F.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation,
		FitToWidth: &one, FitToHeight: &zero}))
	fit := true
	b.Check(b.F.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	margin, edge := 0.5, 0.3
	b.Check(b.F.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin,
		Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge}))
	b.Check(b.F.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: PageHeader(city, b.T("app.name")),
		OddFooter: "&L&A&R" + b.T("report.pageOf", map[string]any{"Page": "&P", "Pages": "&N"}),
	}))
	if titleRows > 0 {
		b.Check(b.F.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, titleRows)}))
	}
}

// MaxHeaderFooter is the longest page header or footer Excel takes, in
// UTF-16 units, its codes included.
const MaxHeaderFooter = 255

// PageHeader is a page header with left on the left and right on the
// right ("&" doubled, as Excel's codes want). A left text too long for
// Excel's limit (a city's name of hundreds of letters) is shortened with
// "…", never inside a surrogate pair or a doubled "&"; the cells keep it
// whole. Control characters, which a header cannot show, are left out.
func PageHeader(left, right string) string {
	left, right = assessment.WithoutControls(left), assessment.WithoutControls(right)
	r := "&R" + strings.ReplaceAll(right, "&", "&&")
	return "&L" + shortenHeader(left, MaxHeaderFooter-utf16Len("&L")-utf16Len(r)) + r
}

// shortenHeader is s with "&" doubled, in at most budget UTF-16 units: cut
// at a letter, with "…", when longer.
func shortenHeader(s string, budget int) string {
	whole := strings.ReplaceAll(s, "&", "&&")
	if utf16Len(whole) <= budget {
		return whole
	}
	var out strings.Builder
	used := utf16Len("…")
	for _, r := range s {
		part := strings.ReplaceAll(string(r), "&", "&&")
		if used+utf16Len(part) > budget {
			break
		}
		out.WriteString(part)
		used += utf16Len(part)
	}
	if used > budget {
		return ""
	}
	return strings.TrimRight(out.String(), " ") + "…"
}

// utf16Len is the length of s in UTF-16 units, as Excel counts.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// Freeze keeps the first rows of a sheet in view.
func (b *Book) Freeze(sheet string, rows int) {
	b.Check(b.F.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: rows, TopLeftCell: Cell(1, rows+1),
		ActivePane: "bottomLeft", Selection: []excelize.Selection{{SQRef: Cell(1, rows+1), ActiveCell: Cell(1, rows+1), Pane: "bottomLeft"}}}))
}

// TableHeader writes a table's header row from message IDs.
func (b *Book) TableHeader(sheet string, row int, ids ...string) {
	for i, id := range ids {
		b.Text(sheet, i+1, row, b.T(id))
	}
	b.StyleRange(sheet, 1, row, len(ids), row, b.St.Header)
	b.Check(b.F.SetRowHeight(sheet, row, 32))
}

// QuestionRow writes the first columns of a question's row, the same on a
// report's sheet and a form's: number, ID on one line, the question.
func (b *Book) QuestionRow(sheet string, row, no int, q *assessment.Question) {
	b.Integer(sheet, 1, row, no, b.St.TextCenter)
	b.StyledText(sheet, 2, row, q.ID, b.St.ID)
	b.StyledText(sheet, 3, row, b.T(q.TextID()), b.St.Text)
}

// YesNo is a yes/no answer as the workbook writes it.
func (b *Book) YesNo(v bool) string {
	if v {
		return b.T("report.yes")
	}
	return b.T("report.no")
}
