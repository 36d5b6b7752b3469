// Package ui is the desktop application: a Fyne window that takes a city
// through the questionnaire, scores it live, switches language at run time
// and exports the Excel report. It holds no business rules: scoring,
// validation, files and the report come from the assessment packages.
package ui

import (
	"os"
	"runtime/debug"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/document"
	"creativecity/translations"
)

// ResultsPage is the page ID of the results page; other page IDs are
// section IDs.
const ResultsPage = "results"

// Preference keys.
const (
	prefLanguage = "language"
	prefRecent   = "recentFiles"
)

// Options are the start-up choices of the app (command-line flags).
type Options struct {
	Lang    translations.Lang // "" = saved preference, else the system's language
	Open    string            // a file to open
	Page    string            // the first page
	Version string
	// Now returns the current time (tests set it).
	Now func() time.Time
	// RecoveryDir holds autosaved work (default: the app's storage).
	RecoveryDir string
	// Progressive shows a page's first question cards at once and adds the
	// others in the next frames (the desktop app; tests build pages whole).
	Progressive bool
}

// App is the desktop application: a window that is a view over the open
// document (document.Document owns the assessment, its file, lock, unsaved
// mark, score and autosave). The widgets are rebuilt from the document
// when the language changes or another document is opened.
type App struct {
	fyne fyne.App
	win  fyne.Window
	qn   *assessment.Questionnaire
	opts Options

	doc *document.Document

	loc    *translations.Localizer
	page   string            // the ID of the page shown
	shown  page              // the page shown
	inputs *registry         // the inputs of the page shown
	drafts map[string]string // text of number entries that does not parse yet

	autosave *autosaveTimer
	analysis analysis
	bg       background // runs what waits for a frame or runs off the UI thread

	controls languageControls // the typing mode and the toolbar's language and typing choices
	chrome   chrome           // the widgets around the page
	compare  comparison
	appForm  appFormCache // the application form, read once, and the application's language

	closed bool          // the window was closed through the intercept
	offer  recoveryOffer // the autosaved copies offered at start (recovery.go)
}

// chrome is what the window's current build shows around the page: the
// navigation and the pages it lists, the body the page goes in, and the
// status line.
type chrome struct {
	nav      *navList
	navPages []string
	body     *fyne.Container
	status   *widget.Label
	building bool // the widgets are being built, not yet shown
	reveal   pendingReveal
	tip      string            // the words of the toolbar button pointed at or focused
	left     fyne.CanvasObject // the page input that lost the focus last
}

// New builds the application state and its window (not shown).
func New(fa fyne.App, qn *assessment.Questionnaire, opts Options) *App {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	a := &App{fyne: fa, qn: qn, opts: opts, inputs: newRegistry(), drafts: map[string]string{}, bg: goroutines{}}
	useSafeFileRepository()
	a.loc = translations.New(a.startLanguage())
	a.controls.typing = typingEngine(fa.Preferences().String(prefTyping))
	quietLocale()
	// The document reads the app's clock, which tests may change.
	a.doc = document.New(qn, document.Options{Now: func() time.Time { return a.opts.Now() }, RecoveryDir: a.recoveryDir()})
	a.win = fa.NewWindow(a.loc.T("app.name"))
	a.win.Resize(a.windowSize())
	a.win.SetOnDropped(a.dropped)
	a.autosave = &autosaveTimer{a: a}
	setFyneLanguage(a.loc.Lang())
	// Open the file before building the window, so that the page is built
	// once: the one asked for, else the one open when the app last closed.
	open := opts.Open
	if open == "" {
		open = a.lastFile()
	}
	// The page is built from the quick score: the uncertainty analysis
	// runs once the window is shown (Start), as it does after typing.
	var openErr error
	if open != "" {
		if openErr = a.doc.OpenQuick(open); openErr == nil {
			a.addRecent(open)
		}
	}
	a.page = a.firstPage(open != "" && openErr == nil)
	a.build()
	a.doc.OnChange(a.documentChanged)
	a.win.SetCloseIntercept(a.confirmClose)
	if openErr != nil {
		a.showError(openErr, open)
	} else if open != "" {
		a.afterOpening()
	}
	return a
}

