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

// focusFirstInput puts the keyboard focus on the first input of the
// section page shown, so that typing starts there.
func (a *App) focusFirstInput() {
	switch {
	case a.planView != nil:
		a.win.Canvas().Focus(a.planView.first())
		return
	case a.dossierView != nil && a.dossierView.first() != nil:
		a.win.Canvas().Focus(a.dossierView.first())
		return
	case a.pageView == nil || len(a.pageView.s.Questions) == 0:
		return
	}
	var f fyne.Focusable
	switch w := a.inputs[a.pageView.s.Questions[0].ID].(type) {
	case *entry:
		f = w
	case numberWidget:
		f = w.entry
	case *choice:
		f = w
	}
	if f != nil {
		a.win.Canvas().Focus(f)
	}
}
