package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// clearButton resets a question to unanswered.
func (a *App) clearButton(clear func()) *widget.Button {
	b := widget.NewButton(a.t("gui.clearAnswer"), clear)
	b.Importance = widget.LowImportance
	return b
}

// rubricInput shows the five levels with their descriptors; one can be
// chosen, or none.
func (a *App) rubricInput(q *assessment.Question) fyne.CanvasObject {
	radios := make([]*widget.RadioGroup, assessment.RubricLevels)
	updating := false
	choose := func(level int) {
		updating = true
		for i, r := range radios {
			if i == level {
				r.SetSelected(strconv.Itoa(i))
			} else {
				r.SetSelected("")
			}
		}
		updating = false
	}
	rows := []fyne.CanvasObject{}
	for level := range assessment.RubricLevels {
		r := widget.NewRadioGroup([]string{strconv.Itoa(level)}, nil)
		r.OnChanged = func(s string) {
			if updating {
				return
			}
			chosen := level
			if s == "" { // the chosen level was tapped again: no answer
				chosen = -1
				a.setValue(q.ID, assessment.Value{})
			} else {
				a.setValue(q.ID, assessment.NumberValue(float64(level)))
			}
			choose(chosen)
		}
		radios[level] = r
		d := newParagraph(a.t(q.LevelID(level)))
		rows = append(rows, container.NewBorder(nil, nil, container.NewVBox(r), nil, d))
	}
	if f, ok := a.value(q.ID).Number(); ok {
		choose(int(f))
	}
	a.register(q.ID, radios)
	rows = append(rows, container.NewHBox(a.clearButton(func() {
		a.setValue(q.ID, assessment.Value{})
		choose(-1)
	})))
	return container.NewVBox(rows...)
}

// numberInput is an entry that reads numbers in the interface language's
// notation. Text that is not a valid answer shows a message and never
// replaces the stored value; it is kept as a draft across language changes.
func (a *App) numberInput(q *assessment.Question, get func() (float64, bool), set func(assessment.Value)) fyne.CanvasObject {
	e := widget.NewEntry()
	e.SetPlaceHolder(a.t("gui.numberPlaceholder", map[string]any{"Example": l10n.Number(a.loc, 1234.5, 1)}))
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	showError := func(text string) {
		msg.SetText(text)
		msg.Show()
	}
	if draft, ok := a.drafts[q.ID]; ok {
		e.SetText(draft)
	} else if v, ok := get(); ok {
		e.SetText(l10n.Number(a.loc, v, 6))
	}
	validate := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			delete(a.drafts, q.ID)
			msg.Hide()
			if _, had := get(); had {
				set(assessment.Value{})
			}
			return
		}
		v, err := assessment.ParseNumber(s, l10n.Notation(a.loc))
		if err != nil {
			a.drafts[q.ID] = s
			showError(a.t("gui.numberInvalid", map[string]any{"Text": s,
				"Example": l10n.Number(a.loc, 1234.5, 1)}))
			return
		}
		if code, args := assessment.CheckValue(q, assessment.NumberValue(v)); code != "" {
			a.drafts[q.ID] = s
			showError(l10n.Problem(a.loc, assessment.Problem{Severity: assessment.Error, Code: code, Args: args}))
			return
		}
		delete(a.drafts, q.ID)
		msg.Hide()
		if old, had := get(); !had || old != v {
			set(assessment.NumberValue(v))
		}
	}
	e.OnChanged = validate
	if _, ok := a.drafts[q.ID]; ok {
		validate(e.Text)
	}
	unit := widget.NewLabel(l10n.Unit(a.loc, q))
	a.register(q.ID, numberWidget{e, msg})
	return container.NewVBox(container.NewBorder(nil, nil, nil, unit, e), msg)
}

// cityTextInput edits a text attribute of the city profile.
func (a *App) cityTextInput(q *assessment.Question) fyne.CanvasObject {
	attr, _ := assessment.LookupCityAttribute(q.CityField)
	e := widget.NewEntry()
	text, _ := attr.Value(&a.Assessment().City).String()
	e.SetText(text)
	if attr.Kind == assessment.AttributeDate {
		e.SetPlaceHolder(a.opts.Now().Format("2006-01-02"))
	}
	e.OnChanged = func(s string) {
		a.edit(func(d *assessment.Assessment) { attr.Set(&d.City, assessment.StringValue(s)) })
	}
	a.register(q.ID, e)
	return e
}

// booleanInput is a yes/no choice that can be cleared.
func (a *App) booleanInput(q *assessment.Question) fyne.CanvasObject {
	yes, no := a.t("report.yes"), a.t("report.no")
	r := widget.NewRadioGroup([]string{yes, no}, nil)
	r.Horizontal = true
	if b, ok := a.value(q.ID).Bool(); ok {
		r.Selected = no
		if b {
			r.Selected = yes
		}
	}
	r.OnChanged = func(s string) {
		switch s {
		case yes:
			a.setValue(q.ID, assessment.BoolValue(true))
		case no:
			a.setValue(q.ID, assessment.BoolValue(false))
		default:
			a.setValue(q.ID, assessment.Value{})
		}
	}
	a.register(q.ID, r)
	return container.NewHBox(r, a.clearButton(func() { r.SetSelected("") }))
}

// textInput is free text, stored as the answer's value.
func (a *App) textInput(q *assessment.Question) fyne.CanvasObject {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
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
	a.register(q.ID, e)
	return e
}

// numberWidget is a number entry with its message line.
type numberWidget struct {
	entry   *widget.Entry
	message *widget.Label
}

// register remembers the input of a question on the current page.
func (a *App) register(id string, w any) {
	if a.inputs != nil {
		a.inputs[id] = w
	}
}
