package comparison

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/translations"
)

// Options are the comparison workbook's settings.
type Options struct {
	Lang       translations.Lang
	AppVersion string
	Now        time.Time
}

// Write writes the comparison workbook: an overview of every city, a
// ranking per field, a chart, the cities to follow up and the skipped
// inputs. Large sheets are streamed.
func Write(w io.Writer, qn *assessment.Questionnaire, c *Comparison, opts Options) error {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	book, overview := xlsxkit.New(opts.Lang, "compare.sheet.overview")
	defer book.F.Close()
	b := &compareBuilder{w: book, qn: qn, c: c, opts: opts}
	if err := b.build(overview); err != nil {
		return err
	}
	_, err := book.F.WriteTo(w)
	return err
}

// WriteFile writes the comparison workbook to path atomically (see
// xlsxkit.WriteFile).
func WriteFile(path string, qn *assessment.Questionnaire, c *Comparison, opts Options) error {
	return xlsxkit.WriteFile(path, func(w io.Writer) error { return Write(w, qn, c, opts) })
}

// compareBuilder writes the comparison's sheets with a workbook of the kit.
type compareBuilder struct {
	w    *xlsxkit.Book
	qn   *assessment.Questionnaire
	c    *Comparison
	opts Options
}

func (b *compareBuilder) build(overview string) error {
	b.overview(overview)
	b.ranking()
	b.chart()
	b.followUp()
	b.skipped()
	b.w.F.SetActiveSheet(0)
	b.w.Check(b.w.F.SetDocProps(&excelize.DocProperties{
		Title:   b.t("compare.title"),
		Creator: b.t("app.name") + " " + b.opts.AppVersion, Language: b.w.Loc.Setting("tag"),
		Created: b.opts.Now.UTC().Format(time.RFC3339), Version: b.opts.AppVersion,
	}))
	return b.w.Err()
}

// t translates a message.
func (b *compareBuilder) t(id string, data ...map[string]any) string { return b.w.T(id, data...) }

// printSetup prints a sheet on A4 landscape; a comparison names no city.
func (b *compareBuilder) printSetup(sheet string, titleRows int) {
	b.w.PrintSetup(sheet, titleRows, "")
}

// integer is a whole number cell of a streamed row.
func (b *compareBuilder) integer(v int) excelize.Cell { return xlsxkit.Num(float64(v), b.w.St.Integer) }

// overviewHeader is the row of the overview's table header: the title,
// the subtitle and the date of the comparison come first.
const overviewHeader = 4

// overview writes one row per city, in the columns of the workbook (see
// Columns).
func (b *compareBuilder) overview(sheet string) {
	cols := WorkbookColumns(b.qn)
	heads, widths := b.overviewWidths(cols)
	s := b.w.NewStream(sheet, func() { b.overviewSetup(sheet, cols) }, widths...)
	s.Panes(overviewHeader, 1)
	s.Add(b.w.St.Title, b.t("compare.title"))
	subtitle := "compare.subtitle"
	if len(b.c.Duplicates) > 0 {
		subtitle = "compare.subtitleDuplicates"
	}
	s.Add(b.w.St.Subtitle, b.w.Loc.N(subtitle, len(b.c.Cities), map[string]any{
		"Skipped": len(b.c.Skipped), "Duplicates": len(b.c.Duplicates)}))
	s.Add(b.w.St.Label, b.t("compare.date"), excelize.Cell{StyleID: b.w.St.Date, Value: b.opts.Now})
	s.HeaderFitted(widths, heads...)
	ranks := b.ranks()
	for i, c := range b.c.Cities {
		row := make([]any, len(cols))
		for j, col := range cols {
			row[j] = b.overviewCell(c, ranks.Overall[i], col)
		}
		s.AddFitted(b.w.St.Text, widths, row...)
	}
	s.Add(b.w.St.Text)
	// The note on ranks spans the columns up to the rank.
	rank := slices.IndexFunc(cols, func(c Column) bool { return c.Kind == ColRank })
	s.Paragraph(b.t("compare.rankNote", map[string]any{"Variations": l10n.Number(b.w.Loc, assessment.Variations, 0)}),
		widths[:rank+1])
	s.Flush()
}

