package report

import (
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report/xlsxkit"
)

// The cover sheet is the report's first page, laid out as a Vietnamese
// administrative report (Decree 30/2020/NĐ-CP, DOMAIN.md 7) in every
// language: the governing and issuing bodies beside the national heading
// and motto, the number and symbol beside the place and date, the
// document's kind and subject, a short text of the results, and the
// recipients beside the signature block. A4 portrait.
const (
	coverCols = 6
	coverSize = 13 // the body's font size, as in administrative documents
)

// coverWidths are the cover's column widths: about 90 units fill an A4 portrait
// page; the right half, where the national heading stands on one line, is
// the wider.
var coverWidths = []float64{15, 15, 15, 17, 17, 17}

// coverStyles are the cover's text styles.
type coverStyles struct {
	governing, issuing, nation, motto, number, place, kind, subject, body, recipientsTitle, recipient, signer, line, notice int
}

func (b *builder) newCoverStyles() coverStyles {
	mk := func(size float64, bold, italic, underline bool, horizontal string) int {
		font := &excelize.Font{Size: size, Bold: bold, Italic: italic}
		if underline {
			font.Underline = "single"
		}
		id, err := b.w.F.NewStyle(xlsxkit.WithFont(&excelize.Style{Font: font,
			Alignment: &excelize.Alignment{Horizontal: horizontal, Vertical: "top", WrapText: true}}, b.w.Font()))
		b.w.Check(err)
		return id
	}
	line, err := b.w.F.NewStyle(xlsxkit.WithFont(&excelize.Style{Border: []excelize.Border{{Type: "top", Color: "000000", Style: 1}}}, b.w.Font()))
	b.w.Check(err)
	notice, err := b.w.F.NewStyle(xlsxkit.WithFont(&excelize.Style{Font: &excelize.Font{Size: 11, Bold: true, Color: "C00000"},
		Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}, b.w.Font()))
	b.w.Check(err)
	return coverStyles{
		governing: mk(12, false, false, false, "center"), issuing: mk(12, true, false, false, "center"),
		nation: mk(12, true, false, false, "center"), motto: mk(13, true, false, true, "center"),
		number: mk(13, false, false, false, "center"), place: mk(13, false, true, false, "center"),
		kind: mk(14, true, false, false, "center"), subject: mk(13, true, false, false, "center"),
		body: mk(coverSize, false, false, false, "justify"), recipientsTitle: mk(12, true, true, false, "left"),
		recipient: mk(11, false, false, false, "left"), signer: mk(13, true, false, false, "center"),
		line: line, notice: notice,
	}
}

// coverWriter writes the cover's texts.
type coverWriter struct {
	b     *builder
	sheet string
	st    coverStyles
}

// half writes a text across the left (from 1) or the right (from 4) half
// of the page.
func (c *coverWriter) half(from, row int, s string, style int) {
	c.b.w.Check(c.b.w.F.MergeCell(c.sheet, xlsxkit.Cell(from, row), xlsxkit.Cell(from+2, row)))
	c.b.coverText(c.sheet, from, row, s, style, from+2)
}

// whole writes a text across the page.
func (c *coverWriter) whole(row int, s string, style int) {
	c.b.w.Check(c.b.w.F.MergeCell(c.sheet, xlsxkit.Cell(1, row), xlsxkit.Cell(coverCols, row)))
	c.b.coverText(c.sheet, 1, row, s, style, coverCols)
}

// profile is an answer of the city profile, trimmed.
func (b *builder) profile(id string) string {
	s, _ := b.a.Value("profile." + id).String()
	return strings.TrimSpace(s)
}

// cover writes the first page.
func (b *builder) cover(sheet string) {
	c := &coverWriter{b: b, sheet: sheet, st: b.newCoverStyles()}
	b.w.Widths(sheet, coverWidths...)
	issuing := b.profile("issuing_body")
	if issuing == "" {
		issuing = strings.TrimSpace(b.a.City.Organization)
	}
	row := c.heading(issuing)
	row = c.body(row, issuing)
	b.coverPage(sheet, c.signature(row))
}

// heading writes the bodies beside the national heading and motto, and
// the number and symbol beside the place and date; it returns the next
// row.
func (c *coverWriter) heading(issuing string) int {
	b, st := c.b, c.st
	c.half(1, 1, strings.ToUpper(b.profile("governing_body")), st.governing)
	c.half(4, 1, b.t("report.cover.nation"), st.nation)
	c.half(1, 2, strings.ToUpper(issuing), st.issuing)
	c.half(4, 2, b.t("report.cover.motto"), st.motto)
	b.w.Style(c.sheet, 2, 3, st.line) // the short rule under the issuing body
	b.w.Style(c.sheet, 5, 3, st.line) // and under the motto
	b.w.Check(b.w.F.SetRowHeight(c.sheet, 3, 8))
	number := b.profile("document_number")
	if number == "" {
		number = b.t("report.cover.numberBlank")
	}
	c.half(1, 4, b.t("report.cover.number", map[string]any{"Number": number}), st.number)
	c.half(4, 4, b.placeAndDate(), st.place)
	return 6
}

