package report

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
)

// Summary sheet columns: A labels and field names, B..F values.
const summaryValueCols = 5

// summary writes the sheet after the cover: title, city profile, the field table,
// the recommendation and the charts.
func (b *builder) summary(sheet string) {
	b.widths(sheet, 38, 12, 14, 8, 12, 12, 12, 12)
	b.text(sheet, 1, 1, b.t("report.title"))
	b.style(sheet, 1, 1, b.st.title)
	b.text(sheet, 1, 2, strings.Trim(b.a.City.Name+", "+b.a.City.Province, ", "))
	b.style(sheet, 1, 2, b.st.subtitle)
	row := 3
	if demo, ok := b.a.ExtraMembers()["demonstration"]; ok && string(demo) == "true" {
		b.text(sheet, 1, row, b.t("report.demoNotice"))
		b.style(sheet, 1, row, b.st.notice)
	}
	if len(b.opts.Migrated) > 0 {
		var notes []string
		for _, p := range b.opts.Migrated {
			notes = append(notes, l10n.Sentence(l10n.Message(b.loc, p)))
		}
		row = 4
		b.check(b.f.MergeCell(sheet, cell(1, row), cell(1+summaryValueCols, row)))
		b.text(sheet, 1, row, strings.Join(notes, " "))
		b.styleRange(sheet, 1, row, 1+summaryValueCols, row, b.st.label)
	}
	row = 5
	b.text(sheet, 1, row, b.t("report.profileHeading"))
	b.style(sheet, 1, row, b.st.label)
	row++
	for _, q := range b.qn.SectionOfKind(assessment.KindProfile).Questions {
		b.text(sheet, 1, row, b.t(q.TextID()))
		b.style(sheet, 1, row, b.st.label)
		b.profileValue(sheet, row, q)
		row++
	}
	for _, kv := range [][2]string{
		{b.t("report.questionnaireVersion"), b.a.QuestionnaireVersion},
		{b.t("report.language"), b.t("language.name")},
		{b.t("report.generatedBy"), b.t("app.name") + " " + b.opts.AppVersion},
	} {
		b.text(sheet, 1, row, kv[0])
		b.style(sheet, 1, row, b.st.label)
		b.longText(sheet, row, kv[1])
		row++
	}
	b.text(sheet, 1, row, b.t("report.generatedAt"))
	b.style(sheet, 1, row, b.st.label)
	b.date(sheet, row, b.opts.Now)
	if p := planOf(b.a); len(p.Initiatives) > 0 {
		row++
		b.text(sheet, 1, row, b.t("report.plan.summaryLabel"))
		b.style(sheet, 1, row, b.st.label)
		b.longText(sheet, row, b.planSentence("report.plan.summary", p))
	}
	row += 2

	top := b.fieldTable(sheet, row)
	row = top + len(b.res.Fields) + 3
	b.recommendation(sheet, row)
	b.charts(sheet, top)
	b.freeze(sheet, 2)
	b.printSetup(sheet, 2)
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
		b.watch(watched{ID: "city." + attr.ID, Sheet: sheet, Type: kind, Max: q.Max, Int: q.Integer, Value: cell(2, row)})
		return
	}
	b.watch(watched{ID: q.ID, Sheet: sheet, Type: string(q.Type), Max: maxOf(q), Int: q.Integer, Value: cell(2, row)})
	v := b.a.Value(q.ID)
	if f, ok := v.Number(); ok {
		b.profileNumber(sheet, row, f, q)
	} else if s, ok := v.String(); ok {
		b.longText(sheet, row, s)
	}
}

// longText writes text in column B merged across the value columns.
func (b *builder) longText(sheet string, row int, s string) {
	s = b.fit(s, "")
	b.check(b.f.MergeCell(sheet, cell(2, row), cell(1+summaryValueCols, row)))
	b.setStr(sheet, 2, row, s)
	b.styleRange(sheet, 2, row, 1+summaryValueCols, row, b.st.label)
}

// date writes a date cell in column B, across the value columns, in the
// report language's format.
func (b *builder) date(sheet string, row int, d time.Time) {
	b.check(b.f.MergeCell(sheet, cell(2, row), cell(1+summaryValueCols, row)))
	b.check(b.f.SetCellValue(sheet, cell(2, row), time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)))
	b.style(sheet, 2, row, b.st.date)
}

