package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
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
	planTitle        = "title"
	planAims         = "aims"
	planActivities   = "activities"
	planPartners     = "partners"
	planTargetGroups = "targetGroups"
	planBudget       = "budget"
	planDossierTitle = "dossierTitle." // followed by a language of the application
)

// dossierLangs are the languages of the application (UNESCO's form is
// in English or French) whose titles the sheet shows.
var dossierLangs = []translations.Lang{translations.EN, translations.FR}

// budgetSource is a source of an initiative's budget.
type budgetSource struct {
	id  string
	get func(*assessment.YearBudget) *float64
}

// budgetSources are the sources, in the order of the sheet.
var budgetSources = []budgetSource{
	{"city", func(y *assessment.YearBudget) *float64 { return &y.City }},
	{"province", func(y *assessment.YearBudget) *float64 { return &y.Province }},
	{"nonState", func(y *assessment.YearBudget) *float64 { return &y.NonState }},
}

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

// planTotals are a plan's budget sums: by source and year, by source, by
// year and over the plan.
type planTotals struct {
	bySourceYear map[string]map[int]float64
	bySource     map[string]float64
	byYear       map[int]float64
	all          float64
}

func totalsOf(p *assessment.ActionPlan) planTotals {
	t := planTotals{bySourceYear: map[string]map[int]float64{}, bySource: map[string]float64{}, byYear: map[int]float64{}}
	for _, src := range budgetSources {
		t.bySourceYear[src.id] = map[int]float64{}
	}
	for _, in := range p.Initiatives {
		for _, y := range in.Budget {
			for _, src := range budgetSources {
				v := *src.get(&y)
				t.bySourceYear[src.id][y.Year] += v
				t.bySource[src.id] += v
				t.byYear[y.Year] += v
				t.all += v
			}
		}
	}
	return t
}

// money rounds a sum of amounts in million VND to the dong, so that a sum
// of figures with decimals does not show the binary fractions of its
// addition.
func money(v float64) float64 { return round(v, 6) }

