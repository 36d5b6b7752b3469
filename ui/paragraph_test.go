package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/translations"
)

func TestWrapWordsBreaksAtSpacesWithinTheWidth(t *testing.T) {
	// Every character is 1 wide.
	measure := func(s string) float32 { return float32(len([]rune(s))) }
	for _, c := range []struct {
		text  string
		width float32
		want  []string
	}{
		{"một hai ba bốn", 7, []string{"một hai", "ba bốn"}},
		{"một hai ba bốn", 100, []string{"một hai ba bốn"}},
		{"một  hai\nba", 100, []string{"một hai", "ba"}},
		{"a\n\nb", 100, []string{"a", "", "b"}},
		{"ngắn dàiquákhổ x", 5, []string{"ngắn", "dàiquákhổ", "x"}},
		{"một hai ba", 0, []string{"một hai ba"}},
		{"", 10, []string{""}},
	} {
		if got := wrapWords(c.text, c.width, measure); !slices.Equal(got, c.want) {
			t.Errorf("wrapWords(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// TestParagraphWrapsLikeALabel lays out every question text and level
// descriptor of the questionnaire, in both languages and at two widths, as
// a paragraph and as a wrapped widget.Label: the lines are the same.
func TestParagraphWrapsLikeALabel(t *testing.T) {
	test.NewTempApp(t)
	qn, err := assessment.Default()
	if err != nil {
		t.Fatal(err)
	}
	lines := func(objs []fyne.CanvasObject) []string {
		var out []string
		for _, o := range objs {
			if txt, ok := o.(*canvas.Text); ok {
				out = append(out, strings.TrimSpace(txt.Text))
			}
		}
		return out
	}
	checked, differ := 0, 0
	for _, l := range translations.Languages() {
		loc := translations.New(l)
		for _, s := range qn.Sections {
			for _, q := range s.Questions {
				texts := []string{loc.T(q.TextID()), loc.T(q.HelpID())}
				if q.Type == assessment.Rubric {
					for level := range assessment.RubricLevels {
						texts = append(texts, loc.T(q.LevelID(level)))
					}
				}
				for _, text := range texts {
					for _, width := range []float32{420, 900} {
						label := widget.NewLabel(text)
						label.Wrapping = fyne.TextWrapWord
						label.Resize(fyne.NewSize(width, label.MinSize().Height))
						rich := test.WidgetRenderer(label).Objects()[0].(*widget.RichText)
						want := lines(test.WidgetRenderer(rich).Objects())
						p := newParagraph(text)
						p.Resize(fyne.NewSize(width, 100))
						got := lines(test.WidgetRenderer(p).Objects())
						checked++
						if !slices.Equal(got, want) {
							differ++
							if differ <= 3 {
								t.Errorf("%s at %v: paragraph %q, label %q", q.ID, width, got, want)
							}
						}
					}
				}
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d texts wrap differently", differ, checked)
	}
}

// stepFrames is the app's background with the frames of a progressive
// page run by the test's step.
type stepFrames struct {
	step func(func())
}

func (s stepFrames) afterFrame(fn func()) { s.step(fn) }

func (stepFrames) later(d time.Duration, step func()) func() bool { return goroutines{}.later(d, step) }

func (stepFrames) analyse(job *assessment.Analysis, apply func(*assessment.Uncertainty)) {
	goroutines{}.analyse(job, apply)
}

// TestProgressivePageAddsEveryCardInOrder: with Progressive, a page shows
// its first cards at once and adds the others a few per frame; a jump to a
// later question adds them all before scrolling; a page left stops adding.
func TestProgressivePageAddsEveryCardInOrder(t *testing.T) {
	a := newTestApp(t, translations.EN)
	a.opts.Progressive = true
	frames, painted := make(chan struct{}), make(chan struct{})
	a.bg = stepFrames{func(fn func()) {
		<-frames
		fn()
		painted <- struct{}{}
	}}
	// untilLoaded lets frames pass until a page stops adding cards.
	untilLoaded := func(p *pageView) {
		for {
			select {
			case <-p.loaded:
				return
			case frames <- struct{}{}:
				<-painted
			}
		}
	}
	openDemo(t, a)
	s, _ := a.qn.Section("gastronomy")
	a.showPage("gastronomy")
	p := shownAs[*pageView](t, a)
	if n := len(a.inputs.keys()); n != len(s.Questions) {
		t.Errorf("%d inputs for %d questions: every input exists from the start", n, len(s.Questions))
	}
	for shown := firstCards; ; shown = min(shown+cardsPerFrame, len(s.Questions)) {
		if n := len(p.box.Objects); n != 2+shown {
			t.Fatalf("%d objects, want title, intro and %d cards", n, shown)
		}
		if shown == len(s.Questions) {
			break
		}
		frames <- struct{}{}
		<-painted
	}
	untilLoaded(p)
	for i, q := range s.Questions {
		if p.box.Objects[2+i] != p.cards[q.ID] {
			t.Fatalf("card %d is not %s", i, q.ID)
		}
	}

	// A jump to a question of a page still being added.
	f, _ := a.qn.Section("film")
	last := f.Questions[firstCards+cardsPerFrame].ID
	a.ShowQuestion(last)
	card := shownAs[*pageView](t, a).cards[last]
	if len(shownAs[*pageView](t, a).box.Objects) != 2+len(f.Questions) || shownAs[*pageView](t, a).scroll.Offset.Y <= 0 ||
		shownAs[*pageView](t, a).scroll.Offset.Y != card.Position().Y {
		t.Errorf("jump: %d objects, offset %v, card at %v", len(shownAs[*pageView](t, a).box.Objects), shownAs[*pageView](t, a).scroll.Offset, card.Position())
	}
	untilLoaded(shownAs[*pageView](t, a)) // the page is whole: its adder stops

	// A page left before its cards are in stops adding them.
	a.showPage("design")
	design := shownAs[*pageView](t, a)
	a.showPage("music")
	untilLoaded(design)
	if len(design.box.Objects) != 2+firstCards {
		t.Errorf("a page no longer shown got %d objects", len(design.box.Objects))
	}
	untilLoaded(shownAs[*pageView](t, a))
}
