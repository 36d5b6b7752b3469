// Package report writes the Excel workbook of an assessment: a summary
// with the field ranking, recommendation and charts, a sheet for readiness
// and for each field, the action plan of the application, the gaps to
// close in the recommended field, and a machine-readable data sheet from which the assessment can be read back.
// The report language is a parameter, independent of any user interface.
package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// MaxCellChars is Excel's limit of characters (UTF-16 units) in a cell.
const MaxCellChars = 32767

// Options set what the report says about itself.
type Options struct {
	Lang       translations.Lang
	AppVersion string
	// Now is the time written in the document properties (default: now).
	Now time.Time
	// Migrated is what changed when an assessment of an older
	// questionnaire version was brought up to this one
	// (Questionnaire.Migrate): the report says so under its title.
	Migrated []assessment.Problem
}

// DataSheetMarker is the text in cell A1 of the data sheet that identifies a
// workbook written by this app.
const DataSheetMarker = "creativecity-assessment-data"

// Write builds the workbook and writes it to w. res may be nil, then the
// assessment is scored here. It returns warnings (evidence cut to fit a
// cell); an error means nothing usable was written.
func Write(w io.Writer, qn *assessment.Questionnaire, a *assessment.Assessment, res *assessment.Result, opts Options) ([]assessment.Problem, error) {
	f, warnings, err := Build(qn, a, res, opts)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := f.WriteTo(w); err != nil {
		return nil, err
	}
	return warnings, nil
}

