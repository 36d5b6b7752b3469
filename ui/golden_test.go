package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"creativecity/translations"
)

// TestPagesRenderAsReviewed compares the results page and a field page,
// in both languages, with markup goldens in testdata/ (regenerate by
// copying testdata/failed/ after reviewing a change).
func TestPagesRenderAsReviewed(t *testing.T) {
	for _, lang := range translations.Languages {
		for _, page := range []string{ResultsPage, "gastronomy"} {
			a := newTestApp(t, lang)
			openDemo(t, a)
			a.showPage(page)
			test.AssertRendersToMarkup(t, page+"_"+string(lang)+".xml", a.win.Canvas())
		}
	}
}
