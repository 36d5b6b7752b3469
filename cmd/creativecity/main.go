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
	// A translator's folder of message files comes before any message.
	removeFolder, folderErr := translations.AddFolderFrom(os.Getenv)
	defer removeFolder()
	help := translations.New(translations.Detect(os.Getenv)).T
	if folderErr != nil {
		fmt.Fprintln(os.Stderr, help("usage.badTranslations", map[string]any{"Variable": translations.FolderVariable, "Detail": folderErr.Error()}))
		return 2
	}
	langFlag := flag.String("lang", "", help("gui.flag.lang", map[string]any{"Languages": translations.Codes()}))
	openFlag := flag.String("open", "", help("gui.flag.open"))
	page := flag.String("page", "", help("gui.flag.page"))
	shot := flag.String("screenshot", "", help("gui.flag.screenshot"))
	quitWhenShown := flag.Bool("quit-when-shown", false, help("gui.flag.quitWhenShown"))
	minimal := flag.Bool("minimal-window", false, help("gui.flag.minimalWindow"))
	var compare []string
	flag.Func("compare", help("gui.flag.compare"), func(s string) error {
		compare = append(compare, s)
		return nil
	})
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), help("gui.usage"))
		flag.PrintDefaults()
		fmt.Fprintln(flag.CommandLine.Output(), help("usage.translationsFolder", map[string]any{"Variable": translations.FolderVariable}))
	}
	flag.Parse()
	// Windows passes a file opened with the app ("Open with", a file
	// dropped on the .exe, a file association) as the first argument.
	open := *openFlag
	if open == "" && flag.NArg() > 0 {
		open = flag.Arg(0)
	}
	if *minimal {
		return runMinimal(*quitWhenShown)
	}
	var lang translations.Lang
	if *langFlag != "" {
		l, ok := translations.ParseLang(*langFlag)
		if !ok {
			fmt.Fprintln(os.Stderr, translations.New(translations.Detect(os.Getenv)).T("usage.badLang", map[string]any{"Lang": *langFlag, "Languages": translations.Codes()}))
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
	fa.Settings().SetTheme(ui.Theme())
	opts := ui.Options{Lang: lang, Open: open, Page: *page, Version: appVersion(fa), Progressive: true}
	if *shot != "" {
		return screenshot(fa, qn, opts, compare, *shot)
	}
	rec := recordLog()
	a, err := showWindow(fa, qn, opts, compare)
	if err != nil {
		return startFailed(fa, opts.Lang, err, rec)
	}
	if *quitWhenShown {
		quitOnStart(fa)
	}
	a.Start()
	fa.Run()
	return 0
}

// showWindow builds the app and shows its window. Without OpenGL 2.1 (a
// remote-desktop session, an old graphics driver, no display) the toolkit
// either panics or logs the error and leaves the window without a native
// one; both come back as an error.
func showWindow(fa fyne.App, qn *assessment.Questionnaire, opts ui.Options, compare []string) (a *ui.App, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	a = ui.New(fa, qn, opts)
	if len(compare) > 0 {
		a.CompareNow(compare)
	}
	w := a.Window()
	w.Show()
	if !hasNativeWindow(w) {
		return nil, errNoWindow
	}
	fitScreen(w)
	return a, nil
}

// screenshot renders the first page to a PNG instead of showing the window.
func screenshot(fa fyne.App, qn *assessment.Questionnaire, opts ui.Options, compare []string, out string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(os.Stderr, r)
			code = 1
		}
	}()
	a := ui.New(fa, qn, opts)
	if len(compare) > 0 {
		a.CompareNow(compare)
	}
	if err := a.Screenshot(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}
