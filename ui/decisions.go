package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
)

// The city's decisions (the file's "decisions"): the field it intends to
// apply in, chosen on the results page or the application page, and the
// fields it sets aside with their reason, on the results page. They are
// edits of the assessment like answers: unsaved mark, autosave, rescoring.

// intendedFieldPick is the choice of the field the city intends to apply
// in: "not chosen" (the recommended field is used), then the candidate
// fields, the recommended one marked. changed runs after the choice is
// recorded.
func (a *App) intendedFieldPick(changed func()) *widget.Select {
	doc, rec := a.Assessment(), a.Result().Recommendation.Field
	ids, names := []string{""}, []string{a.t("gui.intendedNoneYet")}
	if rec != "" {
		names[0] = a.t("gui.intendedNone", map[string]any{"Field": l10n.SectionName(a.loc, rec)})
	}
	selected := 0
	for _, f := range a.qn.Fields() {
		if !doc.Candidate(f.ID) {
			continue
		}
		name := l10n.SectionName(a.loc, f.ID)
		if f.ID == rec {
			name = a.t("gui.intendedRecommended", map[string]any{"Field": name})
		}
		if f.ID == doc.IntendedField() {
			selected = len(ids)
		}
		ids, names = append(ids, f.ID), append(names, name)
	}
	s := widget.NewSelect(names, nil)
	s.PlaceHolder = names[0]
	s.SetSelectedIndex(selected)
	s.OnChanged = func(string) {
		id := ids[max(0, s.SelectedIndex())]
		if id == a.Assessment().IntendedField() {
			return
		}
		a.edit(func(d *assessment.Assessment) { d.SetIntendedField(id) })
		if changed != nil {
			changed()
		}
	}
	return s
}

// intendedLine says which field the city intends to apply in and, when it
// is not the recommended one, that the city decides; nil when none is
// chosen.
func (a *App) intendedLine() fyne.CanvasObject {
	intended, rec := a.Assessment().IntendedField(), a.Result().Recommendation.Field
	if intended == "" {
		return nil
	}
	data := map[string]any{"Intended": l10n.SectionName(a.loc, intended), "Field": l10n.SectionName(a.loc, rec)}
	l := widget.NewLabel(a.t("gui.intendedNoRecommendation", data))
	switch {
	case intended == rec:
		l.SetText(a.t("gui.intendedLine", data))
	case rec != "":
		l.SetText(a.t("gui.intendedDiffers", data))
		l.Importance = widget.WarningImportance
	}
	l.Wrapping = fyne.TextWrapWord
	return l
}

// decisions is the results page's section of the city's decisions: the
// intended field, and a line per field saying whether it is a candidate,
// the intended field or set aside (greyed, with its reason), with a button
// to set it aside or to reconsider it.
func (r *resultsView) decisions() []fyne.CanvasObject {
	a := r.a
	pick := a.intendedFieldPick(nil)
	r.focusables["intended"] = pick
	objects := []fyne.CanvasObject{heading(a.t("gui.decisionsTitle")), newParagraph(a.t("gui.decisionsIntro")),
		widget.NewForm(widget.NewFormItem(a.t("gui.intendedField"), pick))}
	doc := a.Assessment()
	for _, f := range a.qn.Fields() {
		id := f.ID
		data := map[string]any{"Field": l10n.SectionName(a.loc, id)}
		l := widget.NewLabel(a.t("gui.decisionCandidate", data))
		l.Wrapping = fyne.TextWrapWord
		var b *button
		if reason, aside := doc.SetAsideReason(id); aside {
			l.Importance = widget.LowImportance
			l.SetText(a.t("gui.decisionSetAsideNoReason", data))
			if reason != "" {
				data["Reason"] = reason
				l.SetText(a.t("gui.decisionSetAside", data))
			}
			b = newButton(a, a.t("gui.reconsider"), theme.ContentUndoIcon(), func() { r.reconsider(id) })
		} else {
			if id == doc.IntendedField() {
				l.SetText(a.t("gui.decisionIntended", data))
				l.TextStyle.Bold = true
			}
			b = newButton(a, a.t("gui.setAside"), theme.ContentRemoveIcon(), func() { r.askSetAside(id) })
		}
		r.focusables["decide/"+id] = b
		objects = append(objects, container.NewBorder(nil, nil, nil, b, l))
	}
	return objects
}

// reconsider takes a field set aside back among the candidates.
func (r *resultsView) reconsider(id string) {
	r.a.edit(func(d *assessment.Assessment) { d.Reconsider(id) })
	r.focus("decide/" + id)
}

// askSetAside asks why the city sets a field aside, and sets it aside
// (no longer the intended field) on confirmation; Enter in the reason
// confirms.
func (r *resultsView) askSetAside(id string) {
	a := r.a
	data := map[string]any{"Field": l10n.SectionName(a.loc, id)}
	reason := newEntry(a)
	reason.SetPlaceHolder(a.t("gui.setAsidePlaceholder"))
	form := container.New(layout.NewFormLayout(), widget.NewLabel(a.t("gui.setAsideReason")), reason)
	m := a.newModal(a.t("gui.setAsideTitle", data), container.NewVBox(newParagraph(a.t("gui.setAsideIntro", data)), form))
	ok := m.button(a.t("gui.setAsideConfirm"), func() { r.setAside(id, reason.Text) })
	cancel := m.button(a.t("gui.cancel"), func() { r.focus("decide/" + id) })
	m.withDefault(ok).withCancel(cancel).withFocus(reason).withSize(fyne.NewSize(560, 260)).show()
}

// setAside sets a field aside with its reason; a field set aside is no
// longer the intended field.
func (r *resultsView) setAside(id, reason string) {
	r.a.edit(func(d *assessment.Assessment) {
		d.SetAside(id, reason)
		if d.IntendedField() == id {
			d.SetIntendedField("")
		}
	})
	r.focus("decide/" + id)
}

// focus gives the keyboard focus to the page's input of a key, if the
// page shown is still this one.
func (r *resultsView) focus(key string) {
	if w := r.focusables[key]; w != nil && r.a.shown == page(r) {
		r.a.win.Canvas().Focus(w)
	}
}

// focusedKey is the key of the page's input that has the focus, "" if
// none has it.
func (r *resultsView) focusedKey() string {
	focused := r.a.win.Canvas().Focused()
	for key, w := range r.focusables {
		if focused != nil && w == focused {
			return key
		}
	}
	return ""
}
