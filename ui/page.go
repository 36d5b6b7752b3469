package ui

import (
	"fmt"
	"strings"
	"time"

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
	// pending are the cards built but not yet in the page (Progressive);
	// loaded is closed when the page stops adding them.
	pending []fyne.CanvasObject
	more    *moreCards // after the cards, shown while cards are pending
	loaded  chan struct{}
}

// With Options.Progressive, a page shows its first cards in its first
// frame and adds the others a few at a time in the frames that follow:
// laying out a card's text is the costly part of showing a page, and only
// the first cards fit in the window anyway.
const (
	firstCards    = 3
	cardsPerFrame = 3
	frameDelay    = 15 * time.Millisecond
)

func newPageView(a *App, s *assessment.Section) *pageView {
	p := &pageView{a: a, s: s, cards: map[string]fyne.CanvasObject{}}
	title := widget.NewLabel(l10n.SectionName(a.loc, s.ID))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	intro := newParagraph(a.t(s.DescriptionID()))
	objects := []fyne.CanvasObject{title, intro}
	for i, q := range s.Questions {
		card := p.card(i+1, q)
		p.cards[q.ID] = card
		if a.opts.Progressive && i >= firstCards {
			p.pending = append(p.pending, card)
		} else {
			objects = append(objects, card)
		}
	}
	p.box = container.NewVBox(objects...)
	p.more = newMoreCards(p)
	p.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(p.box, p.more)))
	p.loaded = make(chan struct{})
	if len(p.pending) > 0 {
		go p.addPending()
	} else {
		p.more.Hide()
		close(p.loaded)
	}
	return p
}

// addPending adds the pending cards a few per frame, until they are all
// in or the page is no longer shown.
func (p *pageView) addPending() {
	defer close(p.loaded)
	for more := true; more; {
		p.a.bg.afterFrame(func() {
			if p.a.shown != page(p) || len(p.pending) == 0 {
				more = false
				return
			}
			p.add(min(cardsPerFrame, len(p.pending)))
			more = len(p.pending) > 0
		})
	}
}

// complete adds every pending card now.
func (p *pageView) complete() {
	if len(p.pending) > 0 {
		p.add(len(p.pending))
	}
}

// add moves the next n pending cards into the page; with the last of
// them, the mark of the cards still to come goes.
func (p *pageView) add(n int) {
	p.box.Objects = append(p.box.Objects, p.pending[:n]...)
	p.pending = p.pending[n:]
	if len(p.pending) == 0 {
		p.more.Hide()
	}
	p.box.Refresh()
}

// moreCards stands after the cards of a page that is still adding its cards, as its
// last Tab stop: the page's last field is the section's last question,
// not the last one shown so far. When Tab reaches it from the page, the
// page adds its other cards and the focus goes on to the next question;
// when Shift+Tab reaches it from the navigation, to the last question.
type moreCards struct {
	widget.BaseWidget
	p *pageView
}

func newMoreCards(p *pageView) *moreCards {
	m := &moreCards{p: p}
	m.ExtendBaseWidget(m)
	return m
}

func (m *moreCards) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// FocusGained adds the other cards and passes the focus on.
func (m *moreCards) FocusGained() {
	p := m.p
	a := p.a
	// Tab comes from the last Tab stop of the last card shown.
	shown := len(p.s.Questions) - len(p.pending)
	forward := owned(a.inputs.lastOf(p.s.Questions[shown-1].ID), a.chrome.left)
	next := p.s.Questions[shown].ID
	p.complete()
	var to fyne.Focusable
	if forward {
		to = a.inputs.firstOf(next)
	} else {
		to = a.inputs.lastOf(p.s.Questions[len(p.s.Questions)-1].ID)
	}
	if to != nil {
		a.win.Canvas().Focus(to)
	}
}

func (m *moreCards) FocusLost()              {}
func (m *moreCards) TypedRune(rune)          {}
func (m *moreCards) TypedKey(*fyne.KeyEvent) {}

func (p *pageView) object() fyne.CanvasObject { return withPageWheel(p.scroll) }

func (p *pageView) scroller() *container.Scroll { return p.scroll }

// first is the input of the section's first question.
func (p *pageView) first() fyne.Focusable {
	if len(p.s.Questions) == 0 {
		return nil
	}
	return p.a.inputs.focusable(p.s.Questions[0].ID)
}

// refresh does nothing: a section page being edited keeps its inputs and
// their focus.
func (p *pageView) refresh() {}

// scrollTo brings a question's card to the top of the page.
func (p *pageView) scrollTo(id string) {
	card, ok := p.cards[id]
	if !ok {
		return
	}
	p.complete()
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
	text := newParagraph(fmt.Sprintf("%d. %s", n, a.t(q.TextID())))
	text.TextStyle.Bold = true
	help := newParagraph(a.t(q.HelpID()))
	help.TextStyle.Italic = true
	items := []fyne.CanvasObject{text, help}
	if meta := p.meta(q); meta != "" {
		m := newParagraph(meta)
		m.SizeName = theme.SizeNameCaptionText
		items = append(items, m)
	}
	items = append(items, a.input(q))
	if q.TakesEvidence() {
		items = append(items, a.evidenceInputs(q)...)
	}
	if lines := a.provenanceLines(q.ID); len(lines) > 0 {
		from := newParagraph(strings.Join(lines, "\n"))
		from.SizeName = theme.SizeNameCaptionText
		items = append(items, from)
	}
	return widget.NewCard("", "", container.NewVBox(items...))
}

// provenanceLines say who supplied a merged answer, one line per
// workbook it was merged from, oldest first: the contributor (person and
// department, as their form names them), the file and the date.
func (a *App) provenanceLines(questionID string) []string {
	ans := a.Assessment().Answer(questionID)
	if ans == nil {
		return nil
	}
	var lines []string
	for _, p := range ans.Provenance {
		args := map[string]any{"Contributor": p.Contributor, "File": p.File}
		line := a.t("gui.provenance.file", args)
		if p.Contributor != "" {
			line = a.t("gui.provenance.by", args)
		}
		if d, err := time.Parse(assessment.ISODate, p.Date); err == nil {
			line += ", " + a.t("gui.provenance.date", map[string]any{"Date": d.Format(a.loc.Setting("date"))})
		}
		lines = append(lines, line)
	}
	return lines
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
	ans := a.Assessment().Answer(q.ID)
	evidence, source := "", ""
	if ans != nil {
		evidence, source = ans.Evidence, ans.Source
	}
	ev := newTextBox(a, 2)
	a.inputs.addEvidence(q.ID, ev)
	ev.SetPlaceHolder(a.t("gui.evidencePlaceholder"))
	ev.SetText(evidence)
	src := newEntry(a)
	a.inputs.addSource(q.ID, src)
	src.SetPlaceHolder(a.t("gui.sourcePlaceholder"))
	src.SetText(source)
	update := func(string) {
		a.edit(func(d *assessment.Assessment) { d.SetEvidence(q.ID, ev.Text(), src.Text) })
	}
	ev.OnChanged, src.OnChanged = update, update
	return []fyne.CanvasObject{
		widget.NewForm(widget.NewFormItem(a.t("gui.evidence"), ev), widget.NewFormItem(a.t("gui.source"), src)),
	}
}
