package ui

import (
	"maps"
	"slices"

	"fyne.io/fyne/v2"
)

// input is one of the app's inputs: an entry, a number or date entry with
// its message (numberWidget), a choice, a text box, a check box or a
// button.
type input interface {
	// focusTarget is what takes the keyboard focus for the input.
	focusTarget() fyne.Focusable
}

func (e *entry) focusTarget() fyne.Focusable       { return e }
func (w numberWidget) focusTarget() fyne.Focusable { return w.entry }
func (c *choice) focusTarget() fyne.Focusable      { return c }
func (b *textBox) focusTarget() fyne.Focusable     { return b }
func (c *check) focusTarget() fyne.Focusable       { return c }
func (b *button) focusTarget() fyne.Focusable      { return b }

// registry finds the inputs of the page shown by key: a question's ID, or
// the key of an input of the action plan or the application
// (planFirstYearKey, initiativeKey, attachmentKey, or "dossier/prose/"
// and the ID of a section of the form). A page registers its inputs as it
// builds them; the window makes a new registry for every page it shows.
type registry struct {
	byKey    map[string]input
	evidence map[string]*textBox // the evidence box of each question, by its ID
	source   map[string]*entry   // the source entry of each question, by its ID
}

func newRegistry() *registry {
	return &registry{byKey: map[string]input{}, evidence: map[string]*textBox{}, source: map[string]*entry{}}
}

// add registers the input of a key.
func (r *registry) add(key string, in input) { r.byKey[key] = in }

// addEvidence registers the evidence box of a question.
func (r *registry) addEvidence(questionID string, b *textBox) { r.evidence[questionID] = b }

// addSource registers the source entry of a question.
func (r *registry) addSource(questionID string, e *entry) { r.source[questionID] = e }

// firstOf is the first Tab stop of a question: its answer, else its
// evidence.
func (r *registry) firstOf(questionID string) fyne.Focusable {
	if f := r.focusable(questionID); f != nil {
		return f
	}
	if b := r.evidence[questionID]; b != nil {
		return b
	}
	return nil
}

// lastOf is the last Tab stop of a question: its source, else its
// answer.
func (r *registry) lastOf(questionID string) fyne.Focusable {
	if e := r.source[questionID]; e != nil {
		return e
	}
	return r.focusable(questionID)
}

// owned reports whether o is the focus target f or, for a text box, its
// entry.
func owned(f fyne.Focusable, o fyne.CanvasObject) bool {
	if b, ok := f.(*textBox); ok && b.entry != nil && fyne.CanvasObject(b.entry) == o {
		return true
	}
	return f.(fyne.CanvasObject) == o
}

// keys are the keys of the inputs registered, sorted.
func (r *registry) keys() []string { return slices.Sorted(maps.Keys(r.byKey)) }

// focusable is what takes the focus for the input of a key; nil when the
// page has no such input.
func (r *registry) focusable(key string) fyne.Focusable {
	if in, ok := r.byKey[key]; ok {
		return in.focusTarget()
	}
	return nil
}

// inputOf is the input of a key if it is of type T, else T's zero value.
func inputOf[T input](r *registry, key string) T {
	in, _ := r.byKey[key].(T)
	return in
}

// The input of a key, by its type; nil (a zero numberWidget) when the key
// has no input of that type.
func (r *registry) entry(key string) *entry        { return inputOf[*entry](r, key) }
func (r *registry) number(key string) numberWidget { return inputOf[numberWidget](r, key) }
func (r *registry) choice(key string) *choice      { return inputOf[*choice](r, key) }
func (r *registry) textBox(key string) *textBox    { return inputOf[*textBox](r, key) }
func (r *registry) check(key string) *check        { return inputOf[*check](r, key) }
func (r *registry) button(key string) *button      { return inputOf[*button](r, key) }
func (r *registry) evidenceOf(id string) *textBox  { return r.evidence[id] }
func (r *registry) sourceOf(id string) *entry      { return r.source[id] }
