package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/translations"
)

// tooltipDelay is how long the pointer rests on a tool button before its
// tooltip shows.
const tooltipDelay = 600 * time.Millisecond

// toolButton is a toolbar button: an icon that says what it does in a
// tooltip when the pointer rests on it, and is a Tab stop like any button
// (Fyne 2.7's toolbar has neither tooltips nor keyboard focus).
type toolButton struct {
	widget.Button
	a       *App
	tip     string
	popup   *widget.PopUp
	pending *time.Timer
}

func newToolButton(a *App, icon fyne.Resource, tip string, tapped func()) *toolButton {
	b := &toolButton{a: a, tip: tip}
	b.Icon, b.OnTapped, b.Importance = icon, tapped, widget.LowImportance
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn shows the tooltip after a moment.
func (b *toolButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.cancel()
	b.pending = time.AfterFunc(tooltipDelay, func() { fyne.Do(b.showTip) })
}

// MouseOut hides the tooltip.
func (b *toolButton) MouseOut() {
	b.Button.MouseOut()
	b.hideTip()
}

// Tapped hides the tooltip and acts.
func (b *toolButton) Tapped(e *fyne.PointEvent) {
	b.hideTip()
	b.Button.Tapped(e)
}

// TypedKey gives the window its keys (F10).
func (b *toolButton) TypedKey(k *fyne.KeyEvent) {
	if !b.a.windowKey(k) {
		b.Button.TypedKey(k)
	}
}

// FocusGained shows the tooltip, so that keyboard users read it too.
func (b *toolButton) FocusGained() {
	b.Button.FocusGained()
	b.showTip()
}

// FocusLost hides the tooltip.
func (b *toolButton) FocusLost() {
	b.Button.FocusLost()
	b.hideTip()
}

func (b *toolButton) showTip() {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil || b.popup != nil {
		return
	}
	label := widget.NewLabel(b.tip)
	b.popup = widget.NewPopUp(label, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).AddXY(0, b.Size().Height)
	if over := pos.X + label.MinSize().Width - c.Size().Width; over > 0 {
		pos.X -= over
	}
	b.popup.ShowAtPosition(pos)
}

func (b *toolButton) hideTip() {
	b.cancel()
	if b.popup != nil {
		b.popup.Hide()
		b.popup = nil
	}
}

func (b *toolButton) cancel() {
	if b.pending != nil {
		b.pending.Stop()
		b.pending = nil
	}
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
