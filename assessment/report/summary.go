package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report/xlsxkit"
)

// Summary sheet columns: A labels and field names, B..F values.
const summaryValueCols = 5

// summary writes the sheet after the cover: title, city profile, the field table,
// the recommendation and the charts.
func (b *builder) summary(sheet string) {
	b.w.Widths(sheet, 38, 12, 14, 14, 12, 12, 12, 12)
	b.w.StyledText(sheet, 1, 1, b.t("report.title"), b.w.St.Title)
	b.w.StyledText(sheet, 1, 2, strings.Trim(b.a.City.Name+", "+b.a.City.Province, ", "), b.w.St.Subtitle)
	if demo, ok := b.a.ExtraMembers()["demonstration"]; ok && string(demo) == "true" {
		b.w.StyledText(sheet, 1, 3, b.t("report.demoNotice"), b.w.St.Notice)
	}
	if len(b.opts.Migrated) > 0 {
		var notes []string
		for _, p := range b.opts.Migrated {
			notes = append(notes, l10n.Sentence(l10n.Message(b.w.Loc, p)))
		}
		b.w.Merged(sheet, 1, 1+summaryValueCols, 4, strings.Join(notes, " "), b.w.St.Label)
	}
	row := b.profileBlock(sheet, 5) + 2
	top := b.fieldTable(sheet, row)
	b.recommendation(sheet, top+len(b.res.Fields)+3)
	b.charts(sheet, top)
	b.w.Freeze(sheet, 2)
	b.printSetup(sheet, 2)
}

// profileBlock writes the city profile and what the report is from row: its
// questionnaire, language, program and date, and the action plan in a
// sentence. It returns its last row.
func (b *builder) profileBlock(sheet string, row int) int {
	label := func(s string) { b.w.StyledText(sheet, 1, row, s, b.w.St.Label) }
	label(b.t("report.profileHeading"))
	row++
	for _, q := range b.qn.SectionOfKind(assessment.KindProfile).Questions {
		label(b.t(q.TextID()))
		b.profileValue(sheet, row, q)
		row++
	}
	for _, kv := range [][2]string{
		{b.t("report.questionnaireVersion"), b.a.QuestionnaireVersion},
		{b.t("report.language"), b.t("language.name")},
		{b.t("report.generatedBy"), b.t("app.name") + " " + b.opts.AppVersion},
	} {
		label(kv[0])
		b.longText(sheet, row, kv[1])
		row++
	}
	label(b.t("report.generatedAt"))
	b.date(sheet, row, b.opts.Now)
	if p := planOf(b.a); len(p.Initiatives) > 0 {
		row++
		label(b.t("report.plan.summaryLabel"))
		b.longText(sheet, row, b.planSentence("report.plan.summary", p))
	}
	return row
}

// cityValue writes an attribute of the city profile in column B: numbers
// and the date typed, text as text.
func (b *builder) cityValue(sheet string, row int, q *assessment.Question, attr assessment.CityAttribute) {
	v := attr.Value(&b.a.City)
	s, _ := v.String()
	switch f, isNumber := v.Number(); {
	case v.IsNone():
	case isNumber:
		if f > 0 {
			b.profileNumber(sheet, row, f, q)
		}
	case attr.Kind == assessment.AttributeDate:
		if d, err := time.Parse("2006-01-02", s); err == nil {
			b.date(sheet, row, d)
		} else {
			b.longText(sheet, row, s)
		}
	default:
		b.longText(sheet, row, s)
	}
}

