package ui

import (
	"reflect"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
)

// input builds the answer input of a question for its type.
func (a *App) input(q *assessment.Question) fyne.CanvasObject {
	switch {
	case q.CityField != "" && q.Type == assessment.Number:
		attr, _ := assessment.LookupCityAttribute(q.CityField)
		get := func() (float64, bool) { return attr.Value(&a.Assessment().City).Number() }
		set := func(v assessment.Value) { a.edit(func(d *assessment.Assessment) { attr.Set(&d.City, v) }) }
		return a.numberInput(q, get, set)
	case q.CityField != "":
		return a.cityTextInput(q)
	case q.Type == assessment.Rubric:
		return a.rubricInput(q)
	case q.Type == assessment.Number:
		get := func() (float64, bool) { return a.value(q.ID).Number() }
		set := func(v assessment.Value) { a.setValue(q.ID, v) }
		return a.numberInput(q, get, set)
	case q.Type == assessment.Boolean:
		return a.booleanInput(q)
	}
	return a.textInput(q)
}

// choiceInput is a choice of one option, stored by set, with a Clear link
// that shows only while there is an answer. The link is for the mouse:
// it is no Tab stop (Tab goes from the choice to the evidence, and Delete
// clears the choice).
func (a *App) choiceInput(q *assessment.Question, c *choice, set func(int)) fyne.CanvasObject {
	clear := newFlatButton(a.t("gui.clearAnswer"), theme.ContentClearIcon(), func() { c.pick(-1) })
	show := func() {
		if c.Selected() < 0 {
			clear.Hide()
		} else {
			clear.Show()
		}
	}
	c.OnChanged = func(i int) {
		set(i)
		show()
	}
	show()
	a.inputs.add(q.ID, c)
	return container.NewVBox(c, container.NewHBox(clear))
}

// rubricInput shows the five levels with their descriptors; one can be
// chosen by its number, or none.
func (a *App) rubricInput(q *assessment.Question) fyne.CanvasObject {
	descriptors := make([]string, assessment.RubricLevels)
	for level := range assessment.RubricLevels {
		descriptors[level] = a.t(q.LevelID(level))
	}
	c := newLevelChoice(a, descriptors)
	c.hint = func(r rune) string {
		return a.t("gui.choiceHint.levels", map[string]any{"Key": string(r), "Max": assessment.RubricLevels - 1})
	}
	if f, ok := a.value(q.ID).Number(); ok {
		c.SetSelected(int(f))
	}
	return a.choiceInput(q, c, func(level int) {
		if level < 0 {
			a.setValue(q.ID, assessment.Value{})
		} else {
			a.setValue(q.ID, assessment.NumberValue(float64(level)))
		}
	})
}

// numberInput is an entry that reads numbers in the interface language's
// notation (a parsedEntry).
func (a *App) numberInput(q *assessment.Question, get func() (float64, bool), set func(assessment.Value)) fyne.CanvasObject {
	example := l10n.Number(a.loc, 1234.5, 1)
	p := a.parsedEntry(q.ID, a.t("gui.numberPlaceholder", map[string]any{"Example": example}),
		func(v assessment.Value) string {
			f, _ := v.Number()
			return l10n.Number(a.loc, f, 6)
		},
		func(s string) (assessment.Value, string) {
			f, err := assessment.ParseNumber(s, l10n.Notation(a.loc))
			if err != nil {
				return assessment.Value{}, a.t("gui.numberInvalid", map[string]any{"Text": s, "Example": example})
			}
			v := assessment.NumberValue(f)
			if code, args := assessment.CheckValue(q, v); code != "" {
				return v, l10n.Problem(a.loc, assessment.Problem{Severity: assessment.Error, Code: code, Args: args})
			}
			return v, ""
		},
		func() assessment.Value {
			if f, ok := get(); ok {
				return assessment.NumberValue(f)
			}
			return assessment.Value{}
		}, set)
	unit := widget.NewLabel(l10n.CountUnit(a.loc, q))
	box := container.NewVBox(container.NewBorder(nil, nil, nil, unit, p.entry), p.message)
	if q.PerCapita && q.CityField == "" {
		box.Add(a.rateLine(q, p.entry, get))
	}
	return box
}

// rateLine shows, under a per-capita number, the count typed as the rate
// per 100,000 inhabitants that the score uses, as it is typed.
func (a *App) rateLine(q *assessment.Question, e *entry, get func() (float64, bool)) fyne.CanvasObject {
	// In the text's own colour (a low-importance label is a faint grey
	// that reads as disabled), set apart by italics.
	l := widget.NewLabel("")
	l.TextStyle.Italic = true
	l.Wrapping = fyne.TextWrapWord
	update := func() {
		population := a.Assessment().City.Population
		count, ok := get()
		switch {
		case !assessment.PopulationGiven(population):
			l.SetText(a.t("gui.rateNeedsPopulation"))
		case ok:
			l.SetText(a.t("gui.rate", map[string]any{"Rate": l10n.Rate(a.loc, q, count, population),
				"Population": l10n.Number(a.loc, population, 0)}))
		default:
			l.SetText(a.t("gui.rateHint"))
		}
	}
	typed := e.OnChanged
	e.OnChanged = func(s string) {
		typed(s)
		update()
	}
	update()
	return l
}