// fieldTable writes the fields and readiness with score,
// completeness and rank, from row top (the header). It returns top.
func (b *builder) fieldTable(sheet string, top int) int {
	heads := []string{"report.col.field", "report.col.score", "report.col.completeness", "report.col.rank",
		"report.col.answered", "report.col.questions", "report.col.bestRank", "report.col.worstRank"}
	for i, h := range heads {
		b.text(sheet, i+1, top, b.t(h))
	}
	b.styleRange(sheet, 1, top, len(heads), top, b.st.header)
	b.check(b.f.SetRowHeight(sheet, top, 32))
	row := top + 1
	put := func(name string, s assessment.SectionScore) {
		b.text(sheet, 1, row, name)
		b.style(sheet, 1, row, b.st.text)
		b.number(sheet, 2, row, round(s.Score, 1), b.st.score)
		b.number(sheet, 3, row, round(s.Completeness, 3), b.st.percent)
		switch {
		case s.Rank > 0 && s.Assessed():
			b.integer(sheet, 4, row, s.Rank, b.st.textCenter)
		case s.Rank > 0:
			b.text(sheet, 4, row, b.t("result.notAssessed"))
			b.style(sheet, 4, row, b.st.textCenter)
		default:
			b.style(sheet, 4, row, b.st.text)
		}
		b.integer(sheet, 5, row, s.Answered, b.st.integer)
		b.integer(sheet, 6, row, s.Total, b.st.integer)
		if rr, ok := b.rankRange(s.ID); ok {
			b.integer(sheet, 7, row, rr[0], b.st.integer)
			b.integer(sheet, 8, row, rr[1], b.st.integer)
		} else {
			b.styleRange(sheet, 7, row, 8, row, b.st.text)
		}
		row++
	}
	for _, s := range b.res.Fields {
		put(l10n.SectionName(b.loc, s.ID), s)
	}
	b.check(b.f.AutoFilter(sheet, fmt.Sprintf("%s:%s", cell(1, top), cell(len(heads), row-1)), nil))
	put(b.t("section.readiness.name"), b.res.Readiness)
	scores := fmt.Sprintf("%s:%s", cell(2, top+1), cell(2, top+len(b.res.Fields)))
	b.check(b.f.SetConditionalFormat(sheet, scores, []excelize.ConditionalFormatOptions{{
		Type: "data_bar", Criteria: "=", MinType: "num", MinValue: "0", MaxType: "num", MaxValue: "100", BarColor: "#5B9BD5",
	}}))
	return top
}

func (b *builder) recommendation(sheet string, row int) {
	rec := b.res.Recommendation
	b.text(sheet, 1, row, b.t("report.recommendedField"))
	b.style(sheet, 1, row, b.st.label)
	name := b.t("report.noRecommendation")
	if rec.Field != "" {
		name = l10n.SectionName(b.loc, rec.Field)
	}
	b.longText(sheet, row, name)
	b.styleRange(sheet, 2, row, 1+summaryValueCols, row, b.st.highlight)
	row++
	b.text(sheet, 1, row, b.t("report.confidence"))
	b.style(sheet, 1, row, b.st.label)
	b.longText(sheet, row, l10n.Confidence(b.loc, rec.Confidence))
	row++
	if u := b.res.Uncertainty; u != nil && rec.Field != "" {
		b.text(sheet, 1, row, b.t("report.stability"))
		b.style(sheet, 1, row, b.st.label)
		b.number(sheet, 2, row, u.Stability, b.st.percent)
		row++
	}
	b.text(sheet, 1, row, b.t("report.reasons"))
	b.style(sheet, 1, row, b.st.label)
	for _, r := range rec.Reasons {
		b.longText(sheet, row, "• "+l10n.Reason(b.loc, r))
		row++
	}
}