// profileValue writes a profile item in column B: typed for numbers and the
// date, text otherwise.
func (b *builder) profileValue(sheet string, row int, q *assessment.Question) {
	if attr, ok := assessment.LookupCityAttribute(q.CityField); ok {
		b.cityValue(sheet, row, q, attr)
		kind := string(attr.QuestionType())
		if attr.Kind == assessment.AttributeDate {
			kind = "date"
		}
		b.watch(watched{AnswerCell: xlsxkit.AnswerCell{ID: "city." + attr.ID, Sheet: sheet, Type: kind, Max: q.Max, Int: q.Integer}, Value: xlsxkit.Cell(2, row)})
		return
	}
	b.watch(watched{AnswerCell: xlsxkit.AnswerCell{ID: q.ID, Sheet: sheet, Type: string(q.Type), Max: xlsxkit.MaxOf(q), Int: q.Integer}, Value: xlsxkit.Cell(2, row)})
	v := b.a.Value(q.ID)
	if f, ok := v.Number(); ok {
		b.profileNumber(sheet, row, f, q)
	} else if s, ok := v.String(); ok {
		b.longText(sheet, row, s)
	}
}

// longText writes text in column B merged across the value columns, cut
// to fit the cell (and remembered as cut, so that an edit is refused).
func (b *builder) longText(sheet string, row int, s string) {
	b.w.Check(b.w.F.MergeCell(sheet, xlsxkit.Cell(2, row), xlsxkit.Cell(1+summaryValueCols, row)))
	b.w.CutText(sheet, 2, row, s, "")
	b.w.StyleRange(sheet, 2, row, 1+summaryValueCols, row, b.w.St.Label)
}

// date writes a date cell in column B, across the value columns, in the
// report language's format.
func (b *builder) date(sheet string, row int, d time.Time) {
	b.w.Check(b.w.F.MergeCell(sheet, xlsxkit.Cell(2, row), xlsxkit.Cell(1+summaryValueCols, row)))
	b.w.Check(b.w.F.SetCellValue(sheet, xlsxkit.Cell(2, row), time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)))
	b.w.Style(sheet, 2, row, b.w.St.Date)
}

// fieldTable writes the fields and readiness with score,
// completeness and rank, from row top (the header). It returns top.
func (b *builder) fieldTable(sheet string, top int) int {
	heads := []string{"report.col.field", "report.col.score", "report.col.completeness", "report.col.rank",
		"report.col.answered", "report.col.questions", "report.col.bestRank", "report.col.worstRank"}
	for i, h := range heads {
		b.w.Text(sheet, i+1, top, b.t(h))
	}
	b.w.StyleRange(sheet, 1, top, len(heads), top, b.w.St.Header)
	b.w.Check(b.w.F.SetRowHeight(sheet, top, 32))
	row := top + 1
	put := func(name string, s assessment.SectionScore) {
		b.w.Text(sheet, 1, row, name)
		b.w.Style(sheet, 1, row, b.w.St.Text)
		b.w.Number(sheet, 2, row, xlsxkit.Round(s.Score, 1), b.w.St.Score)
		b.w.Number(sheet, 3, row, xlsxkit.Round(s.Completeness, 3), b.w.St.Percent)
		switch {
		case s.Rank > 0 && s.Assessed():
			b.w.Integer(sheet, 4, row, s.Rank, b.w.St.TextCenter)
		case s.Rank > 0:
			b.w.Text(sheet, 4, row, b.t("result.notAssessed"))
			b.w.Style(sheet, 4, row, b.w.St.TextCenter)
		default:
			b.w.Style(sheet, 4, row, b.w.St.Text)
		}
		b.w.Integer(sheet, 5, row, s.Answered, b.w.St.Integer)
		b.w.Integer(sheet, 6, row, s.Total, b.w.St.Integer)
		if rr, ok := b.rankRange(s.ID); ok {
			b.w.Integer(sheet, 7, row, rr[0], b.w.St.Integer)
			b.w.Integer(sheet, 8, row, rr[1], b.w.St.Integer)
		} else {
			b.w.StyleRange(sheet, 7, row, 8, row, b.w.St.Text)
		}
		row++
	}
	for _, s := range b.res.Fields {
		put(l10n.SectionName(b.w.Loc, s.ID), s)
		if s.SetAside {
			b.setAsideRow(sheet, row-1, s.ID)
		}
	}
	b.w.Check(b.w.F.AutoFilter(sheet, fmt.Sprintf("%s:%s", xlsxkit.Cell(1, top), xlsxkit.Cell(len(heads), row-1)), nil))
	put(b.t("section.readiness.name"), b.res.Readiness)
	scores := fmt.Sprintf("%s:%s", xlsxkit.Cell(2, top+1), xlsxkit.Cell(2, top+len(b.res.Fields)))
	b.w.Check(b.w.F.SetConditionalFormat(sheet, scores, []excelize.ConditionalFormatOptions{{
		Type: "data_bar", Criteria: "=", MinType: "num", MinValue: "0", MaxType: "num", MaxValue: "100", BarColor: "#5B9BD5",
	}}))
	return top
}

