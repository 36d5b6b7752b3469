package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/translations"
)

// The action plan's sheet shows the initiatives of the UNESCO application
// (assessment.ActionPlan), local ones first, each as a block of lines:
// its title and the application's titles, aims, activities, partners,
// target groups, the objectives it serves and its years, then its budget
// by source and year in million VND. Under the blocks, the budget of the
// whole plan by source and year. The problems of the plan come first.
//
// The texts and the budget figures are answer cells: import reads an edit
// of them and lists it. Every other cell of the blocks and tables (labels,
// objectives, years, totals) is worked out from the plan; an edit of one,
// or rows moved so that a label no longer stands where it was, is refused
// naming the cell. Nothing typed there is silently dropped.

// KindPlanCells rows of the data sheet fingerprint the cells of the action
// plan's sheet as exported (see planCell).
const KindPlanCells = "planCells"

// What an answer cell of the plan's sheet holds; "" is a cell worked out
// from the plan.
const (
	planTitle            = "title"
	planAims             = "aims"
	planActivities       = "activities"
	planPartners         = "partners"
	planTargetGroups     = "targetGroups"
	planBudget           = "budget"
	planApplicationTitle = "dossierTitle." // followed by a language of the application
)

// planCell is a cell of the plan's sheet: where it is, what it held at
// export, and, for an answer cell, what it holds.
type planCell struct {
	Sheet  string `json:"-"`
	N      int    `json:"-"`                // the initiative of its block: its place in the plan's list, from 1 (0: none)
	Field  string `json:"field,omitempty"`  // what it holds; "" for a cell worked out from the plan
	Year   int    `json:"year,omitempty"`   // a budget figure's year
	Source string `json:"source,omitempty"` // a budget figure's source
	V      print  `json:"v"`
}

// planRecord is a row of the data sheet: the cells of one initiative's
// block (N), or the sheet's other cells (N = 0).
type planRecord struct {
	Sheet string     `json:"sheet"`
	N     int        `json:"n,omitempty"`
	Cells []planCell `json:"cells"`
}

// planRecordsOf groups the cells of the plan's sheet by block, in order.
func planRecordsOf(cells []planCell) []planRecord {
	var out []planRecord
	at := map[[2]any]int{}
	for _, c := range cells {
		k := [2]any{c.Sheet, c.N}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, planRecord{Sheet: c.Sheet, N: c.N})
		}
		out[i].Cells = append(out[i].Cells, c)
	}
	return out
}

// cells are the record's cells, each with its sheet and block.
func (r planRecord) cells() []planCell {
	out := make([]planCell, len(r.Cells))
	for i, c := range r.Cells {
		c.Sheet, c.N = r.Sheet, r.N
		out[i] = c
	}
	return out
}

// valid reports whether a record read from the data sheet can be used.
func (r planRecord) valid(key string) bool {
	if r.Sheet == "" || key != strconv.Itoa(r.N) || r.N < 0 {
		return false
	}
	for _, c := range r.Cells {
		if _, _, err := excelize.CellNameToCoordinates(c.V.Ref); err != nil {
			return false
		}
	}
	return true
}

// planYears are the year columns of the budget tables: the plan's four
// years and any other year a budget is given for, in order.
func planYears(p *assessment.ActionPlan) []int {
	var years []int
	if p.FirstYear > 0 {
		for y := p.FirstYear; y <= p.LastYear(); y++ {
			years = append(years, y)
		}
	}
	for _, in := range p.Initiatives {
		for _, b := range in.Budget {
			if !slices.Contains(years, b.Year) {
				years = append(years, b.Year)
			}
		}
	}
	slices.Sort(years)
	return years
}

