package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// paragraph is read-only text that wraps at spaces, laid out like a
// wrapped widget.Label. The toolkit's label finds each line break by a
// binary search that shapes ever longer parts of the text, again at every
// width the layout tries: on a page of question cards that was most of the
// time to the first frame (see README, Performance). A paragraph measures
// each word once (the toolkit caches measures by text, so words repeated
// across the page are measured once in all) and fills its lines greedily.
// A word wider than the line stays whole on a line of its own.
type paragraph struct {
	widget.BaseWidget
	Text      string
	TextStyle fyne.TextStyle
	SizeName  fyne.ThemeSizeName  // default theme.SizeNameText
	ColorName fyne.ThemeColorName // default theme.ColorNameForeground

	lines []string // the lines at the current width
}

func newParagraph(text string) *paragraph {
	p := &paragraph{Text: text}
	p.ExtendBaseWidget(p)
	return p
}

// SetText changes the text.
func (p *paragraph) SetText(text string) {
	p.Text = text
	p.Refresh()
}

// Resize lays the lines out for the new width; when their number changes,
// the paragraph's height does, and the refresh lets the parent lay out again.
func (p *paragraph) Resize(size fyne.Size) {
	if size == p.Size() {
		return
	}
	before := len(p.lines)
	p.BaseWidget.Resize(size)
	if len(p.lines) != before {
		p.Refresh()
	}
}

func (p *paragraph) CreateRenderer() fyne.WidgetRenderer {
	p.ExtendBaseWidget(p)
	return &paragraphRenderer{p: p}
}

// metrics returns the text size and the padding of the current theme.
func (p *paragraph) metrics() (textSize, pad float32) {
	th := p.Theme()
	name := p.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	return th.Size(name), th.Size(theme.SizeNameInnerPadding)
}

func (p *paragraph) color() color.Color {
	name := p.ColorName
	if name == "" {
		name = theme.ColorNameForeground
	}
	return p.Theme().Color(name, fyne.CurrentApp().Settings().ThemeVariant())
}

// wrap computes the lines for a width (0: not laid out yet, one line per
// paragraph of the text).
func (p *paragraph) wrap(width float32) []string {
	textSize, pad := p.metrics()
	measure := func(s string) float32 { return fyne.MeasureText(s, textSize, p.TextStyle).Width }
	return wrapWords(p.Text, width-2*pad, measure)
}

// wrapWords breaks text into lines no wider than width where it can, at
// spaces, keeping its own line breaks; width <= 0 breaks at the text's own
// line breaks only.
func wrapWords(text string, width float32, measure func(string) float32) []string {
	var lines []string
	space := float32(-1)
	for _, para := range strings.Split(text, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		if width <= 0 {
			lines = append(lines, strings.Join(words, " "))
			continue
		}
		if space < 0 {
			space = measure(" ")
		}
		line, lineWidth := words[0], measure(words[0])
		for _, w := range words[1:] {
			ww := measure(w)
			if lineWidth+space+ww <= width {
				line += " " + w
				lineWidth += space + ww
				continue
			}
			lines = append(lines, line)
			line, lineWidth = w, ww
		}
		lines = append(lines, line)
	}
	return lines
}

type paragraphRenderer struct {
	p     *paragraph
	texts []fyne.CanvasObject
}

func (r *paragraphRenderer) Destroy() {}

func (r *paragraphRenderer) Objects() []fyne.CanvasObject { return r.texts }

func (r *paragraphRenderer) rowHeight() float32 {
	textSize, _ := r.p.metrics()
	return fyne.MeasureText("M", textSize, r.p.TextStyle).Height
}

// MinSize is as narrow as one character and as tall as the lines at the
// current width.
func (r *paragraphRenderer) MinSize() fyne.Size {
	textSize, pad := r.p.metrics()
	if r.p.lines == nil {
		r.p.lines = r.p.wrap(r.p.Size().Width)
	}
	char := fyne.MeasureText("M", textSize, r.p.TextStyle)
	return fyne.NewSize(char.Width+2*pad, float32(len(r.p.lines))*char.Height+2*pad)
}

func (r *paragraphRenderer) Layout(size fyne.Size) {
	r.p.lines = r.p.wrap(size.Width)
	r.update()
}

func (r *paragraphRenderer) Refresh() {
	r.p.lines = r.p.wrap(r.p.Size().Width)
	r.update()
}

// update makes one text object per line and places them.
func (r *paragraphRenderer) update() {
	textSize, pad := r.p.metrics()
	height := r.rowHeight()
	fill := r.p.color()
	for len(r.texts) < len(r.p.lines) {
		r.texts = append(r.texts, canvas.NewText("", fill))
	}
	r.texts = r.texts[:len(r.p.lines)]
	for i, line := range r.p.lines {
		t := r.texts[i].(*canvas.Text)
		changed := t.Text != line || t.TextSize != textSize || t.TextStyle != r.p.TextStyle || t.Color != fill
		t.Text, t.TextSize, t.TextStyle, t.Color = line, textSize, r.p.TextStyle, fill
		t.Move(fyne.NewPos(pad, pad+float32(i)*height))
		t.Resize(fyne.NewSize(r.p.Size().Width-2*pad, height))
		if changed {
			t.Refresh()
		}
	}
}