// planSheet writes the action plan's sheet.
func (b *builder) planSheet() {
	sheet := safeSheetName(b.t("report.sheet.plan"))
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	p := planOf(b.a)
	years := planYears(p)
	last := 2 + len(years) // the total column
	b.widths(sheet, planWidths(len(years))...)
	block := 0 // the initiative whose block is being written
	fixed := func(col, row int) {
		b.planCells = append(b.planCells, planCell{Sheet: sheet, N: block, V: print{Ref: cell(col, row)}})
	}
	fixedText := func(col, row int, s string, style int) {
		b.text(sheet, col, row, s)
		b.style(sheet, col, row, style)
		fixed(col, row)
	}
	fixedNumber := func(col, row int, v float64, style int) {
		b.number(sheet, col, row, money(v), style)
		fixed(col, row)
	}
	// across writes a text across the value columns.
	across := func(row int, s string, style int) {
		b.check(b.f.MergeCell(sheet, cell(2, row), cell(last, row)))
		b.cutText(sheet, 2, row, s, "")
		b.styleRange(sheet, 2, row, last, row, style)
	}

	title := b.t("report.plan.title")
	if p.FirstYear > 0 {
		title = b.t("report.plan.titleYears", map[string]any{"First": p.FirstYear, "Last": p.LastYear()})
	}
	fixedText(1, 1, title, b.st.title)
	t := totalsOf(p)
	fixedText(1, 2, b.t("report.plan.subtitle", map[string]any{"Local": len(p.Of(assessment.Local)),
		"International": len(p.Of(assessment.International)), "Total": l10n.Number(b.loc, money(t.all), 1)}), b.st.subtitle)
	row := 3
	b.check(b.f.MergeCell(sheet, cell(1, row), cell(last, row)))
	b.text(sheet, 1, row, b.t("report.plan.note"))
	b.styleRange(sheet, 1, row, last, row, b.st.label)
	row += 2
	if ps := assessment.ValidatePlan(p, ""); len(ps) > 0 {
		b.text(sheet, 1, row, b.t("report.plan.problems"))
		b.style(sheet, 1, row, b.st.notice)
		row++
		for _, pr := range ps {
			b.check(b.f.MergeCell(sheet, cell(1, row), cell(last, row)))
			b.text(sheet, 1, row, "• "+l10n.Sentence(l10n.Problem(b.loc, pr)))
			b.styleRange(sheet, 1, row, last, row, b.st.text)
			row++
		}
		row++
	}
	if len(p.Initiatives) == 0 {
		b.check(b.f.MergeCell(sheet, cell(1, row), cell(last, row)))
		b.text(sheet, 1, row, b.t("report.plan.none"))
		b.styleRange(sheet, 1, row, last, row, b.st.label)
	}
	order, numbers := planOrder(p)
	b.planBlocks = [][2]int{{1, row - 1}}
	for k, i := range order {
		top := row
		in := p.Initiatives[i]
		n := i + 1
		block = n
		answer := func(row int, field, s string, style int) {
			across(row, s, style)
			b.planCells = append(b.planCells, planCell{Sheet: sheet, N: n, Field: field, V: print{Ref: cell(2, row)}})
		}
		fixedText(1, row, l10n.Sentence(l10n.Scope(b.loc, in.Scope, numbers[k])), b.st.heading)
		answer(row, planTitle, in.Title, b.st.heading)
		row++
		for _, lang := range dossierLangs {
			fixedText(1, row, b.t("report.plan.dossierTitle."+string(lang)), b.st.labelBox)
			answer(row, planDossierTitle+string(lang), in.Dossier[string(lang)].Title, b.st.text)
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
			fixedText(1, row, b.t(line.label), b.st.labelBox)
			answer(row, line.field, line.value, b.st.text)
			row++
		}
		var objectives []string
		for _, o := range in.Objectives {
			name := o
			if b.loc.Has("objective." + o) {
				name = l10n.Objective(b.loc, o)
			}
			objectives = append(objectives, name)
		}
		fixedText(1, row, b.t("report.plan.objectives"), b.st.labelBox)
		across(row, l10n.Sentence(strings.Join(objectives, "; ")), b.st.text)
		fixed(2, row)
		row++
		var inYears []string
		for _, y := range in.Years {
			inYears = append(inYears, strconv.Itoa(y))
		}
		fixedText(1, row, b.t("report.plan.years"), b.st.labelBox)
		across(row, strings.Join(inYears, ", "), b.st.text)
		fixed(2, row)
		row++
		row = b.initiativeBudget(sheet, row, n, in, years, fixedText, fixedNumber)
		b.planBlocks = append(b.planBlocks, [2]int{top, row})
		row++
	}
	block = 0
	if len(p.Initiatives) > 0 {
		top := row
		row = b.planBudget(sheet, row, years, t, fixedText, fixedNumber)
		b.planBlocks = append(b.planBlocks, [2]int{top, row})
	}
	b.planSheetName = sheet
	b.freeze(sheet, 2)
	b.printSetup(sheet, 2)
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
		w, err := b.f.GetColWidth(sheet, letter)
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
			rh, err := b.f.GetRowHeight(sheet, r)
			b.check(err)
			h += rh * scale
		}
		if used > 0 && used+h > pageHeight {
			b.check(b.f.InsertPageBreak(sheet, cell(1, block[0])))
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

// planSentence is a message about the plan as a whole: its initiatives
// (Count, Local, International), its years (First, Last; 0 when not
// given), its budget (Total, in million VND) and its sheet (Sheet).
func (b *builder) planSentence(id string, p *assessment.ActionPlan) string {
	first, last := 0, 0
	if p.FirstYear > 0 {
		first, last = p.FirstYear, p.LastYear()
	}
	return b.loc.N(id, len(p.Initiatives), map[string]any{"Local": len(p.Of(assessment.Local)),
		"International": len(p.Of(assessment.International)), "First": first, "Last": last,
		"Total": l10n.Number(b.loc, money(totalsOf(p).all), 1), "Sheet": safeSheetName(b.t("report.sheet.plan"))})
}

// budgetHeader writes the header of a budget table: label, years, total.
func (b *builder) budgetHeader(row int, label string, years []int, fixedText func(col, row int, s string, style int)) {
	fixedText(1, row, label, b.st.header)
	for j, y := range years {
		fixedText(2+j, row, strconv.Itoa(y), b.st.header)
	}
	fixedText(2+len(years), row, b.t("report.plan.total"), b.st.header)
}

// initiativeBudget writes an initiative's budget from row: a line per
// source with its figure for each year (the answer cells) and its total,
// then the total of each year. It returns the next row.
func (b *builder) initiativeBudget(sheet string, row, n int, in *assessment.Initiative, years []int,
	fixedText func(col, row int, s string, style int), fixedNumber func(col, row int, v float64, style int)) int {
	b.budgetHeader(row, b.t("report.plan.budget"), years, fixedText)
	row++
	byYear := map[int]*assessment.YearBudget{}
	for i := range in.Budget {
		byYear[in.Budget[i].Year] = &in.Budget[i]
	}
	for _, src := range budgetSources {
		fixedText(1, row, b.t("report.plan.source."+src.id), b.st.labelBox)
		sum := 0.0
		for j, y := range years {
			col := 2 + j
			if yb, ok := byYear[y]; ok {
				v := *src.get(yb)
				b.number(sheet, col, row, v, b.st.decimal)
				sum += v
			} else {
				b.style(sheet, col, row, b.st.decimal)
			}
			b.planCells = append(b.planCells, planCell{Sheet: sheet, N: n, Field: planBudget, Year: y, Source: src.id,
				V: print{Ref: cell(col, row)}})
		}
		fixedNumber(2+len(years), row, sum, b.st.total)
		row++
	}
	fixedText(1, row, b.t("report.plan.total"), b.st.labelBox)
	for j, y := range years {
		if yb, ok := byYear[y]; ok {
			fixedNumber(2+j, row, yb.Total(), b.st.total)
		} else {
			b.style(sheet, 2+j, row, b.st.total)
			b.planCells = append(b.planCells, planCell{Sheet: sheet, N: n, V: print{Ref: cell(2+j, row)}})
		}
	}
	fixedNumber(2+len(years), row, in.Budgeted(), b.st.total)
	return row + 1
}

// planBudget writes the budget of the whole plan from row: a line per
// source with its sum for each year and over the plan, then the total of
// each year and of the plan. It returns the next row.
func (b *builder) planBudget(sheet string, row int, years []int, t planTotals,
	fixedText func(col, row int, s string, style int), fixedNumber func(col, row int, v float64, style int)) int {
	b.check(b.f.MergeCell(sheet, cell(1, row), cell(2+len(years), row)))
	fixedText(1, row, b.t("report.plan.budgetOfPlan"), b.st.label)
	row++
	b.budgetHeader(row, b.t("report.plan.sourceCol"), years, fixedText)
	row++
	for _, src := range budgetSources {
		fixedText(1, row, b.t("report.plan.source."+src.id), b.st.labelBox)
		for j, y := range years {
			fixedNumber(2+j, row, t.bySourceYear[src.id][y], b.st.decimal)
		}
		fixedNumber(2+len(years), row, t.bySource[src.id], b.st.total)
		row++
	}
	fixedText(1, row, b.t("report.plan.total"), b.st.labelBox)
	for j, y := range years {
		fixedNumber(2+j, row, t.byYear[y], b.st.total)
	}
	fixedNumber(2+len(years), row, t.all, b.st.total)
	return row + 1
}

// planRows writes the fingerprints of the plan sheet's cells on the data
// sheet, a row for each block.
func (b *builder) planRows(put func(kind, key string, value any, raw []byte)) {
	for i, c := range b.planCells {
		ref := c.V.Ref
		b.planCells[i].V = fingerprint(ref, rawCell(b.f, c.Sheet, ref))
		b.planCells[i].V.Cut = b.cut[c.Sheet+"!"+ref]
	}
	for _, r := range planRecordsOf(b.planCells) {
		put(KindPlanCells, strconv.Itoa(r.N), nil, mustJSON(r))
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
	if lang, ok := strings.CutPrefix(field, planDossierTitle); ok {
		return in.Dossier[lang].Title, true
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
	if lang, ok := strings.CutPrefix(field, planDossierTitle); ok {
		if in.Dossier == nil {
			in.Dossier = map[string]assessment.Summary{}
		}
		sum := in.Dossier[lang]
		sum.Title = s
		in.Dossier[lang] = sum
	}
}

// sourceOf finds a budget source by its ID.
func sourceOf(id string) (budgetSource, bool) {
	for _, s := range budgetSources {
		if s.id == id {
			return s, true
		}
	}
	return budgetSource{}, false
}

// budgetFigure is an initiative's budget from a source in a year, and
// whether the initiative has a budget that year.
func budgetFigure(in *assessment.Initiative, year int, src budgetSource) (float64, bool) {
	for i := range in.Budget {
		if in.Budget[i].Year == year {
			return *src.get(&in.Budget[i]), true
		}
	}
	return 0, false
}

// setBudgetFigure changes an initiative's budget from a source in a
// year, adding the year when it has none; a year whose figures a reader
// cleared to nothing is taken away.
func setBudgetFigure(in *assessment.Initiative, year int, src budgetSource, v float64, cleared bool) {
	i := slices.IndexFunc(in.Budget, func(y assessment.YearBudget) bool { return y.Year == year })
	if i < 0 {
		in.Budget = append(in.Budget, assessment.YearBudget{Year: year})
		slices.SortStableFunc(in.Budget, func(x, y assessment.YearBudget) int { return x.Year - y.Year })
		i = slices.IndexFunc(in.Budget, func(y assessment.YearBudget) bool { return y.Year == year })
	}
	*src.get(&in.Budget[i]) = v
	if cleared && in.Budget[i].City == 0 && in.Budget[i].Province == 0 && in.Budget[i].NonState == 0 {
		in.Budget = slices.Delete(in.Budget, i, i+1)
	}
}

// planEdits applies what a reader changed on the plan's sheet to a's plan,
// read from the data sheet (whose copy of the plan is at dataRef). An edit
// of a text or a budget figure is taken and listed; an edit of a cell
// worked out from the plan, of a text cut to fit its cell, a figure that
// cannot be read, or an edit that disagrees with an edit of the data
// sheet's copy is refused naming the cell.
func planEdits(f *excelize.File, path string, a *assessment.Assessment, records []planCell, lang, dataRef string) ([]assessment.Problem, error) {
	var changes []assessment.Problem
	gone := map[string]bool{}
	var present []planCell
	for _, c := range records {
		if idx, err := f.GetSheetIndex(c.Sheet); err != nil || idx < 0 {
			if !gone[c.Sheet] {
				gone[c.Sheet] = true
				changes = append(changes, assessment.Problem{Severity: assessment.Warning, Path: path,
					Code: assessment.CodePlanSheetGone, Args: assessment.Args{"Sheet": assessment.TextArg(c.Sheet)}})
			}
			continue
		}
		present = append(present, c)
	}
	// The cells worked out from the plan first: a row moved or deleted
	// shows there, and nothing is taken from a sheet whose rows moved.
	for _, c := range present {
		if c.Field != "" {
			continue
		}
		if !c.V.same(rawCell(f, c.Sheet, c.V.Ref)) {
			return nil, cellError(path, c.Sheet, colOf(c.V.Ref), rowOf(c.V.Ref), assessment.CodeCellComputed, nil)
		}
	}
	conflict := func(c planCell) error {
		return readError(path, assessment.CodeCellEditConflict, assessment.Args{"Sheet": assessment.TextArg(c.Sheet),
			"Cell": assessment.TextArg(c.V.Ref), "Other": assessment.TextArg(dataRef)}, nil)
	}
	for _, c := range present {
		if c.Field == "" {
			continue
		}
		now := rawCell(f, c.Sheet, c.V.Ref)
		if c.V.same(now) {
			continue
		}
		if c.V.Cut {
			return nil, cellError(path, c.Sheet, colOf(c.V.Ref), rowOf(c.V.Ref), assessment.CodeCellCutEdited, nil)
		}
		if a.Plan == nil || c.N < 1 || c.N > len(a.Plan.Initiatives) {
			return nil, conflict(c) // the data sheet's copy lost this initiative
		}
		in := a.Plan.Initiatives[c.N-1]
		var old, shown string
		if c.Field == planBudget {
			src, ok := sourceOf(c.Source)
			if !ok {
				return nil, cellError(path, c.Sheet, colOf(c.V.Ref), rowOf(c.V.Ref), assessment.CodeCellComputed, nil)
			}
			typ, _ := f.GetCellType(c.Sheet, c.V.Ref)
			text := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
			v, cleared, code := parseBudget(now, text, lang)
			if code != "" {
				return nil, cellError(path, c.Sheet, colOf(c.V.Ref), rowOf(c.V.Ref), code, nil)
			}
			was, has := budgetFigure(in, c.Year, src)
			if has {
				old = strconv.FormatFloat(was, 'f', -1, 64)
			}
			switch {
			case (has && was == v && !cleared) || (!has && cleared):
				continue // rewritten, not changed
			case !c.V.same(old):
				return nil, conflict(c)
			}
			setBudgetFigure(in, c.Year, src, v, cleared)
			old = display(numberOrNone(was, has), lang)
			shown = display(numberOrNone(v, !cleared), lang)
		} else {
			was, ok := planText(in, c.Field)
			if !ok {
				return nil, cellError(path, c.Sheet, colOf(c.V.Ref), rowOf(c.V.Ref), assessment.CodeCellComputed, nil)
			}
			s := norm.NFC.String(strings.TrimSpace(now))
			switch {
			case s == was:
				continue
			case !c.V.same(was):
				return nil, conflict(c)
			}
			setPlanText(in, c.Field, s)
			old, shown = was, s
		}
		changes = append(changes, assessment.Problem{Severity: assessment.Warning, Path: path, Code: assessment.CodeCellEdited,
			Args: assessment.Args{"Sheet": assessment.TextArg(c.Sheet), "Cell": assessment.TextArg(c.V.Ref),
				"Old": assessment.TextArg(short(old)), "New": assessment.TextArg(short(shown))}})
	}
	return changes, nil
}

// isPlanEdit tells an edit of the plan's sheet among the edits import
// lists: those of answers name their question, those of the plan none.
func isPlanEdit(p assessment.Problem) bool {
	return p.Code == assessment.CodeCellEdited && p.QuestionID == ""
}

// parseBudget reads a budget figure typed in a cell (text in the report
// language's notation); cleared tells an emptied cell, read as 0.
func parseBudget(s string, text bool, lang string) (v float64, cleared bool, code string) {
	// A budget figure is read as a number answer without a maximum: a
	// non-negative number, in the report language's notation when typed.
	value, code := parseEdit(s, text, watched{}, lang)
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
