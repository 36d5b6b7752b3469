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
	word       vnkey.State // the keys of the word being typed, in wordIn
	wordIn     *entry
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
	c.word, c.wordIn = vnkey.State{}, nil
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
	asIs := fyne.NewMenuItem(a.t("gui.typingAsIs"), a.typeWordAsIs)
	asIs.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	asIs.Disabled = a.controls.typing == nil
	return append(items, toggle, asIs)
}

// typeWordAsIs gives back the word before the caret of the focused text
// box as its keys were typed ("Vieetj" for "Việt") and types the rest of
// the word as is, until a space or punctuation.
func (a *App) typeWordAsIs() {
	e, ok := a.win.Canvas().Focused().(*entry)
	eng := a.controls.typing
	if !ok || eng == nil || a.controls.wordIn != e {
		return
	}
	lines, line, start, col, ok := e.wordBeforeCaret()
	if !ok {
		return
	}
	if out, ok := eng.Restore(&a.controls.word, line[start:col]); ok {
		e.replaceWord(lines, line, start, col, out)
	}
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
// caret (the entry is then updated) or must be typed as usual. The keys
// typed for the word are kept, so that a word that is not Vietnamese is
// given back as typed when it ends.
func (e *entry) compose(r rune) bool {
	c := &e.a.controls
	if c.typing == nil || !e.vietnamese || e.SelectedText() != "" {
		return false
	}
	lines, line, start, col, ok := e.wordBeforeCaret()
	if !ok {
		return false
	}
	if c.wordIn != e {
		c.word, c.wordIn = vnkey.State{}, e
	}
	out, transformed := c.typing.TypeWord(&c.word, line[start:col], r)
	if transformed {
		e.replaceWord(lines, line, start, col, out)
	}
	return transformed
}

// wordBeforeCaret splits the entry's text into lines and finds the caret's
// line, its column and where the word before it starts.
func (e *entry) wordBeforeCaret() (lines []string, line []rune, start, col int, ok bool) {
	lines = strings.Split(e.Text, "\n")
	if e.CursorRow >= len(lines) {
		return nil, nil, 0, 0, false
	}
	line = []rune(lines[e.CursorRow])
	col = min(e.CursorColumn, len(line))
	return lines, line, vnkey.WordStart(line[:col]), col, true
}

// replaceWord puts out in place of line[start:col] and the caret after it.
func (e *entry) replaceWord(lines []string, line []rune, start, col int, out []rune) {
	lines[e.CursorRow] = string(line[:start]) + string(out) + string(line[col:])
	e.SetText(strings.Join(lines, "\n"))
	e.CursorColumn = start + len(out)
	e.Refresh()
}
