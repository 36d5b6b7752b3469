package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"creativecity/translations"
)

// setFyneLanguage makes the toolkit's own strings (dialog buttons, the file
// dialog) follow the app's language. The toolkit picks its language once,
// from the system locale; loading the chosen language's strings under that
// locale (and under English, its fallback) switches them at run time.
func setFyneLanguage(l translations.Lang) {
	data, err := translations.FyneJSON(l)
	if err != nil {
		fyne.LogError("toolkit translations", err)
		return
	}
	sys := lang.SystemLocale()
	for _, loc := range []fyne.Locale{sys, fyne.Locale(sys.LanguageString()), "en"} {
		if loc == "" {
			continue
		}
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			fyne.LogError("toolkit translations", err)
		}
	}
}
