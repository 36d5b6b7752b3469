package ui

import (
	"image/color"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fileList is the list of a file dialog: one Tab stop whose rows show
// whole names, wrapped when long, so that two names are never shown
// alike. Up, Down, Home, End, Page Up and Page Down move; Enter opens a
// folder or chooses a file; Backspace goes up; a letter goes to the next
// name that starts with it. A click picks a row, a double click opens it.
type fileList struct {
	widget.BaseWidget
	c       *fileChooser
	rows    []fileRow
	cur     int // the row picked, -1 for none
	focused bool
	box     *fyne.Container
	scroll  *container.Scroll
	frame   *canvas.Rectangle
}

func newFileList(c *fileChooser) *fileList {
	l := &fileList{c: c, cur: -1, box: container.NewVBox()}
	l.scroll = container.NewVScroll(l.box)
	l.frame = canvas.NewRectangle(color.Transparent)
	l.frame.StrokeWidth = 2
	l.frame.CornerRadius = theme.InputRadiusSize()
	l.ExtendBaseWidget(l)
	return l
}

func (l *fileList) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(l.frame, l.scroll))
}

// setRows shows other rows, none picked (for opening, the first file).
func (l *fileList) setRows(rows []fileRow) {
	l.rows, l.cur = rows, -1
	objs := make([]fyne.CanvasObject, len(rows))
	for i, r := range rows {
		objs[i] = newFileRowView(l, i, r)
		if l.cur < 0 && l.c.mode == chooseOpen && !r.folder {
			l.cur = i
		}
	}
	l.box.Objects = objs
	l.box.Refresh()
	l.scroll.ScrollToTop()
	l.refreshRows()
}

// current is the row picked, if any.
func (l *fileList) current() (fileRow, bool) {
	if l.cur < 0 || l.cur >= len(l.rows) {
		return fileRow{}, false
	}
	return l.rows[l.cur], true
}

// pick makes row i the one picked and brings it into view; for saving,
// a file's name goes into the name entry.
func (l *fileList) pick(i int) {
	if len(l.rows) == 0 {
		return
	}
	l.cur = min(max(i, 0), len(l.rows)-1)
	l.refreshRows()
	l.ensureVisible(l.cur)
	if r := l.rows[l.cur]; l.c.mode == chooseSave && !r.folder {
		l.c.setName(r.name)
	}
}

func (l *fileList) refreshRows() {
	for _, o := range l.box.Objects {
		o.Refresh()
	}
}

// ensureVisible scrolls row i into view.
func (l *fileList) ensureVisible(i int) {
	row := l.box.Objects[i]
	top, bottom := row.Position().Y, row.Position().Y+row.Size().Height
	off, view := l.scroll.Offset.Y, l.scroll.Size().Height
	switch {
	case top < off:
		l.scroll.ScrollToOffset(fyne.NewPos(0, top))
	case bottom > off+view && view > 0:
		l.scroll.ScrollToOffset(fyne.NewPos(0, bottom-view))
	}
}

// FocusGained shows the frame.
func (l *fileList) FocusGained() {
	l.focused = true
	l.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
	l.frame.Refresh()
}

// FocusLost hides the frame.
func (l *fileList) FocusLost() {
	l.focused = false
	l.frame.StrokeColor = color.Transparent
	l.frame.Refresh()
}

// TypedKey moves, opens, goes up, or gives the key to the dialog.
func (l *fileList) TypedKey(k *fyne.KeyEvent) {
	const page = 10
	switch k.Name {
	case fyne.KeyDown:
		l.pick(l.cur + 1)
	case fyne.KeyUp:
		l.pick(l.cur - 1)
	case fyne.KeyHome:
		l.pick(0)
	case fyne.KeyEnd:
		l.pick(len(l.rows) - 1)
	case fyne.KeyPageDown:
		l.pick(l.cur + page)
	case fyne.KeyPageUp:
		l.pick(l.cur - page)
	case fyne.KeyBackspace:
		if len(l.rows) > 0 && l.rows[0].parent {
			l.c.load(l.rows[0].path)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if r, ok := l.current(); ok {
			l.c.activate(r)
			return
		}
		l.c.a.windowKey(k)
	default:
		l.c.a.windowKey(k)
	}
}

// TypedRune goes to the next name that starts with the letter typed.
func (l *fileList) TypedRune(r rune) {
	n := len(l.rows)
	for step := 1; step <= n; step++ {
		i := (l.cur + step + n) % n
		if row := l.rows[i]; !row.parent {
			if first := []rune(row.name); len(first) > 0 && unicode.ToLower(first[0]) == unicode.ToLower(r) {
				l.pick(i)
				return
			}
		}
	}
}

// tapped picks a row and takes the focus.
func (l *fileList) tapped(i int) {
	l.pick(i)
	l.c.a.win.Canvas().Focus(l)
}

// fileRowView shows one row: an icon and the whole name, on a highlight
// when it is the row picked.
type fileRowView struct {
	widget.BaseWidget
	l     *fileList
	index int
	row   fileRow
	bg    *canvas.Rectangle
}

func newFileRowView(l *fileList, index int, row fileRow) *fileRowView {
	v := &fileRowView{l: l, index: index, row: row, bg: canvas.NewRectangle(color.Transparent)}
	v.ExtendBaseWidget(v)
	return v
}

func (v *fileRowView) CreateRenderer() fyne.WidgetRenderer {
	icon := theme.FileIcon()
	switch {
	case v.row.parent:
		icon = theme.MoveUpIcon()
	case v.row.folder:
		icon = theme.FolderIcon()
	}
	name := widget.NewLabel(v.row.name)
	name.Wrapping = fyne.TextWrapWord
	if v.row.folder {
		name.TextStyle.Bold = true
	}
	v.refreshBackground()
	return widget.NewSimpleRenderer(container.NewStack(v.bg,
		container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), nil, name)))
}

func (v *fileRowView) refreshBackground() {
	v.bg.FillColor = color.Transparent
	if v.index == v.l.cur {
		v.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	v.bg.Refresh()
}

func (v *fileRowView) Refresh() {
	v.refreshBackground()
	v.BaseWidget.Refresh()
}

// Tapped picks the row.
func (v *fileRowView) Tapped(*fyne.PointEvent) { v.l.tapped(v.index) }

// DoubleTapped opens the row.
func (v *fileRowView) DoubleTapped(*fyne.PointEvent) {
	v.l.tapped(v.index)
	v.l.c.activate(v.row)
}

var (
	_ fyne.Focusable      = (*fileList)(nil)
	_ fyne.Tappable       = (*fileRowView)(nil)
	_ fyne.DoubleTappable = (*fileRowView)(nil)
)
