package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
)

// PlanPage is the page ID of the action plan.
const PlanPage = "plan"

// planView is the action plan page: the plan's first year, then the local
// and the international initiatives, each a card of inputs, with a button
// to add one while the form takes more. The plan's problems are listed at
// the top as they come and go; every input edits the document at once.
type planView struct {
	a         *App
	box       *fyne.Container
	scroll    *container.Scroll
	problems  *fyne.Container
	shown     string // the problems shown, to redraw them only when they change
	firstYear numberWidget
	cards     []*initiativeCard
	add       map[assessment.Scope]*button
	// from is the last first year the plan had, to move the initiatives'
	// years from when the first year is typed again after being cleared.
	from int
}

func newPlanView(a *App) *planView {
	p := &planView{a: a, add: map[assessment.Scope]*button{}, problems: container.NewVBox()}
	plan := a.Assessment().Plan
	if plan != nil {
		p.from = plan.FirstYear
	}
	title := widget.NewLabel(a.t("gui.planTitle"))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	objects := []fyne.CanvasObject{title, newParagraph(a.t("gui.planIntro")), p.problems,
		widget.NewForm(widget.NewFormItem(a.t("gui.planFirstYear"), p.firstYearInput()))}
	for _, s := range assessment.Scopes {
		objects = append(objects, heading(a.t(scopeHeading[s])))
		of := plan.Of(s)
		if len(of) == 0 {
			objects = append(objects, newParagraph(a.t("gui.planNone")))
		}
		for n := range of {
			c := newInitiativeCard(p, s, n+1)
			p.cards = append(p.cards, c)
			objects = append(objects, c.object())
		}
		scope := s
		add := newButton(a, a.t(scopeAdd[s]), theme.ContentAddIcon(), func() { p.addInitiative(scope) })
		row := container.NewHBox(add)
		if len(of) >= assessment.MaxInitiatives {
			add.Disable()
			row.Add(widget.NewLabel(a.t("gui.planFull", map[string]any{"Max": assessment.MaxInitiatives})))
		}
		p.add[s] = add
		objects = append(objects, row)
	}
	p.box = container.NewVBox(objects...)
	p.scroll = container.NewVScroll(container.NewPadded(p.box))
	p.refreshProblems()
	return p
}

// Message IDs by scope.
var (
	scopeHeading = map[assessment.Scope]string{assessment.Local: "gui.planLocal", assessment.International: "gui.planInternational"}
	scopeAdd     = map[assessment.Scope]string{assessment.Local: "gui.planAddLocal", assessment.International: "gui.planAddInternational"}
)

func (p *planView) object() fyne.CanvasObject { return withPageWheel(p.scroll) }

func (p *planView) scroller() *container.Scroll { return p.scroll }

// refresh shows the plan's problems as they are now.
func (p *planView) refresh() { p.refreshProblems() }

// first is the input that takes the focus when the page opens.
func (p *planView) first() fyne.Focusable { return p.firstYear.entry }

// firstYearInput is the plan's first year: a year typed moves the
// initiatives' years with it.
func (p *planView) firstYearInput() fyne.CanvasObject {
	a := p.a
	example := strconv.Itoa(a.opts.Now().Year() + 2)
	get := func() assessment.Value {
		if plan := a.Assessment().Plan; plan != nil && plan.FirstYear != 0 {
			return assessment.NumberValue(float64(plan.FirstYear))
		}
		return assessment.Value{}
	}
	p.firstYear = a.parsedEntry(planFirstYearKey, a.t("gui.planYearPlaceholder", map[string]any{"Example": example}),
		func(v assessment.Value) string {
			f, _ := v.Number()
			return strconv.Itoa(int(f))
		},
		func(s string) (assessment.Value, string) {
			y, err := strconv.Atoi(s)
			if err != nil || y < 2000 || y > 2100 {
				return assessment.Value{}, a.t("gui.planYearInvalid", map[string]any{"Text": s, "Example": example})
			}
			return assessment.NumberValue(float64(y)), ""
		},
		get,
		func(v assessment.Value) {
			f, _ := v.Number()
			a.edit(func(d *assessment.Assessment) { d.SetFirstYear(int(f), p.from) })
			if f != 0 {
				p.from = int(f)
			}
			for _, c := range p.cards {
				c.refreshYears()
			}
		})
	return container.NewVBox(p.firstYear.entry, p.firstYear.message)
}

