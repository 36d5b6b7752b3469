package main

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// processStart is as close to the start of the process as Go code gets.
var processStart = time.Now()

// quitOnStart prints the time from process start to the app's first
// running frame and quits: the start-up benchmarks read it.
func quitOnStart(fa fyne.App) {
	fa.Lifecycle().SetOnStarted(func() {
		go func() {
			// Let the first frame be painted.
			time.Sleep(50 * time.Millisecond)
			fyne.Do(func() {
				fmt.Printf("started-ms %.1f\n", float64(time.Since(processStart).Microseconds())/1000)
				fa.Quit()
			})
		}()
	})
}

// runMinimal shows the smallest Fyne window, the baseline of the start-up
// benchmark.
func runMinimal(quit bool) int {
	fa := app.NewWithID(AppID + ".minimal")
	w := fa.NewWindow("minimal")
	w.SetContent(widget.NewLabel("minimal"))
	w.Resize(fyne.NewSize(1280, 800))
	if quit {
		quitOnStart(fa)
	}
	w.ShowAndRun()
	return 0
}
