package ui

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	choice, langs := a.langChoice(translations.Languages(), langName, a.loc.Lang())
	form := widget.NewForm(widget.NewFormItem(a.t("gui.reportLanguage"), choice))
	m := a.newModal(title, form)
	next := m.button(a.t("gui.chooseFile"), func() { then(langs[choice.Selected()]) })
	cancel := m.button(a.t("gui.cancel"), nil)
	m.withDefault(next).withCancel(cancel).withFocus(choice).withSize(fyne.NewSize(520, 240)).show()
}

func (a *App) exportFileDialog(lang translations.Lang) {
	a.showSaveDialog(a.fileName("gui.reportFileName", lang, ".xlsx"), ".xlsx", func(path string) { a.Export(path, lang, nil) })
}

// showSaveDialog asks where to write a file of one extension, offering
// name in the folder last used, and calls write with the path chosen
// (ext added if missing), once the user agreed to replace a file that
// exists; the file itself is not touched.
func (a *App) showSaveDialog(name, ext string, write func(path string)) {
	a.chooseFile(chooseSave, []string{ext}, name, write)
}

// fileName is the name a save dialog offers for a file of the city
// written in lang: the city's name, with its diacritics, the word of
// message wordID and the language's code ("Hạ Long - Báo cáo (vi).xlsx"),
// so that the files of two languages never take each other's name. A
// character Windows refuses in a name becomes a hyphen, and no space is
// left at either end.
func (a *App) fileName(wordID string, lang translations.Lang, ext string) string {
	return langFileName(a.cityName()+" - "+a.t(wordID), lang, ext)
}

// langFileName is name with the language's code, as a name Windows takes.
func langFileName(name string, lang translations.Lang, ext string) string {
	name += " (" + string(lang) + ")"
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
	progress := a.newModal(title, container.NewVBox(message(path), bar)).withSize(fyne.NewSize(560, 160))
	progress.show()
	go func() {
		err := work()
		fyne.Do(func() {
			bar.Stop()
			progress.hide()
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
	m := a.newModal(a.t("gui.exportTitle"), message(text))
	m.button(a.t("gui.openFolder"), func() {
		u := &url.URL{Scheme: "file", Path: filepath.Dir(path)}
		_ = a.fyne.OpenURL(u)
	})
	closeButton := m.button(a.t("gui.close"), nil)
	m.withDefault(closeButton).withCancel(closeButton).withSize(fyne.NewSize(560, 240)).show()
}

// langChoice is a choice of one language among langs, each shown by its
// name, with selected chosen at first; the language of option i is
// langs[i].
func (a *App) langChoice(langs []translations.Lang, name func(translations.Lang) string, selected translations.Lang) (*choice, []translations.Lang) {
	names := make([]string, len(langs))
	at := 0
	for i, l := range langs {
		names[i] = name(l)
		if l == selected {
			at = i
		}
	}
	return a.dialogChoice(names, at), langs
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
