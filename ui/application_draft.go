package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
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
	lang, langs := langRadio(translations.ApplicationLanguages(), applicationLangName, a.applicationLanguage())
	lang.Horizontal = true
	usd, eur := a.rateEntry(), a.rateEntry()
	intro := widget.NewLabel(a.t("gui.draftIntro"))
	intro.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("", intro),
		widget.NewFormItem(a.t("gui.draftLanguage"), lang),
		widget.NewFormItem(a.t("gui.draftRateUSD"), usd),
		widget.NewFormItem(a.t("gui.draftRateEUR"), eur),
	}
	d := dialog.NewForm(a.t("gui.draftTitle"), a.t("gui.chooseFile"), a.t("gui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		l := langs[lang.Selected]
		a.appForm.lang = l
		opt := application.Options{Lang: l, Date: a.opts.Now()}
		opt.RateUSD, _ = a.parseRate(usd.Text)
		opt.RateEUR, _ = a.parseRate(eur.Text)
		a.draftFileDialog(opt)
	}, a.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
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
