package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/translations"
)

// profileFormGiving has the window write a form of the profile section and
// puts a value in the answer cell of a question, as a department would.
func profileFormGiving(t *testing.T, a *App, id string, value any) string {
	t.Helper()
	path := writtenSectionForm(t, a, "profile")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for i, r := range rows {
			if len(r) > 1 && r[1] == id {
				found = f.SetCellValue(sheet, "F"+strconv.Itoa(i+1), value) == nil
			}
		}
	}
	if !found || f.Save() != nil {
		t.Fatalf("%s: no answer cell set", id)
	}
	return path
}

// TestTheWindowRefusesAMergeThatWouldNotValidate: File → Merge filled-in
// forms with a form giving a population of 500 (below what validation
// accepts) is refused with the validation problem shown, and nothing
// changes: at once when the population was not given, and on Merge when
// the user chooses to take the form's population over the one held.
func TestTheWindowRefusesAMergeThatWouldNotValidate(t *testing.T) {
	for _, lang := range translations.Languages() {
		for _, held := range []float64{0, 250_000} {
			a := newInlineTestApp(t, lang)
			openDemo(t, a)
			a.doc.Edit(func(d *assessment.Assessment) { d.City.Population = held })
			path := profileFormGiving(t, a, "profile.population", 500)
			before, err := assessment.Encode(a.Assessment())
			if err != nil {
				t.Fatal(err)
			}
			a.MergePath(path)
			if held > 0 {
				chooseRadio(t, a, a.t("gui.mergeTake"))
				tapButton(t, a, a.t("gui.mergeApply"))
			}
			text := dialogText(a)
			if !strings.Contains(text, a.t("gui.mergeRefused", map[string]any{"File": "phieu.xlsx"})) ||
				!strings.Contains(text, "profile.population") {
				t.Errorf("%s, population %v held: %q", lang, held, text)
			}
			if after, _ := assessment.Encode(a.Assessment()); string(after) != string(before) {
				t.Errorf("%s, population %v held: the assessment was changed (population %v)", lang, held, a.Assessment().City.Population)
			}
		}
	}
}
