package ui

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"creativecity/assessment"
	"creativecity/assessment/document"
)

const maxRecent = 8

// NewDocument starts an empty assessment.
func (a *App) NewDocument() {
	a.guardUnsaved(func() {
		a.replace(assessment.New(a.qn), "profile")
	})
}

// OpenDemo opens the demonstration assessment as a new, unsaved document.
func (a *App) OpenDemo() {
	a.guardUnsaved(func() {
		doc, err := assessment.Demo()
		if err != nil {
			a.showError(err, "")
			return
		}
		a.replace(doc, ResultsPage)
	})
}

// replace shows a document that has no file yet on a page.
func (a *App) replace(doc *assessment.Assessment, page string) {
	a.doc.Replace(doc, "")
	a.fyne.Preferences().SetString(prefLastFile, "")
	a.drafts = map[string]string{}
	a.showPage(page)
}

// OpenDialog asks for a file to open.
func (a *App) OpenDialog() {
	a.guardUnsaved(func() {
		a.chooseFile(chooseOpen, []string{assessment.Extension}, "", a.OpenPath)
	})
}

// OpenPath opens an assessment file; on failure the current work stays open
// and a dialog names the file and the problem.
func (a *App) OpenPath(path string) {
	if err := a.doc.Open(path); err != nil {
		a.showError(err, path)
		return
	}
	a.drafts = map[string]string{}
	a.addRecent(path)
	a.showPage(a.page)
	a.afterOpening()
}

// afterOpening tells what the user must know about a file just opened:
// the problems found in it, and another editor who has it open.
func (a *App) afterOpening() {
	if ps := append(a.doc.Migrated(), a.doc.Problems()...); len(ps) > 0 {
		a.showProblems(ps)
	}
	a.showLockWarning()
}

// Save writes the assessment to its file, or asks for one.
func (a *App) Save() { a.saveThen(nil) }

// SaveAsDialog asks for a file name and saves there.
func (a *App) SaveAsDialog() { a.saveAsThen(nil) }

// saveThen saves, then runs next (if set) once the work is saved.
func (a *App) saveThen(next func()) {
	if a.doc.Path() == "" {
		a.saveAsThen(next)
		return
	}
	a.trySave(a.doc.Path(), a.doc.Save, next)
}

func (a *App) saveAsThen(next func()) {
	a.chooseFile(chooseSave, []string{assessment.Extension}, a.cityName()+assessment.Extension, func(path string) {
		a.saveAsChosen(next)(storage.Writer(storage.NewFileURI(path)))
	})
}

// saveAsChosen is what the save dialog calls with the file the user chose:
// a writer of it, which is only closed (the file is not touched: see
// fileRepository), then the save there, then next.
func (a *App) saveAsChosen(next func()) func(fyne.URIWriteCloser, error) {
	return func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := withExt(w, assessment.Extension)
		a.trySave(path, func() error { return a.doc.SaveAs(path) }, next)
	}
}

// trySave runs a save; when it would overwrite a file someone else holds
// or has changed, it asks first. Failures are shown, naming the file, with
// Retry and Save under another name when they can help (showWriteError).
func (a *App) trySave(path string, save func() error, next func()) {
	done := func(err error) {
		if err != nil {
			a.showWriteError(err, path, func() { a.trySave(path, save, next) }, func() { a.saveAsThen(next) })
			return
		}
		a.addRecent(path)
		if next != nil {
			next()
		}
	}
	err := save()
	var c *document.Conflict
	if errors.As(err, &c) {
		a.askOverwrite(c, func() { done(a.doc.SaveOverwriting(c.Path)) })
		return
	}
	done(err)
}

func (a *App) recentFiles() []string {
	return a.fyne.Preferences().StringList(prefRecent)
}

// addRecent puts a file opened or saved first in the recent files, and
// makes it the one reopened at the next start.
func (a *App) addRecent(path string) {
	a.fyne.Preferences().SetString(prefLastFile, path)
	list := slices.DeleteFunc(a.recentFiles(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	a.fyne.Preferences().SetStringList(prefRecent, list)
	if a.chrome.status != nil {
		a.win.SetMainMenu(a.newMenu())
	}
}