// firstPage is the page the window opens on: the one asked for, the city
// profile of a file just opened, or the start page.
func (a *App) firstPage(opened bool) string {
	switch {
	case a.opts.Page != "" && a.validPage(a.opts.Page):
		return a.opts.Page
	case opened:
		return "profile"
	}
	return StartPage
}

// lastFile is the file open when the app was last closed, if it is still
// there.
func (a *App) lastFile() string {
	p := a.fyne.Preferences().String(prefLastFile)
	if p == "" {
		return ""
	}
	if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
		return ""
	}
	return p
}

// Start offers to restore autosaved work, starts the autosave timer and
// the analysis of a file opened at start; call it once the window is
// about to be shown.
func (a *App) Start() {
	a.offerRecovery()
	a.autosave.start()
	// The file opened at start has only its quick score: its analysis
	// starts after the first frame, off the UI thread.
	go a.bg.afterFrame(a.startAnalysis)
	go func() {
		// Building the first page parses the translations, shapes its
		// text and lays it out: memory needed once. Give it back to the
		// system when the window has settled, as the app then mostly waits.
		time.Sleep(settleDelay)
		debug.FreeOSMemory()
	}()
	if startHook != nil {
		go startHook(a)
	}
}

// settleDelay is how long after start the app returns the memory of its
// start-up to the system.
const settleDelay = 3 * time.Second

// startHook, when set, runs once the app has started. Only the kill test's
// build of the app sets it (ui/faultdrive.go).
var startHook func(*App)

// Window returns the main window.
func (a *App) Window() fyne.Window { return a.win }

// startLanguage picks the language: the flag, the saved preference, or the system's.
func (a *App) startLanguage() translations.Lang { return StartLanguage(a.fyne, a.opts.Lang) }

// StartLanguage is the language the app starts in: the one asked for (the
// --lang flag) if any, else the saved preference, else the system's.
func StartLanguage(fa fyne.App, asked translations.Lang) translations.Lang {
	if asked != "" {
		return asked
	}
	if l, ok := translations.ParseLang(fa.Preferences().String(prefLanguage)); ok {
		return l
	}
	return translations.Detect(getenv)
}

func (a *App) validPage(id string) bool {
	if id == ResultsPage || id == ComparePage || id == StartPage || id == PlanPage || id == ApplicationPage {
		return true
	}
	_, ok := a.qn.Section(id)
	return ok
}

// t translates a message in the current language.
func (a *App) t(id string, data ...map[string]any) string { return a.loc.T(id, data...) }

// build creates every widget in the current language and shows the current page.
func (a *App) build() {
	c := &a.chrome
	c.status = widget.NewLabel("")
	c.tip, c.left = "", nil
	c.nav = a.newNav()
	c.body = container.NewStack()
	toolbar := a.newToolbar()
	// The page goes in before the content is set, so that the window lays
	// it out once, at its real size.
	c.building = true
	a.showPage(a.page)
	c.building = false
	a.win.SetContent(newFrame(toolbar, a.navigation(), c.body, c.status, a.navOffset()))
	a.win.SetMainMenu(a.newMenu())
	a.addShortcuts()
	a.refreshChrome()
	a.focusFirstInput()
}

// SetLanguage switches every text of the window to another language,
// keeping the page, the scroll position, every entry, and the input being
// typed in with its caret.
func (a *App) SetLanguage(l translations.Lang) {
	if l == a.loc.Lang() {
		return
	}
	offset := a.scrollOffset()
	caret, typing := a.caretPlace()
	a.loc = translations.New(l)
	a.fyne.Preferences().SetString(prefLanguage, string(l))
	setFyneLanguage(l)
	a.build()
	a.restoreScroll(offset)
	if typing {
		a.restoreCaret(caret)
	}
}

