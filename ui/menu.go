package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/translations"
)

// newToolbar is the row of file actions, with the language choice.
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
		names = append(names, langName(l))
	}
	a.langPick = widget.NewSelect(names, func(s string) {
		for _, l := range translations.Languages {
			if langName(l) == s {
				a.SetLanguage(l)
				return
			}
		}
	})
	a.langPick.Selected = a.loc.Name()
	label := widget.NewLabel(a.t("gui.language"))
	return container.NewBorder(nil, nil, nil, container.NewHBox(label, a.langPick), tb)
}

// newMenu is the main menu: File, View, Language, Help.
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
		item := fyne.NewMenuItem(langName(l), func() { a.SetLanguage(lang) })
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

// langName is a language's name in itself, as language menus show it.
func langName(l translations.Lang) string { return translations.New(l).Name() }
