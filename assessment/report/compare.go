package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// City is one assessment in a comparison, with its scores.
type City = assessment.CityResult

// Skipped is an input that could not be compared, with the reason.
type Skipped struct {
	Path    string
	Problem assessment.Problem
}

// Comparison is what a set of inputs gave: the cities in input order,
// each city once (see assessment.DedupeCities), the inputs of a city
// already compared and the inputs skipped.
type Comparison struct {
	Cities     []City
	Duplicates []assessment.Duplicate
	Skipped    []Skipped
	// Ranks are the cities' rank intervals (see assessment.AnalyseCities).
	Ranks *assessment.CityRanks
}

// ExpandInputs turns the command-line inputs into files: a folder stands
// for the .ccsa and .xlsx files in it (not its subfolders), sorted.
func ExpandInputs(inputs []string) []string {
	var out []string
	for _, in := range inputs {
		info, err := os.Stat(in)
		if err != nil || !info.IsDir() {
			out = append(out, in)
			continue
		}
		entries, err := os.ReadDir(in)
		if err != nil {
			out = append(out, in) // reported as unreadable when loaded
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
				continue
			}
			if strings.EqualFold(filepath.Ext(name), assessment.Extension) || IsWorkbook(name) {
				out = append(out, filepath.Join(in, name))
			}
		}
	}
	return out
}

// Load reads every input (an assessment file or an exported report),
// concurrently up to the number of CPUs, and scores it. A bad input is
// skipped with its reason and never stops the others. A city given more
// than once is compared once, from its first input; the others are listed
// as its duplicates.
func Load(qn *assessment.Questionnaire, paths []string) *Comparison {
	type result struct {
		city City
		skip *Skipped
	}
	results := make([]result, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.NumCPU())
	for i, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			doc, err := loadInput(qn, p)
			if err != nil {
				results[i].skip = &Skipped{Path: p, Problem: problemOf(err, p)}
				return
			}
			results[i].city = City{Path: p, Doc: doc, Result: assessment.ScoreQuick(qn, doc)}
		}()
	}
	wg.Wait()
	c := &Comparison{}
	var cities []City
	for _, r := range results {
		if r.skip != nil {
			c.Skipped = append(c.Skipped, *r.skip)
		} else {
			cities = append(cities, r.city)
		}
	}
	c.Cities, c.Duplicates = assessment.DedupeCities(cities, qn.Provinces)
	// The uncertainty analysis of all the cities at once, on the same
	// variations; a duplicate, not compared, on its own.
	c.Ranks = assessment.AnalyseCities(qn, c.Cities)
	for _, d := range c.Duplicates {
		assessment.Analyse(qn, d.City.Doc, d.City.Result)
	}
	return c
}

// loadInput reads one input; an assessment whose values are invalid is
// refused like a bad file, so that no score comes from bad data. A
// problem of the action plan, which no score uses, does not keep a city
// out of the comparison.
func loadInput(qn *assessment.Questionnaire, path string) (*assessment.Assessment, error) {
	var doc *assessment.Assessment
	var err error
	if IsWorkbook(path) {
		doc, _, err = ReadFile(path)
	} else {
		doc, err = files.Load(path)
	}
	if err != nil {
		return nil, err
	}
	qn.Migrate(doc) // an older version's answers, compared as today's
	for _, p := range assessment.ValidateAnswers(qn, doc, path) {
		if p.Severity == assessment.Error {
			return nil, &assessment.FileError{Problem: p}
		}
	}
	return doc, nil
}

func problemOf(err error, path string) assessment.Problem {
	var fe *assessment.FileError
	if errors.As(err, &fe) {
		return fe.Problem
	}
	return assessment.Problem{Severity: assessment.Error, Path: path, Code: assessment.CodeReadFailed,
		Args: assessment.Args{"Detail": assessment.TextArg(err.Error())}}
}

// CompareOptions are the comparison workbook's settings.
type CompareOptions struct {
	Lang       translations.Lang
	AppVersion string
	Now        time.Time
}

// WriteComparison writes the comparison workbook: an overview of every
// city, a ranking per field, a chart, the cities to follow up and the
// skipped inputs. Large sheets are streamed.
func WriteComparison(w io.Writer, qn *assessment.Questionnaire, c *Comparison, opts CompareOptions) error {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	cb := &compareBuilder{builder: builder{f: excelize.NewFile(), qn: qn, a: &assessment.Assessment{},
		opts: Options{Lang: opts.Lang, AppVersion: opts.AppVersion, Now: opts.Now},
		loc:  translations.New(opts.Lang), warned: map[string]bool{}}, c: c}
	defer cb.f.Close()
	if err := cb.build(); err != nil {
		return err
	}
	_, err := cb.f.WriteTo(w)
	return err
}

