package ui

import (
	"image/color"
	"maps"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
)

// resultsView shows the field scores as a bar chart, readiness, the
// recommendation with its reasons, what would change it, the city's
// decisions and what to fix, each line opening its question or page.
type resultsView struct {
	a *App
	rebuiltPage
	// focusables are the page's inputs by a key that a rebuild keeps, so
	// that the focus stays on the same input when the page is rebuilt.
	focusables map[string]fyne.Focusable
}

func newResultsView(a *App) *resultsView {
	r := &resultsView{a: a}
	r.rebuiltPage = newRebuiltPage(r.objects)
	return r
}

// refresh rebuilds the page from the current result, the focus kept on
// the input that had it.
func (r *resultsView) refresh() {
	key := r.focusedKey()
	r.rebuild()
	if key != "" {
		r.focus(key)
	}
}

// rebuiltPage is a scrollable page whose widgets are rebuilt from the
// app's state by build.
type rebuiltPage struct {
	box    *fyne.Container
	scroll *container.Scroll
	build  func() []fyne.CanvasObject
}

func newRebuiltPage(build func() []fyne.CanvasObject) rebuiltPage {
	box := container.NewVBox(build()...)
	return rebuiltPage{box: box, scroll: container.NewVScroll(container.NewPadded(box)), build: build}
}

func (p *rebuiltPage) object() fyne.CanvasObject { return withPageWheel(p.scroll) }

func (p *rebuiltPage) scroller() *container.Scroll { return p.scroll }

// first is nil: no input of a rebuilt page takes the focus when it opens.
func (p *rebuiltPage) first() fyne.Focusable { return nil }

// rebuild builds the page again from the current state.
func (p *rebuiltPage) rebuild() {
	p.box.Objects = p.build()
	p.box.Refresh()
}

var (
	scoreColor    = color.NRGBA{R: 0x2f, G: 0x54, B: 0x96, A: 0xff}
	completeColor = color.NRGBA{R: 0x70, G: 0xad, B: 0x47, A: 0xff}
	trackColor    = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x30}
	greyColor     = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x90}
)

// objects builds the page's widgets from the current result.
func (r *resultsView) objects() []fyne.CanvasObject {
	r.focusables = map[string]fyne.Focusable{}
	objects := r.scores()
	objects = append(objects, r.recommendation()...)
	objects = append(objects, r.whatWouldChange()...)
	objects = append(objects, r.decisions()...)
	objects = append(objects, r.toFix()...)
	if kept := r.a.keptAnswers(); len(kept) > 0 {
		objects = append(objects, heading(r.a.t("gui.keptAnswersTitle")), newParagraph(r.a.t("gui.keptAnswersIntro")))
		for _, line := range kept {
			objects = append(objects, newParagraph("• "+line))
		}
	}
	return append(objects, r.gaps()...)
}

// scores are the page's title, the chart of the field scores and the
// readiness line.
func (r *resultsView) scores() []fyne.CanvasObject {
	a := r.a
	res := a.Result()
	title := widget.NewLabel(a.t("gui.results"))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	objects := []fyne.CanvasObject{title, heading(a.t("gui.chartTitle", map[string]any{"Count": len(a.qn.Fields())}))}
	legend := container.NewHBox(swatch(scoreColor), widget.NewLabel(a.t("gui.legendScore")),
		swatch(completeColor), widget.NewLabel(a.t("gui.legendCompleteness")))
	objects = append(objects, legend, r.chart())
	if res.Uncertainty != nil && len(res.Uncertainty.RankRanges) > 1 {
		objects = append(objects, newParagraph(a.t("gui.rankRangeNote", map[string]any{
			"Variations": l10n.Number(a.loc, assessment.Variations, 0)})))
	}
	return append(objects, widget.NewLabel(a.t("gui.readinessLine", map[string]any{
		"Score": l10n.Score(a.loc, res.Readiness.Score), "Completeness": l10n.Percent(a.loc, res.Readiness.Completeness)})))
}