// overviewWidths are the overview's headers and column widths: wide
// enough for every city's name and province, and for each header's
// longest word.
func (b *compareBuilder) overviewWidths(cols []Column) ([]string, []float64) {
	heads := make([]string, len(cols))
	widths := make([]float64, len(cols))
	for i, col := range cols {
		heads[i], widths[i] = col.Header(b.w.Loc, false), col.Width
		for _, c := range b.c.Cities {
			switch col.Kind {
			case ColCity:
				widths[i] = max(widths[i], xlsxkit.TextWidth(c.Doc.City.Name, xlsxkit.CharUnits))
			case ColProvince:
				widths[i] = max(widths[i], xlsxkit.TextWidth(c.Doc.City.Province, xlsxkit.CharUnits))
			}
		}
	}
	return heads, xlsxkit.HeaderWidths(heads, widths)
}

// overviewSetup filters the overview's table and colours its scores. The
// filter first: it resets the sheet properties that the print setup then
// completes.
func (b *compareBuilder) overviewSetup(sheet string, cols []Column) {
	defer b.printSetup(sheet, overviewHeader)
	if len(b.c.Cities) == 0 {
		return
	}
	last := overviewHeader + len(b.c.Cities)
	b.w.Check(b.w.F.AutoFilter(sheet, fmt.Sprintf("%s:%s", xlsxkit.Cell(1, overviewHeader), xlsxkit.Cell(len(cols), last)), nil))
	first := slices.IndexFunc(cols, func(c Column) bool { return c.Kind == ColField })
	readiness := slices.IndexFunc(cols, func(c Column) bool { return c.Kind == ColReadiness })
	scores := fmt.Sprintf("%s:%s", xlsxkit.Cell(first+1, overviewHeader+1), xlsxkit.Cell(readiness+1, last))
	b.w.Check(b.w.F.SetConditionalFormat(sheet, scores, []excelize.ConditionalFormatOptions{{
		Type: "3_color_scale", Criteria: "=", MinType: "num", MinValue: "0", MinColor: "#F8696B",
		MidType: "num", MidValue: "50", MidColor: "#FFEB84", MaxType: "num", MaxValue: "100", MaxColor: "#63BE7B",
	}}))
}

// overviewCell is what a city's row of the overview shows in a column:
// numbers typed, texts as text.
func (b *compareBuilder) overviewCell(c City, r assessment.RankInterval, col Column) any {
	st, res := b.w.St, c.Result
	rec := res.Recommendation
	switch col.Kind {
	case ColCity:
		return c.Doc.City.Name
	case ColProvince:
		return c.Doc.City.Province
	case ColPopulation:
		return xlsxkit.Num(c.Doc.City.Population, st.Integer)
	case ColField:
		f, _ := res.Field(col.Field)
		return xlsxkit.Num(xlsxkit.Round(f.Score, 1), st.Score)
	case ColReadiness:
		return xlsxkit.Num(xlsxkit.Round(res.Readiness.Score, 1), st.Score)
	case ColRecommended:
		return b.recommendedName(rec.Field)
	case ColConfidence:
		return l10n.Confidence(b.w.Loc, rec.Confidence)
	case ColCompleteness:
		return xlsxkit.Num(xlsxkit.Round(assessment.RecommendedCompleteness(res), 3), st.Percent)
	case ColStability:
		if u := res.Uncertainty; u != nil && rec.Field != "" {
			return xlsxkit.Num(u.Stability, st.Percent)
		}
		return ""
	}
	return b.overviewRankOrPlan(c, r, col)
}

// overviewRankOrPlan is what the overview shows in a column of the city's
// rank or of its action plan, and its file.
func (b *compareBuilder) overviewRankOrPlan(c City, r assessment.RankInterval, col Column) any {
	switch col.Kind {
	case ColRank:
		return b.integer(r.Rank)
	case ColBestRank:
		return b.integer(r.Range[0])
	case ColWorstRank:
		return b.integer(r.Range[1])
	case ColNext:
		return NextText(b.w.Loc, r, len(b.c.Cities))
	case ColLocal:
		return b.integer(len(c.Doc.Plan.Of(assessment.Local)))
	case ColInternational:
		return b.integer(len(c.Doc.Plan.Of(assessment.International)))
	case ColBudget:
		return xlsxkit.Num(c.Doc.Plan.Totals().All, b.w.St.Decimal)
	}
	return c.Path
}

