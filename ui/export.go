package ui

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/report"
	"creativecity/translations"
)

// ExportDialog asks for the report language (by default the interface's)
// and the target file, then writes the workbook in the background.
func (a *App) ExportDialog() {
	a.askLanguage(a.t("gui.exportTitle"), a.exportFileDialog)
}

// askLanguage asks which language a report is to be written in.
func (a *App) askLanguage(title string, then func(translations.Lang)) {
	choice, names := langRadio(translations.Languages(), langName, a.loc.Lang())
	form := widget.NewForm(widget.NewFormItem(a.t("gui.reportLanguage"), choice))
	d := dialog.NewCustomConfirm(title, a.t("gui.chooseFile"), a.t("gui.cancel"), form, func(ok bool) {
		if ok {
			then(names[choice.Selected])
		}
	}, a.win)
	d.Show()
}

func (a *App) exportFileDialog(lang translations.Lang) {
	a.showSaveDialog(a.fileName("gui.reportFileName", lang, ".xlsx"), ".xlsx", func(path string) { a.Export(path, lang, nil) })
}

// showSaveDialog asks where to write a file of one extension, offering
// name in the folder last used, and calls write with the path chosen
// (ext added if missing); the file itself is not touched (see withExt).
func (a *App) showSaveDialog(name, ext string, write func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		write(withExt(w, ext))
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.SetFileName(name)
	a.setDialogLocation(d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// fileName is the name a save dialog offers for a file of the city
// written in lang: the city's name, with its diacritics, the word of
// message wordID and the language's code ("Hạ Long - Báo cáo (vi).xlsx"),
// so that the files of two languages never take each other's name. A
// character Windows refuses in a name becomes a hyphen, and no space is
// left at either end.
func (a *App) fileName(wordID string, lang translations.Lang, ext string) string {
	name := a.cityName() + " - " + a.t(wordID) + " (" + string(lang) + ")"
	name = strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '-'
		}
		return r
	}, name)
	return strings.Join(strings.Fields(name), " ") + ext
}

// Export writes the report off the interface thread, showing progress,
// then reports success (with a way to open the folder) or the error. done,
// if set, is called on the interface thread when it is over.
func (a *App) Export(path string, lang translations.Lang, done func(error)) {
	doc := a.Assessment().Clone()
	res := assessment.Score(a.qn, doc)
	var warnings []assessment.Problem
	migrated := a.doc.Migrated()
	a.runInBackground(path, func() (err error) {
		warnings, err = writeReport(path, a.qn, doc, res, report.Options{Lang: lang, AppVersion: a.opts.Version, Migrated: migrated})
		return err
	}, func(err error) {
		if err == nil {
			a.exportDone(path, warnings)
		}
		if done != nil {
			done(err)
		}
	}, func() { a.Export(path, lang, done) }, func() { a.exportFileDialog(lang) })
}

// writeReport writes the report; tests replace it to make a write fail as
// only Windows makes it fail.
var writeReport = report.WriteFile

// runInBackground runs work off the interface thread behind a progress
// dialog, shows its error if any (with Retry, which runs retry, and Save
// under another name, which runs elsewhere: see showWriteError), then
// calls after on the interface thread.
func (a *App) runInBackground(path string, work func() error, after func(error), retry, elsewhere func()) {
	a.runWork(a.t("gui.exporting"), path, work, after, retry, elsewhere)
}

// runWork is runInBackground with the progress dialog's title.
func (a *App) runWork(title, path string, work func() error, after func(error), retry, elsewhere func()) {
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(path), bar), a.win)
	progress.Show()
	go func() {
		err := work()
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				a.showWriteError(err, path, retry, elsewhere)
			}
			after(err)
		})
	}()
}

func (a *App) exportDone(path string, warnings []assessment.Problem) {
	text := a.t("gui.exported", map[string]any{"File": path})
	if len(warnings) > 0 {
		text += "\n\n" + a.loc.N("gui.exportWarnings", len(warnings), nil)
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	open := widget.NewButton(a.t("gui.openFolder"), func() {
		u := &url.URL{Scheme: "file", Path: filepath.Dir(path)}
		_ = a.fyne.OpenURL(u)
	})
	d := dialog.NewCustom(a.t("gui.exportTitle"), a.t("gui.close"), container.NewVBox(msg, open), a.win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
}

// langRadio is a required choice of one language among langs, each shown
// by its name, with selected chosen at first; byName gives the language
// of a name chosen.
func langRadio(langs []translations.Lang, name func(translations.Lang) string, selected translations.Lang) (r *widget.RadioGroup, byName map[string]translations.Lang) {
	byName = map[string]translations.Lang{}
	var names []string
	for _, l := range langs {
		byName[name(l)] = l
		names = append(names, name(l))
	}
	r = widget.NewRadioGroup(names, nil)
	r.Required = true
	r.SetSelected(name(selected))
	return r, byName
}