// recommendation is the recommended field with its confidence, the field
// the city intends to apply in, and the reasons.
func (r *resultsView) recommendation() []fyne.CanvasObject {
	a := r.a
	objects := []fyne.CanvasObject{heading(a.t("gui.recommendationTitle"))}
	rec := a.Result().Recommendation
	if rec.Field != "" {
		field := widget.NewLabel(a.t("gui.recommendationLine", map[string]any{
			"Field": l10n.SectionName(a.loc, rec.Field), "Confidence": l10n.Confidence(a.loc, rec.Confidence)}))
		field.TextStyle.Bold = true
		field.Importance = confidenceImportance[rec.Confidence]
		field.Wrapping = fyne.TextWrapWord
		objects = append(objects, field)
	}
	if l := a.intendedLine(); l != nil {
		objects = append(objects, l)
	}
	for _, reason := range rec.Reasons {
		l := widget.NewLabel("• " + l10n.Reason(a.loc, reason))
		l.Wrapping = fyne.TextWrapWord
		objects = append(objects, l)
	}
	return objects
}

// whatWouldChange says which answers and fields would change the
// recommendation, each question or field opening.
func (r *resultsView) whatWouldChange() []fyne.CanvasObject {
	a := r.a
	lines := l10n.WhatWouldChange(a.loc, a.qn, a.Result(), a.Assessment().IntendedField())
	if len(lines) == 0 {
		return nil
	}
	objects := []fyne.CanvasObject{heading(a.t("change.title"))}
	for _, line := range lines {
		switch {
		case line.QuestionID != "":
			objects = append(objects, a.questionLink("• "+line.Text, line.QuestionID, widget.MediumImportance))
		case line.Field != "":
			objects = append(objects, a.pageLink(line.Text, line.Field, widget.MediumImportance))
		default:
			objects = append(objects, newParagraph(line.Text))
		}
	}
	return objects
}

// toFix are the answers to fix, each opening its question, and the pages
// (the action plan, the application) with something to fix.
func (r *resultsView) toFix() []fyne.CanvasObject {
	a := r.a
	items, pages := a.toFix(""), a.pagesToFix()
	if len(items) == 0 && len(pages) == 0 {
		return nil
	}
	objects := []fyne.CanvasObject{heading(a.t("gui.toFixTitle"))}
	for _, it := range items {
		q, _ := a.qn.Question(it.questionID)
		objects = append(objects, a.questionLink(l10n.SectionName(a.loc, q.Section().ID)+" — "+a.t(q.TextID())+
			"\n"+it.message, q.ID, widget.DangerImportance))
	}
	// The action plan and the application are pages, not questions: a line
	// for each with what it has to fix, opening it.
	for _, p := range pages {
		objects = append(objects, a.pageLink(a.navName(p.id)+" — "+a.t("gui.toFix", map[string]any{"Count": p.count}),
			p.id, widget.DangerImportance))
	}
	return objects
}

// gaps is what to fix to raise the scores: the recommended field's
// questions with the most points to gain, readiness's, and a line per
// field not assessed, each opening its question or page.
func (r *resultsView) gaps() []fyne.CanvasObject {
	a := r.a
	res := a.Result()
	unknown := assessment.UnknownFields(res)
	if len(res.Gaps) == 0 && len(res.ReadinessGaps) == 0 && len(unknown) == 0 {
		return nil
	}
	objects := []fyne.CanvasObject{heading(a.t("gui.gapsTitle"))}
	gapLines := func(gaps []assessment.Gap) {
		for _, g := range gaps {
			q, _ := a.qn.Question(g.QuestionID)
			objects = append(objects, a.questionLink(a.t("gui.gapLine", map[string]any{"Points": l10n.Score(a.loc, g.Gain),
				"Question": a.t(q.TextID())}), q.ID, widget.MediumImportance))
		}
	}
	if len(res.Gaps) > 0 {
		objects = append(objects, subheading(a.t("gui.gapsField", map[string]any{
			"Field": l10n.SectionName(a.loc, res.Recommendation.Field)})))
		gapLines(res.Gaps)
	}
	if len(res.ReadinessGaps) > 0 {
		rd := res.Readiness
		objects = append(objects, subheading(a.t("gui.gapsReadiness", map[string]any{"Score": l10n.Score(a.loc, rd.Score),
			"Unanswered": rd.Total - rd.Answered, "Total": rd.Total})))
		gapLines(res.ReadinessGaps)
	}
	if len(unknown) > 0 {
		objects = append(objects, subheading(a.t("gui.gapsUnknown")))
		for _, id := range unknown {
			objects = append(objects, a.pageLink(a.t("gui.unknownFieldLine", map[string]any{
				"Field": l10n.SectionName(a.loc, id)}), id, widget.MediumImportance))
		}
	}
	return objects
}

