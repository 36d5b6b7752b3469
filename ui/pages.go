package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"creativecity/assessment"
)

// page is what the window shows beside the navigation: the start page, a
// section, the results, the comparison, the action plan or the
// application. The window holds the one shown (App.shown) and builds a new
// one for every page change, language switch or document opened.
type page interface {
	// object is what the page built, for the window's body.
	object() fyne.CanvasObject
	// scroller scrolls the page (the keyboard brings the focused input
	// into view with it).
	scroller() *container.Scroll
	// first is the input that takes the focus when the page opens; nil
	// when none does.
	first() fyne.Focusable
	// refresh follows a change of the document or of its analysis (a
	// page that does not show them does nothing).
	refresh()
}

// newPage builds the page of an ID: StartPage, ResultsPage, ComparePage,
// PlanPage, ApplicationPage, or a section's ID.
func (a *App) newPage(id string) page {
	switch id {
	case StartPage:
		return newStartView(a)
	case ResultsPage:
		return newResultsView(a)
	case ComparePage:
		return newCompareView(a)
	case PlanPage:
		return newPlanView(a)
	case ApplicationPage:
		return newApplicationView(a)
	}
	s, _ := a.qn.Section(id)
	return newPageView(a, s)
}

// completePage adds now the cards a section page has still to add
// (Options.Progressive), for what needs the page whole: a scroll position
// restored, a screenshot.
func (a *App) completePage() {
	if p, ok := a.shown.(*pageView); ok {
		p.complete()
	}
}

// background runs the window's work that does not happen at once: a step
// of a progressive page, once a frame has had time to be painted
// (page.go), and the uncertainty analysis, off the UI thread
// (analysis.go). The app runs them on goroutines; tests give their own,
// to step through a page's frames or to know when an analysis is in.
type background interface {
	// afterFrame runs step on the UI thread once a frame has had time to
	// be painted; it returns when step has run.
	afterFrame(step func())
	// analyse runs job off the UI thread, then apply with its result on
	// the UI thread.
	analyse(job *assessment.Analysis, apply func(*assessment.Uncertainty))
	// later runs step on the UI thread after d, unless the function it
	// returns is called first.
	later(d time.Duration, step func()) (stop func() bool)
}

// goroutines is the app's background.
type goroutines struct{}

func (goroutines) afterFrame(step func()) {
	time.Sleep(frameDelay)
	fyne.DoAndWait(step)
}

func (goroutines) later(d time.Duration, step func()) func() bool {
	return time.AfterFunc(d, func() { fyne.Do(step) }).Stop
}

func (goroutines) analyse(job *assessment.Analysis, apply func(*assessment.Uncertainty)) {
	go func() {
		u := job.Run()
		fyne.Do(func() { apply(u) })
	}()
}