// planOrder is the order of the initiatives on the sheet: local, then
// international, then any of a scope the app does not know, each in the
// plan's order, with its number within its scope.
func planOrder(p *assessment.ActionPlan) (order []int, numbers []int) {
	count := map[assessment.Scope]int{}
	number := make([]int, len(p.Initiatives))
	for i, in := range p.Initiatives {
		count[in.Scope]++
		number[i] = count[in.Scope]
	}
	for _, s := range assessment.Scopes {
		for i, in := range p.Initiatives {
			if in.Scope == s {
				order = append(order, i)
			}
		}
	}
	for i, in := range p.Initiatives {
		if !slices.Contains(assessment.Scopes, in.Scope) {
			order = append(order, i)
		}
	}
	for _, i := range order {
		numbers = append(numbers, number[i])
	}
	return order, numbers
}

// planWidths are the sheet's column widths: the labels, one column per
// year, the total; the texts stand across the year and total columns,
// about 90 units wide.
func planWidths(years int) []float64 {
	widths := []float64{46}
	yearWidth := 14.0
	if years > 0 {
		yearWidth = max(13, 72/float64(years))
	}
	for range years {
		widths = append(widths, yearWidth)
	}
	return append(widths, max(18, 90-yearWidth*float64(years)))
}

// A4 landscape with the margins of printSetup, in points: the width and
// the height a page prints on, less the title rows repeated on each page.
const (
	pageWidth  = (297/25.4 - 1) * 72
	pageHeight = (210/25.4-1)*72 - 50
)

// planBreaks starts a new printed page before an initiative's block, or
// the plan's budget, that would not end on the page it starts on, once
// the rows have their heights.
func (b *builder) planBreaks() {
	sheet := b.planSheetName
	if sheet == "" {
		return
	}
	width := 0.0 // in points: a character unit is 7 pixels, a pixel 3/4 point
	for c := 1; ; c++ {
		letter, _ := excelize.ColumnNumberToName(c)
		w, err := b.w.F.GetColWidth(sheet, letter)
		if err != nil || c > 3+len(planYears(planOf(b.a))) {
			break
		}
		width += (w*7 + 5) * 0.75
	}
	scale := min(1, pageWidth/width) // fitted to the page's width
	used := 0.0
	for _, block := range b.planBlocks {
		h := 0.0
		for r := block[0]; r <= block[1]; r++ {
			rh, err := b.w.F.GetRowHeight(sheet, r)
			b.w.Check(err)
			h += rh * scale
		}
		if used > 0 && used+h > pageHeight {
			b.w.Check(b.w.F.InsertPageBreak(sheet, xlsxkit.Cell(1, block[0])))
			used = 0
		}
		used += h
	}
}

// planOf is an assessment's plan, empty when it has none.
func planOf(a *assessment.Assessment) *assessment.ActionPlan {
	if a.Plan == nil {
		return &assessment.ActionPlan{}
	}
	return a.Plan
}

// planRows writes the fingerprints of the plan sheet's cells on the data
// sheet, a row for each block.
func (b *builder) planRows(put func(kind, key string, value any, raw []byte)) {
	for i, c := range b.planCells {
		ref := c.V.Ref
		b.planCells[i].V = fingerprint(ref, xlsxkit.RawCell(b.w.F, c.Sheet, ref))
		b.planCells[i].V.Cut = b.w.Cut(c.Sheet, ref)
	}
	for _, r := range planRecordsOf(b.planCells) {
		put(KindPlanCells, strconv.Itoa(r.N), nil, xlsxkit.MustJSON(r))
	}
}

// planText is the text an answer cell of the plan's sheet shows.
func planText(in *assessment.Initiative, field string) (string, bool) {
	switch field {
	case planTitle:
		return in.Title, true
	case planAims:
		return in.Aims, true
	case planActivities:
		return in.Activities, true
	case planPartners:
		return in.Partners, true
	case planTargetGroups:
		return in.TargetGroups, true
	}
	if lang, ok := strings.CutPrefix(field, planApplicationTitle); ok {
		return in.Application[lang].Title, true
	}
	return "", false
}