// charts adds a bar chart and a radar chart of the field scores, whose
// table header is at row top.
func (b *builder) charts(sheet string, top int) {
	n := len(b.res.Fields)
	q := quoteSheet(sheet)
	series := []excelize.ChartSeries{{
		Name:       fmt.Sprintf("%s!$B$%d", q, top),
		Categories: fmt.Sprintf("%s!$A$%d:$A$%d", q, top+1, top+n),
		Values:     fmt.Sprintf("%s!$B$%d:$B$%d", q, top+1, top+n),
		Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5496"}},
	}}
	max100, zero := 100.0, 0.0
	title := func(id string) excelize.ChartTitle {
		text := b.t(id, map[string]any{"Count": len(b.qn.Fields())})
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Family: b.font(), Size: 12, Bold: true}}}}
	}
	font := excelize.Font{Family: b.font(), Size: 10, Color: "000000"}
	b.check(b.f.AddChart(sheet, "J5", &excelize.Chart{
		Type: excelize.Bar, Series: series, Title: title("report.chartBar"),
		Dimension: excelize.ChartDimension{Width: 620, Height: 340},
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: font},
		YAxis:     excelize.ChartAxis{Maximum: &max100, Minimum: &zero, MajorGridLines: true, Font: font},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: fmtScore}},
	}))
	radar := series
	radar[0].Fill = excelize.Fill{}
	b.check(b.f.AddChart(sheet, "J24", &excelize.Chart{
		Type: excelize.Radar, Series: radar, Title: title("report.chartRadar"),
		Dimension: excelize.ChartDimension{Width: 620, Height: 380},
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{Font: font},
		YAxis:     excelize.ChartAxis{Maximum: &max100, Minimum: &zero, MajorGridLines: true, Font: font},
	}))
}

// quoteSheet quotes a sheet name for a cell reference.
func quoteSheet(sheet string) string { return "'" + strings.ReplaceAll(sheet, "'", "''") + "'" }

// Question sheet columns.
const (
	colNo = iota + 1
	colID
	colQuestion
	colDimension
	colAnswer
	colDetail
	colPoints
	colMax
	colEvidence
	colSource
	questionCols = colSource
)

const sectionHeaderRow = 5

// section writes the sheet of readiness or of one field.
func (b *builder) section(s *assessment.Section) {
	sheet := SheetName(b.loc, s.ID)
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	b.widths(sheet, 5, idWidthOf(s), 55, 18, 12, 40, 9, 9, 50, 28)
	b.text(sheet, 1, 1, b.t(s.NameID()))
	b.style(sheet, 1, 1, b.st.title)
	score := b.res.Readiness
	if s.Kind == assessment.KindField {
		score, _ = b.res.Field(s.ID)
	}
	b.text(sheet, colID, 2, b.t("report.col.score"))
	b.style(sheet, colID, 2, b.st.label)
	b.number(sheet, colQuestion, 2, round(score.Score, 1), b.st.score)
	b.text(sheet, colID, 3, b.t("report.col.completeness"))
	b.style(sheet, colID, 3, b.st.label)
	b.number(sheet, colQuestion, 3, round(score.Completeness, 3), b.st.percent)
	if score.Rank > 0 {
		b.text(sheet, colID, 4, b.t("report.col.rank"))
		b.style(sheet, colID, 4, b.st.label)
		if score.Assessed() {
			b.integer(sheet, colQuestion, 4, score.Rank, b.st.integer)
		} else {
			b.text(sheet, colQuestion, 4, b.t("result.notAssessed"))
		}
	}
	b.tableHeader(sheet, sectionHeaderRow, "report.col.no", "report.col.questionId", "report.col.question", "report.col.dimension",
		"report.col.answer", "report.col.detail", "report.col.points", "report.col.max", "report.col.evidence", "report.col.source")
	row := sectionHeaderRow + 1
	for i, q := range s.Questions {
		b.questionRow(sheet, row, i+1, q)
		b.text(sheet, colDimension, row, b.t(assessment.DimensionID(q.Dimension)))
		b.answer(sheet, colAnswer, colDetail, row, q)
		if qs, ok := b.res.Questions[q.ID]; ok && q.Scored() {
			b.number(sheet, colPoints, row, round(qs.Points, 1), b.st.score)
			b.number(sheet, colMax, row, round(qs.Max, 1), b.st.score)
		}
		if ans := b.a.Answer(q.ID); ans != nil {
			b.cutText(sheet, colEvidence, row, ans.Evidence, q.ID)
			b.cutText(sheet, colSource, row, ans.Source, q.ID)
		}
		b.watchQuestion(sheet, row, q)
		for _, c := range []int{colDimension, colDetail, colEvidence, colSource} {
			b.style(sheet, c, row, b.st.text)
		}
		if !q.Scored() {
			b.styleRange(sheet, colPoints, row, colMax, row, b.st.text)
		}
		row++
	}
	b.check(b.f.AutoFilter(sheet, fmt.Sprintf("%s:%s", cell(1, sectionHeaderRow), cell(questionCols, row-1)), nil))
	b.freeze(sheet, sectionHeaderRow)
	b.printSetup(sheet, sectionHeaderRow)
}

