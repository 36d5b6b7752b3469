package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"creativecity/translations"
)

// The Tab cycle of the window: the navigation, the toolbar, the page's
// inputs in order, and back to the navigation; Shift+Tab the reverse.
// Nothing pops up on the way, so no key is ever caught.

// toolbarStops are the toolbar's Tab stops, in order: its buttons, then
// the typing and language choices.
func toolbarStops(t *testing.T, a *App) []fyne.Focusable {
	t.Helper()
	var stops []fyne.Focusable
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *toolButton:
			stops = append(stops, o)
			return
		case *widget.Select:
			stops = append(stops, o)
			return
		}
		for _, c := range children(o) {
			walk(c)
		}
	}
	frame := a.win.Content().(*fyne.Container)
	walk(frame.Layout.(*frameLayout).toolbar)
	if len(stops) != 9 { // seven buttons, the typing and the language
		t.Fatalf("the toolbar has %d Tab stops", len(stops))
	}
	return stops
}

// nav is the navigation list.
func nav(a *App) fyne.Focusable { return a.chrome.nav }

// TestTabGoesRoundOneCycle: from the page's first input, Tab goes
// through every input of the page, then to the navigation, then across
// the toolbar and back to the page's first input; Shift+Tab goes the
// same way back. No pop-up shows on the way.
func TestTabGoesRoundOneCycle(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.showPage("gastronomy")
		c := a.win.Canvas()
		first := c.Focused()
		if first == nil || !inPage(a) {
			t.Fatalf("%s: the page's first input has not the focus", lang)
		}
		var page []fyne.Focusable
		for inPage(a) {
			page = append(page, c.Focused())
			pressTab(c)
		}
		qs := a.qn.Sections[sectionIndex(t, a, "gastronomy")].Questions
		if last := a.inputs.sourceOf(qs[len(qs)-1].ID); page[len(page)-1] != fyne.Focusable(last) {
			t.Errorf("%s: the page's last Tab stop is %T, not the last question's source", lang, page[len(page)-1])
		}
		want := append([]fyne.Focusable{nav(a)}, toolbarStops(t, a)...)
		for i, w := range want {
			if c.Focused() != w {
				t.Fatalf("%s: Tab stop %d after the page is %T, want %T", lang, i, c.Focused(), w)
			}
			if c.Overlays().Top() != nil {
				t.Fatalf("%s: a pop-up shows at Tab stop %d after the page", lang, i)
			}
			pressTab(c)
		}
		if c.Focused() != first {
			t.Fatalf("%s: Tab across the toolbar went to %T, not to the page's first input", lang, c.Focused())
		}
		back := append(append([]fyne.Focusable{}, page...), want...)
		for i := len(back) - 1; i >= 0; i-- {
			test.FocusPrevious(c)
			if c.Focused() != back[i] && !focusedBox(c, back[i]) {
				t.Fatalf("%s: Shift+Tab stop %d is %T, want %T", lang, len(back)-i, c.Focused(), back[i])
			}
		}
	}
}

// focusedBox reports whether f is a text box whose entry has the focus.
func focusedBox(c fyne.Canvas, f fyne.Focusable) bool {
	b, ok := f.(*textBox)
	return ok && b.entry != nil && c.Focused() == fyne.Focusable(b.entry)
}

func sectionIndex(t *testing.T, a *App, id string) int {
	t.Helper()
	for i, s := range a.qn.Sections {
		if s.ID == id {
			return i
		}
	}
	t.Fatalf("no section %s", id)
	return -1
}

// press presses and releases a key on the focused object as the driver
// delivers it: the key down, the key typed, its character, the key up,
// each to the object that has the focus by then.
func press(c fyne.Canvas, name fyne.KeyName, char rune) {
	ev := &fyne.KeyEvent{Name: name}
	if k, ok := c.Focused().(interface{ KeyDown(*fyne.KeyEvent) }); ok {
		k.KeyDown(ev)
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	}
	if f := c.Focused(); f != nil && char != 0 {
		f.TypedRune(char)
	}
	if k, ok := c.Focused().(interface{ KeyUp(*fyne.KeyEvent) }); ok {
		k.KeyUp(ev)
	}
}

// TestToolbarButtonsActOnEnterAndSpace: a toolbar button that has the
// focus shows its words in the status line, not in a pop-up, and acts on
// Enter and on Space; Space's character reaches nothing, not even the
// input its action focuses.
func TestToolbarButtonsActOnEnterAndSpace(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		a.showPage("readiness")
		c := a.win.Canvas()
		stops := toolbarStops(t, a)
		results, newDoc := stops[4].(*toolButton), stops[0].(*toolButton)
		c.Focus(results)
		if got := a.chrome.status.Text; got != a.t("gui.results") {
			t.Errorf("%s: the status line shows %q while the results button has the focus", lang, got)
		}
		if c.Overlays().Top() != nil {
			t.Errorf("%s: a pop-up shows on the results button's focus", lang)
		}
		press(c, fyne.KeyReturn, 0)
		if a.page != ResultsPage {
			t.Fatalf("%s: Enter on the results button left the page %s", lang, a.page)
		}
		if got := a.chrome.status.Text; got != a.statusText() {
			t.Errorf("%s: the status line shows %q after the button acted", lang, got)
		}
		c.Focus(newDoc)
		press(c, fyne.KeySpace, ' ')
		name := a.inputs.entry("profile.name")
		if a.page != "profile" || name == nil || c.Focused() != fyne.Focusable(name) {
			t.Fatalf("%s: Space on New shows %s, the focus on %T", lang, a.page, c.Focused())
		}
		if name.Text != "" || a.Dirty() {
			t.Errorf("%s: Space's character reached the city name: %q", lang, name.Text)
		}
		// A key released on the button that was not pressed on it does nothing.
		c.Focus(results)
		results.KeyUp(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if a.page != "profile" {
			t.Errorf("%s: a key released without being pressed acted", lang)
		}
	}
}

