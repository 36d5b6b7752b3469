package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// StartPage is the page ID of the start page.
const StartPage = "start"

// prefLastFile remembers the file open when the app was last closed, to
// reopen it at the next start.
const prefLastFile = "lastFile"

// startView is the first page of a first start: what the app is for, the
// order of work in three steps, and New, Open, Open demonstration and the
// recent files.
type startView struct {
	a *App
	rebuiltPage
}

func newStartView(a *App) *startView {
	v := &startView{a: a}
	v.rebuiltPage = newRebuiltPage(v.objects)
	return v
}

// refresh does nothing: the start page does not show the document.
func (v *startView) refresh() {}

func (v *startView) objects() []fyne.CanvasObject {
	a := v.a
	title := widget.NewLabel(a.t("app.name"))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	// The app's buttons: Enter presses them as Space does.
	newDoc := newButton(a, a.t("gui.menuNew"), theme.DocumentCreateIcon(), a.NewDocument)
	newDoc.Importance = widget.HighImportance
	open := newButton(a, a.t("gui.menuOpen"), theme.FolderOpenIcon(), a.OpenDialog)
	demo := newButton(a, a.t("gui.menuOpenDemo"), theme.InfoIcon(), a.OpenDemo)
	objects := []fyne.CanvasObject{title, newParagraph(a.t("gui.startIntro")), newParagraph(a.t("gui.startSteps")),
		container.NewHBox(newDoc, open, demo), heading(a.t("gui.menuRecent"))}
	recent := a.recentFiles()
	if len(recent) == 0 {
		objects = append(objects, widget.NewLabel(a.t("gui.noRecentFiles")))
	}
	for _, p := range recent {
		path := p
		b := newButton(a, filepath.Base(path)+" — "+filepath.Dir(path), theme.DocumentIcon(),
			func() { a.guardUnsaved(func() { a.OpenPath(path) }) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		objects = append(objects, b)
	}
	return objects
}
