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

// FocusLost notes that a page input had the focus last.
func (c *check) FocusLost() {
	c.Check.FocusLost()
	c.a.inputLeft(c)
}

// button is a button that scrolls into view when Tab brings the focus to
// it.
type button struct{ keyButton }

func newButton(a *App, label string, icon fyne.Resource, tapped func()) *button {
	b := &button{}
	b.a, b.Text, b.Icon, b.OnTapped = a, label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// FocusGained scrolls the button into view.
func (b *button) FocusGained() {
	b.Button.FocusGained()
	b.a.reveal(b)
}

// FocusLost notes that a page input had the focus last.
func (b *button) FocusLost() {
	b.keyButton.FocusLost()
	b.a.inputLeft(b)
}

// inputLeft notes the page input that has just lost the focus: when the
// focus then lands on the end of a page still adding its cards, it came
// forward from the page, not back from the navigation.
func (a *App) inputLeft(o fyne.CanvasObject) { a.chrome.left = o }

var (
	_ fyne.Focusable = (*check)(nil)
	_ fyne.Focusable = (*button)(nil)
)
