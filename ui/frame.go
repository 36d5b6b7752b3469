package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// The window's frame: the toolbar on top, the navigation and the page side
// by side under it, with a divider the mouse drags between them, and the
// status line at the bottom.
//
// Its Tab order is one cycle: the navigation, the toolbar, the page's
// inputs in order, then the navigation again; Shift+Tab goes the other
// way. The toolkit moves the focus in the order the window holds its
// objects, so the frame holds them in that order. The divider is the
// toolkit's split, laid over two empty slots that hand the places it
// gives them to the navigation and the page.

// newFrame lays the window's parts out.
// offset is the share of the width the navigation starts with.
func newFrame(toolbar, nav, body, status fyne.CanvasObject, offset float64) fyne.CanvasObject {
	l := &frameLayout{border: layout.NewBorderLayout(toolbar, status, nil, nil), toolbar: toolbar, status: status}
	l.nav, l.body = newSlot(l, nav), newSlot(l, body)
	l.split = container.NewHSplit(l.nav, l.body)
	l.split.Offset = offset
	return container.New(l, l.split, nav, toolbar, body, status)
}

// frameLayout lays the toolbar, the split and the status line out as a
// border layout does, and the navigation and the page where the split
// puts their slots.
type frameLayout struct {
	border          fyne.Layout
	toolbar, status fyne.CanvasObject
	split           *container.Split
	nav, body       *slot
}

func (l *frameLayout) parts() []fyne.CanvasObject {
	return []fyne.CanvasObject{l.split, l.toolbar, l.status}
}

func (l *frameLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.border.Layout(l.parts(), size)
	l.nav.place()
	l.body.place()
}

func (l *frameLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.border.MinSize(l.parts()) }

// slot is an empty place in the split that puts what it stands for where
// the split puts it.
type slot struct {
	widget.BaseWidget
	frame  *frameLayout
	target fyne.CanvasObject
}

func newSlot(f *frameLayout, target fyne.CanvasObject) *slot {
	s := &slot{frame: f, target: target}
	s.ExtendBaseWidget(s)
	return s
}

func (s *slot) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// MinSize is the target's.
func (s *slot) MinSize() fyne.Size { return s.target.MinSize() }

// Move moves the target with the slot.
func (s *slot) Move(p fyne.Position) {
	s.BaseWidget.Move(p)
	s.place()
}

// Resize resizes the target with the slot.
func (s *slot) Resize(size fyne.Size) {
	s.BaseWidget.Resize(size)
	s.place()
}

// place puts the target on the slot; both are in the frame, the slot
// inside the split.
func (s *slot) place() {
	if s.frame.split == nil {
		return
	}
	s.target.Move(s.frame.split.Position().Add(s.Position()))
	s.target.Resize(s.Size())
}
