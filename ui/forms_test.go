package ui

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/forms"
	"creativecity/translations"
)

// writtenForm has the window write a form of the gastronomy section and
// returns its path.
func writtenForm(t *testing.T, a *App) string {
	t.Helper()
	return writtenSectionForm(t, a, "gastronomy")
}

// writtenSectionForm has the window write a form of a section and returns
// its path.
func writtenSectionForm(t *testing.T, a *App, section string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "phieu.xlsx")
	done := make(chan error, 1)
	a.WriteForm(path, translations.VI, []string{section}, func(err error) { done <- err })
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the form was not written")
	}
	return path
}

// fillForm sets answer cells of the gastronomy sheet of a form, by
// question ID, and the contributor's name.
func fillForm(t *testing.T, path string, answers map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Ẩm thực")
	for i, r := range rows {
		if len(r) > 1 {
			if v, ok := answers[r[1]]; ok {
				f.SetCellValue("Ẩm thực", "F"+strconv.Itoa(i+1), v)
			}
		}
	}
	f.SetCellStr("Hướng dẫn", "B11", "Trần Thị Lan")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestTheWindowPreparesAFormAndMergesItBack: File → Prepare forms writes a
// form prefilled with the open answers; File → Merge filled-in forms fills
// in what was missing and shows an answer given differently side by side,
// changing nothing until the user chooses; taking it records where it came
// from.
func TestTheWindowPreparesAFormAndMergesItBack(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.doc.Edit(func(d *assessment.Assessment) { delete(d.Answers, "gastronomy.ocop_food_products") })
		path := writtenForm(t, a)
		if c, _, err := forms.ReadContribution(path, a.qn); err != nil || len(c.Answers) == 0 {
			t.Fatalf("%s: the form does not read back: %v", lang, err)
		}
		fillForm(t, path, map[string]any{"gastronomy.ocop_food_products": 18, "gastronomy.traditional_restaurants": 150})
		before := a.Assessment().Value("gastronomy.traditional_restaurants").Raw()

		a.MergePath(path)
		text := dialogText(a)
		for _, want := range []string{a.t("gui.mergeKeep"), "150", before} {
			if !strings.Contains(text+strings.Join(radioOptions(a), " "), want) {
				t.Errorf("%s: the conflict dialog lacks %q:\n%s", lang, want, text)
			}
		}
		if a.Assessment().Value("gastronomy.ocop_food_products").IsNone() == false {
			t.Errorf("%s: the merge changed the assessment before it was confirmed", lang)
		}
		chooseRadio(t, a, a.t("gui.mergeTake"))
		tapButton(t, a, a.t("gui.mergeApply"))
		got := a.Assessment()
		if got.Value("gastronomy.traditional_restaurants").Raw() != "150" || got.Value("gastronomy.ocop_food_products").Raw() != "18" {
			t.Errorf("%s: after the merge: %s, %s", lang, got.Value("gastronomy.traditional_restaurants").Raw(),
				got.Value("gastronomy.ocop_food_products").Raw())
		}
		if p := got.Answers["gastronomy.ocop_food_products"].Provenance; len(p) != 1 || p[0].Contributor != "Trần Thị Lan" || p[0].File != "phieu.xlsx" {
			t.Errorf("%s: provenance %+v", lang, p)
		}
		if !a.Dirty() || !strings.Contains(dialogText(a), "phieu.xlsx") {
			t.Errorf("%s: dirty %v, summary %q", lang, a.Dirty(), dialogText(a))
		}
	}
}

// TestMergingWithoutConflictsAsksNothing: a form whose answers only fill
// in gaps is merged at once, with a summary.
func TestMergingWithoutConflictsAsksNothing(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	a.doc.Edit(func(d *assessment.Assessment) { delete(d.Answers, "gastronomy.ocop_food_products") })
	path := writtenForm(t, a)
	fillForm(t, path, map[string]any{"gastronomy.ocop_food_products": 18})
	a.MergePath(path)
	if len(radioOptions(a)) != 0 || !strings.Contains(dialogText(a), "1 answer filled in") {
		t.Errorf("summary %q", dialogText(a))
	}
	if a.Assessment().Value("gastronomy.ocop_food_products").Raw() != "18" {
		t.Error("not merged")
	}
}

// radioOptions lists the options of the choices of the dialogs.
func radioOptions(a *App) []string {
	var out []string
	for _, o := range a.win.Canvas().Overlays().List() {
		walk(o, func(obj fyne.CanvasObject) {
			if c, ok := obj.(*choice); ok {
				out = append(out, c.options...)
			}
		})
	}
	return out
}

// chooseRadio picks an option, as the user does, in every choice of the
// dialogs that has it.
func chooseRadio(t *testing.T, a *App, option string) {
	t.Helper()
	found := false
	for _, o := range a.win.Canvas().Overlays().List() {
		walk(o, func(obj fyne.CanvasObject) {
			if c, ok := obj.(*choice); ok {
				if i := slices.Index(c.options, option); i >= 0 {
					c.pick(i)
					found = true
				}
			}
		})
	}
	if !found {
		t.Fatalf("no option %q", option)
	}
}
