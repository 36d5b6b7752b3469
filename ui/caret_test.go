package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"creativecity/translations"
)

// The caret in view: wherever Tab, Shift+Tab or a click puts the focus on
// a page, the line the caret is on (an entry's text cursor, a choice's
// chosen option, another input whole) is inside the page's visible area,
// once the page is laid out.

// drawnDriver is the test driver as the desktop driver behaves: it knows
// the canvas and the place of an object only once a frame has drawn it
// (the desktop driver learns them while drawing), and gives none and the
// origin before.
type drawnDriver struct {
	fyne.Driver
	drawn map[fyne.CanvasObject]bool
}

func (d *drawnDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	if !d.drawn[o] {
		return nil
	}
	return d.Driver.CanvasForObject(o)
}

func (d *drawnDriver) AbsolutePositionForObject(o fyne.CanvasObject) fyne.Position {
	if !d.drawn[o] {
		return fyne.Position{}
	}
	return d.Driver.AbsolutePositionForObject(o)
}

// drawnApp is the test app with a drawnDriver.
type drawnApp struct {
	fyne.App
	d *drawnDriver
}

func (a drawnApp) Driver() fyne.Driver { return a.d }

// frames draws the window's frames for a test: the app's driver knows an
// object once a frame has drawn it, and the steps the app leaves for
// after a frame run when the test draws one.
type frames struct {
	a     *App
	d     *drawnDriver
	steps chan func()
}

// withFrames makes the app's driver a drawnDriver and its frames the
// test's; it draws a first frame.
func withFrames(t *testing.T, a *App) *frames {
	t.Helper()
	prev := fyne.CurrentApp()
	d := &drawnDriver{Driver: prev.Driver(), drawn: map[fyne.CanvasObject]bool{}}
	fyne.SetCurrentApp(drawnApp{prev, d})
	t.Cleanup(func() { fyne.SetCurrentApp(prev) })
	f := &frames{a: a, d: d, steps: make(chan func(), 64)}
	a.bg = stepFrames{func(step func()) {
		done := make(chan struct{})
		f.steps <- func() {
			step()
			close(done)
		}
		<-done
	}}
	f.draw()
	return f
}

// draw draws a frame: every object of the window is drawn, then the
// steps waiting for a frame run, each followed by a frame, until none
// comes for a moment.
func (f *frames) draw() {
	for {
		f.mark(f.a.win.Canvas().Content())
		select {
		case step := <-f.steps:
			step()
		case <-time.After(15 * time.Millisecond):
			return
		}
	}
}

func (f *frames) mark(o fyne.CanvasObject) {
	f.d.drawn[o] = true
	for _, c := range children(o) {
		f.mark(c)
	}
}

// smallWindow is the window's content size on a 1366×768 screen.
var smallWindow = fyne.NewSize(1280, 680)

// children are the objects drawn inside o: a container's, or a widget's
// renderer's.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch o := o.(type) {
	case *fyne.Container:
		return o.Objects
	case fyne.Widget:
		return test.WidgetRenderer(o).Objects()
	}
	return nil
}

// contains reports whether o is inside root (or is root).
func contains(root, o fyne.CanvasObject) bool {
	if root == o {
		return true
	}
	for _, c := range children(root) {
		if contains(c, o) {
			return true
		}
	}
	return false
}

// textCursor is the text cursor drawn inside an entry: the visible
// rectangle as wide as an input's border and as high as a line.
func textCursor(root fyne.CanvasObject) *canvas.Rectangle {
	for _, c := range children(root) {
		if r, ok := c.(*canvas.Rectangle); ok && r.Visible() && r.Size().Width == theme.InputBorderSize() && r.Size().Height > 0 {
			return r
		}
		if r := textCursor(c); r != nil {
			return r
		}
	}
	return nil
}

// caretLine is the line of the focused input the caret is on, measured on
// what the driver draws: an entry's text cursor, a choice's chosen option
// (its first when none is), or the whole input.
func caretLine(t *testing.T, f fyne.Focusable) (fyne.CanvasObject, string) {
	t.Helper()
	switch f := f.(type) {
	case *entry:
		c := textCursor(f)
		if c == nil {
			t.Fatalf("the focused entry %q draws no text cursor", f.Text)
		}
		return c, "the text cursor"
	case *choice:
		return f.rows[max(f.selected, 0)], "the chosen option"
	}
	return f.(fyne.CanvasObject), "the input"
}

