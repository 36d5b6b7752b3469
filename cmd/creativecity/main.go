// Command creativecity is the desktop app of the Creative City
// Self-Assessment.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"creativecity/assessment"
	"creativecity/assets"
	"creativecity/translations"
	"creativecity/ui"
)

// Version is the application version, set at build time by the Makefile.
var Version = "0.1.0-dev"

// AppID identifies the app for its preferences and storage (FyneApp.toml).
const AppID = "vn.creativecity.selfassessment"

func main() {
	os.Exit(run())
}

// appVersion is the version from FyneApp.toml: the packaging tool writes it
// into the app's metadata; a plain build gets it from the Makefile's
// -ldflags into Version.
func appVersion(fa fyne.App) string {
	if v := fa.Metadata().Version; v != "" && v != "0.0.1" {
		return v
	}
	return Version
}

func run() int {
	help := translations.New(translations.Detect(os.Getenv)).T
	langFlag := flag.String("lang", "", help("gui.flag.lang"))
	open := flag.String("open", "", help("gui.flag.open"))
	page := flag.String("page", "", help("gui.flag.page"))
	shot := flag.String("screenshot", "", help("gui.flag.screenshot"))
	quitWhenShown := flag.Bool("quit-when-shown", false, help("gui.flag.quitWhenShown"))
	minimal := flag.Bool("minimal-window", false, help("gui.flag.minimalWindow"))
	var compare []string
	flag.Func("compare", help("gui.flag.compare"), func(s string) error {
		compare = append(compare, s)
		return nil
	})
	flag.Parse()
	if *minimal {
		return runMinimal(*quitWhenShown)
	}
	var lang translations.Lang
	if *langFlag != "" {
		l, ok := translations.ParseLang(*langFlag)
		if !ok {
			fmt.Fprintln(os.Stderr, translations.New(translations.Detect(os.Getenv)).T("cli.badLang", map[string]any{"Lang": *langFlag}))
			return 2
		}
		lang = l
	}
	qn, err := assessment.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fa := app.NewWithID(AppID)
	fa.SetIcon(fyne.NewStaticResource("icon.png", assets.IconPNG))
	a := ui.New(fa, qn, ui.Options{Lang: lang, Open: *open, Page: *page, Version: appVersion(fa), Progressive: true})
	if len(compare) > 0 {
		a.CompareNow(compare)
	}
	if *shot != "" {
		if err := a.Screenshot(*shot); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	if *quitWhenShown {
		quitOnStart(fa)
	}
	a.Start()
	a.Window().ShowAndRun()
	return 0
}
