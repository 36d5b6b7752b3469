package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"creativecity/translations"
)

// TestTheCaretIsKeptOnALanguageSwitch: text typed in an evidence box, the
// language switched, more text typed: the evidence holds both, typed where
// the caret was, and the focus is on the same question's evidence box.
// The same for a source entry with the caret inside its text, and with
// the language chosen in the toolbar after Shift+Tab took the focus there.
func TestTheCaretIsKeptOnALanguageSwitch(t *testing.T) {
	id := "gastronomy.signature_dishes"
	a := newTestApp(t, translations.VI)
	openDemo(t, a)
	a.showPage("gastronomy")
	c := a.win.Canvas()

	box := a.inputs.evidenceOf(id)
	c.Focus(box)
	before := a.Assessment().Answer(id).Evidence
	box.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	box.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	typeFocused(c, "Decision 12 of the city")
	a.SetLanguage(translations.EN)
	if a.inputs.evidenceOf(id) == box {
		t.Fatal("the page was not built again")
	}
	if !focusedBox(c, a.inputs.evidenceOf(id)) {
		t.Fatalf("after the switch the focus is on %T %s, not on the evidence of %s (before: %d runes)", c.Focused(), focusedKey(a), id, len(before))
	}
	typeFocused(c, ", 2024")
	if got := a.Assessment().Answer(id).Evidence; got != "Decision 12 of the city, 2024" {
		t.Errorf("the evidence saved is %q", got)
	}

	// A source, the caret inside its text, the language chosen in the toolbar.
	src := a.inputs.sourceOf(id)
	c.Focus(src)
	src.SetText("")
	typeFocused(c, "Department 2025")
	for range 4 {
		src.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	}
	c.Focus(a.controls.langPick)
	a.controls.langPick.SetSelected(langName(translations.VI))
	if a.Lang() != translations.VI {
		t.Fatalf("the toolbar's choice did not switch the language")
	}
	if c.Focused() != fyne.Focusable(a.inputs.sourceOf(id)) {
		t.Fatalf("after the switch the focus is on %T %s, not on the source of %s", c.Focused(), focusedKey(a), id)
	}
	typeFocused(c, "of Culture ")
	if got := a.Assessment().Answer(id).Source; got != "Department of Culture 2025" {
		t.Errorf("the source saved is %q", got)
	}
}
