package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/application"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// initiativeCard is the card of one initiative of the action plan: what
// the office writes in its own language, the objectives it serves, its
// years and budget, and its title and summary for the application.
type initiativeCard struct {
	p      *planView
	scope  assessment.Scope
	n      int
	years  *fyne.Container // a check a year of the plan
	budget *fyne.Container // a row of amounts a year
}

func newInitiativeCard(p *planView, s assessment.Scope, n int) *initiativeCard {
	return &initiativeCard{p: p, scope: s, n: n, years: container.NewHBox(), budget: container.NewVBox()}
}

// in is the initiative in the document.
func (c *initiativeCard) in() *assessment.Initiative {
	return c.p.a.Assessment().Plan.Initiative(c.scope, c.n)
}

// edit changes the initiative through the document.
func (c *initiativeCard) edit(change func(*assessment.Initiative)) {
	c.p.a.edit(func(d *assessment.Assessment) {
		if in := d.Plan.Initiative(c.scope, c.n); in != nil {
			change(in)
		}
	})
}

func (c *initiativeCard) key(part string) string { return initiativeKey(c.scope, c.n, part) }

func (c *initiativeCard) object() fyne.CanvasObject {
	a := c.p.a
	in := c.in()
	partners := "gui.initiative.partners"
	if c.scope == assessment.International {
		partners = "gui.initiative.partnerCities"
	}
	item := widget.NewFormItem
	form := widget.NewForm(
		item(a.t("gui.initiative.title"), c.line("title", in.Title, true, func(in *assessment.Initiative, s string) { in.Title = s })),
		item(a.t("gui.initiative.aims"), c.text("aims", in.Aims, false, func(in *assessment.Initiative, s string) { in.Aims = s })),
		item(a.t("gui.initiative.activities"), c.text("activities", in.Activities, false,
			func(in *assessment.Initiative, s string) { in.Activities = s })),
		item(a.t(partners), c.text("partners", in.Partners, false, func(in *assessment.Initiative, s string) { in.Partners = s })),
		item(a.t("gui.initiative.targetGroups"), c.line("targetGroups", in.TargetGroups, true,
			func(in *assessment.Initiative, s string) { in.TargetGroups = s })),
		item(a.t("gui.initiative.objectives"), c.objectives()),
		item(a.t("gui.initiative.years"), c.years),
		item(a.t("gui.initiative.budget"), c.budget),
	)
	// The title and summary in each language of the application.
	for _, l := range translations.ApplicationLanguages() {
		form.Append(a.t("gui.initiative.dossierTitle."+string(l)), c.summaryTitle(string(l)))
		form.Append(a.t("gui.initiative.dossierSummary."+string(l)), c.summaryText(string(l)))
	}
	c.refreshYears()
	remove := newButton(a, a.t("gui.planRemove"), theme.DeleteIcon(), func() { c.p.removeInitiative(c.scope, c.n) })
	remove.Importance = widget.LowImportance
	a.inputs.add(c.key("remove"), remove)
	title := heading(l10n.Sentence(l10n.Scope(a.loc, c.scope, c.n)))
	return widget.NewCard("", "", container.NewVBox(title, form, container.NewHBox(remove)))
}

// line is a one-line input of the initiative; vietnamese tells whether
// the typing mode composes in it.
func (c *initiativeCard) line(part, text string, vietnamese bool, set func(*assessment.Initiative, string)) *entry {
	e := newEntry(c.p.a)
	e.vietnamese = vietnamese
	e.SetText(text)
	e.OnChanged = func(s string) { c.edit(func(in *assessment.Initiative) { set(in, s) }) }
	c.p.a.inputs.add(c.key(part), e)
	return e
}

// text is a multi-line input of the initiative.
func (c *initiativeCard) text(part, text string, english bool, set func(*assessment.Initiative, string)) *textBox {
	b := newTextBox(c.p.a, 2)
	b.english = english
	b.SetText(text)
	b.OnChanged = func(s string) { c.edit(func(in *assessment.Initiative) { set(in, s) }) }
	c.p.a.inputs.add(c.key(part), b)
	return b
}

// objectives are a check a UCCN objective.
func (c *initiativeCard) objectives() fyne.CanvasObject {
	a := c.p.a
	box := container.NewVBox()
	for _, o := range assessment.Objectives {
		id := o
		ch := newCheck(a, l10n.Sentence(l10n.Objective(a.loc, o)), c.in().Serves(o), func(on bool) {
			c.edit(func(in *assessment.Initiative) { in.SetObjective(id, on) })
		})
		a.inputs.add(c.key("objective/"+o), ch)
		box.Add(ch)
	}
	return box
}

