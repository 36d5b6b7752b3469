package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// resultsLabel is the label of the results page whose text is text, nil
// when there is none.
func resultsLabel(a *App, text string) *widget.Label {
	var found *widget.Label
	walk(a.chrome.body, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			found = l
		}
	})
	return found
}

// savedDecisions saves the document to a new file and reads back the
// file's "decisions" member as it is written.
func savedDecisions(t *testing.T, a *App) assessment.Decisions {
	t.Helper()
	path := filepath.Join(t.TempDir(), "decisions.ccsa")
	if err := a.doc.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Decisions assessment.Decisions `json:"decisions"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	return file.Decisions
}

// TestAFieldIsSetAsideFromTheResultsPageByKeyboard: "Set aside…" asks
// for the reason, Enter confirms; the field is greyed with its reason,
// the recommendation moves to the best candidate, the file holds the
// decision, and the focus stays on the field's line, whose button now
// takes the field back.
func TestAFieldIsSetAsideFromTheResultsPageByKeyboard(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newInlineTestApp(t, lang)
		openDemo(t, a)
		a.doc.Discard()
		a.showPage(ResultsPage)
		name := l10n.SectionName(a.loc, "gastronomy")
		// The demonstration names gastronomy as the field it intends to
		// apply in.
		if a.Assessment().IntendedField() != "gastronomy" {
			t.Fatalf("%s: the demonstration intends %q", lang, a.Assessment().IntendedField())
		}
		test.Tap(linkButton(t, a, a.t("gui.decisionIntended", map[string]any{"Field": name})))
		reason, ok := a.win.Canvas().Focused().(*entry)
		if !ok {
			t.Fatalf("%s: the reason's entry does not have the focus: %T", lang, a.win.Canvas().Focused())
		}
		test.Type(reason, "no festival")
		reason.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if got, aside := a.Assessment().SetAsideReason("gastronomy"); !aside || got != "no festival" || !a.Dirty() {
			t.Fatalf("%s: set aside %v with %q, dirty %v", lang, aside, got, a.Dirty())
		}
		if rec := a.Result().Recommendation.Field; rec != "crafts" || a.Assessment().IntendedField() != "" {
			t.Errorf("%s: the recommendation is %q, not the best candidate crafts, or gastronomy is still intended (%q)",
				lang, rec, a.Assessment().IntendedField())
		}
		line := resultsLabel(a, a.t("gui.decisionSetAside", map[string]any{"Field": name, "Reason": "no festival"}))
		if line == nil || line.Importance != widget.LowImportance {
			t.Errorf("%s: the field set aside is not greyed with its reason: %+v", lang, line)
		}
		if l := resultsLabel(a, name); l == nil || l.Importance != widget.LowImportance {
			t.Errorf("%s: the chart does not grey the field set aside", lang)
		}
		if !strings.Contains(pageText(a), a.t("gui.recommendationLine", map[string]any{
			"Field": l10n.SectionName(a.loc, "crafts"), "Confidence": l10n.Confidence(a.loc, a.Result().Recommendation.Confidence)})) {
			t.Errorf("%s: the page does not recommend crafts", lang)
		}
		if d := savedDecisions(t, a); d.SetAside["gastronomy"] != "no festival" {
			t.Errorf("%s: the file's decisions %+v", lang, d)
		}
		back, ok := a.win.Canvas().Focused().(*button)
		if !ok || back.Text != a.t("gui.reconsider") || back != shownAs[*resultsView](t, a).focusables["decide/gastronomy"] {
			t.Fatalf("%s: the focus is on %T, not on the field's Reconsider button", lang, a.win.Canvas().Focused())
		}
		pressKey(a, fyne.KeySpace, ' ')
		if !a.Assessment().Candidate("gastronomy") || a.Result().Recommendation.Field != "gastronomy" {
			t.Errorf("%s: Reconsider did not take the field back", lang)
		}
	}
}

// TestTheIntendedFieldIsChosenOnTheResultsAndApplicationPages: the
// choice is recorded and saved, the results page says plainly that it
// differs from the recommendation, and the application page offers the
// same choice and drafts for it.
func TestTheIntendedFieldIsChosenOnTheResultsAndApplicationPages(t *testing.T) {
	a := newInlineTestApp(t, translations.EN)
	openDemo(t, a)
	a.doc.Discard()
	a.showPage(ResultsPage)
	pick := shownAs[*resultsView](t, a).focusables["intended"].(*widget.Select)
	a.win.Canvas().Focus(pick)
	for a.Assessment().IntendedField() != "music" {
		a.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		if a.Assessment().IntendedField() == "" {
			t.Fatal("the choice went round without music")
		}
	}
	if !a.Dirty() || savedDecisions(t, a).IntendedField != "music" {
		t.Errorf("the intended field is not saved")
	}
	differs := a.t("gui.intendedDiffers", map[string]any{"Intended": "Music", "Field": "Gastronomy"})
	if l := resultsLabel(a, differs); l == nil {
		t.Errorf("the results page does not say %q:\n%s", differs, pageText(a))
	}
	if f := a.win.Canvas().Focused(); f == nil || f != shownAs[*resultsView](t, a).focusables["intended"] {
		t.Errorf("the focus is not on the choice of the page rebuilt: %T", f)
	}
	a.showPage(ApplicationPage)
	v := shownAs[*applicationView](t, a)
	want := a.t("gui.dossierFieldIntended", map[string]any{"Field": "Music"})
	if len(v.fields) == 0 || v.fields[0].Text != want {
		t.Fatalf("the application page does not draft for the intended field: %v", v.fields)
	}
	var appPick *widget.Select
	walk(a.chrome.body, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && s.Selected == "Music" {
			appPick = s
		}
	})
	if appPick == nil {
		t.Fatal("the application page does not show the intended field's choice")
	}
	appPick.SetSelectedIndex(0)
	if a.Assessment().IntendedField() != "" || v.fields[0].Text != a.t("gui.dossierField", map[string]any{"Field": "Gastronomy"}) {
		t.Errorf("choosing none on the application page: %q, %q", a.Assessment().IntendedField(), v.fields[0].Text)
	}
}

// TestWhatToFixListsReadinessAndTheFieldsNotAssessed: with Music never
// answered, the chart shows it without score or bar, the list of what to
// fix holds readiness's gaps and a line for Music, each opening its
// question or page, and what would change the result names Music.
func TestWhatToFixListsReadinessAndTheFieldsNotAssessed(t *testing.T) {
	a := newInlineTestApp(t, translations.VI)
	doc, _ := assessment.Demo()
	for id := range doc.Answers {
		if strings.HasPrefix(id, "music.") {
			delete(doc.Answers, id)
		}
	}
	a.doc.Replace(doc, "")
	a.showPage(ResultsPage)
	chart := shownAs[*resultsView](t, a).chart()
	for i, f := range a.Result().Fields {
		value := chart.Objects[3*i+2].(*widget.Label).Text
		if _, isBar := chart.Objects[3*i+1].(*fyne.Container); f.ID == "music" && (value != a.t("result.notAssessed") || isBar) {
			t.Errorf("the chart shows music, not assessed, as %q (bar %v)", value, isBar)
		}
	}
	music := a.t("gui.unknownFieldLine", map[string]any{"Field": l10n.SectionName(a.loc, "music")})
	test.Tap(linkButton(t, a, music))
	if a.page != "music" {
		t.Errorf("the line of music opened %s", a.page)
	}
	a.showPage(ResultsPage)
	gaps := a.Result().ReadinessGaps
	if len(gaps) == 0 || !strings.Contains(pageText(a), a.t("gui.gapsReadiness", map[string]any{
		"Score": l10n.Score(a.loc, a.Result().Readiness.Score), "Unanswered": a.Result().Readiness.Total - a.Result().Readiness.Answered,
		"Total": a.Result().Readiness.Total})) {
		t.Fatalf("no readiness gaps listed:\n%s", pageText(a))
	}
	q, _ := a.qn.Question(gaps[0].QuestionID)
	test.Tap(linkButton(t, a, a.t("gui.gapLine", map[string]any{"Points": l10n.Score(a.loc, gaps[0].Gain), "Question": a.t(q.TextID())})))
	if p, ok := a.shown.(*pageView); !ok || a.page != "readiness" || p.cards[q.ID].Position().Y < p.scroll.Offset.Y ||
		p.cards[q.ID].Position().Y >= p.scroll.Offset.Y+p.scroll.Size().Height {
		t.Errorf("the readiness gap opened %s, not its question", a.page)
	}
	a.showPage(ResultsPage)
	top, _ := a.Result().Field(a.Result().Recommendation.Field)
	change := a.t("change.unknown", map[string]any{"Unknown": l10n.SectionName(a.loc, "music"),
		"Score": l10n.Score(a.loc, top.Score), "Field": l10n.SectionName(a.loc, top.ID)})
	test.Tap(linkButton(t, a, change))
	if a.page != "music" {
		t.Errorf("what would change does not open music: %s", a.page)
	}
}

// inline runs the background's work at once, on the test's goroutine: a
// decision is an edit whose analysis then rebuilds the results page, and
// the test driver would otherwise run that rebuild beside the test's own
// steps on the same widgets.
type inline struct{}

func (inline) afterFrame(step func()) { step() }

func (inline) later(_ time.Duration, step func()) func() bool {
	step()
	return func() bool { return false }
}

func (inline) analyse(job *assessment.Analysis, apply func(*assessment.Uncertainty)) {
	apply(job.Run())
}

// newInlineTestApp is newTestApp with the background's work done inline.
func newInlineTestApp(t *testing.T, lang translations.Lang) *App {
	t.Helper()
	a := newTestApp(t, lang)
	a.bg = inline{}
	return a
}

// TestTheChartShowsEveryFieldNameWhole: at the window's first size the
// results chart gives each field's name the room it needs (Crafts and
// Folk Art is long in both languages), in Vietnamese and in English.
func TestTheChartShowsEveryFieldNameWhole(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newInlineTestApp(t, lang)
		openDemo(t, a)
		a.win.Resize(fyne.NewSize(1280, 680))
		a.showPage(ResultsPage)
		for _, f := range a.qn.Fields() {
			name := l10n.SectionName(a.loc, f.ID)
			l := resultsLabel(a, name)
			if l == nil {
				t.Fatalf("%s: no label %q on the results page", lang, name)
			}
			if need := widget.NewLabel(name).MinSize().Width; l.Size().Width < need {
				t.Errorf("%s: %q has %.0f px of the %.0f it needs", lang, name, l.Size().Width, need)
			}
		}
	}
}