// WriteComparisonFile writes the comparison workbook to path atomically.
func WriteComparisonFile(path string, qn *assessment.Questionnaire, c *Comparison, opts CompareOptions) error {
	if err := checkWritable(path); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := WriteComparison(&buf, qn, c, opts); err != nil {
		return readError(path, assessment.CodeWriteFailed, assessment.Args{"Detail": assessment.TextArg(err.Error())}, err)
	}
	return files.WriteFileAtomic(path, buf.Bytes())
}

type compareBuilder struct {
	builder
	c *Comparison
}

func (b *compareBuilder) build() error {
	b.check(b.f.SetDefaultFont(b.font()))
	b.st = newStyles(b.f, b.check, b.loc.Setting("dateExcel"), b.font())
	overview := safeSheetName(b.t("compare.sheet.overview"))
	b.check(b.f.SetSheetName("Sheet1", overview))
	b.overview(overview)
	b.ranking()
	b.chart()
	b.followUp()
	b.skipped()
	b.f.SetActiveSheet(0)
	b.check(b.f.SetDocProps(&excelize.DocProperties{
		Title:   b.t("compare.title"),
		Creator: b.t("app.name") + " " + b.opts.AppVersion, Language: b.loc.Setting("tag"),
		Created: b.opts.Now.UTC().Format(time.RFC3339), Version: b.opts.AppVersion,
	}))
	return b.err
}

// stream writes rows of cells to a sheet with excelize's StreamWriter.
type stream struct {
	sw  *excelize.StreamWriter
	row int
	b   *compareBuilder
}

// newStream creates a streamed sheet. Sheet settings (print setup,
// filters, conditional formats) must be made before its stream writer
// exists, so setup runs first.
func (b *compareBuilder) newStream(sheet string, setup func(), widths ...float64) *stream {
	if sheet != b.f.GetSheetName(0) {
		_, err := b.f.NewSheet(sheet)
		b.check(err)
	}
	setup()
	sw, err := b.f.NewStreamWriter(sheet)
	b.check(err)
	if err != nil {
		return &stream{b: b}
	}
	for i, w := range widths {
		b.check(sw.SetColWidth(i+1, i+1, w))
	}
	return &stream{sw: sw, b: b}
}

// header writes the next row as a table header, two lines high.
func (s *stream) header(values ...any) {
	s.addRow(s.b.st.header, []excelize.RowOpts{{Height: 48}}, values...)
}

// add writes the next row. Strings go in as text (never formulas).
func (s *stream) add(style int, values ...any) { s.addRow(style, nil, values...) }

func (s *stream) addRow(style int, opts []excelize.RowOpts, values ...any) {
	s.row++
	if s.sw == nil {
		return
	}
	cells := make([]any, len(values))
	for i, v := range values {
		switch x := v.(type) {
		case string:
			cells[i] = excelize.Cell{StyleID: style, Value: s.b.fit(x, "")}
		case excelize.Cell:
			cells[i] = x
		default:
			cells[i] = excelize.Cell{StyleID: style, Value: x}
		}
	}
	s.b.check(s.sw.SetRow(cell(1, s.row), cells, opts...))
}

// panes freezes the first rows (and columns); it must come before any row.
func (s *stream) panes(rows, cols int) {
	if s.sw == nil {
		return
	}
	pane := "bottomLeft"
	if cols > 0 {
		pane = "bottomRight"
	}
	s.b.check(s.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: cell(cols+1, rows+1),
		ActivePane: pane}))
}

// paragraph writes a text across the columns of widths, merged, wrapped
// and as high as its lines.
func (s *stream) paragraph(text string, widths []float64) {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	lines := lineCount(text, total-1, charUnits)
	s.addRow(s.b.st.text, []excelize.RowOpts{{Height: lineHeight*float64(lines) + 4}}, text)
	if s.sw != nil && len(widths) > 1 {
		s.b.check(s.sw.MergeCell(cell(1, s.row), cell(len(widths), s.row)))
	}
}

func (s *stream) flush() {
	if s.sw != nil {
		s.b.check(s.sw.Flush())
	}
}

func num(v float64, style int) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }

// overviewHeader is the row of the overview's table header: the title,
// the subtitle and the date of the comparison come first.
const overviewHeader = 4