// refreshYears shows a check for each year of the plan, and the budget
// rows.
func (c *initiativeCard) refreshYears() {
	a := c.p.a
	c.years.Objects = nil
	plan := a.Assessment().Plan
	if plan == nil || plan.FirstYear == 0 {
		hint := widget.NewLabel(a.t("gui.initiative.yearsNeedFirstYear"))
		hint.Importance = widget.LowImportance
		c.years.Objects = []fyne.CanvasObject{hint}
	} else {
		for i := range assessment.PlanYears {
			year := plan.FirstYear + i
			ch := newCheck(a, strconv.Itoa(year), c.in().Runs(year), func(on bool) {
				c.edit(func(in *assessment.Initiative) { in.SetYear(year, on) })
				c.refreshBudget()
			})
			a.inputs.add(c.key("year/"+strconv.Itoa(i+1)), ch)
			c.years.Add(ch)
		}
	}
	c.years.Refresh()
	c.refreshBudget()
}

// refreshBudget shows the amounts by source of each year the initiative
// runs, has a budget or has an amount still to correct, in million VND.
func (c *initiativeCard) refreshBudget() {
	a := c.p.a
	c.budget.Objects = nil
	plan := a.Assessment().Plan
	in := c.in()
	grid := container.NewGridWithColumns(len(assessment.Sources) + 1)
	rows := 0
	if plan != nil && plan.FirstYear != 0 {
		for i := range assessment.PlanYears {
			year := plan.FirstYear + i
			if !in.Runs(year) && in.BudgetOf(year) == nil && a.draftsUnder(c.key("budget/"+strconv.Itoa(i+1)+"/")) == 0 {
				continue
			}
			if rows == 0 {
				grid.Add(widget.NewLabel(""))
				for _, s := range assessment.Sources {
					l := widget.NewLabel(a.t("gui.budgetSource." + string(s)))
					l.TextStyle.Bold = true
					l.Wrapping = fyne.TextWrapWord
					grid.Add(l)
				}
			}
			rows++
			grid.Add(widget.NewLabel(strconv.Itoa(year)))
			for _, s := range assessment.Sources {
				grid.Add(c.amount(i+1, year, s))
			}
		}
	}
	if rows == 0 {
		hint := widget.NewLabel(a.t("gui.initiative.budgetNeedsYears"))
		hint.Importance = widget.LowImportance
		c.budget.Objects = []fyne.CanvasObject{hint}
	} else {
		c.budget.Objects = []fyne.CanvasObject{grid}
	}
	c.budget.Refresh()
}

// amount is the entry of a year's amount from a source, in million VND;
// the i-th year of the plan keys it, so that a draft follows the plan
// when its first year moves.
func (c *initiativeCard) amount(i, year int, s assessment.Source) fyne.CanvasObject {
	a := c.p.a
	example := l10n.Number(a.loc, 1500, 0)
	get := func() assessment.Value {
		if in := c.in(); in != nil {
			if b := in.BudgetOf(year); b != nil {
				return assessment.NumberValue(b.Amount(s))
			}
		}
		return assessment.Value{}
	}
	w := a.parsedEntry(c.key("budget/"+strconv.Itoa(i)+"/"+string(s)),
		a.t("gui.initiative.amountPlaceholder"),
		func(v assessment.Value) string {
			f, _ := v.Number()
			return l10n.Number(a.loc, f, 6)
		},
		func(text string) (assessment.Value, string) {
			f, err := assessment.ParseNumber(text, l10n.Notation(a.loc))
			if err != nil {
				return assessment.Value{}, a.t("gui.numberInvalid", map[string]any{"Text": text, "Example": example})
			}
			if f < 0 {
				return assessment.Value{}, a.t("gui.initiative.amountNegative")
			}
			return assessment.NumberValue(f), ""
		},
		get,
		func(v assessment.Value) {
			f, _ := v.Number()
			c.edit(func(in *assessment.Initiative) { in.SetBudget(year, s, f) })
		})
	return container.NewVBox(w.entry, w.message)
}

// summaryTitle is the title of the initiative in a language of the
// application.
func (c *initiativeCard) summaryTitle(lang string) fyne.CanvasObject {
	return c.line("title_"+lang, c.in().Application[lang].Title, false, func(in *assessment.Initiative, s string) {
		sum := in.Application[lang]
		sum.Title = s
		in.SetSummary(lang, sum)
	})
}

// summaryText is the summary of the initiative in a language of the
// application, with its words counted against the form's limit.
func (c *initiativeCard) summaryText(lang string) fyne.CanvasObject {
	a := c.p.a
	limit := 0
	if f := a.applicationForm(); f != nil {
		for _, s := range f.Sections {
			if s.Kind == application.KindPlan {
				limit = s.WordLimit
			}
		}
	}
	count := a.wordCount(limit)
	b := c.text("summary_"+lang, c.in().Application[lang].Summary, true, func(in *assessment.Initiative, s string) {
		sum := in.Application[lang]
		sum.Summary = s
		in.SetSummary(lang, sum)
	})
	count.show(b.Text())
	typed := b.OnChanged
	b.OnChanged = func(s string) {
		typed(s)
		count.show(s)
	}
	return container.NewVBox(b, count.label)
}
