package ui

import (
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendar is one month of days to pick a date from, the app's own (the
// toolkit's calendar answers no key and cannot mark a date): the month's
// name and year between the previous and next month, the days of the
// week from Monday, and the days. The day in hand is highlighted and
// today is framed. It takes the keyboard: the arrows move the day (a week
// up and down), Page Up and Page Down the month, Home and End to the
// month's first and last day, Enter or Space picks the day, Esc closes.
type calendar struct {
	widget.BaseWidget
	a       *App
	day     time.Time // the day in hand, at midnight UTC
	today   time.Time
	picked  func(time.Time)
	closed  func()
	focused bool

	title *widget.Label
	cells []*calendarDay // six weeks of seven days
	frame *canvas.Rectangle
}

// calendarWeeks is the number of weeks a month's grid shows.
const calendarWeeks = 6

func newCalendar(a *App, shown time.Time, picked func(time.Time), closed func()) *calendar {
	now := a.opts.Now()
	c := &calendar{a: a, day: dateOnly(shown), today: dateOnly(now), picked: picked, closed: closed}
	c.ExtendBaseWidget(c)
	return c
}

// dateOnly is a time's calendar day, at midnight UTC.
func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// names splits a message of names separated by "|".
func (c *calendar) names(id string) []string { return strings.Split(c.a.t(id), "|") }

// month is the first day of the month shown.
func (c *calendar) month() time.Time {
	return time.Date(c.day.Year(), c.day.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// first is the Monday that opens the month's grid.
func (c *calendar) first() time.Time {
	m := c.month()
	return m.AddDate(0, 0, -((int(m.Weekday()) + 6) % 7))
}

func (c *calendar) CreateRenderer() fyne.WidgetRenderer {
	c.title = widget.NewLabel("")
	c.title.Alignment = fyne.TextAlignCenter
	c.title.TextStyle.Bold = true
	prev := newFlatButton("", theme.NavigateBackIcon(), func() { c.moveMonths(-1) })
	next := newFlatButton("", theme.NavigateNextIcon(), func() { c.moveMonths(1) })
	days := container.NewGridWithColumns(7)
	for _, d := range c.names("gui.calendar.weekdays") { // Monday first, as in Vietnam
		l := widget.NewLabel(d)
		l.Alignment = fyne.TextAlignCenter
		days.Add(l)
	}
	c.cells = nil
	for range 7 * calendarWeeks {
		cell := newCalendarDay(c)
		c.cells = append(c.cells, cell)
		days.Add(cell)
	}
	today := widget.NewLabel(c.a.t("gui.calendar.today", map[string]any{"Date": c.today.Format(c.a.loc.Setting("date"))}))
	keys := widget.NewLabel(c.a.t("gui.calendar.keys"))
	keys.SizeName = theme.SizeNameCaptionText
	box := container.NewVBox(container.NewBorder(nil, nil, prev, next, c.title), days, today, keys)
	c.frame = canvas.NewRectangle(color.Transparent)
	c.frame.StrokeWidth = 2
	c.frame.CornerRadius = theme.InputRadiusSize()
	c.update()
	return widget.NewSimpleRenderer(container.NewStack(c.frame, container.NewPadded(box)))
}

// update shows the month of the day in hand.
func (c *calendar) update() {
	if c.title == nil {
		return
	}
	months := c.names("gui.calendar.months")
	c.title.SetText(months[c.day.Month()-1] + " " + strconv.Itoa(c.day.Year()))
	first := c.first()
	for i, cell := range c.cells {
		cell.show(first.AddDate(0, 0, i))
	}
	c.frame.StrokeColor = color.Transparent
	if c.focused {
		c.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
	}
	c.frame.Refresh()
}

// move puts another day in hand.
func (c *calendar) move(day time.Time) {
	c.day = dateOnly(day)
	c.update()
}

// moveMonths goes months ahead (or back), to the same day or the
// month's last when it has fewer days.
func (c *calendar) moveMonths(n int) {
	m := c.month().AddDate(0, n, 0)
	last := m.AddDate(0, 1, -1).Day()
	c.move(time.Date(m.Year(), m.Month(), min(c.day.Day(), last), 0, 0, 0, 0, time.UTC))
}

// FocusGained shows the frame.
func (c *calendar) FocusGained() {
	c.focused = true
	c.update()
}

// FocusLost hides the frame.
func (c *calendar) FocusLost() {
	c.focused = false
	c.update()
}

// TypedRune picks the day on Space.
func (c *calendar) TypedRune(r rune) {
	if r == ' ' {
		c.picked(c.day)
	}
}

// TypedKey moves the day or the month, picks the day or closes.
func (c *calendar) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyLeft:
		c.move(c.day.AddDate(0, 0, -1))
	case fyne.KeyRight:
		c.move(c.day.AddDate(0, 0, 1))
	case fyne.KeyUp:
		c.move(c.day.AddDate(0, 0, -7))
	case fyne.KeyDown:
		c.move(c.day.AddDate(0, 0, 7))
	case fyne.KeyPageUp:
		c.moveMonths(-1)
	case fyne.KeyPageDown:
		c.moveMonths(1)
	case fyne.KeyHome:
		c.move(c.month())
	case fyne.KeyEnd:
		c.move(c.month().AddDate(0, 1, -1))
	case fyne.KeyReturn, fyne.KeyEnter:
		c.picked(c.day)
	case fyne.KeyEscape:
		c.closed()
	}
}

// calendarDay is one day of the grid: its number, highlighted when it is
// the day in hand and framed when it is today; a day of another month is
// left blank. A click picks it.
type calendarDay struct {
	widget.BaseWidget
	c    *calendar
	date time.Time
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newCalendarDay(c *calendar) *calendarDay {
	d := &calendarDay{c: c, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", nil)}
	d.bg.CornerRadius = theme.InputRadiusSize()
	d.text.Alignment = fyne.TextAlignCenter
	d.ExtendBaseWidget(d)
	return d
}

func (d *calendarDay) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(d.bg, container.NewPadded(d.text)))
}

// MinSize fits two digits.
func (d *calendarDay) MinSize() fyne.Size {
	s := fyne.MeasureText("00", theme.TextSize(), fyne.TextStyle{Bold: true})
	return s.AddWidthHeight(4*theme.Padding(), 2*theme.Padding())
}

// show shows a day as the calendar has it.
func (d *calendarDay) show(date time.Time) {
	d.date = date
	inMonth := date.Month() == d.c.day.Month()
	d.text.Text = ""
	if inMonth {
		d.text.Text = strconv.Itoa(date.Day())
	}
	d.text.TextStyle.Bold = date.Equal(d.c.today)
	d.text.Color = theme.Color(theme.ColorNameForeground)
	d.bg.FillColor, d.bg.StrokeColor, d.bg.StrokeWidth = color.Transparent, color.Transparent, 0
	if inMonth && date.Equal(d.c.day) {
		d.bg.FillColor = theme.Color(theme.ColorNamePrimary)
		d.text.Color = theme.Color(theme.ColorNameForegroundOnPrimary)
	}
	if inMonth && date.Equal(d.c.today) {
		d.bg.StrokeColor, d.bg.StrokeWidth = theme.Color(theme.ColorNameForeground), 2
	}
	d.bg.Refresh()
	d.text.Refresh()
}

// Tapped picks the day.
func (d *calendarDay) Tapped(*fyne.PointEvent) {
	if d.date.Month() == d.c.day.Month() {
		d.c.picked(d.date)
	}
}
