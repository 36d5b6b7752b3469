package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/dossier"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// DossierPage is the page ID of the UNESCO application.
const DossierPage = "dossier"

// dossierView is the UNESCO application page: each section of the form
// with what the assessment gives it in the application's language, its
// word limit and, where prose is to be written, a box for the text
// written, its words counted as it is pasted or typed; and the
// attachments checklist.
type dossierView struct {
	a        *App
	scroll   *container.Scroll
	statuses map[string]*widget.Label // by section ID
	counts   map[string]*wordCounter  // by section ID, for the prose sections
	firstBox fyne.Focusable
}

func newDossierView(a *App) *dossierView {
	v := &dossierView{a: a, statuses: map[string]*widget.Label{}, counts: map[string]*wordCounter{}}
	title := widget.NewLabel(a.t("gui.dossierTitle"))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	objects := []fyne.CanvasObject{title, newParagraph(a.t("gui.dossierIntro"))}
	form := a.dossierForm()
	if form == nil {
		msg := widget.NewLabel(a.appForm.err.Error())
		msg.Importance = widget.DangerImportance
		msg.Wrapping = fyne.TextWrapWord
		objects = append(objects, msg)
	} else {
		objects = append(objects, widget.NewForm(widget.NewFormItem(a.t("gui.dossierLanguage"), v.languageChoice())))
		for i := range form.Sections {
			objects = append(objects, v.section(i+1, &form.Sections[i], form))
		}
		v.refreshStatuses()
	}
	v.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(objects...)))
	return v
}

func (v *dossierView) object() fyne.CanvasObject { return withPageWheel(v.scroll) }

func (v *dossierView) scroller() *container.Scroll { return v.scroll }

// refresh does nothing: the page's inputs keep what is typed in them.
func (v *dossierView) refresh() {}

// first is the input that takes the focus when the page opens: the first
// box for prose.
func (v *dossierView) first() fyne.Focusable { return v.firstBox }

// languageChoice picks the application's language, which the statuses
// (the plan's titles and summaries) and the draft follow.
func (v *dossierView) languageChoice() fyne.CanvasObject {
	a := v.a
	langs := map[string]translations.Lang{}
	var names []string
	for _, l := range translations.DossierLanguages() {
		name := dossierLangName(l)
		langs[name] = l
		names = append(names, name)
	}
	r := widget.NewRadioGroup(names, nil)
	r.Horizontal = true
	r.Required = true
	r.SetSelected(dossierLangName(a.dossierLanguage()))
	r.OnChanged = func(name string) {
		if l, ok := langs[name]; ok {
			a.appForm.lang = l
			v.refreshStatuses()
		}
	}
	return r
}

// dossierLangName is a dossier language's name in itself.
func dossierLangName(l translations.Lang) string {
	if loc, err := translations.Dossier(l); err == nil {
		return loc.Name()
	}
	return string(l)
}

// appFormCache is the application form the app ships, read once (err
// says why it could not be), and the application's language chosen on
// its page or in the draft's dialog.
type appFormCache struct {
	form *dossier.Form
	err  error
	lang translations.Lang
}

// dossierLanguage is the application's language chosen, English at first.
func (a *App) dossierLanguage() translations.Lang {
	if a.appForm.lang == "" {
		return translations.EN
	}
	return a.appForm.lang
}

// dossierForm is the application form the app ships, read once; nil when
// it cannot be read (appForm.err says why).
func (a *App) dossierForm() *dossier.Form {
	c := &a.appForm
	if c.form == nil && c.err == nil {
		c.form, c.err = dossier.DefaultForm(a.qn)
	}
	return c.form
}

// Status importance: what is done is green, what is to write orange,
// what has nothing yet red.
var statusImportance = map[dossier.Status]widget.Importance{
	dossier.Filled:       widget.SuccessImportance,
	dossier.NeedsWriting: widget.WarningImportance,
	dossier.Empty:        widget.DangerImportance,
}

// refreshStatuses shows each section's status in the language chosen.
func (v *dossierView) refreshStatuses() {
	a := v.a
	for _, st := range dossier.Statuses(a.dossierForm(), a.qn, a.Assessment(), string(a.dossierLanguage())) {
		if l := v.statuses[st.Section.ID]; l != nil {
			l.Importance = statusImportance[st.Status]
			l.SetText(a.t("gui.dossierStatus." + string(st.Status)))
		}
	}
}

// section is the card of one section of the form.
func (v *dossierView) section(n int, s *dossier.Section, form *dossier.Form) fyne.CanvasObject {
	a := v.a
	status := widget.NewLabel("")
	status.TextStyle.Bold = true
	v.statuses[s.ID] = status
	items := []fyne.CanvasObject{heading(fmt.Sprintf("%d. %s", n, a.t("gui.dossierSection."+s.ID))), status}
	switch s.Kind {
	case dossier.KindPlan:
		items = append(items, widget.NewLabel(a.t("gui.dossierLimitEach", map[string]any{"Limit": s.WordLimit})),
			newParagraph(a.t("gui.dossierPlanHint")),
			container.NewHBox(newButton(a, a.t("gui.dossierOpenPlan"), theme.NavigateNextIcon(), func() { a.showPage(PlanPage) })))
	case dossier.KindChecklist:
		items = append(items, v.checklist(form))
	case dossier.KindData:
		items = append(items, newParagraph(a.t("gui.dossierDataHint")))
	default:
		if s.Kind == dossier.KindField {
			field := a.t("gui.dossierNoField")
			if f := dossier.ChosenField(a.qn, a.Assessment()); f != "" {
				field = a.t("gui.dossierField", map[string]any{"Field": l10n.SectionName(a.loc, f)})
			}
			items = append(items, newParagraph(field))
		}
		items = append(items, widget.NewLabel(a.t("gui.dossierLimit", map[string]any{"Limit": s.WordLimit})), v.prose(s))
	}
	return widget.NewCard("", "", container.NewVBox(items...))
}

// prose is the box for the text written for a section, its words
// counted against the limit as it is typed or pasted.
func (v *dossierView) prose(s *dossier.Section) fyne.CanvasObject {
	a := v.a
	id := s.ID
	b := newTextBox(a, 6)
	b.english = true
	b.SetPlaceHolder(a.t("gui.dossierProsePlaceholder"))
	b.SetText(a.Assessment().Dossier.ProseOf(id))
	count := a.wordCount(s.WordLimit)
	count.show(b.Text())
	b.OnChanged = func(text string) {
		a.edit(func(d *assessment.Assessment) { d.SetProse(id, text) })
		count.show(text)
	}
	v.counts[id] = count
	a.inputs.add("dossier/prose/"+id, b)
	if v.firstBox == nil {
		v.firstBox = b
	}
	return container.NewVBox(b, count.label)
}
