package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"creativecity/translations"
)

// TestTheShortcutListNamesEveryMenuShortcut: Help → Keyboard shortcuts
// names, in both languages, every shortcut a menu item carries (Ctrl+Shift+T
// of the built-in typing among them), so that none is found only by chance.
func TestTheShortcutListNamesEveryMenuShortcut(t *testing.T) {
	keys := map[fyne.KeyName]string{fyne.KeyPageDown: "PageDown", fyne.KeyPageUp: "PageUp"}
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		list := a.t("gui.shortcuts")
		var walk func(items []*fyne.MenuItem)
		found := 0
		walk = func(items []*fyne.MenuItem) {
			for _, it := range items {
				if it.ChildMenu != nil {
					walk(it.ChildMenu.Items)
				}
				s, ok := it.Shortcut.(*desktop.CustomShortcut)
				if !ok {
					continue
				}
				name := "Ctrl+"
				if s.Modifier&fyne.KeyModifierShift != 0 {
					name += "Shift+"
				}
				if k, ok := keys[s.KeyName]; ok {
					name += k
				} else {
					name += string(s.KeyName)
				}
				found++
				if !strings.Contains(list, name) {
					t.Errorf("%s: the shortcut list does not name %s (%s)", lang, name, it.Label)
				}
			}
		}
		for _, m := range a.newMenu().Items {
			walk(m.Items)
		}
		if found < 7 {
			t.Errorf("%s: only %d menu shortcuts found: is the walk right?", lang, found)
		}
	}
}
