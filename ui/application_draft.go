package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/application"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// DraftDialog asks for the language of the application and the exchange
// rates its budget table is also given in (both optional), then where to
// write the draft, which is written in the background.
func (a *App) DraftDialog() {
	lang, langs := a.langChoice(translations.ApplicationLanguages(), applicationLangName, a.applicationLanguage())
	usd, eur := a.rateEntry(), a.rateEntry()
	// A form layout, not a widget.Form, which would take the entries'
	// validation for itself.
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(a.t("gui.draftLanguage")), lang,
		widget.NewLabel(a.t("gui.draftRateUSD")), usd,
		widget.NewLabel(a.t("gui.draftRateEUR")), eur)
	m := a.newModal(a.t("gui.draftTitle"), container.NewVBox(message(a.t("gui.draftIntro")), form))
	next := m.button(a.t("gui.chooseFile"), func() {
		l := langs[lang.Selected()]
		a.appForm.lang = l
		opt := application.Options{Lang: l, Date: a.opts.Now()}
		opt.RateUSD, _ = a.parseRate(usd.Text)
		opt.RateEUR, _ = a.parseRate(eur.Text)
		a.draftFileDialog(opt)
	})
	// The dialog goes on only with rates that read.
	valid := func(error) {
		if usd.Validator(usd.Text) == nil && eur.Validator(eur.Text) == nil {
			next.Enable()
		} else {
			next.Disable()
		}
	}
	usd.SetOnValidationChanged(valid)
	eur.SetOnValidationChanged(valid)
	cancel := m.button(a.t("gui.cancel"), nil)
	m.withDefault(next).withCancel(cancel).withFocus(lang).withSize(fyne.NewSize(640, 420)).show()
}

// rateEntry is the entry of an exchange rate: VND for one unit of the
// currency, in the interface language's notation, or nothing.
func (a *App) rateEntry() *entry {
	e := newEntry(a)
	e.vietnamese = false
	e.SetPlaceHolder(a.t("gui.draftRatePlaceholder", map[string]any{"Example": l10n.Number(a.loc, 25400, 0)}))
	e.Validator = func(s string) error {
		if _, ok := a.parseRate(s); !ok {
			return errors.New(a.t("gui.draftRateInvalid", map[string]any{"Text": s,
				"Example": l10n.Number(a.loc, 25400, 0)}))
		}
		return nil
	}
	return e
}

// parseRate reads an exchange rate: a positive number, or 0 for none.
func (a *App) parseRate(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	f, err := assessment.ParseNumber(s, l10n.Notation(a.loc))
	if err != nil || !(f > 0) {
		return 0, false
	}
	return f, true
}

func (a *App) draftFileDialog(opt application.Options) {
	a.showSaveDialog(a.fileName("gui.draftFileName", opt.Lang, ".docx"), ".docx",
		func(path string) { a.WriteDraft(path, opt, nil) })
}

// WriteDraft writes the draft application off the interface thread, then
// says where it is, or shows the error naming the file; done, if set, is
// called on the interface thread when it is over.
func (a *App) WriteDraft(path string, opt application.Options, done func(error)) {
	doc := a.Assessment().Clone()
	form := a.applicationForm()
	a.runWork(a.t("gui.drafting"), path, func() error {
		if form == nil {
			return a.appForm.err
		}
		return application.WriteFile(path, a.qn, doc, form, opt)
	}, func(err error) {
		if err == nil {
			a.showText(a.t("gui.draftTitle"), a.t("gui.draftWritten", map[string]any{"File": path}), fyne.NewSize(560, 260))
		}
		if done != nil {
			done(err)
		}
	}, func() { a.WriteDraft(path, opt, done) }, func() { a.draftFileDialog(opt) })
}