// overview writes one row per city.
func (b *compareBuilder) overview(sheet string) {
	fields := b.qn.Fields()
	heads := []string{b.t("compare.col.city"), b.t("compare.col.province"), b.t("compare.col.population")}
	for _, f := range fields {
		heads = append(heads, l10n.SectionName(b.loc, f.ID))
	}
	heads = append(heads, b.t("section.readiness.name"), b.t("report.recommendedField"), b.t("report.confidence"),
		b.t("report.col.completeness"), b.t("compare.col.stability"), b.t("compare.col.rank"), b.t("compare.col.bestRank"),
		b.t("compare.col.worstRank"), b.t("compare.col.next"), b.t("compare.col.localInitiatives"),
		b.t("compare.col.internationalInitiatives"), b.t("compare.col.planBudget"), b.t("compare.col.file"))
	widths := []float64{18, 16, 12}
	for range fields {
		widths = append(widths, 11)
	}
	widths = append(widths, 10, 16, 11, 11, 10, 10, 10, 10, 14, 11, 11, 14, 36)
	for _, c := range b.c.Cities {
		widths[0] = max(widths[0], textWidth(c.Doc.City.Name, charUnits))
		widths[1] = max(widths[1], textWidth(c.Doc.City.Province, charUnits))
	}
	widths = headerWidths(heads, widths)
	last := overviewHeader + len(b.c.Cities)
	ncols := len(heads)
	s := b.newStream(sheet, func() {
		// The filter first: it resets the sheet properties that the print
		// setup then completes.
		defer b.printSetup(sheet, overviewHeader)
		if len(b.c.Cities) == 0 {
			return
		}
		b.check(b.f.AutoFilter(sheet, fmt.Sprintf("%s:%s", cell(1, overviewHeader), cell(ncols, last)), nil))
		scores := fmt.Sprintf("%s:%s", cell(4, overviewHeader+1), cell(3+len(fields)+1, last))
		b.check(b.f.SetConditionalFormat(sheet, scores, []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=", MinType: "num", MinValue: "0", MinColor: "#F8696B",
			MidType: "num", MidValue: "50", MidColor: "#FFEB84", MaxType: "num", MaxValue: "100", MaxColor: "#63BE7B",
		}}))
	}, widths...)
	s.panes(overviewHeader, 1)
	s.add(b.st.title, b.t("compare.title"))
	subtitle := "compare.subtitle"
	if len(b.c.Duplicates) > 0 {
		subtitle = "compare.subtitleDuplicates"
	}
	s.add(b.st.subtitle, b.loc.N(subtitle, len(b.c.Cities), map[string]any{
		"Skipped": len(b.c.Skipped), "Duplicates": len(b.c.Duplicates)}))
	s.add(b.st.label, b.t("compare.date"), excelize.Cell{StyleID: b.st.date, Value: b.opts.Now})
	s.headerFitted(widths, heads...)
	ranks := b.ranks()
	for i, c := range b.c.Cities {
		rec := c.Result.Recommendation
		row := []any{c.Doc.City.Name, c.Doc.City.Province, num(c.Doc.City.Population, b.st.integer)}
		for _, f := range c.Result.Fields {
			row = append(row, num(round(f.Score, 1), b.st.score))
		}
		row = append(row, num(round(c.Result.Readiness.Score, 1), b.st.score), b.recommendedName(rec.Field),
			l10n.Confidence(b.loc, rec.Confidence), num(round(assessment.RecommendedCompleteness(c.Result), 3), b.st.percent))
		if u := c.Result.Uncertainty; u != nil && rec.Field != "" {
			row = append(row, num(u.Stability, b.st.percent))
		} else {
			row = append(row, "")
		}
		row = append(row, b.interval(ranks.Overall[i], ranks.Overall[i].Rank == len(b.c.Cities))...)
		plan := planOf(c.Doc)
		row = append(row, num(float64(len(plan.Of(assessment.Local))), b.st.integer),
			num(float64(len(plan.Of(assessment.International))), b.st.integer), num(money(totalsOf(plan).all), b.st.decimal))
		row = append(row, c.Path)
		s.addFitted(b.st.text, widths, row...)
	}
	s.add(b.st.text)
	s.paragraph(b.t("compare.rankNote", map[string]any{"Variations": l10n.Number(b.loc, assessment.Variations, 0)}),
		widths[:min(len(widths), 3+len(fields)+6)])
	s.flush()
}

// ranks are the cities' rank intervals, worked out here for a comparison
// put together without them.
func (b *compareBuilder) ranks() *assessment.CityRanks {
	if b.c.Ranks == nil {
		b.c.Ranks = assessment.AnalyseCities(b.qn, b.c.Cities)
	}
	return b.c.Ranks
}

