//go:build faultdrive

package ui

// This file is built only into the binary of the kill test
// (go build -tags faultdrive). It plays a user of the real window who
// accepts the recovery offered at start, then edits and saves without
// pause: it types a new population into the profile page, then alternately
// saves the file and autosaves (as the timer and page changes do). Saves
// alternate too: as Ctrl+S does, and as Save As does when the user chooses
// the same file in the dialog (the dialog's writer of the file, then the
// save). The test kills the process at random moments and checks the files
// against what this driver reported as done.

import (
	"fmt"
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func init() { startHook = faultDrive }

func faultDrive(a *App) {
	var population int
	fyne.DoAndWait(func() {
		if a.tapDialogButton(a.t("gui.restore")) {
			fmt.Printf("recovered %.0f dirty=%v\n", a.Assessment().City.Population, a.Dirty())
		} else {
			fmt.Printf("no-recovery %.0f\n", a.Assessment().City.Population)
		}
		population = int(a.Assessment().City.Population)
		a.showPage("profile")
	})
	fmt.Println("ready")
	// Steps run in batches on the UI thread, so that most of the time goes
	// to the edits and writes rather than to painting frames between them.
	const batch = 8
	for i := 1; ; {
		failed := ""
		fyne.DoAndWait(func() {
			for end := i + batch; i < end && failed == ""; i++ {
				population++
				failed = a.driveStep(population, i)
			}
		})
		if failed != "" {
			fmt.Printf("error %s: %s\n", failed, a.chrome.status.Text)
			os.Exit(3)
		}
	}
}

// driveStep types a population, then saves (even steps: every other one
// through Save As) or autosaves; it returns what failed, if anything.
func (a *App) driveStep(population, step int) string {
	a.inputs.number("profile.population").entry.SetText(strconv.Itoa(population))
	if a.Assessment().City.Population != float64(population) || !a.Dirty() {
		return "the edit was not taken"
	}
	if step%2 == 0 {
		fmt.Printf("saving %d\n", population)
		if step%4 == 0 {
			a.saveAsChosen(nil)(storage.Writer(storage.NewFileURI(a.doc.Path())))
		} else {
			a.Save()
		}
		if a.Dirty() {
			return "the save did not complete"
		}
		fmt.Printf("saved %d\n", population)
		return ""
	}
	fmt.Printf("autosaving %d\n", population)
	a.autosave.now()
	if a.doc.AutosavedAt().IsZero() {
		return "the autosave did not complete"
	}
	fmt.Printf("autosaved %d\n", population)
	return ""
}

// tapDialogButton taps the button with that label in the window's
// overlays, as a user would; it reports whether there was one.
func (a *App) tapDialogButton(label string) bool {
	var found *widget.Button
	for _, o := range a.win.Canvas().Overlays().List() {
		var visit func(fyne.CanvasObject)
		visit = func(obj fyne.CanvasObject) {
			switch v := obj.(type) {
			case *widget.Button:
				if v.Text == label {
					found = v
				}
			case *dialogButton:
				if v.Text == label {
					found = &v.Button
				}
			case *fyne.Container:
				for _, c := range v.Objects {
					visit(c)
				}
			case fyne.Widget:
				for _, c := range test.WidgetRenderer(v).Objects() {
					visit(c)
				}
			}
		}
		visit(o)
	}
	if found == nil {
		return false
	}
	found.OnTapped()
	return true
}
