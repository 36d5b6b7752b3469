package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/application"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// ApplicationPage is the page ID of the UNESCO application.
const ApplicationPage = "dossier"

// applicationView is the UNESCO application page: each section of the form
// with what the assessment gives it in the application's language, its
// word limit and, where prose is to be written, a box for the text
// written, its words counted as it is pasted or typed; and the
// attachments checklist.
type applicationView struct {
	a        *App
	scroll   *container.Scroll
	statuses map[string]*widget.Label // by section ID
	counts   map[string]*wordCounter  // by section ID, for the prose sections
	firstBox fyne.Focusable
	// fields are the lines that name the application's field, updated
	// when the city chooses the field it intends to apply in.
	fields []*paragraph
}

func newApplicationView(a *App) *applicationView {
	v := &applicationView{a: a, statuses: map[string]*widget.Label{}, counts: map[string]*wordCounter{}}
	title := widget.NewLabel(a.t("gui.dossierTitle"))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	objects := []fyne.CanvasObject{title, newParagraph(a.t("gui.dossierIntro"))}
	form := a.applicationForm()
	if form == nil {
		msg := widget.NewLabel(a.appForm.err.Error())
		msg.Importance = widget.DangerImportance
		msg.Wrapping = fyne.TextWrapWord
		objects = append(objects, msg)
	} else {
		objects = append(objects, widget.NewForm(widget.NewFormItem(a.t("gui.dossierLanguage"), v.languageChoice()),
			widget.NewFormItem(a.t("gui.intendedField"), a.intendedFieldPick(v.fieldChosen))))
		for i := range form.Sections {
			objects = append(objects, v.section(i+1, &form.Sections[i], form))
		}
		v.refreshStatuses()
	}
	v.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(objects...)))
	return v
}

func (v *applicationView) object() fyne.CanvasObject { return withPageWheel(v.scroll) }

func (v *applicationView) scroller() *container.Scroll { return v.scroll }

// refresh does nothing: the page's inputs keep what is typed in them.
func (v *applicationView) refresh() {}

// first is the input that takes the focus when the page opens: the first
// box for prose.
func (v *applicationView) first() fyne.Focusable { return v.firstBox }

// languageChoice picks the application's language, which the statuses
// (the plan's titles and summaries) and the draft follow.
func (v *applicationView) languageChoice() fyne.CanvasObject {
	a := v.a
	r, langs := langRadio(translations.ApplicationLanguages(), applicationLangName, a.applicationLanguage())
	r.Horizontal = true
	r.OnChanged = func(name string) {
		if l, ok := langs[name]; ok {
			a.appForm.lang = l
			v.refreshStatuses()
		}
	}
	return r
}

// applicationLangName is a application language's name in itself.
func applicationLangName(l translations.Lang) string {
	if loc, err := translations.Application(l); err == nil {
		return loc.Name()
	}
	return string(l)
}

// appFormCache is the application form the app ships, read once (err
// says why it could not be), and the application's language chosen on
// its page or in the draft's dialog.
type appFormCache struct {
	form *application.Form
	err  error
	lang translations.Lang
}

// applicationLanguage is the application's language chosen, English at first.
func (a *App) applicationLanguage() translations.Lang {
	if a.appForm.lang == "" {
		return translations.EN
	}
	return a.appForm.lang
}

// applicationForm is the application form the app ships, read once; nil when
// it cannot be read (appForm.err says why).
func (a *App) applicationForm() *application.Form {
	c := &a.appForm
	if c.form == nil && c.err == nil {
		c.form, c.err = application.DefaultForm(a.qn)
	}
	return c.form
}

// Status importance: what is done is green, what is to write orange,
// what has nothing yet red.
var statusImportance = map[application.Status]widget.Importance{
	application.Filled:       widget.SuccessImportance,
	application.NeedsWriting: widget.WarningImportance,
	application.Empty:        widget.DangerImportance,
}

// refreshStatuses shows each section's status in the language chosen.
func (v *applicationView) refreshStatuses() {
	a := v.a
	for _, st := range application.Statuses(a.applicationForm(), a.qn, a.Assessment(), string(a.applicationLanguage())) {
		if l := v.statuses[st.Section.ID]; l != nil {
			l.Importance = statusImportance[st.Status]
			l.SetText(a.t("gui.dossierStatus." + string(st.Status)))
		}
	}
}

// section is the card of one section of the form.
func (v *applicationView) section(n int, s *application.Section, form *application.Form) fyne.CanvasObject {
	a := v.a
	status := widget.NewLabel("")
	status.TextStyle.Bold = true
	v.statuses[s.ID] = status
	items := []fyne.CanvasObject{heading(fmt.Sprintf("%d. %s", n, a.t("gui.dossierSection."+s.ID))), status}
	switch s.Kind {
	case application.KindPlan:
		items = append(items, widget.NewLabel(a.t("gui.dossierLimitEach", map[string]any{"Limit": s.WordLimit})),
			newParagraph(a.t("gui.dossierPlanHint")),
			container.NewHBox(newButton(a, a.t("gui.dossierOpenPlan"), theme.NavigateNextIcon(), func() { a.showPage(PlanPage) })))
	case application.KindChecklist:
		items = append(items, v.checklist(form))
	case application.KindData:
		items = append(items, newParagraph(a.t("gui.dossierDataHint")))
	default:
		if s.Kind == application.KindField {
			field := newParagraph(v.fieldText())
			v.fields = append(v.fields, field)
			items = append(items, field)
		}
		items = append(items, widget.NewLabel(a.t("gui.dossierLimit", map[string]any{"Limit": s.WordLimit})), v.prose(s))
	}
	return widget.NewCard("", "", container.NewVBox(items...))
}

// fieldText names the field the application is for: the intended
// field when the city has chosen one, else the recommended field.
func (v *applicationView) fieldText() string {
	a := v.a
	f := application.ChosenField(a.qn, a.Assessment())
	switch {
	case f == "":
		return a.t("gui.dossierNoField")
	case f == a.Assessment().IntendedField():
		return a.t("gui.dossierFieldIntended", map[string]any{"Field": l10n.SectionName(a.loc, f)})
	}
	return a.t("gui.dossierField", map[string]any{"Field": l10n.SectionName(a.loc, f)})
}

// fieldChosen follows the choice of the intended field: the lines naming
// the application's field and the statuses.
func (v *applicationView) fieldChosen() {
	for _, p := range v.fields {
		p.SetText(v.fieldText())
	}
	v.refreshStatuses()
}

// prose is the box for the text written for a section, its words
// counted against the limit as it is typed or pasted.
func (v *applicationView) prose(s *application.Section) fyne.CanvasObject {
	a := v.a
	id := s.ID
	b := newTextBox(a, 6)
	b.english = true
	b.SetPlaceHolder(a.t("gui.dossierProsePlaceholder"))
	b.SetText(a.Assessment().Application.ProseOf(id))
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
