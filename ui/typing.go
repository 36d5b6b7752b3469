package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"creativecity/ui/vnkey"
)

// The built-in Vietnamese typing mode: for offices whose input method
// misbehaves in the window (on Linux the word being composed shows away
// from the caret and can land in the wrong field), the entries themselves
// compose Telex or VNI at the caret. It is off by default, remembered, and
// never active in numbers, e-mail addresses and telephone numbers.

// prefTyping remembers the typing mode: "", "telex" or "vni".
const prefTyping = "typingMode"

// languageControls are the typing mode in use and the toolbar's choices
// of the interface language and the typing mode.
type languageControls struct {
	typing     *vnkey.Engine // the built-in Vietnamese typing mode; nil when off
	lastTyping string        // the mode to switch back to
	typingPick *widget.Select
	langPick   *widget.Select
}

// typingModes are the modes in the order of the choice: off, Telex, VNI.
var typingModes = []string{"", "telex", "vni"}

// typingEngine is the engine of a mode, nil when off.
func typingEngine(mode string) *vnkey.Engine {
	switch mode {
	case "telex":
		return vnkey.New(vnkey.Telex)
	case "vni":
		return vnkey.New(vnkey.VNI)
	}
	return nil
}

// setTyping switches the typing mode and remembers it.
func (a *App) setTyping(mode string) {
	c := &a.controls
	c.typing = typingEngine(mode)
	a.fyne.Preferences().SetString(prefTyping, mode)
	if c.typingPick != nil {
		c.typingPick.SetSelectedIndex(max(0, indexOf(typingModes, mode)))
	}
	a.win.SetMainMenu(a.newMenu())
}

// toggleTyping turns the mode off, or back to the last one used (Telex
// the first time).
func (a *App) toggleTyping() {
	if a.controls.typing != nil {
		a.controls.lastTyping = a.fyne.Preferences().String(prefTyping)
		a.setTyping("")
		return
	}
	mode := a.controls.lastTyping
	if mode == "" {
		mode = "telex"
	}
	a.setTyping(mode)
}

// typingName is the name of a mode in the interface language.
func (a *App) typingName(mode string) string {
	if mode == "" {
		return a.t("gui.typingOff")
	}
	return a.t("gui.typing." + mode)
}

// newTypingPick is the toolbar's choice of the typing mode; it also shows
// the mode in use.
func (a *App) newTypingPick() *widget.Select {
	names := make([]string, len(typingModes))
	for i, m := range typingModes {
		names[i] = a.typingName(m)
	}
	s := widget.NewSelect(names, nil)
	s.SetSelectedIndex(max(0, indexOf(typingModes, a.fyne.Preferences().String(prefTyping))))
	s.OnChanged = func(string) {
		if mode := typingModes[s.SelectedIndex()]; mode != a.fyne.Preferences().String(prefTyping) {
			a.setTyping(mode)
		}
	}
	a.controls.typingPick = s
	return s
}

// typingMenuItems are the modes in the Language menu, with the toggle's
// shortcut on the one to switch to.
func (a *App) typingMenuItems() []*fyne.MenuItem {
	current := a.fyne.Preferences().String(prefTyping)
	var items []*fyne.MenuItem
	for _, m := range typingModes {
		mode := m
		item := fyne.NewMenuItem(a.t("gui.typingMenu", map[string]any{"Mode": a.typingName(mode)}), func() { a.setTyping(mode) })
		item.Checked = mode == current
		items = append(items, item)
	}
	toggle := fyne.NewMenuItem(a.t("gui.typingToggle"), a.toggleTyping)
	toggle.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	return append(items, toggle)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// compose types a key with the typing mode into an entry that takes
// Vietnamese: it reports whether the key changed the word before the
// caret (the entry is then updated) or must be typed as usual.
func (e *entry) compose(r rune) bool {
	eng := e.a.controls.typing
	if eng == nil || !e.vietnamese || e.SelectedText() != "" {
		return false
	}
	lines := strings.Split(e.Text, "\n")
	if e.CursorRow >= len(lines) {
		return false
	}
	line := []rune(lines[e.CursorRow])
	col := min(e.CursorColumn, len(line))
	start := vnkey.WordStart(line[:col])
	out, transformed := eng.Type(line[start:col], r)
	if !transformed {
		return false
	}
	lines[e.CursorRow] = string(line[:start]) + string(out) + string(line[col:])
	e.SetText(strings.Join(lines, "\n"))
	e.CursorColumn = start + len(out)
	e.Refresh()
	return true
}
