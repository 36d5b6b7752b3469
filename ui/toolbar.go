package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/translations"
)

// toolButton is a toolbar button: an icon whose words (what it does and
// its shortcut) show in the status line while the pointer rests on it or
// it has the focus, and a Tab stop like any button (Fyne 2.7's toolbar
// has neither tooltips nor keyboard focus). Nothing pops up: in Fyne 2.7
// a pop-up takes the keyboard, and Tab, Enter and Space would stop there.
// Enter and Space press it when the key is released, so that nothing of
// the key reaches what its action opens or focuses.
type toolButton struct {
	keyButton
	tip string
}

func newToolButton(a *App, icon fyne.Resource, tip string, tapped func()) *toolButton {
	b := &toolButton{tip: tip}
	b.a, b.Icon, b.Importance = a, icon, widget.LowImportance
	b.OnTapped = func() {
		a.showTip("")
		tapped()
	}
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn shows the button's words in the status line.
func (b *toolButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.a.showTip(b.tip)
}

// MouseOut gives the status line back.
func (b *toolButton) MouseOut() {
	b.Button.MouseOut()
	b.a.showTip("")
}

// FocusGained shows the button's words in the status line, so that
// keyboard users read them too.
func (b *toolButton) FocusGained() {
	b.Button.FocusGained()
	b.a.chrome.left = nil
	b.a.showTip(b.tip)
}

// FocusLost gives the status line back.
func (b *toolButton) FocusLost() {
	b.keyButton.FocusLost()
	b.a.showTip("")
}

// showTip shows a toolbar button's words in the status line, or, with
// "", the state of the file again.
func (a *App) showTip(tip string) {
	a.chrome.tip = tip
	if a.chrome.status != nil {
		a.chrome.status.SetText(a.statusLine())
	}
}

// statusLine is what the status line shows: a toolbar button's words
// while they are asked for, else the state of the file.
func (a *App) statusLine() string {
	if a.chrome.tip != "" {
		return a.chrome.tip
	}
	return a.statusText()
}

// newToolbar is the row of file actions, with the language choice.
func (a *App) newToolbar() fyne.CanvasObject {
	tools := container.NewHBox(
		newToolButton(a, theme.DocumentCreateIcon(), a.t("gui.menuNew")+" (Ctrl+N)", a.NewDocument),
		newToolButton(a, theme.FolderOpenIcon(), a.t("gui.menuOpen")+" (Ctrl+O)", a.OpenDialog),
		newToolButton(a, theme.DocumentSaveIcon(), a.t("gui.menuSave")+" (Ctrl+S)", a.Save),
		widget.NewSeparator(),
		newToolButton(a, theme.UploadIcon(), a.t("gui.menuExport")+" (Ctrl+E)", a.ExportDialog),
		newToolButton(a, theme.GridIcon(), a.t("gui.results"), func() { a.showPage(ResultsPage) }),
		widget.NewSeparator(),
		newToolButton(a, theme.HelpIcon(), a.t("gui.menuGuide")+" (F1)", a.showGuide),
		newToolButton(a, theme.InfoIcon(), a.t("gui.menuAbout"), a.showAbout),
	)
	names := []string{}
	for _, l := range translations.Languages() {
		names = append(names, langName(l))
	}
	langPick := widget.NewSelect(names, func(s string) {
		for _, l := range translations.Languages() {
			if langName(l) == s {
				a.SetLanguage(l)
				return
			}
		}
	})
	langPick.Selected = a.loc.Name()
	a.controls.langPick = langPick
	label := widget.NewLabel(a.t("gui.language"))
	typing := widget.NewLabel(a.t("gui.typingLabel"))
	return container.NewBorder(nil, nil, nil, container.NewHBox(typing, a.newTypingPick(), label, langPick), tools)
}