// setPlanText changes the text of an answer cell of the plan's sheet.
func setPlanText(in *assessment.Initiative, field, s string) {
	switch field {
	case planTitle:
		in.Title = s
	case planAims:
		in.Aims = s
	case planActivities:
		in.Activities = s
	case planPartners:
		in.Partners = s
	case planTargetGroups:
		in.TargetGroups = s
	}
	if lang, ok := strings.CutPrefix(field, planApplicationTitle); ok {
		if in.Application == nil {
			in.Application = map[string]assessment.Summary{}
		}
		sum := in.Application[lang]
		sum.Title = s
		in.Application[lang] = sum
	}
}

// IsPlanEdit tells an edit of the plan's sheet among the edits import
// lists: those of answers name their question, those of the plan none.
func IsPlanEdit(p assessment.Problem) bool {
	return p.Code == assessment.CodeCellEdited && p.QuestionID == ""
}

// parseBudget reads a budget figure typed in a cell (text in the report
// language's notation); cleared tells an emptied cell, read as 0.
func parseBudget(s string, text bool, lang string) (v float64, cleared bool, code string) {
	// A budget figure is read as a number answer without a maximum: a
	// non-negative number, in the report language's notation when typed.
	value, code := xlsxkit.ParseEdit(s, text, xlsxkit.AnswerCell{}, lang)
	if code != "" {
		return 0, false, code
	}
	n, ok := value.Number()
	return n, !ok, ""
}

func numberOrNone(v float64, ok bool) assessment.Value {
	if !ok {
		return assessment.Value{}
	}
	return assessment.NumberValue(v)
}

// planWriter writes the plan's sheet and notes each cell it writes for
// the data sheet's fingerprints.
type planWriter struct {
	b     *builder
	sheet string
	years []int // the year columns, from column 2
	last  int   // the total column
	block int   // the initiative whose block is being written (0: none)
}

// fixed notes a cell worked out from the plan.
func (p *planWriter) fixed(col, row int) {
	p.b.planCells = append(p.b.planCells, planCell{Sheet: p.sheet, N: p.block, V: print{Ref: xlsxkit.Cell(col, row)}})
}

func (p *planWriter) fixedText(col, row int, s string, style int) {
	p.b.w.StyledText(p.sheet, col, row, s, style)
	p.fixed(col, row)
}

func (p *planWriter) fixedNumber(col, row int, v float64, style int) {
	p.b.w.Number(p.sheet, col, row, assessment.Money(v), style)
	p.fixed(col, row)
}

// across writes a text across the value columns.
func (p *planWriter) across(row int, s string, style int) {
	w := p.b.w
	w.Check(w.F.MergeCell(p.sheet, xlsxkit.Cell(2, row), xlsxkit.Cell(p.last, row)))
	w.CutText(p.sheet, 2, row, s, "")
	w.StyleRange(p.sheet, 2, row, p.last, row, style)
}

// answer writes an answer cell of the block's initiative across the value
// columns.
func (p *planWriter) answer(row int, field, s string, style int) {
	p.across(row, s, style)
	p.b.planCells = append(p.b.planCells, planCell{Sheet: p.sheet, N: p.block, Field: field, V: print{Ref: xlsxkit.Cell(2, row)}})
}

// wide writes a text across every column of the sheet.
func (p *planWriter) wide(row int, s string, style int) {
	p.b.w.Merged(p.sheet, 1, p.last, row, s, style)
}

