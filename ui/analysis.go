package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"creativecity/assessment"
)

// analysisDelay is how long after the last change the uncertainty
// analysis starts: a keystroke only rescores (microseconds); the analysis
// (milliseconds) runs off the UI thread once typing pauses.
const analysisDelay = 400 * time.Millisecond

// analysis runs the document's uncertainty analysis after changes. Its
// fields are used on the UI thread only.
type analysis struct {
	timer *time.Timer
	// done, if set, is called on the UI thread after an analysis has been
	// applied (tests wait on it).
	done func()
}

// scheduleAnalysis (re)starts the delay before the analysis that the
// current result needs; nothing when it has it.
func (a *App) scheduleAnalysis() {
	if a.analysis.timer != nil {
		a.analysis.timer.Stop()
	}
	if a.doc.Result().Uncertainty != nil || a.closed {
		return
	}
	a.analysis.timer = time.AfterFunc(analysisDelay, func() { fyne.Do(a.startAnalysis) })
}

// startAnalysis takes what the analysis needs on the UI thread and runs it
// on another goroutine; its result is applied only if the document has not
// changed meanwhile (a later change schedules its own).
func (a *App) startAnalysis() {
	job, version := a.doc.Analysis()
	if job == nil {
		return
	}
	go func() {
		u := job.Run()
		fyne.Do(func() { a.finishAnalysis(version, u) })
	}()
}

func (a *App) finishAnalysis(version uint64, u *assessment.Uncertainty) {
	if !a.doc.ApplyAnalysis(version, u) {
		return
	}
	if a.results != nil && a.page == ResultsPage {
		a.results.refresh()
	}
	if a.analysis.done != nil {
		a.analysis.done()
	}
}

// stopAnalysis cancels a pending analysis (the window closes).
func (a *App) stopAnalysis() {
	if a.analysis.timer != nil {
		a.analysis.timer.Stop()
	}
}
