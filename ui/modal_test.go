package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// pressKey presses and releases a key as the desktop driver delivers it:
// the press (KeyDown) to the object focused, then the key (TypedKey) to
// it, or to the window when nothing is focused; then its character, if
// any, to the object focused by then; then the release (KeyUp) to the
// object focused by then.
func pressKey(a *App, name fyne.KeyName, char rune) {
	c := a.win.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if k, ok := c.Focused().(desktop.Keyable); ok {
		k.KeyDown(ev)
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
	if char != 0 {
		if f := c.Focused(); f != nil {
			f.TypedRune(char)
		} else if h := c.OnTypedRune(); h != nil {
			h(char)
		}
	}
	if k, ok := c.Focused().(desktop.Keyable); ok {
		k.KeyUp(ev)
	}
}
