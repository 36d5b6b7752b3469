package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The keyboard contract of the window (DESIGN §6): Tab and Shift+Tab move
// between inputs, out of multi-line text too; the focused input is
// scrolled into view; F10 opens the menu as Alt does; Esc closes the app's
// own dialogs; Ctrl+PageDown and Ctrl+PageUp change section.

// entry is the app's text entry. Tab leaves it, even a multi-line one, and
// never types a tab character; taking the focus scrolls it into view; F10
// opens the menu.
type entry struct {
	widget.Entry
	a *App
	// vietnamese: the typing mode composes in it (not in numbers, e-mail
	// addresses, telephone numbers).
	vietnamese bool
	// box is the text box the entry is the editor of, if any.
	box *textBox
}

func newEntry(a *App) *entry {
	e := &entry{a: a, vietnamese: true}
	e.OnCursorChanged = e.cursorMoved
	e.ExtendBaseWidget(e)
	return e
}

// newTextArea is a multi-line entry of at least rows lines that wraps words.
func newTextArea(a *App, rows int) *entry {
	e := &entry{a: a, vietnamese: true}
	e.OnCursorChanged = e.cursorMoved
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(rows)
	return e
}

// AcceptsTab is false: Tab moves the focus on.
func (e *entry) AcceptsTab() bool { return false }

// FocusGained scrolls the entry into view.
func (e *entry) FocusGained() {
	e.Entry.FocusGained()
	e.a.reveal(e)
}

// FocusLost notes that a page input had the focus last.
func (e *entry) FocusLost() {
	e.Entry.FocusLost()
	e.a.inputLeft(e)
}

// cursorMoved keeps the caret of the focused entry in view as it moves
// (typing, arrows, a click).
func (e *entry) cursorMoved() {
	if e.a.win.Canvas().Focused() == fyne.Focusable(e) {
		e.a.reveal(e)
	}
}

// TypedRune composes Vietnamese when the typing mode is on.
func (e *entry) TypedRune(r rune) {
	if !e.compose(r) {
		e.Entry.TypedRune(r)
	}
}

// TypedKey gives the window's own keys (F10) to the window.
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if e.a.windowKey(k) {
		return
	}
	e.Entry.TypedKey(k)
}

// windowKey handles a key that belongs to the window whatever has the
// focus: F10 opens the menu (as in Windows programs; Alt does too), F1 the
// guide, Enter and Esc in the app's dialogs (modal.go). It reports whether
// it did.
func (a *App) windowKey(k *fyne.KeyEvent) bool {
	if a.modalKey(k) {
		return true
	}
	switch k.Name {
	case fyne.KeyF10:
		if m, ok := a.win.Canvas().(interface{ ToggleMenu() }); ok {
			m.ToggleMenu()
		}
	case fyne.KeyF1:
		a.showGuide()
	default:
		return false
	}
	return true
}

// canvasKey handles keys typed while no input has the focus: F1, F10, and
// Esc that closes the dialog or pop-up on top. It hides it as its close
// button would, without answering its question: Esc on "Restore unsaved
// work?" keeps the autosaved work for later, it does not discard it.
func (a *App) canvasKey(k *fyne.KeyEvent) {
	if a.windowKey(k) {
		return
	}
	if top := a.win.Canvas().Overlays().Top(); k.Name == fyne.KeyEscape && top != nil {
		top.Hide()
		if top == a.offer.overlay {
			a.keepOffered()
		}
	}
}

// currentScroll is the scroller of the page shown.
func (a *App) currentScroll() *container.Scroll {
	if a.shown == nil {
		return nil
	}
	return a.shown.scroller()
}

// wheelSpeed multiplies the toolkit's wheel steps (25 units a notch): a
// notch then moves the page about three lines, as office programs do.
const wheelSpeed = 2.4

// pageWheel is laid over a whole page: it takes the mouse wheel, which the
// inputs' own scrollers would otherwise swallow, and scrolls the page, at
// wheelSpeed. It takes no other event, so that clicks, drags and the text
// cursor reach what is under it. (The toolkit gives a wheel event to the
// last object under the pointer that takes one, in drawing order.)
type pageWheel struct {
	widget.BaseWidget
	scroll *container.Scroll
}

// withPageWheel lays a pageWheel over a page's scroller.
func withPageWheel(s *container.Scroll) fyne.CanvasObject {
	w := &pageWheel{scroll: s}
	w.ExtendBaseWidget(w)
	return container.NewStack(s, w)
}

func (w *pageWheel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// Scrolled scrolls the page.
func (w *pageWheel) Scrolled(ev *fyne.ScrollEvent) {
	faster := *ev
	faster.Scrolled = fyne.NewDelta(ev.Scrolled.DX*wheelSpeed, ev.Scrolled.DY*wheelSpeed)
	w.scroll.Scrolled(&faster)
}

var (
	_ fyne.Tabbable   = (*entry)(nil)
	_ fyne.Scrollable = (*pageWheel)(nil)
)
