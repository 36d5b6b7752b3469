package ui

import (
	"strconv"
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
	var pick *widget.Button
	pick = widget.NewButtonWithIcon("", theme.CalendarIcon(), func() {
		shown := a.opts.Now()
		if t, err := assessment.ParseDate(strings.TrimSpace(p.entry.Text)); err == nil {
			shown = t
		}
		a.showCalendar(pick, shown, func(t time.Time) { p.entry.SetText(t.Format(layout)) })
	})
	return container.NewVBox(container.NewBorder(nil, nil, nil, pick, p.entry), p.message)
}

// showCalendar shows a month under an object; picking a day calls picked.
func (a *App) showCalendar(under fyne.CanvasObject, shown time.Time, picked func(time.Time)) {
	c := fyne.CurrentApp().Driver().CanvasForObject(under)
	if c == nil {
		return
	}
	var popup *widget.PopUp
	cal := newCalendar(a, shown, func(t time.Time) {
		popup.Hide()
		picked(t)
	})
	popup = widget.NewPopUp(cal.object(), c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(under).AddXY(0, under.Size().Height)
	if over := pos.X + popup.MinSize().Width - c.Size().Width; over > 0 {
		pos.X -= over
	}
	popup.ShowAtPosition(pos)
}

// calendar is one month: its name and year with the previous and next
// month, the days of the week, and a button a day.
type calendar struct {
	a      *App
	month  time.Time // the first day of the month shown
	picked func(time.Time)
	box    *fyne.Container
}

func newCalendar(a *App, shown time.Time, picked func(time.Time)) *calendar {
	c := &calendar{a: a, month: time.Date(shown.Year(), shown.Month(), 1, 0, 0, 0, 0, time.UTC), picked: picked,
		box: container.NewVBox()}
	c.build()
	return c
}

func (c *calendar) object() fyne.CanvasObject { return c.box }

// names splits a message of names separated by "|".
func (c *calendar) names(id string) []string { return strings.Split(c.a.t(id), "|") }

func (c *calendar) build() {
	months := c.names("gui.calendar.months")
	title := widget.NewLabel(months[c.month.Month()-1] + " " + strconv.Itoa(c.month.Year()))
	title.Alignment = fyne.TextAlignCenter
	title.TextStyle.Bold = true
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.step(1) })
	grid := container.NewGridWithColumns(7)
	for _, d := range c.names("gui.calendar.weekdays") { // Monday first, as in Vietnam
		l := widget.NewLabel(d)
		l.Alignment = fyne.TextAlignCenter
		grid.Add(l)
	}
	offset := (int(c.month.Weekday()) + 6) % 7
	for range offset {
		grid.Add(widget.NewLabel(""))
	}
	for day := c.month; day.Month() == c.month.Month(); day = day.AddDate(0, 0, 1) {
		d := day
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { c.picked(d) })
		b.Importance = widget.LowImportance
		grid.Add(b)
	}
	c.box.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, prev, next, title), grid}
	c.box.Refresh()
}

// step shows another month.
func (c *calendar) step(months int) {
	c.month = c.month.AddDate(0, months, 0)
	c.build()
}
