package ui

import (
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
	"creativecity/assets"
	"creativecity/translations"
)

// watchedAnalysis is the app's background, telling the test each time an
// analysis has been handed back to the window.
type watchedAnalysis struct {
	goroutines
	applied chan struct{}
}

func (w watchedAnalysis) analyse(job *assessment.Analysis, apply func(*assessment.Uncertainty)) {
	w.goroutines.analyse(job, func(u *assessment.Uncertainty) {
		apply(u)
		w.applied <- struct{}{}
	})
}

// resultsText is the text of the labels of the results page.
func resultsText(t *testing.T, a *App) string {
	t.Helper()
	var texts []string
	for _, o := range shownAs[*resultsView](t, a).box.Objects {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	return strings.Join(texts, "\n")
}

func TestTheAnalysisRunsOnceTypingStops(t *testing.T) {
	path := filepath.Join(t.TempDir(), "halong.ccsa")
	if err := os.WriteFile(path, assets.DemoCCSA, 0o644); err != nil {
		t.Fatal(err)
	}
	qn, err := assessment.Default()
	if err != nil {
		t.Fatal(err)
	}
	fa := test.NewTempApp(t)
	a := New(fa, qn, Options{Lang: translations.EN, Open: path, Page: ResultsPage, Now: func() time.Time { return fixedNow },
		RecoveryDir: t.TempDir()})
	// The window is built from the quick score, without waiting for the
	// analysis: the results page says the confidence is being worked out.
	pending := a.t("gui.recommendationLine", map[string]any{"Field": a.navName("gastronomy"),
		"Confidence": l10n.Confidence(a.loc, "")})
	if a.Result().Uncertainty != nil || !strings.Contains(resultsText(t, a), pending) {
		t.Fatalf("the first frame waited for the analysis, or does not say it is pending:\n%s", resultsText(t, a))
	}
	// The analysis is in within 500 ms of the window showing the file.
	applied := make(chan struct{}, 8)
	a.bg = watchedAnalysis{applied: applied}
	t.Cleanup(a.autosave.stop)
	shown := time.Now()
	a.Start()
	select {
	case <-applied:
	case <-time.After(500 * time.Millisecond):
		t.Fatalf("an opened file has no analysis %v after the window showed it", time.Since(shown))
	}
	if a.Result().Uncertainty == nil || a.Result().Recommendation.Confidence != assessment.ConfidenceHigh {
		t.Fatalf("an opened file has no analysis: %+v", a.Result().Recommendation)
	}
	high := a.t("gui.recommendationLine", map[string]any{"Field": a.navName("gastronomy"),
		"Confidence": l10n.Confidence(a.loc, assessment.ConfidenceHigh)})
	if !strings.Contains(resultsText(t, a), high) {
		t.Errorf("the results page does not show the analysis once it is in:\n%s", resultsText(t, a))
	}
	a.showPage("gastronomy")
	start := time.Now()
	test.Type(number(t, a, "gastronomy.food_events").entry, "9")
	// A keystroke only rescores: the analysis waits for typing to stop.
	if a.Result().Uncertainty != nil || a.Result().Recommendation.Confidence != "" {
		t.Fatalf("the keystroke ran the analysis: %+v", a.Result().Recommendation)
	}
	select {
	case <-applied:
	case <-time.After(10 * time.Second):
		t.Fatal("the analysis never ran")
	}
	if waited := time.Since(start); waited < analysisDelay {
		t.Errorf("the analysis ran %v after the keystroke, before the %v pause", waited, analysisDelay)
	}
	u := a.Result().Uncertainty
	if u == nil || u.Stability != 1 || a.Result().Recommendation.Confidence != assessment.ConfidenceHigh {
		t.Fatalf("after the pause: %+v, %+v", u, a.Result().Recommendation)
	}
	a.showPage(ResultsPage)
	want := "In 1,000 of 1,000 variations of the weights and references, Gastronomy stays first."
	joined := resultsText(t, a)
	if !strings.Contains(joined, want) || !strings.Contains(joined, a.t("change.title")) {
		t.Errorf("the results page does not say the stability and what would change:\n%s", joined)
	}
}

func TestAnAnalysisOfAnOlderVersionIsNotApplied(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	a.showPage("gastronomy")
	test.Type(number(t, a, "gastronomy.food_events").entry, "1")
	job, version := a.doc.Analysis()
	if job == nil {
		t.Fatal("no analysis pending after an edit")
	}
	u := job.Run()
	test.Type(number(t, a, "gastronomy.food_events").entry, "2")
	if a.doc.ApplyAnalysis(version, u) || a.Result().Uncertainty != nil {
		t.Error("an analysis of the previous answers was applied")
	}
}

func TestTheResultsListThePlansProblemsToFix(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	a.edit(func(d *assessment.Assessment) {
		d.Plan.Initiatives[0].Years = append(d.Plan.Initiatives[0].Years, d.Plan.LastYear()+3)
	})
	a.showPage(ResultsPage)
	want := a.navName(PlanPage) + " — " + a.t("gui.toFix", map[string]any{"Count": 1})
	var open *widget.Button
	for _, o := range shownAs[*resultsView](t, a).box.Objects {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			continue
		}
		if l, ok := c.Objects[0].(*widget.Label); ok && l.Text == want {
			open, _ = c.Objects[1].(*widget.Button)
		}
	}
	if open == nil {
		t.Fatalf("the results page does not list %q", want)
	}
	test.Tap(open)
	if a.page != PlanPage {
		t.Errorf("Open went to %s", a.page)
	}
}