// answer writes a question's answer typed in column valueCol and its unit,
// level descriptor or status in detailCol.
func (b *builder) answer(sheet string, valueCol, detailCol, row int, q *assessment.Question) {
	ans := b.a.Answer(q.ID)
	detail := ""
	var v assessment.Value
	if ans != nil && !ans.Malformed() {
		v = ans.Value
	}
	code, _ := assessment.CheckValue(q, v)
	switch {
	case ans != nil && (ans.Malformed() || code != ""):
		raw := string(ans.CoreJSON())
		if !ans.Malformed() {
			raw = v.Raw()
		}
		b.text(sheet, valueCol, row, raw)
		b.style(sheet, valueCol, row, b.st.text)
		detail = b.t("report.invalidAnswer")
	case v.IsNone():
		b.style(sheet, valueCol, row, b.st.text)
		detail = b.t("report.unanswered")
	case q.Type == assessment.Rubric:
		f, _ := v.Number()
		b.integer(sheet, valueCol, row, int(f), b.st.textCenter)
		detail = b.t(q.LevelID(int(f)))
	case q.Type == assessment.Number:
		f, _ := v.Number()
		b.number(sheet, valueCol, row, f, b.numberStyle(q))
		detail = l10n.Unit(b.loc, q)
		if q.CityField == "" && q.PerCapita {
			detail = b.t("report.perCapitaDetail", map[string]any{"Unit": b.t(q.UnitID()),
				"Value": perCapitaText(b, f)})
		}
	case q.Type == assessment.Boolean:
		yes, _ := v.Bool()
		b.text(sheet, valueCol, row, b.yesNo(yes))
		b.style(sheet, valueCol, row, b.st.textCenter)
	case q.Type == assessment.Text:
		// A text answer is long: it stands in the wide column beside.
		s, _ := v.String()
		b.style(sheet, valueCol, row, b.st.text)
		b.cutText(sheet, detailCol, row, s, q.ID)
		return
	}
	b.text(sheet, detailCol, row, detail)
}

func perCapitaText(b *builder, count float64) string {
	if !(b.a.City.Population > 0) {
		return "–"
	}
	return l10n.Number(b.loc, count*assessment.PerCapitaBase/b.a.City.Population, 2)
}

func (b *builder) yesNo(v bool) string {
	if v {
		return b.t("report.yes")
	}
	return b.t("report.no")
}

// profileNumber writes a profile number in column B, across the value
// columns, with its unit in the number format.
func (b *builder) profileNumber(sheet string, row int, v float64, q *assessment.Question) {
	b.check(b.f.MergeCell(sheet, cell(2, row), cell(1+summaryValueCols, row)))
	b.number(sheet, 2, row, v, b.unitStyle(q))
}

// unitStyle is a left-aligned number format that shows the question's
// unit after the number, for the profile block (the cell stays numeric).
func (b *builder) unitStyle(q *assessment.Question) int {
	format := fmtDecimal
	if q.Integer {
		format = fmtInteger
	}
	unit := strings.ReplaceAll(l10n.Unit(b.loc, q), `"`, "")
	format += ` "` + unit + `"`
	id, err := b.f.NewStyle(withFont(&excelize.Style{CustomNumFmt: &format, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"},
		Font: &excelize.Font{Bold: true}}, b.font()))
	b.check(err)
	return id
}

func (b *builder) numberStyle(q *assessment.Question) int {
	if q.Integer {
		return b.st.integer
	}
	return b.st.decimal
}