// body writes the document's kind and subject and the text of the
// cover from row; it returns the next row.
func (c *coverWriter) body(row int, issuing string) int {
	b, st := c.b, c.st
	c.whole(row, b.t("report.cover.kind"), st.kind)
	row++
	c.whole(row, b.t("report.cover.subject", map[string]any{"City": b.a.City.Name}), st.subject)
	row += 2
	if demo, ok := b.a.ExtraMembers()["demonstration"]; ok && string(demo) == "true" {
		c.whole(row, b.t("report.demoNotice"), st.notice)
		row += 2
	}
	for _, p := range b.coverBody(issuing) {
		c.whole(row, p, st.body)
		row++
	}
	return row + 1
}

// signature writes the recipients on the left and the signature block on
// the right from row; it returns the last row written.
func (c *coverWriter) signature(row int) int {
	b, st := c.b, c.st
	top := row
	c.half(1, row, b.t("report.cover.recipientsTitle"), st.recipientsTitle)
	for i, r := range b.recipients(b.profile("recipients")) {
		c.half(1, top+1+i, r, st.recipient)
		row = top + 1 + i
	}
	sign := top
	for _, line := range strings.Split(strings.ToUpper(b.profile("signer_title")), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			c.half(4, sign, line, st.signer)
			sign++
		}
	}
	sign += 3 // room for the signature and the seal
	name := b.profile("signer_name")
	if name == "" {
		name = b.t("report.cover.signerBlank")
	}
	c.half(4, sign, name, st.signer)
	return max(row, sign)
}

// coverText writes a text of the cover from column col and makes its row
// as high as the text wraps up to column last at its font size. Letters
// are counted a little narrower than on the other sheets: the cover's
// paragraphs are prose, without the long words of a table.
func (b *builder) coverText(sheet string, col, row int, s string, style, last int) {
	b.w.Text(sheet, col, row, s)
	b.w.Style(sheet, col, row, style)
	if s == "" {
		return
	}
	st, err := b.w.F.GetStyle(style)
	size := float64(coverSize)
	if err == nil && st.Font != nil && st.Font.Size > 0 {
		size = st.Font.Size
	}
	scale := size / 11
	letter := 0.95 * scale
	if st != nil && st.Font != nil && st.Font.Bold {
		letter = 1.1 * scale
	}
	width := -1.0
	for c := col; c <= last; c++ {
		width += coverWidths[c-1]
	}
	need := math.Min(xlsxkit.MaxRowHeight, xlsxkit.LineHeight*scale*float64(xlsxkit.LineCount(s, width, letter)))
	if current, err := b.w.F.GetRowHeight(sheet, row); err == nil && current < need {
		b.w.Check(b.w.F.SetRowHeight(sheet, row, need))
	}
}

// placeAndDate is "Quảng Ninh, ngày 27 tháng 11 năm 2026": the province
// without the word of its unit ("Huế", not "Thành phố Huế"; see
// Provinces.PlaceName), or the city, and the date of the review, or of the
// export when the review has none. How the day and the month are written
// (Decree 30 puts a 0 before a day below 10 and the months 1 and 2) is the
// language's message.
func (b *builder) placeAndDate() string {
	place := b.qn.Provinces.PlaceName(b.a.City.Province)
	if place == "" {
		place = strings.TrimSpace(b.a.City.Name)
	}
	when := b.opts.Now
	if d, err := time.Parse(assessment.ISODate, b.a.City.Date); err == nil {
		when = d
	}
	months := strings.Split(b.t("gui.calendar.months"), "|")
	month := ""
	if int(when.Month()) <= len(months) {
		month = months[when.Month()-1]
	}
	return b.t("report.cover.date", map[string]any{"Place": place, "Day": when.Day(), "Month": int(when.Month()),
		"MonthName": month, "Year": when.Year()})
}

