package ui

import (
	"testing"

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