// gaps writes the action plan: the recommended field's questions with
// the most points to gain, with a target for each.
func (b *builder) gaps() {
	sheet := safeSheetName(b.t("report.sheet.gaps"))
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	// The gaps are of the recommended field, the swap's of the runner-up.
	idWidth := 24.0
	for _, id := range []string{b.res.Recommendation.Field, b.runnerUp()} {
		if s, ok := b.qn.Section(id); ok {
			idWidth = max(idWidth, idWidthOf(s))
		}
	}
	b.widths(sheet, 5, idWidth, 55, 12, 36, 10, 50, 22, 14)
	rec := b.res.Recommendation
	if rec.Field == "" {
		b.text(sheet, 1, 1, b.t("report.gapsTitleNone"))
	} else {
		b.text(sheet, 1, 1, b.t("report.gapsTitle", map[string]any{"Field": l10n.SectionName(b.loc, rec.Field)}))
	}
	b.style(sheet, 1, 1, b.st.title)
	b.text(sheet, 1, 2, b.t("report.gapsIntro"))
	b.style(sheet, 1, 2, b.st.subtitle)
	const header = 4
	heads := []string{"report.col.no", "report.col.questionId", "report.col.question", "report.col.answer",
		"report.col.detail", "report.col.gain", "report.col.target", "report.col.responsible", "report.col.deadline"}
	for i, h := range heads {
		b.text(sheet, i+1, header, b.t(h))
	}
	b.styleRange(sheet, 1, header, len(heads), header, b.st.header)
	b.check(b.f.SetRowHeight(sheet, header, 32))
	row := header + 1
	for i, g := range b.res.Gaps {
		q, _ := b.qn.Question(g.QuestionID)
		b.integer(sheet, 1, row, i+1, b.st.textCenter)
		b.text(sheet, 2, row, q.ID)
		b.text(sheet, 3, row, b.t(q.TextID()))
		b.answer(sheet, 4, 5, row, q)
		b.number(sheet, 6, row, round(g.Gain, 2), b.st.decimal)
		b.text(sheet, 7, row, b.target(q))
		for _, c := range []int{2, 3, 5, 7, 8, 9} {
			b.style(sheet, c, row, b.st.text)
		}
		row++
	}
	if len(b.res.Gaps) > 0 {
		b.check(b.f.AutoFilter(sheet, fmt.Sprintf("%s:%s", cell(1, header), cell(len(heads), row-1)), nil))
	}
	b.whatWouldChange(sheet, row+1, len(heads))
	b.freeze(sheet, header)
	b.printSetup(sheet, header)
}

// target says what full marks on a question would take.
func (b *builder) target(q *assessment.Question) string {
	v := b.a.Value(q.ID)
	switch q.Type {
	case assessment.Rubric:
		next := 1
		if f, ok := v.Number(); ok {
			if code, _ := assessment.CheckValue(q, v); code == "" {
				next = int(f) + 1
			}
		}
		next = min(next, assessment.MaxRubric)
		return b.t("report.targetLevel", map[string]any{"Level": next, "Descriptor": b.t(q.LevelID(next))})
	case assessment.Number:
		data := map[string]any{"Reference": l10n.Number(b.loc, q.Reference, 2), "Unit": l10n.Unit(b.loc, q)}
		if q.PerCapita && b.a.City.Population > 0 {
			data["Total"] = l10n.Number(b.loc, max(math.Ceil(q.Reference*b.a.City.Population/assessment.PerCapitaBase), q.MinCount), 0)
			data["UnitTotal"] = b.t(q.UnitID())
			return b.t("report.targetPerCapita", data)
		}
		if q.PerCapita && q.MinCount > 0 { // no population: the rate and the count
			data["MinCount"] = l10n.Number(b.loc, q.MinCount, 0)
		}
		return b.t("report.targetNumber", data)
	case assessment.Boolean:
		return b.t("report.targetYes")
	}
	return ""
}

// Data sheet columns.
const (
	dataKind = iota + 1
	dataKey
	dataValue
	dataEvidence
	dataSource
	dataJSON
)

// dataLang is the cell of the data sheet's first row that holds the
// report's language (how numbers typed as text are read back).
const dataLang = 4

// Data row kinds (machine-readable, never translated).
const (
	KindMeta   = "meta"
	KindCity   = "city"
	KindAnswer = "answer"
	// KindMore continues the evidence and source of the answer above it:
	// a text longer than a cell holds is written in pieces, whole.
	KindMore = "more"
)

