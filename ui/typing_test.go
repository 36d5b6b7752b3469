package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"creativecity/translations"
)

// TestTheTypingModeComposesVietnameseInTextEntries: with Telex or VNI on,
// the city name and an evidence box take the words the users type;
// numbers are never composed; the mode is remembered and toggles.
func TestTheTypingModeComposesVietnameseInTextEntries(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		a.showPage("profile")
		name := a.inputs.entry("profile.name")
		a.setTyping("telex")
		test.Type(name, "Thanhf phoos Haj Long")
		if got := a.Assessment().City.Name; got != "Thành phố Hạ Long" {
			t.Errorf("%s: Telex name %q", lang, got)
		}
		population := number(t, a, "profile.population").entry
		test.Type(population, "12")
		if got, _ := a.Assessment().City.Population, 0; got != 12 {
			t.Errorf("%s: population %v: a number was composed", lang, got)
		}
		a.setTyping("vni")
		a.showPage("gastronomy")
		ev := a.inputs.evidenceOf("gastronomy.signature_dishes")
		ev.SetText("")
		test.Type(ev, "Pho61 co63 Ho65i An")
		if got := a.Assessment().Answer("gastronomy.signature_dishes").Evidence; got != "Phố cổ Hội An" {
			t.Errorf("%s: VNI evidence %q", lang, got)
		}
		a.toggleTyping()
		if a.controls.typing != nil || a.fyne.Preferences().String(prefTyping) != "" {
			t.Errorf("%s: not off after the toggle", lang)
		}
		a.toggleTyping()
		if a.fyne.Preferences().String(prefTyping) != "vni" {
			t.Errorf("%s: the toggle came back to %q", lang, a.fyne.Preferences().String(prefTyping))
		}
		test.Type(name, "x")
		a.setTyping("")
		test.Type(name, "s")
		if got := a.Assessment().City.Name; got != "Thành phố Hạ Longxs" {
			t.Errorf("%s: with the mode off, keys are letters: %q", lang, got)
		}
	}
}

// TestTheTypingModeTypesAsUnikey: in an evidence box, Telex w alone gives
// ư, dd gives đ in document numbers, a foreign word is given back as typed
// when it ends, and Ctrl+Shift+K's item types the current word as is.
func TestTheTypingModeTypesAsUnikey(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		a.setTyping("telex")
		a.showPage("gastronomy")
		ev := a.inputs.evidenceOf("gastronomy.signature_dishes")
		ev.SetText("")
		a.win.Canvas().Focus(ev)
		test.Type(ev, "Hwng mwcj theo 838/QDD-BXD, Carnaval 2024")
		want := "Hưng mực theo 838/QĐ-BXD, Carnaval 2024"
		if got := a.Assessment().Answer("gastronomy.signature_dishes").Evidence; got != want {
			t.Errorf("%s: evidence %q, want %q", lang, got, want)
		}
		test.Type(ev, " Vieetj")
		a.typeWordAsIs()
		test.Type(ev, "s")
		if got := a.Assessment().Answer("gastronomy.signature_dishes").Evidence; got != want+" Vieetjs" {
			t.Errorf("%s: after the word as is: %q", lang, got)
		}
		test.Type(ev, " Vieetj")
		if got := a.Assessment().Answer("gastronomy.signature_dishes").Evidence; got != want+" Vieetjs Việt" {
			t.Errorf("%s: the next word is composed again: %q", lang, got)
		}
		a.setTyping("")
		if item := menuItem(a, a.t("gui.typingAsIs")); item == nil || !item.Disabled {
			t.Errorf("%s: the as-is item is not disabled with the typing off", lang)
		}
	}
}

// menuItem finds a main-menu item by its label.
func menuItem(a *App, label string) *fyne.MenuItem {
	var found *fyne.MenuItem
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
			if it.Label == label {
				found = it
			}
		}
	}
	for _, m := range a.newMenu().Items {
		walk(m.Items)
	}
	return found
}
