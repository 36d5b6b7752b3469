package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/forms"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// FormsDialog asks which sections a form for the departments asks and in
// which language, then where to write it.
func (a *App) FormsDialog() {
	var checks []*dialogCheck
	var ids []string
	boxes := container.NewVBox()
	for _, s := range a.qn.Sections {
		c := newDialogCheck(a, l10n.SectionName(a.loc, s.ID), true)
		checks, ids = append(checks, c), append(ids, s.ID)
		boxes.Add(c)
	}
	lang, langs := a.langChoice(translations.Languages(), langName, a.loc.Lang())
	form := widget.NewForm(widget.NewFormItem(a.t("gui.formsLanguage"), lang),
		widget.NewFormItem(a.t("gui.formsSections"), boxes))
	m := a.newModal(a.t("gui.formsTitle"), container.NewVScroll(container.NewVBox(message(a.t("gui.formsIntro")), form)))
	next := m.button(a.t("gui.chooseFile"), func() {
		var chosen []string
		for i, c := range checks {
			if c.Checked {
				chosen = append(chosen, ids[i])
			}
		}
		if len(chosen) > 0 {
			a.formFileDialog(langs[lang.Selected()], chosen)
		}
	})
	cancel := m.button(a.t("gui.cancel"), nil)
	m.withDefault(next).withCancel(cancel).withFocus(lang).withSize(fyne.NewSize(720, 600)).show()
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
	a.chooseFile(chooseOpen, []string{".xlsx"}, "", a.MergePath)
}

// MergePath merges a filled-in form or a report into the open assessment.
// A workbook of another city is merged only if the user says so (see
// askCityMismatch). What it fills in is taken; where it differs from what
// is open, the two are shown side by side for the user to choose, nothing
// changing until they confirm.
func (a *App) MergePath(path string) {
	in, problems, err := forms.ReadContribution(path, a.qn)
	if err != nil {
		a.showError(err, path)
		return
	}
	p := assessment.CheckCity(in, a.Assessment().City, a.qn.Provinces)
	switch {
	case p == nil:
	case p.Severity == assessment.Error:
		a.askCityMismatch(in, problems)
		return
	default:
		problems = append(problems, *p)
	}
	a.mergeContribution(in, problems)
}

// askCityMismatch asks whether to merge a workbook of another city than
// the open assessment's, naming both: Cancel, the default (Enter and
// Escape), leaves the assessment untouched; Merge anyway merges it.
func (a *App) askCityMismatch(in assessment.Contribution, problems []assessment.Problem) {
	question := a.t("gui.cityMismatchQuestion", map[string]any{"File": in.File,
		"City": assessment.CityLabel(in.City), "Base": assessment.CityLabel(a.Assessment().City)})
	m := a.newModal(a.t("gui.cityMismatchTitle"), message(question))
	m.button(a.t("gui.cityMismatchMerge"), func() { a.mergeContribution(in, problems) })
	cancel := m.button(a.t("gui.cancel"), nil)
	m.withDefault(cancel).withCancel(cancel).withSize(fyne.NewSize(560, 260)).show()
}

// mergeContribution merges a workbook whose city is settled: at once when
// nothing conflicts (applyMerge checks the result); else, unless the merge
// keeping every answer held is already refused, after the user chose in
// the conflicts dialog.
func (a *App) mergeContribution(in assessment.Contribution, problems []assessment.Problem) {
	result := a.Assessment().Clone()
	trial := assessment.Merge(a.qn, result, []assessment.Contribution{in}, false)
	if len(trial.Conflicts) == 0 {
		a.applyMerge(in, nil, problems)
		return
	}
	if a.mergeRefused(in, result) {
		return
	}
	a.showConflicts(in, trial.Conflicts, problems)
}