// pieceUnits is the size of a piece of a long text on the data sheet, in
// UTF-16 units, under the cell limit.
const pieceUnits = 32000

// pieces cuts a text into parts of at most pieceUnits UTF-16 units each,
// never inside a surrogate pair; "" is one empty piece.
func pieces(s string) []string {
	var out []string
	for {
		units := utf16.Encode([]rune(s))
		if len(units) <= pieceUnits {
			return append(out, s)
		}
		n := 0
		for i, r := range s {
			if n+utf16.RuneLen(r) > pieceUnits {
				out = append(out, s[:i])
				s = s[i:]
				break
			}
			n += utf16.RuneLen(r)
		}
	}
}

// data writes the machine-readable sheet from which the assessment can be
// read back: one row per file member, city member and answer, with the
// value typed and as JSON.
func (b *builder) data() {
	sheet := safeSheetName(b.t("report.sheet.data"))
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	b.widths(sheet, 10, 36, 24, 50, 28, 40)
	b.text(sheet, 1, 1, DataSheetMarker)
	b.integer(sheet, 2, 1, assessment.SchemaVersion, 0)
	b.setStr(sheet, dataLang, 1, string(b.opts.Lang))
	b.text(sheet, 3, 1, b.t("report.dataIntro"))
	heads := []string{"report.col.kind", "report.col.key", "report.col.value", "report.col.evidence", "report.col.source", "report.col.json"}
	for i, h := range heads {
		b.text(sheet, i+1, 2, b.t(h))
	}
	b.styleRange(sheet, 1, 2, len(heads), 2, b.st.header)
	row := 3
	put := func(kind, key string, value any, raw []byte) {
		b.text(sheet, dataKind, row, kind)
		b.text(sheet, dataKey, row, key)
		switch v := value.(type) {
		case float64:
			b.check(b.f.SetCellFloat(sheet, cell(dataValue, row), v, -1, 64))
		case bool:
			b.check(b.f.SetCellBool(sheet, cell(dataValue, row), v))
		case string:
			b.text(sheet, dataValue, row, v)
		}
		b.text(sheet, dataJSON, row, string(raw))
		row++
	}
	a := b.a
	put(KindMeta, "format", assessment.FileFormat, mustJSON(assessment.FileFormat))
	put(KindMeta, "schemaVersion", float64(assessment.SchemaVersion), mustJSON(assessment.SchemaVersion))
	put(KindMeta, "questionnaireVersion", a.QuestionnaireVersion, mustJSON(a.QuestionnaireVersion))
	if !a.UpdatedAt.IsZero() {
		s := a.UpdatedAt.UTC().Format(time.RFC3339)
		put(KindMeta, "updatedAt", s, mustJSON(s))
	}
	if !a.Plan.Empty() {
		put(KindMeta, "actionPlan", nil, mustJSON(a.Plan))
	}
	if !a.Dossier.Empty() {
		put(KindMeta, "dossier", nil, mustJSON(a.Dossier))
	}
	for _, k := range sortedKeys(a.ExtraMembers()) {
		put(KindMeta, k, nil, a.ExtraMembers()[k])
	}
	for _, attr := range assessment.CityAttributes() {
		raw := attr.Raw(&a.City)
		put(KindCity, attr.ID, raw, mustJSON(raw))
	}
	for _, k := range sortedKeys(a.CityExtraMembers()) {
		put(KindCity, k, nil, a.CityExtraMembers()[k])
	}
	for _, id := range sortedKeys(a.Answers) {
		ans := a.Answers[id]
		var value any
		if !ans.Malformed() {
			if f, ok := ans.Value.Number(); ok {
				value = f
			} else if v, ok := ans.Value.Bool(); ok {
				value = v
			} else if s, ok := ans.Value.String(); ok {
				value = s
			}
		}
		evidence, source := pieces(ans.Evidence), pieces(ans.Source)
		b.setStr(sheet, dataEvidence, row, evidence[0])
		b.setStr(sheet, dataSource, row, source[0])
		put(KindAnswer, id, value, ans.CoreJSON())
		for i := 1; i < max(len(evidence), len(source)); i++ {
			if i < len(evidence) {
				b.setStr(sheet, dataEvidence, row, evidence[i])
			}
			if i < len(source) {
				b.setStr(sheet, dataSource, row, source[i])
			}
			b.text(sheet, dataKind, row, KindMore)
			b.text(sheet, dataKey, row, id)
			row++
		}
	}
	b.cellsRows(put)
	b.planRows(put)
	b.check(b.f.AutoFilter(sheet, fmt.Sprintf("A2:%s", cell(dataJSON, row-1)), nil))
	b.freeze(sheet, 2)
	b.printSetup(sheet, 2)
	// For the app, not for readers: hidden, so that it is neither printed
	// nor edited by mistake (a reader can show it again).
	b.check(b.f.SetSheetVisible(sheet, false))
}

