package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textBox is a multi-line text input (an answer's evidence, a text
// answer) that shows its text as a paragraph in an input's frame until it
// is first focused or clicked, and then is the app's multi-line entry.
// The toolkit's wrapped entry lays its text out by shaping ever longer
// parts of it at every width the layout tries: a page of filled-in
// evidence boxes spent most of its first frame there. A paragraph
// measures each word once.
type textBox struct {
	widget.BaseWidget
	a           *App
	rows        int
	text        string
	placeholder string
	// OnChanged is called with the text as it is typed.
	OnChanged func(string)
	// english: the text is in a language of the application (English,
	// French), where the Vietnamese typing mode does not compose.
	english bool

	entry   *entry     // made at the first focus or click
	shown   int        // the lines the entry is high
	display *paragraph // the text until then
	content *fyne.Container
}

func newTextBox(a *App, rows int) *textBox {
	b := &textBox{a: a, rows: rows, display: newParagraph("")}
	b.ExtendBaseWidget(b)
	return b
}

// Text is the text of the box.
func (b *textBox) Text() string {
	if b.entry != nil {
		return b.entry.Text
	}
	return b.text
}

// SetText sets the text (calling OnChanged once the entry exists, as an
// entry does).
func (b *textBox) SetText(s string) {
	b.text = s
	if b.entry != nil {
		b.entry.SetText(s)
		return
	}
	b.showText()
}

// SetPlaceHolder sets the hint shown while the box is empty.
func (b *textBox) SetPlaceHolder(s string) {
	b.placeholder = s
	if b.entry != nil {
		b.entry.SetPlaceHolder(s)
		return
	}
	b.showText()
}

func (b *textBox) showText() {
	b.display.ColorName = theme.ColorNameForeground
	b.display.SetText(b.text)
	if b.text == "" {
		b.display.ColorName = theme.ColorNamePlaceHolder
		b.display.SetText(b.placeholder)
	}
}

func (b *textBox) CreateRenderer() fyne.WidgetRenderer {
	b.showText()
	frame := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	frame.CornerRadius = theme.InputRadiusSize()
	frame.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	frame.StrokeWidth = theme.InputBorderSize()
	b.content = container.NewStack(frame, container.New(&minRows{b: b}, b.display))
	if b.entry != nil {
		b.content.Objects = []fyne.CanvasObject{b.entry}
	}
	return widget.NewSimpleRenderer(b.content)
}

// minRows keeps the box at least rows lines high.
type minRows struct{ b *textBox }

func (l *minRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
	}
}

func (l *minRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	row := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(m.Width, max(m.Height, row*float32(l.b.rows)+2*theme.InnerPadding()))
}

// edit makes the box an entry, once, and returns it.
func (b *textBox) edit() *entry {
	if b.entry != nil {
		return b.entry
	}
	// The entry shows as many lines as the paragraph did, so that the box
	// keeps its height and the page does not move under the caret.
	b.shown = max(b.rows, len(b.display.lines))
	e := newTextArea(b.a, b.shown)
	e.box = b
	e.vietnamese = !b.english
	e.SetText(b.text)
	e.SetPlaceHolder(b.placeholder)
	e.OnChanged = func(s string) {
		b.text = s
		b.fit()
		if b.OnChanged != nil {
			b.OnChanged(s)
		}
	}
	b.entry = e
	if b.content != nil {
		b.content.Objects = []fyne.CanvasObject{e}
		b.content.Refresh()
		b.Refresh()
	}
	return e
}

// fit grows or shrinks the entry to the lines of its text at its width
// (at least the box's rows), as the paragraph does: the box grows as
// text is typed, and the caret's line stays in the page, not in a scroll
// of the box.
func (b *textBox) fit() {
	e := b.entry
	width := e.Size().Width - 2*theme.InnerPadding()
	if width <= 0 {
		return
	}
	size := theme.TextSize()
	measure := func(s string) float32 { return fyne.MeasureText(s, size, e.TextStyle).Width }
	if rows := max(b.rows, len(wrapWords(e.Text, width, measure))); rows != b.shown {
		b.shown = rows
		e.SetMinRowsVisible(rows)
	}
}

// FocusGained hands the focus to the entry the box becomes: Tab lands on
// the box, then on its entry, as one stop.
func (b *textBox) FocusGained() {
	e := b.edit()
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
		c.Focus(e)
	}
}

// FocusLost does nothing: the entry has the focus.
func (b *textBox) FocusLost() {}

// Tapped makes the box an entry and focuses it, as a click on an entry.
func (b *textBox) Tapped(*fyne.PointEvent) { b.FocusGained() }

// TypedRune types into the entry.
func (b *textBox) TypedRune(r rune) { b.edit().TypedRune(r) }

// TypedKey types into the entry.
func (b *textBox) TypedKey(k *fyne.KeyEvent) { b.edit().TypedKey(k) }

// AcceptsTab is false: Tab moves on.
func (b *textBox) AcceptsTab() bool { return false }
