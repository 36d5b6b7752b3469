package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme is the app's look: the toolkit's theme with a focus that can be
// seen from a desk's distance (the toolkit's own focus colour is a faint
// tint, barely visible on radios, buttons and the navigation list).
func Theme() fyne.Theme { return focusTheme{theme.DefaultTheme()} }

type focusTheme struct{ fyne.Theme }

func (t focusTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		r, g, b, _ := t.Theme.Color(theme.ColorNamePrimary, v).RGBA()
		return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0xb0}
	}
	return t.Theme.Color(n, v)
}