func mustJSON(v any) []byte {
	out, err := json.Marshal(v)
	if err != nil {
		return []byte("null")
	}
	return out
}

func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

// cutText writes an answer's text, cut to fit its cell, and remembers a
// cut, so that import refuses an edit of a text it cannot see whole.
func (b *builder) cutText(sheet string, col, row int, s, questionID string) {
	shown := b.fit(s, questionID)
	b.setStr(sheet, col, row, shown)
	if shown != s {
		if b.cut == nil {
			b.cut = map[string]bool{}
		}
		b.cut[sheet+"!"+cell(col, row)] = true
	}
}

// idWidthOf is the width of a section's question ID column that holds
// each ID on one line, in the ID style's small font.
func idWidthOf(s *assessment.Section) float64 {
	width := 10.0
	for _, q := range s.Questions {
		width = max(width, float64(len(q.ID))*0.85+2)
	}
	return width
}

// tableHeader writes a table's header row from message IDs.
func (b *builder) tableHeader(sheet string, row int, ids ...string) {
	for i, id := range ids {
		b.text(sheet, i+1, row, b.t(id))
	}
	b.styleRange(sheet, 1, row, len(ids), row, b.st.header)
	b.check(b.f.SetRowHeight(sheet, row, 32))
}

// questionRow writes the first columns of a question's row, the same on a
// report's sheet and a form's: number, ID on one line, the question.
func (b *builder) questionRow(sheet string, row, no int, q *assessment.Question) {
	b.integer(sheet, 1, row, no, b.st.textCenter)
	b.text(sheet, 2, row, q.ID)
	b.style(sheet, 2, row, b.st.id)
	b.text(sheet, 3, row, b.t(q.TextID()))
	b.style(sheet, 3, row, b.st.text)
}

// rankRange is a field's rank range in the uncertainty analysis.
func (b *builder) rankRange(field string) ([2]int, bool) {
	if b.res.Uncertainty == nil {
		return [2]int{}, false
	}
	rr, ok := b.res.Uncertainty.RankRanges[field]
	return rr, ok
}

// whatWouldChange writes, from row on, the answers that would most widen
// the recommended field's lead and those that would put the runner-up
// first: a sentence across the columns, then each question as in the
// table (ID, question, points).
func (b *builder) whatWouldChange(sheet string, row, cols int) {
	lines := l10n.WhatWouldChange(b.loc, b.qn, b.res)
	if len(lines) == 0 {
		return
	}
	b.check(b.f.MergeCell(sheet, cell(1, row), cell(cols, row)))
	b.text(sheet, 1, row, b.t("change.title"))
	b.styleRange(sheet, 1, row, cols, row, b.st.label)
	row++
	for _, line := range lines {
		if line.QuestionID == "" {
			b.check(b.f.MergeCell(sheet, cell(1, row), cell(cols, row)))
			b.text(sheet, 1, row, line.Text)
			b.styleRange(sheet, 1, row, cols, row, b.st.text)
			b.check(b.f.SetRowHeight(sheet, row, 2*lineHeight+4))
			row++
			continue
		}
		q, _ := b.qn.Question(line.QuestionID)
		b.text(sheet, 2, row, q.ID)
		b.style(sheet, 2, row, b.st.id)
		b.text(sheet, 3, row, b.t(q.TextID()))
		b.style(sheet, 3, row, b.st.text)
		b.number(sheet, 6, row, round(line.Gain, 2), b.st.decimal)
		row++
	}
}

// runnerUp is the ID of the field ranked second, "" if none.
func (b *builder) runnerUp() string {
	f, _ := b.res.RunnerUp()
	return f.ID
}
