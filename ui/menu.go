package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"creativecity/translations"
)

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
		fyne.NewMenuItem(a.t("gui.menuDraft"), a.DraftDialog),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(a.t("gui.menuForms"), a.FormsDialog),
		fyne.NewMenuItem(a.t("gui.menuMerge"), a.MergeDialog),
		fyne.NewMenuItem(a.t("gui.menuCompare"), func() { a.showPage(ComparePage) }),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	var langItems []*fyne.MenuItem
	for _, l := range translations.Languages() {
		lang := l
		item := fyne.NewMenuItem(langName(l), func() { a.SetLanguage(lang) })
		item.Checked = l == a.loc.Lang()
		langItems = append(langItems, item)
	}
	langItems = append(append(langItems, fyne.NewMenuItemSeparator()), a.typingMenuItems()...)
	next := fyne.NewMenuItem(a.t("gui.menuNextSection"), func() { a.stepSection(1) })
	next.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault}
	previous := fyne.NewMenuItem(a.t("gui.menuPreviousSection"), func() { a.stepSection(-1) })
	previous.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierShortcutDefault}
	view := fyne.NewMenu(a.t("gui.menuView"), fyne.NewMenuItem(a.t("gui.startPage"), func() { a.showPage(StartPage) }),
		fyne.NewMenuItem(a.t("gui.results"), func() { a.showPage(ResultsPage) }), fyne.NewMenuItemSeparator(), next, previous)
	help := fyne.NewMenu(a.t("gui.menuHelp"), fyne.NewMenuItem(a.t("gui.menuGuide"), a.showGuide),
		fyne.NewMenuItem(a.t("gui.menuShortcuts"), a.showShortcuts), fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(a.t("gui.menuAbout"), a.showAbout))
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
// without a menu bar (the test driver), and the keys typed with no input
// focused (F1, F10, Esc).
func (a *App) addShortcuts() {
	c := a.win.Canvas()
	for key, action := range map[fyne.KeyName]func(){
		fyne.KeyN: a.NewDocument, fyne.KeyO: a.OpenDialog, fyne.KeyS: a.Save, fyne.KeyE: a.ExportDialog,
		fyne.KeyPageDown: func() { a.stepSection(1) }, fyne.KeyPageUp: func() { a.stepSection(-1) },
	} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { action() })
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		func(fyne.Shortcut) { a.toggleTyping() })
	c.SetOnTypedKey(a.canvasKey)
}

// stepSection shows the next (step 1) or previous (-1) page of the
// navigation, from the start page or the comparison to the first.
func (a *App) stepSection(step int) {
	pages := a.chrome.navPages
	i := slices.Index(pages, a.page)
	switch {
	case i < 0:
		i = 0
	default:
		i = min(max(i+step, 0), len(pages)-1)
	}
	a.showPage(pages[i])
}

// langName is a language's name in itself, as language menus show it.
func langName(l translations.Lang) string { return translations.New(l).Name() }
