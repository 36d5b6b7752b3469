package ui

import (
	"time"

	"creativecity/assessment"
)

// analysisDelay is how long after the last change the uncertainty
// analysis starts: a keystroke only rescores (microseconds); the analysis
// (milliseconds) runs off the UI thread once typing pauses.
const analysisDelay = 400 * time.Millisecond

// analysis runs the document's uncertainty analysis after changes, and
// after the file opened at start is shown (App.Start): the window is built
// from the quick score, the page says the confidence is being worked out,
// and the analysis (about 5–25 ms and a few MB on the demo) runs off the
// UI thread. Its fields are used on the UI thread only.
type analysis struct {
	stop func() bool // cancels the pending start, if any
}

// scheduleAnalysis (re)starts the delay before the analysis that the
// current result needs; nothing when it has it.
func (a *App) scheduleAnalysis() {
	a.stopAnalysis()
	if a.doc.Result().Uncertainty != nil || a.closed {
		return
	}
	a.analysis.stop = a.bg.later(analysisDelay, a.startAnalysis)
}

// startAnalysis takes what the analysis needs on the UI thread and runs it
// on another goroutine; its result is applied only if the document has not
// changed meanwhile (a later change schedules its own).
func (a *App) startAnalysis() {
	job, version := a.doc.Analysis()
	if job == nil || a.closed {
		return
	}
	a.bg.analyse(job, func(u *assessment.Uncertainty) { a.finishAnalysis(version, u) })
}

// analyseNow runs the analysis the current result still needs at once, on
// the UI thread.
func (a *App) analyseNow() {
	if job, version := a.doc.Analysis(); job != nil {
		a.finishAnalysis(version, job.Run())
	}
}

// finishAnalysis applies an analysis run for a version of the document
// and shows it, unless the document has changed since.
func (a *App) finishAnalysis(version uint64, u *assessment.Uncertainty) {
	if a.doc.ApplyAnalysis(version, u) {
		a.shown.refresh()
	}
}

// stopAnalysis cancels a pending analysis (the window closes).
func (a *App) stopAnalysis() {
	if a.analysis.stop != nil {
		a.analysis.stop()
	}
}
