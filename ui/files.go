package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

const maxRecent = 8

func (a *App) newToolbar() fyne.CanvasObject {
	tb := widget.NewToolbar(
		widget.NewToolbarAction(theme.DocumentCreateIcon(), a.NewDocument),
		widget.NewToolbarAction(theme.FolderOpenIcon(), a.OpenDialog),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), a.Save),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.UploadIcon(), a.ExportDialog),
		widget.NewToolbarAction(theme.InfoIcon(), func() { a.showPage(ResultsPage) }),
	)
	names := []string{}
	for _, l := range translations.Languages {
		names = append(names, a.t("lang."+string(l)))
	}
	a.langPick = widget.NewSelect(names, func(s string) {
		for _, l := range translations.Languages {
			if a.t("lang."+string(l)) == s {
				a.SetLanguage(l)
				return
			}
		}
	})
	a.langPick.Selected = a.t("lang." + string(a.loc.Lang()))
	label := widget.NewLabel(a.t("gui.language"))
	return container.NewBorder(nil, nil, nil, container.NewHBox(label, a.langPick), tb)
}

func (a *App) newMenu() *fyne.MainMenu {
	recent := fyne.NewMenuItem(a.t("gui.menuRecent"), nil)
	recent.ChildMenu = fyne.NewMenu("")
	for _, p := range a.recentFiles() {
		path := p
		recent.ChildMenu.Items = append(recent.ChildMenu.Items,
			fyne.NewMenuItem(path, func() { a.guardUnsaved(func() { a.OpenPath(path) }) }))
	}
	recent.Disabled = len(recent.ChildMenu.Items) == 0
	quit := fyne.NewMenuItem(a.t("gui.menuQuit"), func() { a.confirmClose() })
	quit.IsQuit = true
	file := fyne.NewMenu(a.t("gui.menuFile"),
		withShortcut(fyne.NewMenuItem(a.t("gui.menuNew"), a.NewDocument), fyne.KeyN),
		withShortcut(fyne.NewMenuItem(a.t("gui.menuOpen"), a.OpenDialog), fyne.KeyO),
		fyne.NewMenuItem(a.t("gui.menuOpenDemo"), a.OpenDemo),
		recent,
		fyne.NewMenuItemSeparator(),
		withShortcut(fyne.NewMenuItem(a.t("gui.menuSave"), a.Save), fyne.KeyS),
		fyne.NewMenuItem(a.t("gui.menuSaveAs"), a.SaveAsDialog),
		withShortcut(fyne.NewMenuItem(a.t("gui.menuExport"), a.ExportDialog), fyne.KeyE),
		fyne.NewMenuItem(a.t("gui.menuCompare"), func() { a.showPage(ComparePage) }),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	var langItems []*fyne.MenuItem
	for _, l := range translations.Languages {
		lang := l
		item := fyne.NewMenuItem(a.t("lang."+string(l)), func() { a.SetLanguage(lang) })
		item.Checked = l == a.loc.Lang()
		langItems = append(langItems, item)
	}
	view := fyne.NewMenu(a.t("gui.menuView"), fyne.NewMenuItem(a.t("gui.results"), func() { a.showPage(ResultsPage) }))
	help := fyne.NewMenu(a.t("gui.menuHelp"), fyne.NewMenuItem(a.t("gui.menuAbout"), a.showAbout))
	return fyne.NewMainMenu(file, view, fyne.NewMenu(a.t("gui.language"), langItems...), help)
}

// withShortcut gives a menu item its Ctrl+key shortcut: the menu shows it,
// and the window handles it before the focused entry does, so that it works
// while the user types.
func withShortcut(item *fyne.MenuItem, key fyne.KeyName) *fyne.MenuItem {
	item.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	return item
}

// addShortcuts registers the same shortcuts on the canvas, for a window
// without a menu bar (the test driver).
func (a *App) addShortcuts() {
	c := a.win.Canvas()
	for key, action := range map[fyne.KeyName]func(){
		fyne.KeyN: a.NewDocument, fyne.KeyO: a.OpenDialog, fyne.KeyS: a.Save, fyne.KeyE: a.ExportDialog,
	} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { action() })
	}
}