// planSheet writes the action plan's sheet.
func (b *builder) planSheet() {
	sheet := xlsxkit.SafeSheetName(b.t("report.sheet.plan"))
	b.w.NewSheet(sheet)
	plan := planOf(b.a)
	p := &planWriter{b: b, sheet: sheet, years: planYears(plan)}
	p.last = 2 + len(p.years)
	b.w.Widths(sheet, planWidths(len(p.years))...)
	row := p.problems(plan, p.heading(plan))
	if len(plan.Initiatives) == 0 {
		p.wide(row, b.t("report.plan.none"), b.w.St.Label)
	}
	b.planBlocks = [][2]int{{1, row - 1}}
	order, numbers := planOrder(plan)
	for k, i := range order {
		top := row
		p.block = i + 1
		row = p.initiative(row, plan.Initiatives[i], numbers[k])
		b.planBlocks = append(b.planBlocks, [2]int{top, row})
		row++
	}
	p.block = 0
	if len(plan.Initiatives) > 0 {
		top := row
		row = p.planBudget(row, plan.Totals())
		b.planBlocks = append(b.planBlocks, [2]int{top, row})
	}
	b.planSheetName = sheet
	b.w.Freeze(sheet, 2)
	b.printSetup(sheet, 2)
}

// heading writes the title, the subtitle and the note; it returns the
// next row.
func (p *planWriter) heading(plan *assessment.ActionPlan) int {
	b := p.b
	title := b.t("report.plan.title")
	if plan.FirstYear > 0 {
		title = b.t("report.plan.titleYears", map[string]any{"First": plan.FirstYear, "Last": plan.LastYear()})
	}
	p.fixedText(1, 1, title, b.w.St.Title)
	p.fixedText(1, 2, b.t("report.plan.subtitle", map[string]any{"Local": len(plan.Of(assessment.Local)),
		"International": len(plan.Of(assessment.International)), "Total": l10n.Number(b.w.Loc, plan.Totals().All, 1)}), b.w.St.Subtitle)
	p.wide(3, b.t("report.plan.note"), b.w.St.Label)
	return 5
}

// problems lists the plan's problems from row, if it has any; it returns
// the next row.
func (p *planWriter) problems(plan *assessment.ActionPlan, row int) int {
	ps := assessment.ValidatePlan(plan, "")
	if len(ps) == 0 {
		return row
	}
	b := p.b
	b.w.StyledText(p.sheet, 1, row, b.t("report.plan.problems"), b.w.St.Notice)
	row++
	for _, pr := range ps {
		p.wide(row, "• "+l10n.Sentence(l10n.Problem(b.w.Loc, pr)), b.w.St.Text)
		row++
	}
	return row + 1
}

// initiative writes an initiative's block from row, number being its
// number within its scope; it returns the row of the block's last line.
func (p *planWriter) initiative(row int, in *assessment.Initiative, number int) int {
	b := p.b
	box := b.w.St.LabelBox
	p.fixedText(1, row, l10n.Sentence(l10n.Scope(b.w.Loc, in.Scope, number)), b.w.St.Heading)
	p.answer(row, planTitle, in.Title, b.w.St.Heading)
	row++
	for _, lang := range translations.ApplicationLanguages() {
		p.fixedText(1, row, b.t("report.plan.dossierTitle."+string(lang)), box)
		p.answer(row, planApplicationTitle+string(lang), in.Application[string(lang)].Title, b.w.St.Text)
		row++
	}
	partners := "report.plan.partners"
	if in.Scope == assessment.International {
		partners = "report.plan.partnerCities"
	}
	for _, line := range []struct{ label, field, value string }{
		{"report.plan.aims", planAims, in.Aims},
		{"report.plan.activities", planActivities, in.Activities},
		{partners, planPartners, in.Partners},
		{"report.plan.targetGroups", planTargetGroups, in.TargetGroups},
	} {
		p.fixedText(1, row, b.t(line.label), box)
		p.answer(row, line.field, line.value, b.w.St.Text)
		row++
	}
	p.worked(row, "report.plan.objectives", l10n.Sentence(strings.Join(b.objectives(in), "; ")))
	row++
	var years []string
	for _, y := range in.Years {
		years = append(years, strconv.Itoa(y))
	}
	p.worked(row, "report.plan.years", strings.Join(years, ", "))
	return p.initiativeBudget(row+1, in)
}

// worked writes a line of a block worked out from the plan: its label and
// its text across the value columns.
func (p *planWriter) worked(row int, label, s string) {
	p.fixedText(1, row, p.b.t(label), p.b.w.St.LabelBox)
	p.across(row, s, p.b.w.St.Text)
	p.fixed(2, row)
}