// ranks are the cities' rank intervals, worked out here for a comparison
// put together without them.
func (b *compareBuilder) ranks() *assessment.CityRanks {
	if b.c.Ranks == nil {
		b.c.Ranks = assessment.AnalyseCities(b.qn, b.c.Cities)
	}
	return b.c.Ranks
}

// ranking lists, for each field, the cities from strongest to weakest.
func (b *compareBuilder) ranking() {
	sheet := xlsxkit.SafeSheetName(b.t("compare.sheet.ranking"))
	rows := 2 + len(b.c.Cities)*len(b.qn.Fields())
	s := b.w.NewStream(sheet, func() {
		if len(b.c.Cities) > 0 {
			b.w.Check(b.w.F.AutoFilter(sheet, fmt.Sprintf("A2:I%d", rows), nil))
		}
		b.printSetup(sheet, 2)
	}, 38, 8, 26, 18, 12, 12, 10, 10, 14)
	s.Panes(2, 0)
	s.Add(b.w.St.Title, b.t("compare.rankingTitle"))
	s.Header(b.t("report.col.field"), b.t("report.col.rank"), b.t("compare.col.city"),
		b.t("compare.col.province"), b.t("report.col.score"), b.t("report.col.completeness"),
		b.t("compare.col.bestRank"), b.t("compare.col.worstRank"), b.t("compare.col.next"))
	ranks := b.ranks()
	for _, f := range b.qn.Fields() {
		intervals := ranks.Fields[f.ID]
		for _, r := range assessment.RankCities(b.c.Cities, f.ID) {
			iv := intervals[r.Index]
			s.Add(b.w.St.Text, l10n.SectionName(b.w.Loc, f.ID), b.integer(r.Rank), r.City.Doc.City.Name,
				r.City.Doc.City.Province, xlsxkit.Num(xlsxkit.Round(r.Field.Score, 1), b.w.St.Score),
				xlsxkit.Num(xlsxkit.Round(r.Field.Completeness, 3), b.w.St.Percent), b.integer(iv.Range[0]), b.integer(iv.Range[1]),
				NextText(b.w.Loc, iv, len(b.c.Cities)))
		}
	}
	s.Flush()
}

// chart draws the cities' field scores as a clustered bar chart, for the
// first assessment.ChartCities cities by their best field score.
func (b *compareBuilder) chart() {
	sheet := xlsxkit.SafeSheetName(b.t("compare.sheet.chart"))
	b.w.NewSheet(sheet)
	cities := assessment.TopCities(b.c.Cities, assessment.ChartCities)
	b.w.StyledText(sheet, 1, 1, b.w.Loc.N("compare.chartTitle", len(cities), nil), b.w.St.Title)
	fields := b.qn.Fields()
	heads := []any{b.t("compare.col.city")}
	widths := []float64{24}
	for _, f := range fields {
		heads = append(heads, l10n.SectionName(b.w.Loc, f.ID))
		widths = append(widths, 11)
	}
	texts := make([]string, len(heads))
	for j, h := range heads {
		texts[j] = h.(string)
		b.w.Text(sheet, j+1, 2, texts[j])
	}
	widths = xlsxkit.HeaderWidths(texts, widths)
	b.w.StyleRange(sheet, 1, 2, len(fields)+1, 2, b.w.St.Header)
	b.w.Check(b.w.F.SetRowHeight(sheet, 2, max(32, xlsxkit.LineHeight*float64(xlsxkit.LinesOf(heads, widths, xlsxkit.BoldCharUnits))+4)))
	for i, c := range cities {
		b.w.Text(sheet, 1, i+3, c.Doc.City.Name)
		for j, f := range c.Result.Fields {
			b.w.Number(sheet, j+2, i+3, xlsxkit.Round(f.Score, 1), b.w.St.Score)
		}
	}
	b.w.Widths(sheet, widths...)
	if len(cities) == 0 {
		return
	}
	q := xlsxkit.QuoteSheet(sheet)
	var series []excelize.ChartSeries
	for j := range fields {
		col, _ := excelize.ColumnNumberToName(j + 2)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$2", q, col),
			Categories: fmt.Sprintf("%s!$A$3:$A$%d", q, len(cities)+2),
			Values:     fmt.Sprintf("%s!$%s$3:$%s$%d", q, col, col, len(cities)+2),
		})
	}
	max100, zero := 100.0, 0.0
	font := excelize.Font{Family: b.w.Font(), Size: 9, Color: "000000"}
	b.w.Check(b.w.F.AddChart(sheet, xlsxkit.Cell(len(fields)+3, 2), &excelize.Chart{
		Type: excelize.Col, Series: series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.w.Loc.N("compare.chartTitle", len(cities), nil)}}},
		Dimension: excelize.ChartDimension{Width: uint(max(720, 60*len(cities))), Height: 420},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     excelize.ChartAxis{Font: font},
		YAxis:     excelize.ChartAxis{Maximum: &max100, Minimum: &zero, MajorGridLines: true, Font: font},
	}))
	b.w.Freeze(sheet, 2)
	b.printSetup(sheet, 2)
}

