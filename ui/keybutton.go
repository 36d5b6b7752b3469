package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyButton is the app's button: Enter presses it as Space does, on the
// key's release and only when the key went down on it, so that nothing of
// the key reaches what its action opens or focuses (a key whose press
// opened a dialog does not press that dialog's button on release, and
// Space's character does not land in the next entry). Its character is
// swallowed; the window's keys (F10, F1, Esc) go to the window. The
// page's, the toolbar's and the dialogs' buttons embed it.
type keyButton struct {
	widget.Button
	a     *App
	armed armedKey
}

// pressesButton reports whether k presses a button.
func pressesButton(k fyne.KeyName) bool {
	return k == fyne.KeySpace || k == fyne.KeyReturn || k == fyne.KeyEnter
}

// armedKey is Space or Enter pressed on a widget and not yet released.
type armedKey fyne.KeyName

// down notes a key going down.
func (k *armedKey) down(e *fyne.KeyEvent) {
	if pressesButton(e.Name) {
		*k = armedKey(e.Name)
	}
}

// up reports whether e releases the key that went down, and forgets it.
func (k *armedKey) up(e *fyne.KeyEvent) bool {
	if *k == "" || armedKey(e.Name) != *k {
		return false
	}
	*k = ""
	return true
}

// KeyDown arms the button.
func (b *keyButton) KeyDown(k *fyne.KeyEvent) { b.armed.down(k) }

// KeyUp presses the button if its key went down on it.
func (b *keyButton) KeyUp(k *fyne.KeyEvent) {
	if b.armed.up(k) {
		b.Button.Tapped(&fyne.PointEvent{}) // nothing when disabled
	}
}

// TypedKey leaves Enter and Space to the key's release; the window's
// keys go to the window.
func (b *keyButton) TypedKey(k *fyne.KeyEvent) {
	if !pressesButton(k.Name) {
		b.a.windowKey(k)
	}
}

// TypedRune swallows the character of a key pressed on the button.
func (b *keyButton) TypedRune(rune) {}

// FocusLost disarms the button.
func (b *keyButton) FocusLost() {
	b.armed = ""
	b.Button.FocusLost()
}