// objectives are the names of the UCCN objectives an initiative serves
// (an ID the app does not know as it is).
func (b *builder) objectives(in *assessment.Initiative) []string {
	var names []string
	for _, o := range in.Objectives {
		name := o
		if b.w.Loc.Has("objective." + o) {
			name = l10n.Objective(b.w.Loc, o)
		}
		names = append(names, name)
	}
	return names
}

// planSentence is a message about the plan as a whole: its initiatives
// (Count, Local, International), its years (First, Last; 0 when not
// given), its budget (Total, in million VND) and its sheet (Sheet).
func (b *builder) planSentence(id string, p *assessment.ActionPlan) string {
	first, last := 0, 0
	if p.FirstYear > 0 {
		first, last = p.FirstYear, p.LastYear()
	}
	return b.w.Loc.N(id, len(p.Initiatives), map[string]any{"Local": len(p.Of(assessment.Local)),
		"International": len(p.Of(assessment.International)), "First": first, "Last": last,
		"Total": l10n.Number(b.w.Loc, p.Totals().All, 1), "Sheet": xlsxkit.SafeSheetName(b.t("report.sheet.plan"))})
}

// budgetHeader writes the header of a budget table: label, years, total.
func (p *planWriter) budgetHeader(row int, label string) {
	header := p.b.w.St.Header
	p.fixedText(1, row, label, header)
	for j, y := range p.years {
		p.fixedText(2+j, row, strconv.Itoa(y), header)
	}
	p.fixedText(p.last, row, p.b.t("report.plan.total"), header)
}

// initiativeBudget writes an initiative's budget from row: a line per
// source with its figure for each year (the answer cells) and its total,
// then the total of each year. It returns the next row.
func (p *planWriter) initiativeBudget(row int, in *assessment.Initiative) int {
	b := p.b
	p.budgetHeader(row, b.t("report.plan.budget"))
	row++
	t := in.Totals()
	for _, src := range assessment.Sources {
		p.fixedText(1, row, b.t("report.plan.source."+string(src)), b.w.St.LabelBox)
		for j, y := range p.years {
			col := 2 + j
			if yb := in.BudgetOf(y); yb != nil {
				b.w.Number(p.sheet, col, row, yb.Amount(src), b.w.St.Decimal)
			} else {
				b.w.Style(p.sheet, col, row, b.w.St.Decimal)
			}
			b.planCells = append(b.planCells, planCell{Sheet: p.sheet, N: p.block, Field: planBudget, Year: y, Source: string(src),
				V: print{Ref: xlsxkit.Cell(col, row)}})
		}
		p.fixedNumber(p.last, row, t.BySource[src], b.w.St.Total)
		row++
	}
	p.fixedText(1, row, b.t("report.plan.total"), b.w.St.LabelBox)
	for j, y := range p.years {
		if in.BudgetOf(y) != nil {
			p.fixedNumber(2+j, row, t.ByYear[y], b.w.St.Total)
		} else {
			b.w.Style(p.sheet, 2+j, row, b.w.St.Total)
			p.fixed(2+j, row)
		}
	}
	p.fixedNumber(p.last, row, t.All, b.w.St.Total)
	return row + 1
}