// Lang returns the current user-interface language.
func (a *App) Lang() translations.Lang { return a.loc.Lang() }

// Page returns the current page ID.
func (a *App) Page() string { return a.page }

// Assessment returns the assessment being edited.
func (a *App) Assessment() *assessment.Assessment { return a.doc.Assessment() }

// Result returns the current scoring.
func (a *App) Result() *assessment.Result { return a.doc.Result() }

// Dirty reports whether there are unsaved changes.
func (a *App) Dirty() bool { return a.doc.Dirty() }

// edit changes the assessment through the document, which marks it
// unsaved, rescores it and tells the window.
func (a *App) edit(change func(*assessment.Assessment)) { a.doc.Edit(change) }

// value is the answer to a question.
func (a *App) value(id string) assessment.Value { return a.doc.Assessment().Value(id) }

// setValue answers a question.
func (a *App) setValue(id string, v assessment.Value) {
	a.edit(func(d *assessment.Assessment) { d.SetValue(id, v) })
}

// documentChanged follows a change of the document: the title, the
// navigation and the status line, and the page shown as it follows a
// change (the results, the action plan's problems; not a section page
// being edited, which keeps its focus).
func (a *App) documentChanged() {
	a.scheduleAnalysis()
	a.refreshChrome()
	a.shown.refresh()
}

// cityName is the name of the city assessed, or "Untitled".
func (a *App) cityName() string {
	if name := a.Assessment().City.Name; name != "" {
		return name
	}
	return a.t("gui.untitled")
}

// refreshChrome updates the title, the navigation and the status line.
func (a *App) refreshChrome() {
	name := a.cityName()
	title := name + " — " + a.t("app.name")
	if a.doc.Dirty() {
		title = "* " + title
	}
	a.win.SetTitle(title)
	if a.chrome.nav != nil {
		a.chrome.nav.Refresh()
	}
	a.chrome.status.SetText(a.statusLine())
}

func (a *App) statusText() string {
	d := a.doc
	file := d.Path()
	if file == "" {
		file = a.t("gui.notSavedYet")
	}
	var state string
	switch {
	case d.Dirty() && !d.AutosavedAt().IsZero():
		state = a.t("gui.statusAutosaved", map[string]any{"Time": d.AutosavedAt().Format(a.loc.Setting("time"))})
	case d.Dirty():
		state = a.t("gui.statusUnsaved")
	case !d.SavedAt().IsZero():
		state = a.t("gui.statusSaved", map[string]any{"Time": d.SavedAt().Format(a.loc.Setting("time"))})
	default:
		state = a.t("gui.statusNoChanges")
	}
	return a.t("gui.statusLine", map[string]any{"File": file, "State": state})
}

// showPage shows a page: a section, or another page by its ID.
func (a *App) showPage(id string) {
	if !a.validPage(id) {
		id = "profile"
	}
	if id != a.page && a.doc.Dirty() {
		a.autosave.now()
	}
	a.page = id
	a.inputs = newRegistry()
	a.shown = a.newPage(id)
	c := &a.chrome
	c.body.Objects = []fyne.CanvasObject{a.shown.object()}
	if !c.building {
		c.body.Refresh()
		a.focusFirstInput()
	}
	if i := slices.Index(c.navPages, id); i >= 0 {
		c.nav.Select(i)
	} else {
		c.nav.UnselectAll()
	}
}

// ShowQuestion opens the page of a question and scrolls to it.
func (a *App) ShowQuestion(id string) {
	q, ok := a.qn.Question(id)
	if !ok {
		return
	}
	a.showPage(q.Section().ID)
	if p, ok := a.shown.(*pageView); ok {
		p.scrollTo(id)
	}
}

func (a *App) scrollOffset() fyne.Position {
	if s := a.currentScroll(); s != nil {
		return s.Offset
	}
	return fyne.Position{}
}

func (a *App) restoreScroll(p fyne.Position) {
	a.completePage()
	if s := a.currentScroll(); s != nil {
		s.ScrollToOffset(p)
	}
}