// parsedEntry is an entry whose text is read into a value (a number, a
// date), known by key (a question ID, or an input of the action plan or
// the application). Text that does not read shows why under the entry,
// stays a draft (kept across a language switch, counted as to fix in the
// navigation and, for a question, listed on the results page) and never
// replaces the stored value.
func (a *App) parsedEntry(key string, placeholder string, format func(assessment.Value) string,
	parse func(string) (assessment.Value, string), get func() assessment.Value, set func(assessment.Value)) numberWidget {
	e := newEntry(a)
	e.vietnamese = false
	e.SetPlaceHolder(placeholder)
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	if draft, ok := a.drafts[key]; ok {
		e.SetText(draft)
	} else if v := get(); !v.IsNone() {
		e.SetText(format(v))
	}
	draft := func(s, why string) {
		_, had := a.drafts[key]
		if why == "" {
			delete(a.drafts, key)
			msg.Hide()
		} else {
			a.drafts[key] = s
			msg.SetText(why)
			msg.Show()
		}
		if _, has := a.drafts[key]; has != had {
			a.refreshChrome()
		}
	}
	validate := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			draft(s, "")
			if !get().IsNone() {
				set(assessment.Value{})
			}
			return
		}
		v, why := parse(s)
		draft(s, why)
		if why == "" && !reflect.DeepEqual(get(), v) {
			set(v)
		}
	}
	e.OnChanged = validate
	if _, ok := a.drafts[key]; ok {
		validate(e.Text)
	}
	w := numberWidget{e, msg}
	a.inputs.add(key, w)
	return w
}

// cityTextInput edits a text attribute of the city profile: a date has
// its own input; an e-mail address or a telephone number that is not
// written as one is stored as typed and shown as to fix under the entry.
func (a *App) cityTextInput(q *assessment.Question) fyne.CanvasObject {
	attr, _ := assessment.LookupCityAttribute(q.CityField)
	if attr.Kind == assessment.AttributeDate {
		return a.dateInput(q, attr)
	}
	e := newEntry(a)
	e.vietnamese = attr.Kind == assessment.AttributeText
	text, _ := attr.Value(&a.Assessment().City).String()
	e.SetText(text)
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	show := func() {
		if p, ok := a.problemOf(q.ID); ok {
			msg.SetText(l10n.Message(a.loc, p))
			msg.Show()
		} else {
			msg.Hide()
		}
	}
	e.OnChanged = func(s string) {
		a.edit(func(d *assessment.Assessment) { attr.Set(&d.City, assessment.StringValue(s)) })
		show()
	}
	show()
	a.inputs.add(q.ID, e)
	return container.NewVBox(e, msg)
}

// fixItem is an answer to fix: typed text that does not read (a draft),
// or a stored value that validation finds wrong.
type fixItem struct {
	questionID string
	message    string
}

// toFix lists the answers to fix of a section ("" for every section), in
// the questionnaire's order.
func (a *App) toFix(sectionID string) []fixItem {
	var items []fixItem
	for _, s := range a.qn.Sections {
		if sectionID != "" && s.ID != sectionID {
			continue
		}
		for _, q := range s.Questions {
			if draft, ok := a.drafts[q.ID]; ok {
				items = append(items, fixItem{q.ID, a.t("gui.draftInvalid", map[string]any{"Text": draft})})
			} else if p, ok := a.problemOf(q.ID); ok {
				items = append(items, fixItem{q.ID, l10n.Message(a.loc, p)})
			}
		}
	}
	return items
}

// problemOf is the first problem validation finds with a question's answer.
func (a *App) problemOf(questionID string) (assessment.Problem, bool) {
	for _, p := range a.doc.Problems() {
		if p.QuestionID == questionID {
			return p, true
		}
	}
	return assessment.Problem{}, false
}

// booleanInput is a yes/no choice that can be cleared; the first letter
// of each answer picks it.
func (a *App) booleanInput(q *assessment.Question) fyne.CanvasObject {
	yes, no := a.t("report.yes"), a.t("report.no")
	c := newChoice(a, []string{yes, no}, []rune{unicode.ToUpper([]rune(yes)[0]), unicode.ToUpper([]rune(no)[0])})
	c.alt = []rune{'1', '2'}
	c.hint = func(r rune) string {
		return a.t("gui.choiceHint.yesNo", map[string]any{"Key": string(r), "Yes": c.keyLabel(0), "YesText": yes,
			"No": c.keyLabel(1), "NoText": no})
	}
	if b, ok := a.value(q.ID).Bool(); ok {
		c.SetSelected(map[bool]int{true: 0, false: 1}[b])
	}
	return a.choiceInput(q, c, func(i int) {
		switch i {
		case 0:
			a.setValue(q.ID, assessment.BoolValue(true))
		case 1:
			a.setValue(q.ID, assessment.BoolValue(false))
		default:
			a.setValue(q.ID, assessment.Value{})
		}
	})
}

// textInput is free text, stored as the answer's value, under its label
// (so that it is not taken for the evidence box below it).
func (a *App) textInput(q *assessment.Question) fyne.CanvasObject {
	e := newTextBox(a, 3)
	if s, ok := a.value(q.ID).String(); ok {
		e.SetText(s)
	}
	e.OnChanged = func(s string) {
		if s == "" {
			a.setValue(q.ID, assessment.Value{})
		} else {
			a.setValue(q.ID, assessment.StringValue(s))
		}
	}
	a.inputs.add(q.ID, e)
	return widget.NewForm(widget.NewFormItem(a.t("gui.textAnswer"), e))
}

// numberWidget is a number entry with its message line.
type numberWidget struct {
	entry   *entry
	message *widget.Label
}