// assertCaretInView checks that the caret line of the focused input lies
// inside the page's visible area.
func assertCaretInView(t *testing.T, a *App, where string) {
	t.Helper()
	f := a.win.Canvas().Focused()
	line, what := caretLine(t, f)
	d := fyne.CurrentApp().Driver()
	s := a.currentScroll()
	view := d.AbsolutePositionForObject(s).Y
	top := d.AbsolutePositionForObject(line).Y
	bottom := top + line.Size().Height
	if line.Size().Height <= 0 || top < view || bottom > view+s.Size().Height {
		t.Errorf("%s: %s of %T %s is at %.0f–%.0f, the page shows %.0f–%.0f",
			where, what, f, focusedKey(a), top, bottom, view, view+s.Size().Height)
	}
}

// inPage reports whether the focused object is on the page shown.
func inPage(a *App) bool {
	f := a.win.Canvas().Focused()
	return f != nil && contains(a.currentScroll().Content, f.(fyne.CanvasObject))
}

// TestTheCaretIsInViewAtEveryTabStop tabs through a whole field page, the
// demo's and an empty one, in both languages, in the window of a
// 1366×768 screen, then back with Shift+Tab: at each stop the caret line
// of the focused input is on screen.
func TestTheCaretIsInViewAtEveryTabStop(t *testing.T) {
	for _, lang := range translations.Languages() {
		for _, demo := range []bool{true, false} {
			a := newTestApp(t, lang)
			if demo {
				openDemo(t, a)
			}
			a.win.Resize(smallWindow)
			a.showPage("gastronomy")
			f := withFrames(t, a)
			where := func(n int) string {
				return string(lang) + map[bool]string{true: " demo", false: " empty"}[demo] + " stop " + strconv.Itoa(n)
			}
			assertCaretInView(t, a, where(0))
			stops := 0
			tab := func() {
				pressTab(a.win.Canvas())
				f.draw()
			}
			for tab(); inPage(a); tab() {
				stops++
				assertCaretInView(t, a, where(stops))
			}
			if stops < 30 {
				t.Fatalf("%s: Tab left the page after %d stops", where(stops), stops)
			}
			back := func() {
				test.FocusPrevious(a.win.Canvas())
				f.draw()
			}
			back()
			for n := stops; inPage(a) && n > 0; n-- {
				assertCaretInView(t, a, where(n)+" (Shift+Tab)")
				back()
			}
		}
	}
}

// TestATallBoxShowsItsCaretLine: a text box taller than the view, clicked
// and then moved through with the arrow keys and typed in, keeps the line
// of its caret on screen, not its top.
func TestATallBoxShowsItsCaretLine(t *testing.T) {
	a := newTestApp(t, translations.VI)
	a.win.Resize(smallWindow)
	a.showPage("gastronomy")
	id := "gastronomy.signature_dishes"
	box := a.inputs.evidenceOf(id)
	lines := make([]string, 60)
	for i := range lines {
		lines[i] = "Dòng " + strconv.Itoa(i+1)
	}
	box.SetText(strings.Join(lines, "\n"))
	a.layoutPage()
	f := withFrames(t, a)
	test.Tap(box)
	f.draw()
	if box.entry == nil || a.win.Canvas().Focused() != fyne.Focusable(box.entry) {
		t.Fatalf("the click did not focus the box's entry, the focus is on %T", a.win.Canvas().Focused())
	}
	if h := box.Size().Height; h <= a.currentScroll().Size().Height {
		t.Fatalf("the box is %.0f high, not taller than the view", h)
	}
	assertCaretInView(t, a, "clicked")
	for i := range 50 {
		box.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		f.draw()
		assertCaretInView(t, a, "Down "+strconv.Itoa(i+1))
	}
	test.Type(box.entry, " thêm")
	f.draw()
	assertCaretInView(t, a, "typed")
	if got := a.Assessment().Answer(id).Evidence; !strings.Contains(got, "Dòng 50\n thêmDòng 51") {
		t.Errorf("the evidence is %q", got)
	}
}