// setAsideRow greys a field the city has set aside and gives its reason
// beside its name; its score and rank stay.
func (b *builder) setAsideRow(sheet string, row int, id string) {
	reason, _ := b.a.SetAsideReason(id)
	key := "report.setAside"
	if reason == "" {
		key = "report.setAsideNoReason"
	}
	b.w.Text(sheet, 1, row, b.t(key, map[string]any{"Field": l10n.SectionName(b.w.Loc, id), "Reason": reason}))
	b.w.Style(sheet, 1, row, b.w.St.Muted)
}

func (b *builder) recommendation(sheet string, row int) {
	rec := b.res.Recommendation
	b.w.Text(sheet, 1, row, b.t("report.recommendedField"))
	b.w.Style(sheet, 1, row, b.w.St.Label)
	name := b.t("report.noRecommendation")
	if rec.Field != "" {
		name = l10n.SectionName(b.w.Loc, rec.Field)
	}
	b.longText(sheet, row, name)
	b.w.StyleRange(sheet, 2, row, 1+summaryValueCols, row, b.w.St.Highlight)
	row++
	b.w.Text(sheet, 1, row, b.t("report.confidence"))
	b.w.Style(sheet, 1, row, b.w.St.Label)
	b.longText(sheet, row, l10n.Confidence(b.w.Loc, rec.Confidence))
	row++
	if u := b.res.Uncertainty; u != nil && rec.Field != "" {
		b.w.Text(sheet, 1, row, b.t("report.stability"))
		b.w.Style(sheet, 1, row, b.w.St.Label)
		b.w.Number(sheet, 2, row, u.Stability, b.w.St.Percent)
		row++
	}
	b.w.Text(sheet, 1, row, b.t("report.reasons"))
	b.w.Style(sheet, 1, row, b.w.St.Label)
	for _, r := range rec.Reasons {
		b.longText(sheet, row, "• "+l10n.Reason(b.w.Loc, r))
		row++
	}
}

// The charts' own copy of the field table, in hidden columns beside it:
// a field not assessed is named so and has no value, so that the charts
// draw no bar of 0.0 for it (the table keeps its score of 0 for scripts).
const (
	chartNameCol  = 26 // Z
	chartValueCol = 27 // AA
)

// chartData writes the charts' copy of the field table, whose header is at
// row top, and hides it.
func (b *builder) chartData(sheet string, top int) {
	for i, s := range b.res.Fields {
		name := chartLabel(l10n.SectionName(b.w.Loc, s.ID))
		if !s.Assessed() {
			b.w.SetStr(sheet, chartNameCol, top+1+i, b.t("report.chartNotAssessed", map[string]any{"Field": name}))
			continue
		}
		b.w.SetStr(sheet, chartNameCol, top+1+i, name)
		b.w.Check(b.w.F.SetCellValue(sheet, xlsxkit.Cell(chartValueCol, top+1+i), xlsxkit.Round(s.Score, 1)))
	}
	b.w.Check(b.w.F.SetColVisible(sheet, colName(chartNameCol)+":"+colName(chartValueCol), false))
}

// chartLabelWidth is the longest name, in letters, a chart shows on one
// line: a longer one would take the plot's width.
const chartLabelWidth = 20