// subheading is a bold line over a group of lines.
func subheading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	return l
}

// chart is the bar chart of the field scores: a row per field with its
// name, its score and completeness bars, and the figures. A field not
// assessed has no bar, no score and no rank ("not assessed"); a field set
// aside is greyed, its bars without colour.
func (r *resultsView) chart() *fyne.Container {
	a := r.a
	l := &chartLayout{}
	chart := container.New(l)
	for _, f := range a.Result().Fields {
		name := widget.NewLabel(l10n.SectionName(a.loc, f.ID))
		name.Truncation = fyne.TextTruncateEllipsis
		l.nameWidth = max(l.nameWidth, widget.NewLabel(name.Text).MinSize().Width+theme.Padding()) // uncut, and a little room
		value := widget.NewLabel(a.t("result.notAssessed"))
		var bar fyne.CanvasObject = layout.NewSpacer()
		if f.Assessed() {
			value.SetText(a.t("gui.chartValue", map[string]any{"Score": l10n.Score(a.loc, f.Score),
				"Completeness": l10n.Percent(a.loc, f.Completeness), "Rank": r.rankText(f)}))
			bar = newBar(f.Score/100, f.Completeness, !f.SetAside)
		}
		if f.SetAside {
			name.Importance, value.Importance = widget.LowImportance, widget.LowImportance
		}
		chart.Add(name)
		chart.Add(bar)
		chart.Add(value)
	}
	return chart
}

// rankText is an assessed field's rank, with its range over the
// variations when it has one, and "set aside" when the city set it aside.
func (r *resultsView) rankText(f assessment.SectionScore) string {
	a := r.a
	rank := a.t("gui.rank", map[string]any{"Rank": f.Rank})
	if u := a.Result().Uncertainty; u != nil {
		if rr := u.RankRanges[f.ID]; rr[0] != rr[1] {
			rank = a.t("gui.rankRange", map[string]any{"Rank": f.Rank, "Best": rr[0], "Worst": rr[1]})
		}
	}
	if f.SetAside {
		rank = a.t("gui.rankSetAside", map[string]any{"Rank": rank})
	}
	return rank
}

// keptAnswers describes the answers to questions this questionnaire does
// not ask (an older version's removed questions): they are kept, written
// back and exported, and shown here.
func (a *App) keptAnswers() []string {
	doc := a.Assessment()
	var lines []string
	for _, id := range slices.Sorted(maps.Keys(doc.Answers)) {
		if _, known := a.qn.Question(id); known {
			continue
		}
		ans := doc.Answers[id]
		lines = append(lines, a.t("gui.keptAnswer", map[string]any{"ID": id, "Value": string(ans.Value.Raw()),
			"Evidence": ans.Evidence}))
	}
	return lines
}

// questionLink is a line about a question with a button that opens it.
func (a *App) questionLink(text, questionID string, importance widget.Importance) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = importance
	open := widget.NewButtonWithIcon(a.t("gui.openQuestion"), theme.NavigateNextIcon(), func() { a.ShowQuestion(questionID) })
	return container.NewBorder(nil, nil, nil, open, l)
}

// pageLink is a line about a page (a section, the action plan, the
// application) with a button that opens it.
func (a *App) pageLink(text, pageID string, importance widget.Importance) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = importance
	open := widget.NewButtonWithIcon(a.t("gui.openQuestion"), theme.NavigateNextIcon(), func() { a.showPage(pageID) })
	return container.NewBorder(nil, nil, nil, open, l)
}

