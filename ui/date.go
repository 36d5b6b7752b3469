package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
)

// dateInput is a date typed as day/month/year in every language (as the
// Vietnamese and British write it) and stored in the file as ISO, with a
// calendar to pick it from whose month and day names follow the interface
// language (Fyne 2.7's own DateEntry follows the system's locale and titles
// its calendar in English).
func (a *App) dateInput(q *assessment.Question, attr assessment.CityAttribute) fyne.CanvasObject {
	return a.dateEntry(q.ID, func() assessment.Value { return attr.Value(&a.Assessment().City) },
		func(v assessment.Value) { a.edit(func(d *assessment.Assessment) { attr.Set(&d.City, v) }) })
}

// dateEntry is a date input known by key whose ISO date get reads and set
// stores (a string value, none when cleared).
func (a *App) dateEntry(key string, get func() assessment.Value, set func(assessment.Value)) fyne.CanvasObject {
	layout := a.loc.Setting("date")
	p := a.parsedEntry(key, a.t("gui.datePlaceholder", map[string]any{"Example": a.opts.Now().Format(layout)}),
		func(v assessment.Value) string {
			s, _ := v.String()
			if t, err := time.Parse(assessment.ISODate, s); err == nil {
				return t.Format(layout)
			}
			return s
		},
		func(s string) (assessment.Value, string) {
			t, err := assessment.ParseDate(s)
			if err != nil {
				return assessment.Value{}, a.t("problem.dateInvalid", map[string]any{"Text": s})
			}
			return assessment.StringValue(t.Format(assessment.ISODate)), ""
		},
		get, set)
	var pick *button
	pick = newButton(a, "", theme.CalendarIcon(), func() {
		shown := a.opts.Now()
		if t, err := assessment.ParseDate(strings.TrimSpace(p.entry.Text)); err == nil {
			shown = t
		}
		a.showCalendar(pick, shown, func(t time.Time) { p.entry.SetText(t.Format(layout)) }, p.entry)
	})
	return container.NewVBox(container.NewBorder(nil, nil, nil, pick, p.entry), p.message)
}

// showCalendar shows a month under an object, with the day shown
// highlighted and the keyboard's focus: picking a day calls picked;
// picking or closing it gives the focus back to back.
func (a *App) showCalendar(under fyne.CanvasObject, shown time.Time, picked func(time.Time), back fyne.Focusable) {
	c := fyne.CurrentApp().Driver().CanvasForObject(under)
	if c == nil {
		return
	}
	var popup *widget.PopUp
	closed := func() {
		popup.Hide()
		c.Focus(back)
	}
	cal := newCalendar(a, shown, func(t time.Time) {
		closed()
		picked(t)
	}, closed)
	popup = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(under).AddXY(0, under.Size().Height)
	if over := pos.X + popup.MinSize().Width - c.Size().Width; over > 0 {
		pos.X -= over
	}
	popup.ShowAtPosition(pos)
	c.Focus(cal)
}
