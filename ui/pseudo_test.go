package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// visit calls f on every visible object of a tree, with its position on
// the canvas.
func visit(o fyne.CanvasObject, pos fyne.Position, f func(fyne.CanvasObject, fyne.Position)) {
	if o == nil || !o.Visible() {
		return
	}
	pos = pos.Add(o.Position())
	f(o, pos)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			visit(c, pos, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			visit(c, pos, f)
		}
	}
}

// checkedForSize: the widgets that show the app's text and take input,
// whose size must be at least their minimum (the toolkit's own parts may
// be sized otherwise on purpose).
func checkedForSize(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *widget.Label, *paragraph, *widget.Button, *entry, *choice, *widget.RadioGroup, *widget.Select,
		*widget.Check, *widget.Card, *widget.Form:
		return true
	}
	return false
}

// TestAPseudoLanguageFitsEveryPage runs the desktop app in a language made
// from files alone, 40% longer than English, at 1024×600 and 1280×680: no
// text is left untranslated, and every object gets at least its minimum
// size, so that nothing is cut or drawn over its neighbour.
func TestAPseudoLanguageFitsEveryPage(t *testing.T) {
	lang := fixture.PseudoLanguage(t)
	en := translations.New(translations.EN)
	ids, _ := translations.MessageIDs(translations.EN)
	english := map[string]string{} // text of a message without data -> its ID
	for _, id := range ids {
		if s := en.T(id); !strings.Contains(s, "<no value>") && len(s) > 3 {
			english[s] = id
		}
		english[id] = id
	}
	// The languages of the UNESCO application are named in themselves
	// ("English", "Français"), as language menus name languages.
	for _, l := range translations.ApplicationLanguages() {
		delete(english, applicationLangName(l))
	}
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1280, Height: 680}} {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.win.Resize(size)
		for _, page := range a.chrome.navPages {
			a.showPage(page)
			a.completePage()
			a.win.Content().Refresh()
			var problems []string
			visit(a.win.Content(), fyne.Position{}, func(o fyne.CanvasObject, pos fyne.Position) {
				if txt, ok := o.(*canvas.Text); ok {
					if id, untranslated := english[strings.TrimSpace(txt.Text)]; untranslated {
						problems = append(problems, fmt.Sprintf("%q is English (%s)", txt.Text, id))
					}
				}
				if !checkedForSize(o) {
					return
				}
				min, got := o.MinSize(), o.Size()
				if got.Width+0.5 < min.Width || got.Height+0.5 < min.Height {
					problems = append(problems, fmt.Sprintf("%T at %v is %v, needs %v", o, pos, got, min))
				}
			})
			if len(problems) > 0 {
				t.Errorf("%v, page %s:\n%s", size, page, strings.Join(problems[:min(len(problems), 12)], "\n"))
			}
		}
	}
}
