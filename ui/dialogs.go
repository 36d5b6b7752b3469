package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/document"
	"creativecity/assessment/l10n"
)

// showText shows a text in a dialog with a Close button, scrolling when
// it is long; Enter and Esc close it too.
func (a *App) showText(title, text string, size fyne.Size) {
	var content fyne.CanvasObject = message(text)
	if size.Height > 300 {
		content = container.NewVScroll(content)
	}
	m := a.newModal(title, content)
	closeButton := m.button(a.t("gui.close"), nil)
	m.withDefault(closeButton).withCancel(closeButton).withSize(size).show()
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
// Save, Discard or Cancel. What follows (another city's assessment, a new
// one, closing) would replace the work: Cancel is the default.
func (a *App) guardUnsaved(next func()) {
	if !a.doc.Dirty() {
		next()
		return
	}
	m := a.newModal(a.t("gui.unsavedTitle"), message(a.t("gui.unsavedQuestion", map[string]any{"City": a.cityName()})))
	m.button(a.t("gui.save"), func() { a.saveThen(next) })
	m.button(a.t("gui.discard"), func() {
		a.doc.Discard()
		next()
	})
	cancel := m.button(a.t("gui.cancel"), nil)
	m.withDefault(cancel).withCancel(cancel).withSize(fyne.NewSize(520, 220)).show()
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
	a.ask(title, question, a.t("gui.overwrite"), true, overwrite)
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

// Ways out of a write the system refused, by the problem's code: Retry
// once the cause is gone (the other program closed the file, the
// read-only mark was removed, space was freed), or another file.
var (
	retryCodes = []string{assessment.CodeHeldOpen, assessment.CodeInUse, assessment.CodeReadOnly,
		assessment.CodePermission, assessment.CodeDiskFull}
	elsewhereCodes = []string{assessment.CodeNameReserved, assessment.CodeNameTrailing, assessment.CodeNameCharacter,
		assessment.CodeNameTooLong, assessment.CodeReadOnlyFS, assessment.CodeIsDir, assessment.CodeNotRegular}
)

// showWriteError shows why a file could not be written, naming it, and
// offers what the user can do: Retry (retry runs the same write again),
// for a file another program holds open (Excel on Windows), marked
// read-only, not writable or on a full disk; Save under another name
// (elsewhere asks for another file), for those and for a name Windows
// cannot use or a folder that cannot be written. The work stays open and
// unsaved whatever is chosen; other errors are shown as by showError.
func (a *App) showWriteError(err error, path string, retry, elsewhere func()) {
	var fe *assessment.FileError
	if !errors.As(err, &fe) || (!slices.Contains(retryCodes, fe.Code) && !slices.Contains(elsewhereCodes, fe.Code)) {
		a.showError(err, path)
		return
	}
	m := a.newModal(a.t("gui.errorTitle"), message(l10n.Problem(a.loc, fe.Problem)))
	var again *dialogButton
	if slices.Contains(retryCodes, fe.Code) {
		again = m.button(a.t("gui.retry"), retry)
	}
	another := m.button(a.t("gui.saveElsewhere"), elsewhere)
	cancel := m.button(a.t("gui.cancel"), nil)
	m.withCancel(cancel).withDefault(another)
	if again != nil {
		m.withDefault(again)
		another.Importance = widget.MediumImportance
	}
	m.withSize(fyne.NewSize(600, 260)).show()
}

// showProblems lists what validation found in an opened file.
func (a *App) showProblems(ps []assessment.Problem) {
	var lines []string
	for _, p := range ps {
		lines = append(lines, "• "+l10n.Problem(a.loc, p))
	}
	a.showText(a.t("gui.problemsTitle"), strings.Join(lines, "\n"), fyne.NewSize(700, 400))
}