// chartLabel is a field's name as the charts show it: a long one
// ("Thủ công mỹ nghệ và Nghệ thuật dân gian") on two lines, broken at the
// space nearest its middle.
func chartLabel(name string) string {
	runes := []rune(name)
	if len(runes) <= chartLabelWidth {
		return name
	}
	best := -1
	for i, r := range runes {
		if r == ' ' && (best < 0 || abs(i-len(runes)/2) < abs(best-len(runes)/2)) {
			best = i
		}
	}
	if best < 0 {
		return name
	}
	return string(runes[:best]) + "\n" + string(runes[best+1:])
}

func abs(n int) int { return max(n, -n) }

// colName is a column's letters.
func colName(c int) string {
	name, _ := excelize.ColumnNumberToName(c)
	return name
}

// charts adds a bar chart and a radar chart of the field scores, whose
// table header is at row top. The radar starts a printed page, so that
// no page cuts it (and the name of the field at its top) in two.
func (b *builder) charts(sheet string, top int) {
	b.chartData(sheet, top)
	n := len(b.res.Fields)
	q := xlsxkit.QuoteSheet(sheet)
	series := []excelize.ChartSeries{{
		Name:       fmt.Sprintf("%s!$B$%d", q, top),
		Categories: fmt.Sprintf("%s!$%s$%d:$%s$%d", q, colName(chartNameCol), top+1, colName(chartNameCol), top+n),
		Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", q, colName(chartValueCol), top+1, colName(chartValueCol), top+n),
		Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5496"}},
	}}
	max100, zero := 100.0, 0.0
	title := func(id string) excelize.ChartTitle {
		text := b.t(id, map[string]any{"Count": len(b.qn.Fields())})
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Family: b.w.Font(), Size: 12, Bold: true}}}}
	}
	font := excelize.Font{Family: b.w.Font(), Size: 10, Color: "000000"}
	b.w.Check(b.w.F.AddChart(sheet, "J5", &excelize.Chart{
		Type: excelize.Bar, Series: series, Title: title("report.chartBar"),
		Dimension: excelize.ChartDimension{Width: 620, Height: 340},
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: font},
		YAxis:     excelize.ChartAxis{Maximum: &max100, Minimum: &zero, MajorGridLines: true, Font: font},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: xlsxkit.FmtScore}},
	}))
	radar := series
	radar[0].Fill = excelize.Fill{}
	b.w.Check(b.w.F.InsertPageBreak(sheet, "A24"))
	b.w.Check(b.w.F.AddChart(sheet, "J24", &excelize.Chart{
		Type: excelize.Radar, Series: radar, Title: title("report.chartRadar"),
		Dimension: excelize.ChartDimension{Width: 620, Height: 380},
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{Font: font},
		YAxis:     excelize.ChartAxis{Maximum: &max100, Minimum: &zero, MajorGridLines: true, Font: font},
	}))
}

// profileNumber writes a profile number in column B, across the value
// columns, with its unit in the number format.
func (b *builder) profileNumber(sheet string, row int, v float64, q *assessment.Question) {
	b.w.Check(b.w.F.MergeCell(sheet, xlsxkit.Cell(2, row), xlsxkit.Cell(1+summaryValueCols, row)))
	b.w.Number(sheet, 2, row, v, b.unitStyle(q))
}

// unitStyle is a left-aligned number format that shows the question's
// unit after the number, for the profile block (the cell stays numeric).
func (b *builder) unitStyle(q *assessment.Question) int {
	format := xlsxkit.FmtDecimal
	if q.Integer {
		format = xlsxkit.FmtInteger
	}
	unit := strings.ReplaceAll(l10n.Unit(b.w.Loc, q), `"`, "")
	format += ` "` + unit + `"`
	id, err := b.w.F.NewStyle(xlsxkit.WithFont(&excelize.Style{CustomNumFmt: &format, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"},
		Font: &excelize.Font{Bold: true}}, b.w.Font()))
	b.w.Check(err)
	return id
}

// rankRange is a field's rank range in the uncertainty analysis.
func (b *builder) rankRange(field string) ([2]int, bool) {
	if b.res.Uncertainty == nil {
		return [2]int{}, false
	}
	rr, ok := b.res.Uncertainty.RankRanges[field]
	return rr, ok
}
