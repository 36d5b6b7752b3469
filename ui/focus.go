package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// check is a check box that scrolls into view when Tab brings the focus
// to it, as the app's entries do.
type check struct {
	widget.Check
	a *App
}

func newCheck(a *App, label string, checked bool, changed func(bool)) *check {
	c := &check{a: a}
	c.Text, c.Checked, c.OnChanged = label, checked, changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained scrolls the check box into view.
func (c *check) FocusGained() {
	c.Check.FocusGained()
	c.a.reveal(c)
}

// button is a button that scrolls into view when Tab brings the focus to
// it.
type button struct {
	widget.Button
	a *App
}

func newButton(a *App, label string, icon fyne.Resource, tapped func()) *button {
	b := &button{a: a}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// FocusGained scrolls the button into view.
func (b *button) FocusGained() {
	b.Button.FocusGained()
	b.a.reveal(b)
}

var (
	_ fyne.Focusable = (*check)(nil)
	_ fyne.Focusable = (*button)(nil)
)
