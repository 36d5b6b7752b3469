package ui

import (
	"image/png"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
)

// ScreenshotSize is the size of the window content in screenshots.
var ScreenshotSize = fyne.NewSize(1280, 800)

// Screenshot lays the window's content out at 1280×800, renders it with
// the software painter and writes a PNG. (The GL window's own capture is
// not reliable on headless X servers.)
func (a *App) Screenshot(path string) error {
	// The picture shows the page whole, with the analysis of a file just
	// opened.
	a.analyseNow()
	a.completePage()
	c := software.NewCanvas()
	c.SetContent(a.win.Content())
	c.Resize(ScreenshotSize)
	// Paragraphs wrap at the width they get: lay the page out again
	// with their heights at that width.
	if s := a.currentScroll(); s != nil {
		s.Content.Refresh()
		s.Refresh()
	}
	img := c.Capture()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
