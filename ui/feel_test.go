package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"creativecity/assessment"
	"creativecity/translations"
)

// benchApp is the app on the demo, as the desktop builds its pages (a few
// cards first, the others in the frames after), at 1366×768's window size.
func benchApp(b *testing.B) *App {
	b.Helper()
	fa := test.NewTempApp(b)
	qn, _ := assessment.Default()
	a := New(fa, qn, Options{Lang: translations.VI, RecoveryDir: b.TempDir(), Progressive: true})
	// The later frames are not part of the click's cost: their steps wait
	// for the end of the benchmark, and then find their page gone.
	stop := make(chan struct{})
	b.Cleanup(func() { close(stop) })
	a.bg = stepFrames{func(step func()) {
		<-stop
		fyne.DoAndWait(step)
	}}
	doc, _ := assessment.Demo()
	a.doc.Replace(doc, "")
	a.win.Resize(defaultWindowSize)
	return a
}

// BenchmarkShowPage is the work on the UI thread between a click on a
// section in the navigation and its first frame: the page and its first
// cards built and laid out (target ≤ 100 ms).
func BenchmarkShowPage(b *testing.B) {
	a := benchApp(b)
	pages := []string{"gastronomy", "readiness"}
	i := 0
	for b.Loop() {
		a.showPage(pages[i%2])
		a.win.Content().Resize(a.win.Canvas().Size())
		i++
	}
}

// BenchmarkKeystroke is the work on the UI thread of one keystroke in a
// number entry: the answer parsed and stored, the assessment rescored and
// revalidated, the navigation and status line updated (target ≤ 16 ms, a
// frame).
func BenchmarkKeystroke(b *testing.B) {
	a := benchApp(b)
	a.showPage("gastronomy")
	e := a.inputs.number("gastronomy.traditional_restaurants").entry
	e.SetText("6")
	a.win.Canvas().Focus(e)
	keys := []*fyne.KeyEvent{{Name: fyne.KeyBackspace}}
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			e.TypedRune('0')
		} else {
			e.TypedKey(keys[0])
		}
		i++
	}
}