// planBudget writes the budget of the whole plan from row: a line per
// source with its sum for each year and over the plan, then the total of
// each year and of the plan. It returns the next row.
func (p *planWriter) planBudget(row int, t assessment.BudgetTotals) int {
	b := p.b
	b.w.Check(b.w.F.MergeCell(p.sheet, xlsxkit.Cell(1, row), xlsxkit.Cell(p.last, row)))
	p.fixedText(1, row, b.t("report.plan.budgetOfPlan"), b.w.St.Label)
	row++
	p.budgetHeader(row, b.t("report.plan.sourceCol"))
	row++
	for _, src := range assessment.Sources {
		p.fixedText(1, row, b.t("report.plan.source."+string(src)), b.w.St.LabelBox)
		for j, y := range p.years {
			p.fixedNumber(2+j, row, t.BySourceYear[src][y], b.w.St.Decimal)
		}
		p.fixedNumber(p.last, row, t.BySource[src], b.w.St.Total)
		row++
	}
	p.fixedText(1, row, b.t("report.plan.total"), b.w.St.LabelBox)
	for j, y := range p.years {
		p.fixedNumber(2+j, row, t.ByYear[y], b.w.St.Total)
	}
	p.fixedNumber(p.last, row, t.All, b.w.St.Total)
	return row + 1
}

// budgetFigure is an initiative's budget from a source in a year, and
// whether the initiative has a budget that year.
func budgetFigure(in *assessment.Initiative, year int, src assessment.Source) (float64, bool) {
	if yb := in.BudgetOf(year); yb != nil {
		return yb.Amount(src), true
	}
	return 0, false
}

// setBudgetFigure changes an initiative's budget from a source in a
// year, adding the year when it has none; a year whose figures a reader
// cleared to nothing is taken away.
func setBudgetFigure(in *assessment.Initiative, year int, src assessment.Source, v float64, cleared bool) {
	i := slices.IndexFunc(in.Budget, func(y assessment.YearBudget) bool { return y.Year == year })
	if i < 0 {
		in.Budget = append(in.Budget, assessment.YearBudget{Year: year})
		slices.SortStableFunc(in.Budget, func(x, y assessment.YearBudget) int { return x.Year - y.Year })
		i = slices.IndexFunc(in.Budget, func(y assessment.YearBudget) bool { return y.Year == year })
	}
	in.Budget[i].SetAmount(src, v)
	if cleared && in.Budget[i].City == 0 && in.Budget[i].Province == 0 && in.Budget[i].NonState == 0 {
		in.Budget = slices.Delete(in.Budget, i, i+1)
	}
}

// planReader reads back the edits of the plan's sheet.
type planReader struct {
	f       *excelize.File
	path    string
	a       *assessment.Assessment
	lang    string
	dataRef string // the data sheet's copy of the plan
}

// planEdits applies what a reader changed on the plan's sheet to a's plan,
// read from the data sheet (whose copy of the plan is at dataRef). An edit
// of a text or a budget figure is taken and listed; an edit of a cell
// worked out from the plan, of a text cut to fit its cell, a figure that
// cannot be read, or an edit that disagrees with an edit of the data
// sheet's copy is refused naming the cell.
func planEdits(f *excelize.File, path string, a *assessment.Assessment, records []planCell, lang, dataRef string) ([]assessment.Problem, error) {
	r := &planReader{f: f, path: path, a: a, lang: lang, dataRef: dataRef}
	present, changes := r.present(records)
	// The cells worked out from the plan first: a row moved or deleted
	// shows there, and nothing is taken from a sheet whose rows moved.
	for _, c := range present {
		if c.Field == "" && !c.V.same(xlsxkit.RawCell(f, c.Sheet, c.V.Ref)) {
			return nil, r.refuse(c, assessment.CodeCellComputed)
		}
	}
	for _, c := range present {
		if c.Field == "" {
			continue
		}
		change, err := r.edit(c)
		if err != nil {
			return nil, err
		}
		if change != nil {
			changes = append(changes, *change)
		}
	}
	return changes, nil
}

// present are the records of sheets the workbook still has; a sheet gone
// is a warning, once.
func (r *planReader) present(records []planCell) (present []planCell, changes []assessment.Problem) {
	gone := map[string]bool{}
	for _, c := range records {
		if idx, err := r.f.GetSheetIndex(c.Sheet); err != nil || idx < 0 {
			if !gone[c.Sheet] {
				gone[c.Sheet] = true
				changes = append(changes, assessment.Problem{Severity: assessment.Warning, Path: r.path,
					Code: assessment.CodePlanSheetGone, Args: assessment.Args{"Sheet": assessment.TextArg(c.Sheet)}})
			}
			continue
		}
		present = append(present, c)
	}
	return present, changes
}

