package ui

import (
	"image/color"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// choice is one answer among a few options, each a row with its text: the
// rubric's five levels with their descriptors, or yes and no. It is one
// Tab stop. By keyboard, a key picks an option (0–4 for a rubric, the
// first letter of yes or no or its number, 1 or 2), Up and Down move
// between options, Delete or BackSpace clears the answer, and any other
// key says in the status line which keys answer; by mouse, a click picks
// an option and a click on the chosen one clears it. Focus shows as a
// frame around it.
type choice struct {
	widget.BaseWidget
	a        *App
	options  []string
	keys     []rune // the key of each option
	alt      []rune // a second key of each option (nil: none)
	selected int    // -1: no answer
	focused  bool
	// hint is what the status line says of a key that answers nothing.
	hint func(r rune) string
	// OnChanged is called with the option chosen by the user, -1 for none.
	OnChanged func(int)

	rows  []*choiceRow
	frame *canvas.Rectangle
}

func newChoice(a *App, options []string, keys []rune) *choice {
	c := &choice{a: a, options: options, keys: keys, selected: -1}
	c.ExtendBaseWidget(c)
	return c
}

// newLevelChoice is the choice of a rubric's levels 0 to 4.
func newLevelChoice(a *App, descriptors []string) *choice {
	keys := make([]rune, len(descriptors))
	for i := range descriptors {
		keys[i] = rune('0' + i)
	}
	return newChoice(a, descriptors, keys)
}

// Selected is the option chosen, -1 for none.
func (c *choice) Selected() int { return c.selected }

// SetSelected shows an option as chosen (-1: none) without calling OnChanged.
func (c *choice) SetSelected(i int) {
	c.selected = i
	c.Refresh()
}

// pick chooses an option as the user does, calling OnChanged.
func (c *choice) pick(i int) {
	if i == c.selected {
		return
	}
	c.SetSelected(i)
	if c.OnChanged != nil {
		c.OnChanged(i)
	}
}

func (c *choice) CreateRenderer() fyne.WidgetRenderer {
	c.frame = canvas.NewRectangle(color.Transparent)
	c.frame.StrokeWidth = 2
	c.frame.CornerRadius = theme.InputRadiusSize()
	box := container.NewVBox()
	c.rows = nil
	for i, text := range c.options {
		r := newChoiceRow(c, i, text)
		c.rows = append(c.rows, r)
		box.Add(r)
	}
	r := &choiceRenderer{c: c, objects: []fyne.CanvasObject{c.frame, box}, box: box}
	r.Refresh()
	return r
}

// FocusGained shows the frame and scrolls the choice into view.
func (c *choice) FocusGained() {
	c.focused = true
	c.Refresh()
	c.a.reveal(c)
}

// FocusLost hides the frame.
func (c *choice) FocusLost() {
	c.a.inputLeft(c)
	c.focused = false
	c.Refresh()
}

// TypedRune picks the option of a key, or says which keys answer.
func (c *choice) TypedRune(r rune) {
	if i := c.optionOf(r); i >= 0 {
		c.pick(i)
		return
	}
	if c.hint != nil && !unicode.IsSpace(r) {
		c.a.chrome.status.SetText(c.hint(r))
	}
}

// optionOf is the option a key picks, -1 for none.
func (c *choice) optionOf(r rune) int {
	for i, k := range c.keys {
		if unicode.ToLower(k) == unicode.ToLower(r) || (i < len(c.alt) && c.alt[i] == r) {
			return i
		}
	}
	return -1
}

// keyLabel is the key shown on an option's row: its key, and its second
// key if it has one ("C/1").
func (c *choice) keyLabel(i int) string {
	if i < len(c.alt) {
		return string(c.keys[i]) + "/" + string(c.alt[i])
	}
	return string(c.keys[i])
}

// TypedKey moves between options, clears, or gives the window its keys.
func (c *choice) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		c.pick(min(c.selected+1, len(c.options)-1))
	case fyne.KeyUp:
		if c.selected < 0 {
			c.pick(len(c.options) - 1)
		} else {
			c.pick(max(c.selected-1, 0))
		}
	case fyne.KeyDelete, fyne.KeyBackspace:
		c.pick(-1)
	default:
		c.a.windowKey(k)
	}
}