// confidenceImportance colours a recommendation by its confidence: a low
// one must not look like a good result.
var confidenceImportance = map[assessment.Confidence]widget.Importance{
	assessment.ConfidenceHigh:   widget.SuccessImportance,
	assessment.ConfidenceMedium: widget.WarningImportance,
	assessment.ConfidenceLow:    widget.DangerImportance,
}

// heading is a subheading of a page.
func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameSubHeadingText
	l.TextStyle.Bold = true
	return l
}

func swatch(c color.Color) fyne.CanvasObject {
	rect := canvas.NewRectangle(c)
	rect.SetMinSize(fyne.NewSize(14, 14))
	return container.NewCenter(rect)
}

// newBar draws a score bar (0..1 of the track) with a thin completeness
// bar under it, in colour when emphasised, else in grey.
func newBar(score, completeness float64, emphasised bool) fyne.CanvasObject {
	track := canvas.NewRectangle(trackColor)
	bar := canvas.NewRectangle(scoreColor)
	done := canvas.NewRectangle(completeColor)
	if !emphasised {
		bar.FillColor, done.FillColor = greyColor, greyColor
	}
	return container.New(&barLayout{score: float32(score), completeness: float32(completeness)}, track, bar, done)
}

// barLayout places the track, the score bar and the completeness bar.
type barLayout struct{ score, completeness float32 }

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	scoreH := size.Height * 0.65
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, scoreH))
	objs[1].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(size.Width*l.score, scoreH))
	objs[2].Move(fyne.NewPos(0, scoreH+2))
	objs[2].Resize(fyne.NewSize(size.Width*l.completeness, size.Height-scoreH-2))
}

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 30) }

// chartLayout lays out rows of (name, bar, value): names and values take
// their width, bars the rest.
type chartLayout struct {
	nameWidth float32 // the longest field name's
}

// chartMinBar is the least width of the bars. The names take the width
// of the longest, leaving the bars at least that (a name that does not fit
// in a narrow window is cut with an ellipsis, its full text in the
// navigation); the figures take the width their longest row needs.
const chartMinBar = 160

// namesWidth is the width of the names' column in a chart as wide as
// width.
func (c *chartLayout) namesWidth(width, valueW float32) float32 {
	return max(160, min(c.nameWidth, width-valueW-chartMinBar-2*theme.Padding()))
}

// valueWidth is the width of the figures column: its widest label.
func (c *chartLayout) valueWidth(objs []fyne.CanvasObject) float32 {
	w := float32(0)
	for i := 2; i < len(objs); i += 3 {
		w = max(w, objs[i].MinSize().Width)
	}
	return w
}

func (c *chartLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	y := float32(0)
	valueW := c.valueWidth(objs)
	chartNameWidth := c.namesWidth(size.Width, valueW)
	barW := size.Width - chartNameWidth - valueW - 2*pad
	for i := 0; i+2 < len(objs); i += 3 {
		h := max(objs[0].MinSize().Height, 34)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(chartNameWidth, h))
		objs[i+1].Move(fyne.NewPos(chartNameWidth+pad, y+2))
		objs[i+1].Resize(fyne.NewSize(barW, h-4))
		objs[i+2].Move(fyne.NewPos(chartNameWidth+barW+2*pad, y))
		objs[i+2].Resize(fyne.NewSize(valueW, h))
		y += h + pad
	}
}

func (c *chartLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	rows := float32(len(objs) / 3)
	h := float32(34)
	if len(objs) > 0 {
		h = max(objs[0].MinSize().Height, 34)
	}
	return fyne.NewSize(160+c.valueWidth(objs)+chartMinBar+2*pad, rows*(h+pad))
}

// pageToFix is a page other than a section's with answers to fix.
type pageToFix struct {
	id    string
	count int
}

// pagesToFix are the action plan and the application page when they have
// something to fix, as the navigation counts it.
func (a *App) pagesToFix() []pageToFix {
	var out []pageToFix
	for _, p := range []pageToFix{{PlanPage, len(a.planProblems()) + a.draftsUnder("plan/")}, {ApplicationPage, a.draftsUnder("dossier/")}} {
		if p.count > 0 {
			out = append(out, p)
		}
	}
	return out
}