// showConflicts lists the answers the workbook gives differently, the one
// held and the one proposed side by side, each with the choice to keep or
// take; Merge applies the merge with the choices.
func (a *App) showConflicts(in assessment.Contribution, conflicts []assessment.Conflict, problems []assessment.Problem) {
	take := make([]bool, len(conflicts))
	options := []string{a.t("gui.mergeKeep"), a.t("gui.mergeTake")}
	rows := []fyne.CanvasObject{}
	var first fyne.Focusable
	for i, k := range conflicts {
		question := k.QuestionID
		q, known := a.qn.Question(k.QuestionID)
		if known {
			question = a.t(q.TextID())
		}
		title := widget.NewLabelWithStyle(question, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		current := message(a.t("gui.mergeCurrent") + "\n" + a.answerText(q, k.Current.Value, k.Current.Evidence))
		proposed := message(a.t("gui.mergeProposed", map[string]any{"File": k.File, "Sheet": k.Sheet}) + "\n" +
			a.answerText(q, k.Proposed.Value, k.Proposed.Evidence))
		choice := a.dialogChoice(options, 0)
		choice.OnChanged = func(n int) { take[i] = n == 1 }
		if first == nil {
			first = choice
		}
		rows = append(rows, title, container.NewGridWithColumns(2, current, proposed), choice, widget.NewSeparator())
	}
	intro := message(a.loc.N("gui.mergeIntro", len(conflicts), map[string]any{"File": in.File}))
	m := a.newModal(a.t("gui.mergeTitle"), container.NewBorder(intro, nil, nil, nil, container.NewVScroll(container.NewVBox(rows...))))
	apply := m.button(a.t("gui.mergeApply"), func() { a.applyMerge(in, take, problems) })
	cancel := m.button(a.t("gui.cancel"), nil)
	m.withDefault(apply).withCancel(cancel).withFocus(first).withSize(fyne.NewSize(960, 560)).show()
}

// applyMerge merges a contribution into the open assessment, taking the
// conflicts chosen (by their order), and says what it did.
// Its result is tried on a copy first: one that would not validate is
// refused and the assessment left as it was.
func (a *App) applyMerge(in assessment.Contribution, take []bool, problems []assessment.Problem) {
	merge := func(doc *assessment.Assessment) assessment.MergeResult {
		res := assessment.Merge(a.qn, doc, []assessment.Contribution{in}, false)
		for i := range res.Conflicts {
			if i < len(take) && take[i] {
				res.Conflicts[i].Apply(a.qn, doc)
			}
		}
		return res
	}
	result := a.Assessment().Clone()
	merge(result)
	if a.mergeRefused(in, result) {
		return
	}
	var res assessment.MergeResult
	a.doc.Edit(func(doc *assessment.Assessment) { res = merge(doc) })
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

// mergeRefused reports whether the result of a merge must not be taken
// (it would not validate, or not open again once saved), and then says
// why.
func (a *App) mergeRefused(in assessment.Contribution, result *assessment.Assessment) bool {
	refused := assessment.CheckMerged(a.qn, result, "", files.MaxFileSize)
	if len(refused) == 0 {
		return false
	}
	lines := []string{a.t("gui.mergeRefused", map[string]any{"File": in.File}), ""}
	for _, p := range refused {
		lines = append(lines, "• "+l10n.Problem(a.loc, p))
	}
	a.showText(a.t("gui.mergeTitle"), strings.Join(lines, "\n"), fyne.NewSize(640, 320))
	return true
}

// answerText is an answer as the merge shows it: its value (a rubric's
// level with its descriptor, "3 – …"), and its evidence when there is
// one. q is nil for a question the questionnaire does not know.
func (a *App) answerText(q *assessment.Question, v assessment.Value, evidence string) string {
	text := l10n.Cut(l10n.Value(a.loc, v, a.t("gui.mergeNone")), 2000)
	if level, ok := v.Number(); ok && q != nil && q.Type == assessment.Rubric && level == float64(int(level)) &&
		level >= 0 && int(level) < assessment.RubricLevels {
		text = a.t("gui.mergeLevel", map[string]any{"Level": text, "Descriptor": a.t(q.LevelID(int(level)))})
	}
	if evidence != "" {
		text += "\n" + a.t("gui.mergeEvidence", map[string]any{"Evidence": l10n.Cut(evidence, 2000)})
	}
	return text
}