// tapped picks an option, or clears it when it was chosen, and takes the
// focus.
func (c *choice) tapped(i int) {
	if i == c.selected {
		i = -1
	}
	c.pick(i)
	c.a.win.Canvas().Focus(c)
}

type choiceRenderer struct {
	c       *choice
	objects []fyne.CanvasObject
	box     *fyne.Container
}

func (r *choiceRenderer) Layout(size fyne.Size) {
	r.c.frame.Resize(size)
	pad := theme.Padding()
	r.box.Move(fyne.NewPos(pad, pad))
	r.box.Resize(size.SubtractWidthHeight(2*pad, 2*pad))
}

func (r *choiceRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	return r.box.MinSize().AddWidthHeight(2*pad, 2*pad)
}

func (r *choiceRenderer) Refresh() {
	if r.c.focused {
		r.c.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
	} else {
		r.c.frame.StrokeColor = color.Transparent
	}
	r.c.frame.Refresh()
	for _, row := range r.c.rows {
		row.Refresh()
	}
}

func (r *choiceRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *choiceRenderer) Destroy()                     {}

// choiceRow is one option: a radio mark, its key and its text.
type choiceRow struct {
	widget.BaseWidget
	c     *choice
	index int
	icon  *widget.Icon
	text  fyne.CanvasObject
}

func newChoiceRow(c *choice, index int, text string) *choiceRow {
	r := &choiceRow{c: c, index: index, icon: widget.NewIcon(theme.RadioButtonIcon())}
	r.text = newParagraph(text)
	r.ExtendBaseWidget(r)
	return r
}

func (r *choiceRow) CreateRenderer() fyne.WidgetRenderer {
	key := widget.NewLabel(r.c.keyLabel(r.index))
	key.TextStyle.Monospace = true
	left := container.NewHBox(container.NewVBox(r.icon), container.NewVBox(key))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, left, nil, r.text))
}

func (r *choiceRow) Refresh() {
	icon := theme.RadioButtonIcon()
	if r.c.selected == r.index {
		icon = theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon())
	}
	r.icon.SetResource(icon)
	r.BaseWidget.Refresh()
}

// Tapped picks this option.
func (r *choiceRow) Tapped(*fyne.PointEvent) { r.c.tapped(r.index) }

// flatButton looks like a button and acts when clicked, but takes no
// keyboard focus: an action for the mouse beside an input that has its own
// key for it (Clear answer beside a choice, which Delete clears).
type flatButton struct {
	widget.BaseWidget
	text    string
	icon    fyne.Resource
	tapped  func()
	hovered bool
	bg      *canvas.Rectangle
}

func newFlatButton(text string, icon fyne.Resource, tapped func()) *flatButton {
	b := &flatButton{text: text, icon: icon, tapped: tapped}
	b.ExtendBaseWidget(b)
	return b
}

func (b *flatButton) CreateRenderer() fyne.WidgetRenderer {
	b.bg = canvas.NewRectangle(theme.Color(theme.ColorNameButton))
	b.bg.CornerRadius = theme.InputRadiusSize()
	content := container.NewHBox(widget.NewIcon(b.icon))
	if b.text != "" {
		content.Add(widget.NewLabel(b.text))
	}
	return widget.NewSimpleRenderer(container.NewStack(b.bg, content))
}

// Refresh shows the hover as a button does.
func (b *flatButton) Refresh() {
	if b.bg != nil {
		b.bg.FillColor = theme.Color(theme.ColorNameButton)
		if b.hovered {
			b.bg.FillColor = theme.Color(theme.ColorNameHover)
		}
		b.bg.Refresh()
	}
	b.BaseWidget.Refresh()
}

// Tapped acts.
func (b *flatButton) Tapped(*fyne.PointEvent) { b.tapped() }

// Cursor is the pointing hand of a link.
func (b *flatButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn, MouseMoved and MouseOut show the hover.
func (b *flatButton) MouseIn(*desktop.MouseEvent) {
	b.hovered = true
	b.Refresh()
}
func (b *flatButton) MouseMoved(*desktop.MouseEvent) {}
func (b *flatButton) MouseOut() {
	b.hovered = false
	b.Refresh()
}