// Build returns the workbook in memory (the caller closes it).
func Build(qn *assessment.Questionnaire, a *assessment.Assessment, res *assessment.Result, opts Options) (*excelize.File, []assessment.Problem, error) {
	if res == nil {
		res = assessment.Score(qn, a)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	b := &builder{f: excelize.NewFile(), qn: qn, a: a, res: res, opts: opts, loc: translations.New(opts.Lang), warned: map[string]bool{}}
	if err := b.build(); err != nil {
		b.f.Close()
		return nil, nil, err
	}
	return b.f, b.warnings, nil
}

type builder struct {
	f             *excelize.File
	qn            *assessment.Questionnaire
	a             *assessment.Assessment
	res           *assessment.Result
	opts          Options
	loc           *translations.Localizer
	st            styles
	warnings      []assessment.Problem
	warned        map[string]bool       // warnings already given, so each is given once
	texts         map[string][]textCell // the text cells written, by sheet
	watched       []watched             // the answer cells of the visible sheets, fingerprinted on the data sheet
	planCells     []planCell            // the cells of the action plan's sheet, fingerprinted on the data sheet
	planSheetName string                // the action plan's sheet
	planBlocks    [][2]int              // its blocks' first and last rows, each kept on one printed page
	cut           map[string]bool       // "sheet!A1" of the texts cut to fit their cell
	err           error                 // the first error of a cell operation
}

// font is the report's font, from the language's files (for Vietnamese the
// one administrative documents use, Times New Roman).
func (b *builder) font() string { return b.loc.Setting("reportFont") }

// t translates a message.
func (b *builder) t(id string, data ...map[string]any) string { return b.loc.T(id, data...) }

// check keeps the first error of a sequence of excelize calls.
func (b *builder) check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

func (b *builder) build() error {
	b.check(b.f.SetDefaultFont(b.font()))
	b.st = newStyles(b.f, b.check, b.loc.Setting("dateExcel"), b.font())
	cover := safeSheetName(b.t("report.sheet.cover"))
	b.check(b.f.SetSheetName("Sheet1", cover))
	b.cover(cover)
	summary := b.t("report.sheet.summary")
	_, err := b.f.NewSheet(summary)
	b.check(err)
	b.summary(summary)
	if rs := b.qn.SectionOfKind(assessment.KindReadiness); rs != nil {
		b.section(rs)
	}
	for _, s := range b.qn.Fields() {
		b.section(s)
	}
	b.planSheet()
	b.gaps()
	b.data()
	for _, sheet := range b.f.GetSheetList() {
		b.fitRows(sheet)
	}
	b.planBreaks()
	b.f.SetActiveSheet(0)
	b.properties()
	return b.err
}

// SheetName is the translated, Excel-safe name of a section's sheet.
func SheetName(loc *translations.Localizer, sectionID string) string {
	id := "report.sheetName." + sectionID
	name := loc.T(id)
	if !loc.Has(id) {
		name = loc.T("section." + sectionID + ".name")
	}
	return safeSheetName(name)
}

// safeSheetName removes the characters Excel forbids and cuts to 31 units.
func safeSheetName(s string) string {
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

// cell returns the A1 reference of column col (1-based) and row.
func cell(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

// text writes a string as text, never as a formula, cut to fit a cell.
func (b *builder) text(sheet string, col, row int, s string) {
	b.setStr(sheet, col, row, b.fit(s, ""))
}

// setStr writes a text cell, and remembers it for fitRows.
func (b *builder) setStr(sheet string, col, row int, s string) {
	b.check(b.f.SetCellStr(sheet, cell(col, row), s))
	if s != "" {
		if b.texts == nil {
			b.texts = map[string][]textCell{}
		}
		b.texts[sheet] = append(b.texts[sheet], textCell{col, row, s})
	}
}

// fit cuts s to Excel's cell limit with a visible marker; questionID,
// when given, names the answer in the warning.
func (b *builder) fit(s, questionID string) string {
	units := utf16.Encode([]rune(s))
	if len(units) <= MaxCellChars {
		return s
	}
	marker := b.t("report.truncated", map[string]any{"Length": l10n.Number(b.loc, float64(len(units)), 0)})
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

func (b *builder) number(sheet string, col, row int, v float64, style int) {
	b.check(b.f.SetCellFloat(sheet, cell(col, row), v, -1, 64))
	b.style(sheet, col, row, style)
}

func (b *builder) integer(sheet string, col, row int, v int, style int) {
	b.check(b.f.SetCellInt(sheet, cell(col, row), int64(v)))
	b.style(sheet, col, row, style)
}

func (b *builder) style(sheet string, col, row int, style int) {
	if style != 0 {
		b.check(b.f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
	}
}

func (b *builder) styleRange(sheet string, c1, r1, c2, r2, style int) {
	b.check(b.f.SetCellStyle(sheet, cell(c1, r1), cell(c2, r2), style))
}

// widths sets the column widths of a sheet, from column A.
func (b *builder) widths(sheet string, widths ...float64) {
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.check(b.f.SetColWidth(sheet, col, col, w))
	}
}

// printSetup makes a sheet print on A4 landscape, fitted to the page width,
// with the first titleRows rows repeated on every page and a header and
// footer naming the city and the page.
func (b *builder) printSetup(sheet string, titleRows int) {
	size, orientation, one, zero := 9, "landscape", 1, 0
	b.check(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation,
		FitToWidth: &one, FitToHeight: &zero}))
	fit := true
	b.check(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	margin, edge := 0.5, 0.3
	b.check(b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin,
		Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge}))
	city := strings.ReplaceAll(b.a.City.Name, "&", "&&")
	b.check(b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + city + "&R" + strings.ReplaceAll(b.t("app.name"), "&", "&&"),
		OddFooter: "&L&A&R" + b.t("report.pageOf", map[string]any{"Page": "&P", "Pages": "&N"}),
	}))
	if titleRows > 0 {
		b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, titleRows)}))
	}
}

// freeze keeps the first rows of a sheet in view.
func (b *builder) freeze(sheet string, rows int) {
	b.check(b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: rows, TopLeftCell: cell(1, rows+1),
		ActivePane: "bottomLeft", Selection: []excelize.Selection{{SQRef: cell(1, rows+1), ActiveCell: cell(1, rows+1), Pane: "bottomLeft"}}}))
}

func (b *builder) properties() {
	lang := b.loc.Setting("tag")
	now := b.opts.Now.UTC().Format(time.RFC3339)
	creator := b.t("app.name") + " " + b.opts.AppVersion
	b.check(b.f.SetDocProps(&excelize.DocProperties{
		Title:          b.t("report.title"),
		Subject:        b.t("report.subject", map[string]any{"City": b.a.City.Name}),
		Creator:        creator,
		LastModifiedBy: creator,
		Description:    b.t("report.docDescription", map[string]any{"Count": len(b.qn.Fields())}),
		Keywords:       "UNESCO, UCCN, " + b.a.City.Name,
		Language:       lang,
		Version:        b.opts.AppVersion,
		Created:        now,
		Modified:       now,
	}))
	b.check(b.f.SetAppProps(&excelize.AppProperties{Application: b.t("app.name")}))
}

// sortedKeys lists a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