// interval is a city's rank, best and worst ranks and whether it can be
// told apart from the next city (nothing for the last).
func (b *compareBuilder) interval(r assessment.RankInterval, last bool) []any {
	next := b.t("compare.separable")
	switch {
	case last:
		next = ""
	case r.NotSeparable:
		next = b.t("compare.notSeparable")
	}
	return []any{num(float64(r.Rank), b.st.integer), num(float64(r.Range[0]), b.st.integer),
		num(float64(r.Range[1]), b.st.integer), next}
}

// textWidth is the width, in character units, that a text needs on one
// line, with the cell's padding and a margin for wide letters (a reader's
// substitute font may be wider than Times New Roman).
func textWidth(s string, letter float64) float64 {
	return float64(utf8.RuneCountInString(s))*letter*1.1 + 2
}

// headerWidths widens each column to its header's longest word, so that a
// header wraps between words, never inside one, in any language.
func headerWidths(heads []string, widths []float64) []float64 {
	out := slices.Clone(widths)
	for i, h := range heads {
		for _, w := range strings.Fields(h) {
			out[i] = max(out[i], textWidth(w, boldCharUnits))
		}
	}
	return out
}

// linesOf is how many lines the text cells of a row take in their columns.
func linesOf(values []any, widths []float64, letter float64) int {
	lines := 1
	for i, v := range values {
		if s, ok := v.(string); ok && i < len(widths) {
			lines = max(lines, lineCount(s, widths[i]-1, letter))
		}
	}
	return lines
}

// headerFitted writes a table header as high as its longest header wraps.
func (s *stream) headerFitted(widths []float64, heads ...string) {
	values := make([]any, len(heads))
	for i, h := range heads {
		values[i] = h
	}
	height := lineHeight*float64(linesOf(values, widths, boldCharUnits)) + 4
	s.addRow(s.b.st.header, []excelize.RowOpts{{Height: max(32, height)}}, values...)
}

// addFitted writes a row as high as its longest text wraps, so that no
// text runs over the next row.
func (s *stream) addFitted(style int, widths []float64, values ...any) {
	var opts []excelize.RowOpts
	if n := linesOf(values, widths, charUnits); n > 1 {
		opts = []excelize.RowOpts{{Height: math.Min(maxRowHeight, lineHeight*float64(n))}}
	}
	s.addRow(style, opts, values...)
}

// ranking lists, for each field, the cities from strongest to weakest.
func (b *compareBuilder) ranking() {
	sheet := safeSheetName(b.t("compare.sheet.ranking"))
	rows := 2 + len(b.c.Cities)*len(b.qn.Fields())
	s := b.newStream(sheet, func() {
		if len(b.c.Cities) > 0 {
			b.check(b.f.AutoFilter(sheet, fmt.Sprintf("A2:I%d", rows), nil))
		}
		b.printSetup(sheet, 2)
	}, 38, 8, 26, 18, 12, 12, 10, 10, 14)
	s.panes(2, 0)
	s.add(b.st.title, b.t("compare.rankingTitle"))
	s.header(b.t("report.col.field"), b.t("report.col.rank"), b.t("compare.col.city"),
		b.t("compare.col.province"), b.t("report.col.score"), b.t("report.col.completeness"),
		b.t("compare.col.bestRank"), b.t("compare.col.worstRank"), b.t("compare.col.next"))
	ranks := b.ranks()
	for _, f := range b.qn.Fields() {
		intervals := ranks.Fields[f.ID]
		for n, r := range assessment.RankCities(b.c.Cities, f.ID) {
			iv := b.interval(intervals[r.Index], n == len(b.c.Cities)-1)
			s.add(b.st.text, append([]any{l10n.SectionName(b.loc, f.ID), num(float64(r.Rank), b.st.integer), r.City.Doc.City.Name,
				r.City.Doc.City.Province, num(round(r.Field.Score, 1), b.st.score), num(round(r.Field.Completeness, 3), b.st.percent)},
				iv[1:]...)...)
		}
	}
	s.flush()
}

