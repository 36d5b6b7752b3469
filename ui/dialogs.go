package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/document"
	"creativecity/assessment/l10n"
)

// showText shows a text in a dialog with a Close button, scrolling when
// it is long; Esc closes it too.
func (a *App) showText(title, text string, size fyne.Size) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	var content fyne.CanvasObject = msg
	if size.Height > 300 {
		content = container.NewVScroll(msg)
	}
	d := dialog.NewCustom(title, a.t("gui.close"), content, a.win)
	d.Resize(size)
	d.Show()
	a.pendingDialog = d
}

// showAbout tells the version of the app and of the questionnaire.
func (a *App) showAbout() {
	a.showText(a.t("gui.menuAbout"), a.t("gui.about", map[string]any{"Version": a.opts.Version, "Count": len(a.qn.Fields()),
		"Questionnaire": a.qn.Version}), fyne.NewSize(520, 300))
}

// showGuide is the short guide: the order of work and where things are.
func (a *App) showGuide() {
	a.showText(a.t("gui.menuGuide"), a.t("gui.guide"), fyne.NewSize(720, 520))
}

// showShortcuts lists the keyboard shortcuts.
func (a *App) showShortcuts() {
	a.showText(a.t("gui.menuShortcuts"), a.t("gui.shortcuts"), fyne.NewSize(640, 520))
}

// guardUnsaved runs next after the user agreed to leave unsaved changes:
// Save, Discard or Cancel.
func (a *App) guardUnsaved(next func()) {
	if !a.doc.Dirty() {
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
		a.doc.Discard()
		next()
	})
	cancel := widget.NewButton(a.t("gui.cancel"), func() { d.Hide() })
	name := a.cityName()
	msg := widget.NewLabel(a.t("gui.unsavedQuestion", map[string]any{"City": name}))
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
		a.stopAnalysis()
		a.rememberWindowSize()
		a.doc.Close()
		a.closed = true
		a.win.Close()
	})
}

// askOverwrite asks before a save overwrites a file that someone else
// holds or has changed; overwrite runs if the user agrees.
func (a *App) askOverwrite(c *document.Conflict, overwrite func()) {
	title, question := a.t("gui.changedOnDiskTitle"), a.t("gui.changedOnDiskQuestion", map[string]any{"File": c.Path})
	if errors.Is(c, document.ErrHeldByOther) {
		title, question = a.t("gui.lockedTitle"), a.t("gui.lockedSaveQuestion", map[string]any{"File": c.Path,
			"User": c.HeldBy.User, "Host": c.HeldBy.Host})
	}
	d := dialog.NewConfirm(title, question, func(ok bool) {
		if ok {
			overwrite()
		}
	}, a.win)
	d.SetConfirmText(a.t("gui.overwrite"))
	d.SetDismissText(a.t("gui.cancel"))
	d.Show()
	a.pendingDialog = d
}

// showLockWarning tells that another editor has the file open.
func (a *App) showLockWarning() {
	other := a.doc.LockedBy()
	if other == nil {
		return
	}
	a.showText(a.t("gui.lockedTitle"), a.t("gui.lockedMessage", map[string]any{"File": a.doc.Path(), "User": other.User,
		"Host": other.Host, "Since": other.Since.Local().Format(a.loc.Setting("dateTime"))}), fyne.NewSize(560, 240))
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
	a.showText(a.t("gui.errorTitle"), text, fyne.NewSize(560, 240))
}

// showProblems lists what validation found in an opened file.
func (a *App) showProblems(ps []assessment.Problem) {
	var lines []string
	for _, p := range ps {
		lines = append(lines, "• "+l10n.Problem(a.loc, p))
	}
	a.showText(a.t("gui.problemsTitle"), strings.Join(lines, "\n"), fyne.NewSize(700, 400))
}