func (a *App) showAbout() {
	text := widget.NewLabel(a.t("gui.about", map[string]any{"Version": a.opts.Version,
		"Questionnaire": a.qn.Version}))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(a.t("gui.menuAbout"), a.t("gui.close"), text, a.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// guardUnsaved runs next after the user agreed to leave unsaved changes:
// Save, Discard or Cancel.
func (a *App) guardUnsaved(next func()) {
	if !a.dirty {
		next()
		return
	}
	var d *dialog.CustomDialog
	save := widget.NewButton(a.t("gui.save"), func() {
		d.Hide()
		a.saveThen(next)
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton(a.t("gui.discard"), func() {
		d.Hide()
		a.autosave.discard()
		next()
	})
	cancel := widget.NewButton(a.t("gui.cancel"), func() { d.Hide() })
	msg := widget.NewLabel(a.t("gui.unsavedQuestion"))
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(a.t("gui.unsavedTitle"), msg, a.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
	a.pendingDialog = d
}

// confirmClose is the window's close intercept.
func (a *App) confirmClose() {
	a.guardUnsaved(func() {
		a.autosave.stop()
		a.rememberWindowSize()
		if a.path != "" {
			assessment.Unlock(a.path)
		}
		a.closed = true
		a.win.Close()
	})
}

// NewDocument starts an empty assessment.
func (a *App) NewDocument() {
	a.guardUnsaved(func() {
		a.setDocument(assessment.New(a.qn), "")
		a.showPage("profile")
	})
}

// setDocument replaces the assessment being edited.
func (a *App) setDocument(doc *assessment.Assessment, path string) {
	a.lockPath(path)
	a.doc, a.path, a.dirty = doc, path, false
	a.drafts = map[string]string{}
	a.savedAt, a.autosavedAt = time.Time{}, time.Time{}
	if info, err := os.Stat(path); path != "" && err == nil {
		a.modTime, a.savedAt = info.ModTime(), info.ModTime()
	}
	a.rescore()
	if a.status != nil {
		a.refreshChrome()
	}
}

// OpenDialog asks for a file to open.
func (a *App) OpenDialog() {
	a.guardUnsaved(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			a.OpenPath(path)
		}, a.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{assessment.Extension}))
		a.setDialogLocation(d)
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
	})
}

// OpenPath opens an assessment file; on failure the current work stays open
// and a dialog names the file and the problem.
func (a *App) OpenPath(path string) {
	doc, err := assessment.Load(path)
	if err != nil {
		a.showError(err, path)
		return
	}
	a.setDocument(doc, path)
	a.addRecent(path)
	a.showPage(a.page)
	if ps := assessment.Validate(a.qn, doc, path); len(ps) > 0 {
		a.showProblems(ps)
	}
	a.showLockWarning()
}

// OpenDemo opens the demonstration assessment as a new, unsaved document.
func (a *App) OpenDemo() {
	a.guardUnsaved(func() {
		doc, err := assessment.Demo()
		if err != nil {
			a.showError(err, "")
			return
		}
		a.setDocument(doc, "")
		a.showPage(ResultsPage)
	})
}

// Save writes the assessment to its file, or asks for one.
func (a *App) Save() { a.saveThen(nil) }

func (a *App) saveThen(next func()) {
	if a.path == "" {
		a.saveAsThen(next)
		return
	}
	title, question := "", ""
	if other := assessment.HeldByOther(a.path); other != nil {
		title, question = a.t("gui.lockedTitle"), a.t("gui.lockedSaveQuestion", map[string]any{"File": a.path,
			"User": other.User, "Host": other.Host})
	} else if a.changedOnDisk() {
		title, question = a.t("gui.changedOnDiskTitle"), a.t("gui.changedOnDiskQuestion", map[string]any{"File": a.path})
	}
	if title != "" && !a.overwriteAgreed {
		d := dialog.NewConfirm(title, question,
			func(overwrite bool) {
				if overwrite {
					a.overwriteAgreed = true
					a.saveThen(next)
					a.overwriteAgreed = false
				}
			}, a.win)
		d.SetConfirmText(a.t("gui.overwrite"))
		d.SetDismissText(a.t("gui.cancel"))
		d.Show()
		a.pendingDialog = d
		return
	}
	if err := a.saveTo(a.path); err != nil {
		a.showError(err, a.path)
		return
	}
	if next != nil {
		next()
	}
}

// lockPath marks the file being edited (releasing the previous one) and
// warns when someone else already has it open.
func (a *App) lockPath(path string) {
	if a.path != "" && a.path != path {
		assessment.Unlock(a.path)
	}
	if path == "" {
		return
	}
	if other := assessment.Lock(path, a.opts.Now()); other != nil {
		a.lockWarning = other
	}
}

// showLockWarning tells that another editor has the file open.
func (a *App) showLockWarning() {
	other := a.lockWarning
	if other == nil {
		return
	}
	a.lockWarning = nil
	msg := widget.NewLabel(a.t("gui.lockedMessage", map[string]any{"File": a.path, "User": other.User, "Host": other.Host,
		"Since": other.Since.Local().Format("15:04 02/01/2006")}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(a.t("gui.lockedTitle"), a.t("gui.close"), msg, a.win)
	d.Resize(fyne.NewSize(560, 240))
	d.Show()
	a.pendingDialog = d
}

// changedOnDisk reports whether the file was changed by someone else since
// the app opened or saved it.
func (a *App) changedOnDisk() bool {
	if a.path == "" || a.modTime.IsZero() {
		return false
	}
	info, err := os.Stat(a.path)
	return err == nil && !info.ModTime().Equal(a.modTime)
}

// saveTo saves to a path and updates the state.
func (a *App) saveTo(path string) error {
	if err := assessment.Save(path, a.doc); err != nil {
		return err
	}
	if path != a.path {
		a.lockPath(path)
	}
	a.path, a.dirty = path, false
	a.savedAt = a.opts.Now()
	if info, err := os.Stat(path); err == nil {
		a.modTime = info.ModTime()
	}
	a.autosave.discard()
	a.addRecent(path)
	a.refreshChrome()
	return nil
}

// SaveAsDialog asks for a file name and saves there.
func (a *App) SaveAsDialog() { a.saveAsThen(nil) }

func (a *App) saveAsThen(next func()) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := withExt(w, assessment.Extension)
		if err := a.saveTo(path); err != nil {
			a.showError(err, path)
			return
		}
		if next != nil {
			next()
		}
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{assessment.Extension}))
	name := a.doc.City.Name
	if name == "" {
		name = a.t("gui.untitled")
	}
	d.SetFileName(name + assessment.Extension)
	a.setDialogLocation(d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// setDialogLocation starts a file dialog in the folder of the current file.
func (a *App) setDialogLocation(d *dialog.FileDialog) {
	dir := ""
	if a.path != "" {
		dir = filepath.Dir(a.path)
	} else if recent := a.recentFiles(); len(recent) > 0 {
		dir = filepath.Dir(recent[0])
	}
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// showError shows a file problem, translated, naming the file.
func (a *App) showError(err error, path string) {
	var fe *assessment.FileError
	text := err.Error()
	if errors.As(err, &fe) {
		text = l10n.Problem(a.loc, fe.Problem)
	} else if path != "" {
		text = path + ": " + text
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(a.t("gui.errorTitle"), a.t("gui.close"), msg, a.win)
	d.Resize(fyne.NewSize(560, 240))
	d.Show()
	a.pendingDialog = d
}

// showProblems lists what validation found in an opened file.
func (a *App) showProblems(ps []assessment.Problem) {
	var lines []string
	for _, p := range ps {
		lines = append(lines, "• "+l10n.Problem(a.loc, p))
	}
	msg := widget.NewLabel(strings.Join(lines, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(a.t("gui.problemsTitle"), a.t("gui.close"), container.NewVScroll(msg), a.win)
	d.Resize(fyne.NewSize(700, 400))
	d.Show()
	a.pendingDialog = d
}

func (a *App) recentFiles() []string {
	return a.fyne.Preferences().StringList(prefRecent)
}

func (a *App) addRecent(path string) {
	list := slices.DeleteFunc(a.recentFiles(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	a.fyne.Preferences().SetStringList(prefRecent, list)
	if a.status != nil {
		a.win.SetMainMenu(a.newMenu())
	}
}
