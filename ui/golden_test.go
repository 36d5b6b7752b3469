package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"creativecity/assessment"
	"creativecity/translations"
)

// Goldens in testdata/, small enough to review as text: one question
// card, one navigation entry, the results chart, one initiative of the
// action plan and two sections of the UNESCO application, each alone in a
// small window, as Fyne's own widget tests do; and one rendered image of a whole
// page per language. Regenerate by copying testdata/failed/ after
// reviewing a change.

// goldenWindow shows one object alone in a small test window.
func goldenWindow(t *testing.T, o fyne.CanvasObject, size fyne.Size) fyne.Window {
	t.Helper()
	w := test.NewTempWindow(t, o)
	w.Resize(size)
	return w
}

func TestAQuestionCardRendersAsReviewed(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.showPage("gastronomy")
		q, _ := a.qn.Question("gastronomy.major_food_festival")
		card := shownAs[*pageView](t, a).card(6, q)
		test.AssertRendersToMarkup(t, "card_"+string(lang)+".xml", goldenWindow(t, card, fyne.NewSize(420, 480)).Canvas())
	}
}

func TestANavigationEntryRendersAsReviewed(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		item := newNavItem()
		a.fillNavItem(item, "gastronomy")
		w := goldenWindow(t, container.NewThemeOverride(item, compactTheme{}), fyne.NewSize(150, 200))
		test.AssertRendersToMarkup(t, "nav_"+string(lang)+".xml", w.Canvas())
	}
}

func TestTheResultsChartRendersAsReviewed(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.showPage(ResultsPage)
		w := goldenWindow(t, shownAs[*resultsView](t, a).chart(), fyne.NewSize(720, 300))
		test.AssertRendersToMarkup(t, "chart_"+string(lang)+".xml", w.Canvas())
	}
}

// TestAFieldPageLooksAsReviewed compares a rendered image of the
// gastronomy page of the demo, in each language, at 1280×680.
func TestAFieldPageLooksAsReviewed(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.showPage("gastronomy")
		a.win.Resize(fyne.NewSize(1280, 680))
		test.AssertImageMatches(t, "gastronomy_"+string(lang)+".png", a.win.Canvas().Capture())
	}
}

func TestAnInitiativeCardRendersAsReviewed(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.showPage(PlanPage)
		card := newInitiativeCard(shownAs[*planView](t, a), assessment.International, 1).object()
		w := goldenWindow(t, card, fyne.NewSize(900, 1400))
		test.AssertRendersToMarkup(t, "initiative_"+string(lang)+".xml", w.Canvas())
	}
}

func TestApplicationSectionsRenderAsReviewed(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.showPage(ApplicationPage)
		form := a.applicationForm()
		for i, s := range form.Sections {
			if s.ID != "commitments" && s.ID != "attachments" {
				continue
			}
			card := shownAs[*applicationView](t, a).section(i+1, &form.Sections[i], form)
			shownAs[*applicationView](t, a).refreshStatuses()
			w := goldenWindow(t, card, fyne.NewSize(900, 800))
			test.AssertRendersToMarkup(t, "application_"+s.ID+"_"+string(lang)+".xml", w.Canvas())
		}
	}
}