// refuse is the error of a cell whose edit cannot be taken.
func (r *planReader) refuse(c planCell, code string) error {
	return xlsxkit.CellError(r.path, c.Sheet, xlsxkit.ColOf(c.V.Ref), xlsxkit.RowOf(c.V.Ref), code, nil)
}

// conflict is the error of an edit that disagrees with the data sheet's.
func (r *planReader) conflict(c planCell) error {
	return xlsxkit.ReadError(r.path, assessment.CodeCellEditConflict, assessment.Args{"Sheet": assessment.TextArg(c.Sheet),
		"Cell": assessment.TextArg(c.V.Ref), "Other": assessment.TextArg(r.dataRef)}, nil)
}

// edit takes the edit of an answer cell, and returns the warning that
// lists it (nil when the cell was not changed).
func (r *planReader) edit(c planCell) (*assessment.Problem, error) {
	now := xlsxkit.RawCell(r.f, c.Sheet, c.V.Ref)
	if c.V.same(now) {
		return nil, nil
	}
	if c.V.Cut {
		return nil, r.refuse(c, assessment.CodeCellCutEdited)
	}
	if r.a.Plan == nil || c.N < 1 || c.N > len(r.a.Plan.Initiatives) {
		return nil, r.conflict(c) // the data sheet's copy lost this initiative
	}
	in := r.a.Plan.Initiatives[c.N-1]
	edit := r.editText
	if c.Field == planBudget {
		edit = r.editBudget
	}
	old, shown, changed, err := edit(c, in, now)
	if err != nil || !changed {
		return nil, err
	}
	return &assessment.Problem{Severity: assessment.Warning, Path: r.path, Code: assessment.CodeCellEdited,
		Args: assessment.Args{"Sheet": assessment.TextArg(c.Sheet), "Cell": assessment.TextArg(c.V.Ref),
			"Old": assessment.TextArg(xlsxkit.Short(old)), "New": assessment.TextArg(xlsxkit.Short(shown))}}, nil
}

// editBudget takes the edit of a budget figure.
func (r *planReader) editBudget(c planCell, in *assessment.Initiative, now string) (old, shown string, changed bool, err error) {
	src := assessment.Source(c.Source)
	if !slices.Contains(assessment.Sources, src) {
		return "", "", false, r.refuse(c, assessment.CodeCellComputed)
	}
	v, cleared, code := parseBudget(now, xlsxkit.IsText(r.f, c.Sheet, c.V.Ref), r.lang)
	if code != "" {
		return "", "", false, r.refuse(c, code)
	}
	was, has := budgetFigure(in, c.Year, src)
	if has {
		old = strconv.FormatFloat(was, 'f', -1, 64)
	}
	switch {
	case (has && was == v && !cleared) || (!has && cleared):
		return "", "", false, nil // rewritten, not changed
	case !c.V.same(old):
		return "", "", false, r.conflict(c)
	}
	setBudgetFigure(in, c.Year, src, v, cleared)
	return xlsxkit.Display(numberOrNone(was, has), r.lang), xlsxkit.Display(numberOrNone(v, !cleared), r.lang), true, nil
}

// editText takes the edit of a text.
func (r *planReader) editText(c planCell, in *assessment.Initiative, now string) (old, shown string, changed bool, err error) {
	was, ok := planText(in, c.Field)
	if !ok {
		return "", "", false, r.refuse(c, assessment.CodeCellComputed)
	}
	s := norm.NFC.String(strings.TrimSpace(now))
	switch {
	case s == was:
		return "", "", false, nil
	case !c.V.same(was):
		return "", "", false, r.conflict(c)
	}
	setPlanText(in, c.Field, s)
	return was, s, true, nil
}
