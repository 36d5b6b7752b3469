package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The caret in view: when an input takes the focus (by Tab, Shift+Tab or
// a click) or its caret moves, the page scrolls so that the line of the
// caret is on screen: the whole input when it fits, else the caret's line
// (a text box taller than the view shows the line being typed, not its
// top). The driver knows where an object is only once it has been drawn:
// an input made or added since the last frame (a text box's entry, a card
// added to a page) is measured on what holds it, or after the next frame.

// caretLiner is an input that says where its caret is.
type caretLiner interface {
	// caretLine is the object the input is measured on (one already
	// drawn where possible) and the top and height of the caret's line in
	// it.
	caretLine() (anchor fyne.CanvasObject, top, height float32)
}

// caretLine is the line of the text cursor, within the entry's frame. A
// text box's entry is measured on the box, which was drawn before it and
// has the same place and size.
func (e *entry) caretLine() (fyne.CanvasObject, float32, float32) {
	var anchor fyne.CanvasObject = e
	if e.box != nil {
		anchor = e.box
	}
	th := e.Theme()
	line := fyne.MeasureText("M", th.Size(theme.SizeNameText), e.TextStyle).Height
	top := th.Size(theme.SizeNameInputBorder) + e.CursorPosition().Y
	// Text longer than the entry scrolls inside it, keeping the cursor
	// in its frame.
	top = max(0, min(top, anchor.Size().Height-line))
	return anchor, top, line
}

// caretLine is the option chosen (the first when none is), which Up and
// Down move.
func (c *choice) caretLine() (fyne.CanvasObject, float32, float32) {
	if len(c.rows) == 0 {
		return c, 0, c.Size().Height
	}
	row := c.rows[max(c.selected, 0)]
	return c, row.Position().Y + theme.Padding(), row.Size().Height
}

// revealMargin is the room kept between what is revealed and the edge of
// the view.
func revealMargin() float32 { return 4 * theme.Padding() }

// reveal scrolls the page so that the caret line of an object that has
// the focus is in view, now if the object has been drawn, else after the
// next frame.
func (a *App) reveal(o fyne.CanvasObject) {
	s := a.currentScroll()
	if s == nil || s.Size().Height <= 0 || a.topModal() != nil {
		return
	}
	anchor, top, height := fyne.CanvasObject(o), float32(0), o.Size().Height
	if l, ok := o.(caretLiner); ok {
		anchor, top, height = l.caretLine()
	}
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(anchor) == nil || d.CanvasForObject(s) == nil {
		a.revealLater(o)
		return
	}
	y := d.AbsolutePositionForObject(anchor).Y - d.AbsolutePositionForObject(s).Y
	move := scrollDelta(s.Size().Height, y, y+anchor.Size().Height, y+top, y+top+height)
	if move == 0 {
		return
	}
	a.layoutPage()
	limit := max(0, s.Content.Size().Height-s.Size().Height)
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, max(0, min(s.Offset.Y+move, limit))))
}

// scrollDelta is how far to scroll a view of a height so that an input
// (from top to bottom in the view) is in it whole if it fits, else so
// that its caret line (from caretTop to caretBottom) is.
func scrollDelta(view, top, bottom, caretTop, caretBottom float32) float32 {
	margin := revealMargin()
	if bottom-top > view-2*margin {
		top, bottom = caretTop, caretBottom
	}
	switch {
	case top < margin:
		return top - margin
	case bottom > view-margin:
		return min(bottom-view+margin, top-margin)
	}
	return 0
}

// layoutPage lays the page shown out at its current size and content, so
// that what changed height since the last frame (a text box that became
// an entry, a card just added) has its place before the page scrolls.
func (a *App) layoutPage() {
	s := a.currentScroll()
	if s == nil || s.Content == nil {
		return
	}
	width := s.Size().Width
	if width <= 0 {
		width = s.Content.MinSize().Width
	}
	s.Content.Resize(fyne.NewSize(width, max(s.Content.MinSize().Height, s.Size().Height)))
}

// revealLater reveals an object after the next frame, when the driver
// has drawn it, if it still has the focus then; an object not drawn after
// a few frames (no longer shown) is given up.
func (a *App) revealLater(o fyne.CanvasObject) {
	r := &a.chrome.reveal
	if r.target != o {
		r.target, r.tries = o, 0
	}
	if r.scheduled || r.tries >= revealTries {
		return
	}
	r.scheduled = true
	r.tries++
	go a.bg.afterFrame(func() {
		r.scheduled = false
		target := r.target
		if f, ok := target.(fyne.Focusable); ok && a.win.Canvas().Focused() == f {
			a.reveal(target)
		}
	})
}

// revealTries is how many frames an object to reveal is waited for.
const revealTries = 10

// pendingReveal is an object waiting for a frame to be revealed.
type pendingReveal struct {
	target    fyne.CanvasObject
	tries     int
	scheduled bool
}
