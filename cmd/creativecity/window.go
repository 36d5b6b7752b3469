package main

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// errNoWindow is a start that left the window without a native one: the
// toolkit logged why (recorded by recordLog).
var errNoWindow = errors.New("the window could not be created")

// hasNativeWindow reports whether the toolkit made a native window for w.
func hasNativeWindow(w fyne.Window) bool {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return true
	}
	created := true
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.X11WindowContext:
			created = c.WindowHandle != 0
		case driver.WindowsWindowContext:
			created = c.HWND != 0
		case driver.WaylandWindowContext:
			created = c.WaylandSurface != 0
		}
	})
	return created
}

// frameAllowance is the room a window's title bar and borders take around
// its content, in the toolkit's units, on the desktops the app is used on.
var frameAllowance = fyne.NewSize(16, 40)

// fitScreen shrinks the window when its content would not fit the primary
// screen's work area (the screen less the taskbar), for example the
// remembered size of a larger screen, or a 1024×600 netbook screen. The
// content then scrolls. Call it on the main goroutine once the window is
// shown and before the app runs.
func fitScreen(w fyne.Window) {
	m := glfw.GetPrimaryMonitor()
	scale := w.Canvas().Scale()
	if m == nil || scale <= 0 {
		return
	}
	_, _, width, height := m.GetWorkarea()
	limit := fyne.NewSize(float32(width)/scale-frameAllowance.Width, float32(height)/scale-frameAllowance.Height)
	size := w.Canvas().Size()
	if width <= 0 || height <= 0 || (size.Width <= limit.Width && size.Height <= limit.Height) {
		return
	}
	w.Resize(fyne.NewSize(min(size.Width, limit.Width), min(size.Height, limit.Height)))
}