// followUp lists the cities that need following up (see
// assessment.NeedsFollowUp), with the reasons.
func (b *compareBuilder) followUp() {
	sheet := xlsxkit.SafeSheetName(b.t("compare.sheet.followUp"))
	s := b.w.NewStream(sheet, func() { b.printSetup(sheet, 2) }, 24, 18, 22, 12, 12, 80)
	s.Panes(2, 0)
	s.Add(b.w.St.Title, b.t("compare.followUpTitle"))
	s.Header(b.t("compare.col.city"), b.t("compare.col.province"), b.t("report.recommendedField"),
		b.t("report.confidence"), b.t("report.col.completeness"), b.t("report.reasons"))
	for _, c := range b.c.Cities {
		if !assessment.NeedsFollowUp(c.Result) {
			continue
		}
		var reasons []string
		for _, r := range assessment.FollowUpReasons(c.Result) {
			reasons = append(reasons, l10n.Reason(b.w.Loc, r))
		}
		rec := c.Result.Recommendation
		s.Add(b.w.St.Text, c.Doc.City.Name, c.Doc.City.Province, b.recommendedName(rec.Field), l10n.Confidence(b.w.Loc, rec.Confidence),
			xlsxkit.Num(xlsxkit.Round(assessment.RecommendedCompleteness(c.Result), 3), b.w.St.Percent), strings.Join(reasons, " "))
	}
	s.Flush()
}

// recommendedName is the name of a recommended field, or the note that
// there is none.
func (b *compareBuilder) recommendedName(field string) string {
	if field == "" {
		return b.t("report.noRecommendation")
	}
	return l10n.SectionName(b.w.Loc, field)
}

// skipped lists the inputs that could not be read, with the reason, then
// the other inputs of a city compared, with the input compared and why,
// then the notes on inputs (an UpdatedAt in the future).
func (b *compareBuilder) skipped() {
	sheet := xlsxkit.SafeSheetName(b.t("compare.sheet.skipped"))
	s := b.w.NewStream(sheet, func() { b.printSetup(sheet, 2) }, 50, 50, 90)
	s.Panes(2, 0)
	s.Add(b.w.St.Title, b.t("compare.skippedTitle"))
	s.Header(b.t("compare.col.file"), b.t("compare.col.reason"))
	for _, sk := range b.c.Skipped {
		p := sk.Problem
		p.Path = ""
		s.Add(b.w.St.Text, sk.Path, l10n.Problem(b.w.Loc, p))
	}
	if len(b.c.Duplicates) > 0 {
		s.Add(b.w.St.Text)
		s.Add(b.w.St.Subtitle, b.t("compare.duplicatesTitle"))
		s.Header(b.t("compare.col.duplicate"), b.t("compare.col.sameCityAs"), b.t("compare.col.reason"))
		for _, d := range b.c.Duplicates {
			s.Add(b.w.St.Text, d.City.Path, b.t("compare.duplicateOf", map[string]any{"City": CityLabel(d.Of.Doc.City), "File": d.Of.Path}),
				l10n.Message(b.w.Loc, d.Problem()))
		}
	}
	if len(b.c.Warnings) > 0 {
		s.Add(b.w.St.Text)
		s.Add(b.w.St.Subtitle, b.t("compare.notesTitle"))
		s.Header(b.t("compare.col.file"), b.t("compare.col.reason"))
		for _, p := range b.c.Warnings {
			s.Add(b.w.St.Text, p.Path, l10n.Message(b.w.Loc, p))
		}
	}
	s.Flush()
}