// coverBody is the text of the cover: the results in a few numbered
// paragraphs, then where the details are.
func (b *builder) coverBody(issuing string) []string {
	res := b.res
	body := issuing
	if body == "" {
		body = b.t("report.cover.we")
	}
	out := []string{b.coverIntro(body)}
	rec := res.Recommendation
	if rec.Field == "" {
		out = append(out, b.t("report.cover.noRecommendation"))
	} else {
		f, _ := res.Field(rec.Field)
		out = append(out, b.t("report.cover.recommended", map[string]any{"Field": l10n.SectionName(b.w.Loc, rec.Field),
			"Score": l10n.Score(b.w.Loc, f.Score), "Confidence": l10n.Confidence(b.w.Loc, rec.Confidence)}))
		var next []string
		for _, f := range b.nextCandidates(f.Rank, 2) {
			next = append(next, b.t("report.cover.fieldScore", map[string]any{"Field": l10n.SectionName(b.w.Loc, f.ID),
				"Score": l10n.Score(b.w.Loc, f.Score)}))
		}
		if len(next) > 0 {
			out = append(out, b.t("report.cover.next", map[string]any{"Fields": strings.Join(next, "; ")}))
		} else if unknown := assessment.UnknownFields(res); len(unknown) > 0 {
			out = append(out, b.t("report.cover.unknown", map[string]any{
				"Fields": l10n.Arg(b.w.Loc, assessment.FieldsArg(unknown...))}))
		}
	}
	out = append(out, b.t("report.cover.readiness", map[string]any{"Score": l10n.Score(b.w.Loc, res.Readiness.Score),
		"Completeness": l10n.Percent(b.w.Loc, res.Readiness.Completeness)}))
	if rec.Field != "" && len(res.Gaps) > 0 {
		out = append(out, b.w.Loc.N("report.cover.gaps", len(res.Gaps), map[string]any{"Field": l10n.SectionName(b.w.Loc, rec.Field)}))
	}
	if p := planOf(b.a); len(p.Initiatives) > 0 {
		out = append(out, b.planSentence("report.cover.plan", p))
	}
	return append(out, b.t("report.cover.attached"))
}

// coverIntro says who reports on which city, and how many of the fields
// were assessed and set aside: never that every field was reviewed when
// some have no answer.
func (b *builder) coverIntro(body string) string {
	assessed, aside := 0, []string{}
	for _, f := range b.res.Fields {
		if f.Assessed() {
			assessed++
		}
		if f.SetAside {
			aside = append(aside, l10n.SectionName(b.w.Loc, f.ID))
		}
	}
	data := map[string]any{"Body": body, "City": b.a.City.Name, "Count": len(b.res.Fields), "Assessed": assessed,
		"Version": b.a.QuestionnaireVersion}
	if len(aside) > 0 {
		data["Aside"], data["AsideNames"] = len(aside), strings.Join(aside, ", ")
	}
	return b.t("report.cover.intro", data)
}

// nextCandidates are up to n assessed candidate fields ranked after rank,
// best first.
func (b *builder) nextCandidates(rank, n int) []assessment.SectionScore {
	var out []assessment.SectionScore
	for r := rank + 1; r <= len(b.res.Fields) && len(out) < n; r++ {
		for _, f := range b.res.Fields {
			if f.Rank == r && f.Assessed() && f.Candidate() {
				out = append(out, f)
			}
		}
	}
	return out
}

// recipients are the lines of "Nơi nhận": each recipient given (one per
// line, or separated by ";" as older files and the help's example give
// them) on its own line, "- " in front, ";" after all but the last, "."
// after the last. When none is given: the ministry and the governing body
// (the province's or city's People's Committee), each "to report", and
// the archive.
func (b *builder) recipients(given string) []string {
	var names []string
	for _, line := range strings.FieldsFunc(given, func(r rune) bool { return r == '\n' || r == ';' }) {
		if line = strings.Trim(strings.TrimSpace(line), "-.• "); line != "" {
			names = append(names, line)
		}
	}
	if len(names) == 0 {
		names = []string{b.t("report.cover.recipientToReport", map[string]any{"Name": b.t("report.cover.recipientMinistry")})}
		if governing := strings.TrimSpace(b.profile("governing_body")); governing != "" {
			names = append(names, b.t("report.cover.recipientToReport", map[string]any{"Name": governing}))
		}
		names = append(names, b.t("report.cover.recipientArchive"))
	}
	out := make([]string, len(names))
	for i, n := range names {
		end := ";"
		if i == len(names)-1 {
			end = "."
		}
		out[i] = "- " + n + end
	}
	return out
}

// coverPage prints the cover alone on an A4 portrait page with the
// margins of administrative documents.
func (b *builder) coverPage(sheet string, lastRow int) {
	size, orientation, one := 9, "portrait", 1
	b.w.Check(b.w.F.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation,
		FitToWidth: &one, FitToHeight: &one}))
	fit := true
	b.w.Check(b.w.F.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	left, right, top, bottom, edge := 1.2, 0.7, 0.9, 0.9, 0.3
	b.w.Check(b.w.F.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &left, Right: &right,
		Top: &top, Bottom: &bottom, Header: &edge, Footer: &edge}))
	b.w.Check(b.w.F.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheet,
		RefersTo: "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$A$1:" + xlsxkit.Cell(coverCols, lastRow)}))
	show := false
	b.w.Check(b.w.F.SetSheetView(sheet, 0, &excelize.ViewOptions{ShowGridLines: &show}))
}
