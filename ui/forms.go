package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/forms"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// FormsDialog asks which sections a form for the departments asks and in
// which language, then where to write it.
func (a *App) FormsDialog() {
	var names []string
	ids := map[string]string{}
	for _, s := range a.qn.Sections {
		n := l10n.SectionName(a.loc, s.ID)
		names = append(names, n)
		ids[n] = s.ID
	}
	sections := widget.NewCheckGroup(names, nil)
	sections.SetSelected(names)
	lang, langs := langRadio(translations.Languages(), langName, a.loc.Lang())
	lang.Horizontal = true
	intro := widget.NewLabel(a.t("gui.formsIntro"))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(a.t("gui.formsLanguage"), lang),
		widget.NewFormItem(a.t("gui.formsSections"), sections))
	d := dialog.NewCustomConfirm(a.t("gui.formsTitle"), a.t("gui.chooseFile"), a.t("gui.cancel"),
		container.NewVScroll(container.NewVBox(intro, form)), func(ok bool) {
			if !ok || len(sections.Selected) == 0 {
				return
			}
			var chosen []string
			for _, n := range sections.Selected {
				chosen = append(chosen, ids[n])
			}
			a.formFileDialog(langs[lang.Selected], chosen)
		}, a.win)
	d.Resize(fyne.NewSize(720, 600))
	d.Show()
}

func (a *App) formFileDialog(lang translations.Lang, sections []string) {
	a.showSaveDialog(a.fileName("gui.formFileName", lang, ".xlsx"), ".xlsx",
		func(path string) { a.WriteForm(path, lang, sections, nil) })
}

// WriteForm writes a form of the sections, prefilled with the current
// answers, off the interface thread; done, if set, is called when it is
// over.
func (a *App) WriteForm(path string, lang translations.Lang, sections []string, done func(error)) {
	base := a.Assessment().Clone()
	a.runInBackground(path, func() error {
		return forms.WriteFile(path, a.qn, base, forms.Options{Lang: lang, Sections: sections, AppVersion: a.opts.Version})
	}, func(err error) {
		if err == nil {
			a.showText(a.t("gui.formsTitle"), a.t("gui.formWritten", map[string]any{"File": path}), fyne.NewSize(560, 240))
		}
		if done != nil {
			done(err)
		}
	}, func() { a.WriteForm(path, lang, sections, done) }, func() { a.formFileDialog(lang, sections) })
}

// MergeDialog asks for a filled-in form (or a report) to merge into the
// open assessment.
func (a *App) MergeDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		a.MergePath(path)
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	a.setDialogLocation(d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// MergePath merges a filled-in form or a report into the open assessment.
// What it fills in is taken; where it differs from what is open, the two
// are shown side by side for the user to choose, nothing changing until
// they confirm.
func (a *App) MergePath(path string) {
	in, problems, err := forms.ReadContribution(path, a.qn)
	if err != nil {
		a.showError(err, path)
		return
	}
	trial := assessment.Merge(a.qn, a.Assessment().Clone(), []assessment.Contribution{in}, false)
	if len(trial.Conflicts) == 0 {
		a.applyMerge(in, nil, problems)
		return
	}
	a.showConflicts(in, trial.Conflicts, problems)
}

// showConflicts lists the answers the workbook gives differently, the one
// held and the one proposed side by side, each with the choice to keep or
// take; Merge applies the merge with the choices.
func (a *App) showConflicts(in assessment.Contribution, conflicts []assessment.Conflict, problems []assessment.Problem) {
	take := make([]bool, len(conflicts))
	keep, takeLabel := a.t("gui.mergeKeep"), a.t("gui.mergeTake")
	rows := []fyne.CanvasObject{}
	for i, k := range conflicts {
		i := i
		question := k.QuestionID
		if q, ok := a.qn.Question(k.QuestionID); ok {
			question = a.t(q.TextID())
		}
		title := widget.NewLabelWithStyle(question, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		current := widget.NewLabel(a.t("gui.mergeCurrent") + "\n" + a.answerText(k.Current.Value, k.Current.Evidence))
		current.Wrapping = fyne.TextWrapWord
		proposed := widget.NewLabel(a.t("gui.mergeProposed", map[string]any{"File": k.File, "Sheet": k.Sheet}) + "\n" +
			a.answerText(k.Proposed.Value, k.Proposed.Evidence))
		proposed.Wrapping = fyne.TextWrapWord
		choice := widget.NewRadioGroup([]string{keep, takeLabel}, func(s string) { take[i] = s == takeLabel })
		choice.Horizontal = true
		choice.Required = true
		choice.SetSelected(keep)
		rows = append(rows, title, container.NewGridWithColumns(2, current, proposed), choice, widget.NewSeparator())
	}
	intro := widget.NewLabel(a.loc.N("gui.mergeIntro", len(conflicts), map[string]any{"File": in.File}))
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(a.t("gui.mergeTitle"), a.t("gui.mergeApply"), a.t("gui.cancel"),
		container.NewBorder(intro, nil, nil, nil, container.NewVScroll(container.NewVBox(rows...))), func(ok bool) {
			if ok {
				a.applyMerge(in, take, problems)
			}
		}, a.win)
	d.Resize(fyne.NewSize(960, 560))
	d.Show()
}

// applyMerge merges a contribution into the open assessment, taking the
// conflicts chosen (by their order), and says what it did.
func (a *App) applyMerge(in assessment.Contribution, take []bool, problems []assessment.Problem) {
	var res assessment.MergeResult
	a.doc.Edit(func(doc *assessment.Assessment) {
		res = assessment.Merge(a.qn, doc, []assessment.Contribution{in}, false)
		for i := range res.Conflicts {
			if i < len(take) && take[i] {
				res.Conflicts[i].Apply(a.qn, doc)
			}
		}
	})
	taken := len(res.Conflicts) - res.Unresolved()
	text := a.loc.N("gui.merged", len(res.Merged), map[string]any{"File": in.File, "Same": res.Same,
		"Taken": taken, "Kept": res.Unresolved()})
	var lines []string
	for _, p := range problems {
		lines = append(lines, "• "+l10n.Problem(a.loc, p))
	}
	if len(lines) > 0 {
		text += "\n\n" + strings.Join(lines, "\n")
	}
	a.showPage(a.page)
	a.showText(a.t("gui.mergeTitle"), text, fyne.NewSize(640, 320))
}

// answerText is an answer as the merge shows it: its value, and its
// evidence when there is one.
func (a *App) answerText(v assessment.Value, evidence string) string {
	text := l10n.Value(a.loc, v, a.t("gui.mergeNone"))
	if evidence != "" {
		text += "\n" + a.t("gui.mergeEvidence", map[string]any{"Evidence": evidence})
	}
	return text
}
