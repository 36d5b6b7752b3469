package ui

import (
	"fyne.io/fyne/v2"
)

// The caret kept on a language switch: the window is built again in the
// other language, with new inputs. The input that had the focus is found
// again by its key (a question's ID, or the key of an input of the action
// plan or the application) and its part (the answer, the evidence or the
// source), takes the focus, and its text cursor goes back where it was,
// so that what is typed next lands where it did before.

// inputPart is which input of a question: its answer, evidence or source.
type inputPart int

const (
	answerPart inputPart = iota
	evidencePart
	sourcePart
)

// caretPlace is where the caret was: the input and, in an entry, how far
// into its text.
type caretPlace struct {
	key    string
	part   inputPart
	offset int // runes before the text cursor; -1 when not an entry
}

// caretPlace finds the page input that has the focus, or, when the focus
// went from it to the language choice, the one that had it last.
func (a *App) caretPlace() (caretPlace, bool) {
	for _, o := range []fyne.CanvasObject{focusedObject(a.win.Canvas()), a.chrome.left} {
		if key, part, ok := a.inputs.find(o); ok {
			place := caretPlace{key: key, part: part, offset: -1}
			if e, ok := o.(*entry); ok {
				place.offset = e.CursorTextOffset()
			}
			return place, true
		}
	}
	return caretPlace{}, false
}

// focusedObject is what has the focus, nil when nothing has.
func focusedObject(c fyne.Canvas) fyne.CanvasObject {
	if f := c.Focused(); f != nil {
		return f.(fyne.CanvasObject)
	}
	return nil
}

// find is the key and part of an input registered (a text box's entry
// counting as the box), if o is one.
func (r *registry) find(o fyne.CanvasObject) (string, inputPart, bool) {
	if o == nil {
		return "", 0, false
	}
	for key, in := range r.byKey {
		if owned(in.focusTarget(), o) {
			return key, answerPart, true
		}
	}
	for id, b := range r.evidence {
		if owned(b, o) {
			return id, evidencePart, true
		}
	}
	for id, e := range r.source {
		if fyne.CanvasObject(e) == o {
			return id, sourcePart, true
		}
	}
	return "", 0, false
}

// input is the input of a key and part, nil when the page has none.
func (r *registry) input(key string, part inputPart) fyne.Focusable {
	switch part {
	case evidencePart:
		if b := r.evidence[key]; b != nil {
			return b
		}
	case sourcePart:
		if e := r.source[key]; e != nil {
			return e
		}
	default:
		return r.focusable(key)
	}
	return nil
}

// restoreCaret gives the focus back to the input of a place and puts its
// text cursor where it was.
func (a *App) restoreCaret(place caretPlace) {
	in := a.inputs.input(place.key, place.part)
	if in == nil {
		return
	}
	c := a.win.Canvas()
	c.Focus(in)
	e, ok := c.Focused().(*entry)
	if !ok || place.offset < 0 {
		return
	}
	// The entry has no setter of the offset: the cursor walks to it from
	// the start, as the Right key moves it, through wrapped lines alike.
	e.CursorRow, e.CursorColumn = 0, 0
	right := &fyne.KeyEvent{Name: fyne.KeyRight}
	for e.CursorTextOffset() < place.offset {
		before := e.CursorTextOffset()
		e.Entry.TypedKey(right)
		if e.CursorTextOffset() == before {
			break
		}
	}
	e.Refresh()
}