// TestEnterPressesTheStartPageButtons: Enter on New on the start page
// makes a new assessment, as Space does.
func TestEnterPressesTheStartPageButtons(t *testing.T) {
	a := newTestApp(t, translations.VI)
	a.showPage(StartPage)
	c := a.win.Canvas()
	for c.Focused() == nil || c.Focused().(fyne.CanvasObject) == nil || !isNewButton(a, c.Focused()) {
		pressTab(c)
	}
	press(c, fyne.KeyReturn, 0)
	if a.page != "profile" {
		t.Errorf("Enter on New left the page %s", a.page)
	}
}

func isNewButton(a *App, f fyne.Focusable) bool {
	b, ok := f.(*button)
	return ok && b.Text == a.t("gui.menuNew")
}

// TestTheLastFieldIsTheSectionsLastQuestion: on a page still adding its
// cards, Tab from the last input shown goes on to the next question (the
// page adds the others at once), and Shift+Tab from the navigation goes to
// the section's last question, not to the last one shown so far.
func TestTheLastFieldIsTheSectionsLastQuestion(t *testing.T) {
	for _, forward := range []bool{true, false} {
		a := newTestApp(t, translations.EN)
		a.opts.Progressive = true
		hold := make(chan struct{})
		t.Cleanup(func() { close(hold) })
		a.bg = stepFrames{func(func()) { <-hold }} // no frame passes
		a.showPage("gastronomy")
		p := shownAs[*pageView](t, a)
		if len(p.pending) == 0 {
			t.Fatal("the page added every card at once")
		}
		qs := p.s.Questions
		c := a.win.Canvas()
		shown := len(qs) - len(p.pending)
		if forward {
			for c.Focused() != a.inputs.lastOf(qs[shown-1].ID) {
				pressTab(c)
				if !inPage(a) {
					t.Fatalf("Tab left the page before the last question shown")
				}
			}
			pressTab(c)
			if want := a.inputs.firstOf(qs[shown].ID); c.Focused() != want {
				t.Errorf("Tab from the last question shown went to %T %s, not to question %d", c.Focused(), focusedKey(a), shown+1)
			}
		} else {
			c.Focus(nav(a))
			test.FocusPrevious(c)
			if want := a.inputs.lastOf(qs[len(qs)-1].ID); c.Focused() != want {
				t.Errorf("Shift+Tab from the navigation went to %T %s, not to the last question's source", c.Focused(), focusedKey(a))
			}
		}
		if len(p.pending) != 0 || len(p.box.Objects) != len(qs)+2 {
			t.Errorf("the page holds %d objects, %d cards pending", len(p.box.Objects), len(p.pending))
		}
	}
}

// TestTheGuideDescribesTheTabCycle: the guide tells, in each language,
// the order Tab goes in and that Shift+Tab goes back.
func TestTheGuideDescribesTheTabCycle(t *testing.T) {
	for lang, words := range map[translations.Lang][]string{
		translations.EN: {"Tab goes round one cycle", "the list of sections on the left, the toolbar, the inputs of the page", "Shift+Tab", "Enter or Space"},
		translations.VI: {"phím Tab đi theo một vòng", "danh sách các phần ở cột bên trái, thanh công cụ, các ô nhập của trang", "Shift+Tab", "Enter hoặc phím cách"},
	} {
		guide := translations.New(lang).T("gui.guide")
		for _, w := range words {
			if !strings.Contains(guide, w) {
				t.Errorf("%s: the guide does not say %q", lang, w)
			}
		}
	}
}

// TestSpaceInTheNavigationTypesNothingInThePage: Space and Enter on the
// navigation open the page under the focus, and their character does not
// land in the input the page gives the focus to.
func TestSpaceInTheNavigationTypesNothingInThePage(t *testing.T) {
	for _, key := range []struct {
		name fyne.KeyName
		char rune
	}{{fyne.KeySpace, ' '}, {fyne.KeyReturn, 0}} {
		a := newTestApp(t, translations.VI)
		a.showPage(ResultsPage)
		c := a.win.Canvas()
		c.Focus(nav(a)) // the list's focus is on its first item, the profile
		pressKey(a, key.name, key.char)
		if a.page != "profile" {
			t.Fatalf("%s: the page is %q, not the profile", key.name, a.page)
		}
		test.Type(c.Focused(), "Huế")
		if got := a.Assessment().City.Name; got != "Huế" {
			t.Errorf("%s: the city's name is %q, want %q", key.name, got, "Huế")
		}
	}
}
