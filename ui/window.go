package ui

import (
	"fyne.io/fyne/v2"
)

// The first window's content: at most 1280×680, so that with its title bar
// and the taskbar the window fits a 1366×768 screen, the most common one of
// office laptops, and a 1920×1080 screen at 150% scaling. Taller content
// scrolls.
var defaultWindowSize = fyne.NewSize(1280, 680)

// Preference keys of the window's size, remembered between starts.
const (
	prefWindowWidth  = "windowWidth"
	prefWindowHeight = "windowHeight"
)

// windowSize is the size the window had when it was last closed, or the
// default one.
func (a *App) windowSize() fyne.Size {
	p := a.fyne.Preferences()
	w, h := p.Float(prefWindowWidth), p.Float(prefWindowHeight)
	if w <= 0 || h <= 0 {
		return defaultWindowSize
	}
	return fyne.NewSize(float32(w), float32(h))
}

// rememberWindowSize stores the window's size for the next start.
func (a *App) rememberWindowSize() {
	s := a.win.Canvas().Size()
	if s.Width <= 0 || s.Height <= 0 {
		return
	}
	p := a.fyne.Preferences()
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}

// dropped opens the first file dropped on the window, as Open would.
func (a *App) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if u.Scheme() != "file" {
			continue
		}
		path := u.Path()
		a.guardUnsaved(func() { a.OpenPath(path) })
		return
	}
}

// focusFirstInput puts the keyboard focus on the first input of the page
// shown, so that typing starts there.
func (a *App) focusFirstInput() {
	if f := a.firstInput(); f != nil {
		a.win.Canvas().Focus(f)
	}
}

// firstInput is the first input of the page shown: a section's first
// question, the action plan's or the application's first input; nil on
// other pages.
func (a *App) firstInput() fyne.Focusable {
	if a.shown == nil {
		return nil
	}
	return a.shown.first()
}