// planFirstYearKey is the key of the first year's input and draft.
const planFirstYearKey = "plan/firstYear"

// addInitiative adds an initiative of a scope and puts the focus on its
// title.
func (p *planView) addInitiative(s assessment.Scope) {
	a := p.a
	if len(a.Assessment().Plan.Of(s)) >= assessment.MaxInitiatives {
		return
	}
	var n int
	a.edit(func(d *assessment.Assessment) { n = d.AddInitiative(s) })
	a.showPage(PlanPage)
	if title := a.inputs.entry(initiativeKey(s, n, "title")); title != nil {
		a.focusAfterFrame(title)
	}
}

// focusAfterFrame gives an input of the page the focus once the page is
// drawn (none for a nil f). A page rebuilt by Space on a focused button
// gets the key's character event next, which goes to the object focused
// by then: taking the focus at once would type a space into the input.
func (a *App) focusAfterFrame(f fyne.Focusable) {
	c := a.win.Canvas()
	c.Unfocus()
	page := a.page
	go a.bg.afterFrame(func() {
		if f != nil && a.page == page && c.Focused() == nil {
			c.Focus(f)
		}
	})
}

// removeInitiative asks, then removes an initiative and the text typed
// in it that could not be read.
func (p *planView) removeInitiative(s assessment.Scope, n int) {
	a := p.a
	in := a.Assessment().Plan.Initiative(s, n)
	if in == nil {
		return
	}
	name := in.Title
	if name == "" {
		name = l10n.Scope(a.loc, s, n)
	}
	a.ask(a.t("gui.planRemoveTitle"), a.t("gui.planRemoveQuestion", map[string]any{"Title": name}), a.t("gui.planRemove"),
		true, func() {
			a.edit(func(d *assessment.Assessment) { d.RemoveInitiative(s, n) })
			a.renumberDrafts(s, n)
			a.showPage(PlanPage)
			a.focusAfterFrame(a.firstInput())
		})
}

// renumberDrafts forgets the drafts of the n-th initiative of a scope,
// which was removed, and gives those of the later ones their new number.
func (a *App) renumberDrafts(s assessment.Scope, n int) {
	prefix := "plan/" + string(s) + "/"
	moved := map[string]string{}
	for key, text := range a.drafts {
		rest, ok := strings.CutPrefix(key, prefix)
		if !ok {
			continue
		}
		num, part, _ := strings.Cut(rest, "/")
		m, err := strconv.Atoi(num)
		if err != nil || m < n {
			continue
		}
		delete(a.drafts, key)
		if m > n {
			moved[initiativeKey(s, m-1, part)] = text
		}
	}
	for key, text := range moved {
		a.drafts[key] = text
	}
}

// initiativeKey is the key of an input of an initiative (its drafts, and
// the registry of inputs).
func initiativeKey(s assessment.Scope, n int, part string) string {
	return fmt.Sprintf("plan/%s/%d/%s", s, n, part)
}

// planProblems are the problems validation finds in the action plan.
func (a *App) planProblems() []assessment.Problem {
	var out []assessment.Problem
	for _, p := range a.doc.Problems() {
		// The action plan's problem codes all start with "plan".
		if p.QuestionID == "" && strings.HasPrefix(p.Code, "plan") {
			out = append(out, p)
		}
	}
	return out
}

// draftsUnder counts the drafts of the inputs whose keys start with prefix.
func (a *App) draftsUnder(prefix string) int {
	n := 0
	for key := range a.drafts {
		if strings.HasPrefix(key, prefix) {
			n++
		}
	}
	return n
}

// refreshProblems shows the plan's problems, when they changed.
func (p *planView) refreshProblems() {
	var lines []string
	for _, pr := range p.a.planProblems() {
		lines = append(lines, "• "+l10n.Sentence(l10n.Message(p.a.loc, pr)))
	}
	text := strings.Join(lines, "\n")
	if text == p.shown && len(p.problems.Objects) > 0 == (text != "") {
		return
	}
	p.shown = text
	p.problems.Objects = nil
	if text != "" {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.DangerImportance
		p.problems.Objects = []fyne.CanvasObject{heading(p.a.t("gui.planToFix")), l}
	}
	p.problems.Refresh()
}
