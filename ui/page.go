package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
)

// pageView shows one section: its title and a card per question.
type pageView struct {
	a      *App
	s      *assessment.Section
	box    *fyne.Container
	scroll *container.Scroll
	cards  map[string]fyne.CanvasObject
}

func newPageView(a *App, s *assessment.Section) *pageView {
	p := &pageView{a: a, s: s, cards: map[string]fyne.CanvasObject{}}
	a.inputs = map[string]any{}
	title := widget.NewLabel(l10n.SectionName(a.loc, s.ID))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	intro := widget.NewLabel(a.t(s.DescriptionID()))
	intro.Wrapping = fyne.TextWrapWord
	objects := []fyne.CanvasObject{title, intro}
	for i, q := range s.Questions {
		card := p.card(i+1, q)
		p.cards[q.ID] = card
		objects = append(objects, card)
	}
	p.box = container.NewVBox(objects...)
	p.scroll = container.NewVScroll(container.NewPadded(p.box))
	return p
}

func (p *pageView) object() fyne.CanvasObject { return p.scroll }

// scrollTo brings a question's card to the top of the page.
func (p *pageView) scrollTo(id string) {
	card, ok := p.cards[id]
	if !ok {
		return
	}
	// Lay the page out now so that the card has its position.
	width := p.scroll.Size().Width
	if width <= 0 {
		width = p.scroll.MinSize().Width
	}
	p.scroll.Content.Resize(fyne.NewSize(width, p.scroll.Content.MinSize().Height))
	p.scroll.ScrollToOffset(fyne.NewPos(0, card.Position().Y))
}

// card builds the card of one question: text, help with the criteria it
// reflects, the input for its type, and the evidence and source.
func (p *pageView) card(n int, q *assessment.Question) fyne.CanvasObject {
	a := p.a
	text := widget.NewLabel(fmt.Sprintf("%d. %s", n, a.t(q.TextID())))
	text.TextStyle.Bold = true
	text.Wrapping = fyne.TextWrapWord
	help := widget.NewLabel(a.t(q.HelpID()))
	help.Wrapping = fyne.TextWrapWord
	help.TextStyle.Italic = true
	items := []fyne.CanvasObject{text, help}
	if meta := p.meta(q); meta != "" {
		m := widget.NewLabel(meta)
		m.Wrapping = fyne.TextWrapWord
		m.SizeName = theme.SizeNameCaptionText
		items = append(items, m)
	}
	items = append(items, a.input(q))
	if q.CityField == "" {
		items = append(items, a.evidenceInputs(q)...)
	}
	return widget.NewCard("", "", container.NewVBox(items...))
}

// meta lists what a question reflects: its type, dimension and criteria.
func (p *pageView) meta(q *assessment.Question) string {
	a := p.a
	if p.s.Kind == assessment.KindProfile {
		return ""
	}
	var crit []string
	for _, c := range q.Criteria {
		crit = append(crit, c+": "+a.t(p.s.CriterionID(c)))
	}
	return a.t("gui.questionMeta", map[string]any{
		"Type":      l10n.QuestionType(a.loc, q.Type),
		"Dimension": a.t(assessment.DimensionID(q.Dimension)),
		"Criteria":  strings.Join(crit, "; "),
	})
}

// evidenceInputs are the evidence and source entries of an answer.
func (a *App) evidenceInputs(q *assessment.Question) []fyne.CanvasObject {
	ans := a.doc.Answer(q.ID)
	evidence, source := "", ""
	if ans != nil {
		evidence, source = ans.Evidence, ans.Source
	}
	ev := widget.NewMultiLineEntry()
	ev.Wrapping = fyne.TextWrapWord
	ev.SetMinRowsVisible(2)
	ev.SetPlaceHolder(a.t("gui.evidencePlaceholder"))
	ev.SetText(evidence)
	src := widget.NewEntry()
	src.SetPlaceHolder(a.t("gui.sourcePlaceholder"))
	src.SetText(source)
	update := func(string) {
		a.doc.SetEvidence(q.ID, ev.Text, src.Text)
		a.changed()
	}
	ev.OnChanged, src.OnChanged = update, update
	return []fyne.CanvasObject{
		widget.NewForm(widget.NewFormItem(a.t("gui.evidence"), ev), widget.NewFormItem(a.t("gui.source"), src)),
	}
}
