package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"creativecity/assessment"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// TestMergingAnotherCitysFormAsksFirst: File → Merge filled-in forms with
// a form of Hạ Long while Huế's assessment is open asks first, naming both
// cities; Enter (Cancel, the default) and Escape change nothing; Merge
// anyway merges.
func TestMergingAnotherCitysFormAsksFirst(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newInlineTestApp(t, lang)
		openDemo(t, a)
		a.doc.Edit(func(d *assessment.Assessment) { delete(d.Answers, "gastronomy.ocop_food_products") })
		path := writtenForm(t, a)
		fillForm(t, path, map[string]any{"gastronomy.ocop_food_products": 18})
		a.doc.Edit(func(d *assessment.Assessment) { d.City.Name, d.City.Province = "Huế", "Huế" })
		closeDialogs(t, a)
		for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
			a.MergePath(path)
			text := dialogText(a)
			if !strings.Contains(text, "Hạ Long") || !strings.Contains(text, "Huế") {
				t.Fatalf("%s: the question does not name both cities:\n%s", lang, text)
			}
			pressKey(a, key, 0)
			if len(a.win.Canvas().Overlays().List()) != 0 || !a.Assessment().Value("gastronomy.ocop_food_products").IsNone() {
				t.Errorf("%s: %s did not cancel, or the assessment changed", lang, key)
			}
		}
		a.MergePath(path)
		tapButton(t, a, a.t("gui.cityMismatchMerge"))
		if got := a.Assessment(); got.Value("gastronomy.ocop_food_products").Raw() != "18" || got.City.Name != "Huế" {
			t.Errorf("%s: Merge anyway did not merge: %q, %q", lang, got.Value("gastronomy.ocop_food_products").Raw(), got.City.Name)
		}
	}
}

// TestAnOlderFormIsMatchedByNameWithAWarning: a form that names its city
// without the province (as forms were written before) merges into the
// city of that name, its summary saying it was matched by name only.
func TestAnOlderFormIsMatchedByNameWithAWarning(t *testing.T) {
	a := newInlineTestApp(t, translations.EN)
	openDemo(t, a)
	a.doc.Edit(func(d *assessment.Assessment) { delete(d.Answers, "gastronomy.ocop_food_products") })
	path := writtenForm(t, a)
	fillForm(t, path, map[string]any{"gastronomy.ocop_food_products": 18})
	fixture.DropFormProvince(t, path)
	closeDialogs(t, a)
	a.MergePath(path)
	if text := dialogText(a); !strings.Contains(text, "1 answer filled in") || !strings.Contains(text, "by the name only") {
		t.Errorf("summary %q", text)
	}
	if a.Assessment().Value("gastronomy.ocop_food_products").Raw() != "18" {
		t.Error("not merged")
	}
}