// chart draws the cities' field scores as a clustered bar chart, for the
// first assessment.ChartCities cities by their best field score.
func (b *compareBuilder) chart() {
	sheet := safeSheetName(b.t("compare.sheet.chart"))
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	cities := assessment.TopCities(b.c.Cities, assessment.ChartCities)
	b.text(sheet, 1, 1, b.loc.N("compare.chartTitle", len(cities), nil))
	b.style(sheet, 1, 1, b.st.title)
	fields := b.qn.Fields()
	heads := []any{b.t("compare.col.city")}
	widths := []float64{24}
	for _, f := range fields {
		heads = append(heads, l10n.SectionName(b.loc, f.ID))
		widths = append(widths, 11)
	}
	texts := make([]string, len(heads))
	for j, h := range heads {
		texts[j] = h.(string)
		b.text(sheet, j+1, 2, texts[j])
	}
	widths = headerWidths(texts, widths)
	b.styleRange(sheet, 1, 2, len(fields)+1, 2, b.st.header)
	b.check(b.f.SetRowHeight(sheet, 2, max(32, lineHeight*float64(linesOf(heads, widths, boldCharUnits))+4)))
	for i, c := range cities {
		b.text(sheet, 1, i+3, c.Doc.City.Name)
		for j, f := range c.Result.Fields {
			b.number(sheet, j+2, i+3, round(f.Score, 1), b.st.score)
		}
	}
	b.widths(sheet, widths...)
	if len(cities) == 0 {
		return
	}
	q := quoteSheet(sheet)
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
	font := excelize.Font{Family: b.font(), Size: 9, Color: "000000"}
	b.check(b.f.AddChart(sheet, cell(len(fields)+3, 2), &excelize.Chart{
		Type: excelize.Col, Series: series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.loc.N("compare.chartTitle", len(cities), nil)}}},
		Dimension: excelize.ChartDimension{Width: uint(max(720, 60*len(cities))), Height: 420},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis:     excelize.ChartAxis{Font: font},
		YAxis:     excelize.ChartAxis{Maximum: &max100, Minimum: &zero, MajorGridLines: true, Font: font},
	}))
	b.freeze(sheet, 2)
	b.printSetup(sheet, 2)
}

// followUp lists the cities that need following up (see
// assessment.NeedsFollowUp), with the reasons.
func (b *compareBuilder) followUp() {
	sheet := safeSheetName(b.t("compare.sheet.followUp"))
	s := b.newStream(sheet, func() { b.printSetup(sheet, 2) }, 24, 18, 22, 12, 12, 80)
	s.panes(2, 0)
	s.add(b.st.title, b.t("compare.followUpTitle"))
	s.header(b.t("compare.col.city"), b.t("compare.col.province"), b.t("report.recommendedField"),
		b.t("report.confidence"), b.t("report.col.completeness"), b.t("report.reasons"))
	for _, c := range b.c.Cities {
		if !assessment.NeedsFollowUp(c.Result) {
			continue
		}
		var reasons []string
		for _, r := range assessment.FollowUpReasons(c.Result) {
			reasons = append(reasons, l10n.Reason(b.loc, r))
		}
		rec := c.Result.Recommendation
		s.add(b.st.text, c.Doc.City.Name, c.Doc.City.Province, b.recommendedName(rec.Field), l10n.Confidence(b.loc, rec.Confidence),
			num(round(assessment.RecommendedCompleteness(c.Result), 3), b.st.percent), strings.Join(reasons, " "))
	}
	s.flush()
}

// recommendedName is the name of a recommended field, or the note that
// there is none.
func (b *compareBuilder) recommendedName(field string) string {
	if field == "" {
		return b.t("report.noRecommendation")
	}
	return l10n.SectionName(b.loc, field)
}

// skipped lists the inputs that could not be read, with the reason, then
// the inputs of a city already compared, with the input compared.
func (b *compareBuilder) skipped() {
	sheet := safeSheetName(b.t("compare.sheet.skipped"))
	s := b.newStream(sheet, func() { b.printSetup(sheet, 2) }, 50, 90)
	s.panes(2, 0)
	s.add(b.st.title, b.t("compare.skippedTitle"))
	s.header(b.t("compare.col.file"), b.t("compare.col.reason"))
	for _, sk := range b.c.Skipped {
		p := sk.Problem
		p.Path = ""
		s.add(b.st.text, sk.Path, l10n.Problem(b.loc, p))
	}
	if len(b.c.Duplicates) > 0 {
		s.add(b.st.text)
		s.add(b.st.subtitle, b.t("compare.duplicatesTitle"))
		s.header(b.t("compare.col.duplicate"), b.t("compare.col.sameCityAs"))
		for _, d := range b.c.Duplicates {
			s.add(b.st.text, d.City.Path, b.t("compare.duplicateOf", map[string]any{"City": CityLabel(d.Of.Doc.City), "File": d.Of.Path}))
		}
	}
	s.flush()
}

// CityLabel names a city with its province, when there is one.
func CityLabel(c assessment.City) string {
	if p := strings.TrimSpace(c.Province); p != "" {
		return strings.TrimSpace(c.Name) + ", " + p
	}
	return strings.TrimSpace(c.Name)
}
