package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/translations"
)

func TestTheAnalysisRunsOnceTypingStops(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	if a.Result().Uncertainty == nil || a.Result().Recommendation.Confidence != assessment.ConfidenceHigh {
		t.Fatalf("an opened file has no analysis: %+v", a.Result().Recommendation)
	}
	done := make(chan struct{}, 8)
	a.analysis.done = func() { done <- struct{}{} }
	a.showPage("gastronomy")
	start := time.Now()
	test.Type(number(t, a, "gastronomy.food_events").entry, "9")
	// A keystroke only rescores: the analysis waits for typing to stop.
	if a.Result().Uncertainty != nil || a.Result().Recommendation.Confidence != "" {
		t.Fatalf("the keystroke ran the analysis: %+v", a.Result().Recommendation)
	}
	select {
	case <-done:
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
	want := "In 100 of 100 variations of the weights and references, Gastronomy stays first."
	var texts []string
	for _, o := range a.results.box.Objects {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	joined := strings.Join(texts, "\n")
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
	for _, o := range a.results.box.Objects {
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
