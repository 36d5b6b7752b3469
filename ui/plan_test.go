package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"creativecity/assessment"
	"creativecity/translations"
)

// pressTab does what the window does with Tab: an input that takes Tab
// gets it, otherwise the focus moves on.
func pressTab(c fyne.Canvas) {
	if t, ok := c.Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	test.FocusNext(c)
}

// tabTo presses Tab until the input keyed id (or, for a text box, its
// entry) has the focus, at most max times.
func tabTo(t *testing.T, a *App, id string, max int) {
	t.Helper()
	c := a.win.Canvas()
	for range max {
		pressTab(c)
		if focusedIs(a, id) {
			return
		}
	}
	t.Fatalf("Tab did not reach %s; the focus is on %T %s", id, c.Focused(), focusedKey(a))
}

// focusedKey is the key of the input that has the focus, if any.
func focusedKey(a *App) string {
	for _, id := range a.inputs.keys() {
		if focusedIs(a, id) {
			return id
		}
	}
	return ""
}

// focusedIs reports whether the input keyed id has the focus.
func focusedIs(a *App, id string) bool {
	f := a.win.Canvas().Focused()
	if b := a.inputs.textBox(id); b != nil {
		return b.entry != nil && f == fyne.Focusable(b.entry)
	}
	in := a.inputs.focusable(id)
	return in != nil && f == in
}

// typeFocused types text into the input that has the focus.
func typeFocused(c fyne.Canvas, text string) { test.Type(c.Focused(), text) }

// pressSpace presses Space as the driver delivers it (see pressKey).
func pressSpace(a *App) { pressKey(a, fyne.KeySpace, ' ') }

// waitForFocus waits for the input keyed id to take the focus (after
// the next frame).
func waitForFocus(t *testing.T, a *App, id string) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); !focusedIs(a, id) && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
	if !focusedIs(a, id) {
		t.Fatalf("the focus is on %T %s, not on %s", a.win.Canvas().Focused(), focusedKey(a), id)
	}
}

// TestAnInitiativeIsEnteredByKeyboardAlone fills the plan's first year
// and a local initiative with Tab, Space and typing only, starting from
// the focus the page gives: everything typed is stored, and no tab
// character is typed anywhere.
func TestAnInitiativeIsEnteredByKeyboardAlone(t *testing.T) {
	a := newTestApp(t, translations.VI)
	a.showPage(PlanPage)
	c := a.win.Canvas()
	if !focusedIs(a, planFirstYearKey) {
		t.Fatalf("the focus is on %T, not on the first year", c.Focused())
	}
	typeFocused(c, "2028")
	pressTab(c) // the button that adds a local initiative
	pressSpace(a)
	key := func(part string) string { return initiativeKey(assessment.Local, 1, part) }
	waitForFocus(t, a, key("title"))
	typeFocused(c, "Bếp ăn cộng đồng")
	for _, step := range []struct{ part, text string }{
		{"aims", "Giữ nghề nấu ăn"}, {"activities", "Lớp học hằng tuần"}, {"partners", "Hội Đầu bếp"},
		{"targetGroups", "Thanh niên"},
	} {
		tabTo(t, a, key(step.part), 1)
		typeFocused(c, step.text)
	}
	tabTo(t, a, key("objective/cooperation"), 1)
	tabTo(t, a, key("objective/access"), 4)
	pressSpace(a)
	tabTo(t, a, key("year/2"), 3)
	pressSpace(a) // 2029
	tabTo(t, a, key("year/4"), 2)
	pressSpace(a) // 2031
	for _, step := range []struct{ part, text string }{
		{"budget/2/city", "1.500"}, {"budget/2/province", "250,5"}, {"budget/4/nonState", "100"},
	} {
		tabTo(t, a, key(step.part), 4)
		typeFocused(c, step.text)
	}
	tabTo(t, a, key("title_en"), 1)
	typeFocused(c, "Community kitchens")
	tabTo(t, a, key("summary_en"), 1)
	typeFocused(c, "Weekly cooking classes.")

	plan := a.Assessment().Plan
	in := plan.Initiative(assessment.Local, 1)
	if plan.FirstYear != 2028 || in == nil {
		t.Fatalf("plan %+v", plan)
	}
	got := []string{in.Title, in.Aims, in.Activities, in.Partners, in.TargetGroups, in.Application["en"].Title, in.Application["en"].Summary}
	want := []string{"Bếp ăn cộng đồng", "Giữ nghề nấu ăn", "Lớp học hằng tuần", "Hội Đầu bếp", "Thanh niên",
		"Community kitchens", "Weekly cooking classes."}
	if !slices.Equal(got, want) {
		t.Errorf("texts %q, want %q", got, want)
	}
	if !slices.Equal(in.Objectives, []string{"access"}) || !slices.Equal(in.Years, []int{2029, 2031}) {
		t.Errorf("objectives %v, years %v", in.Objectives, in.Years)
	}
	if b := in.BudgetOf(2029); b == nil || b.City != 1500 || b.Province != 250.5 || in.BudgetOf(2031).NonState != 100 {
		t.Errorf("budget %+v", in.Budget)
	}
	if strings.Contains(strings.Join(got, ""), "\t") {
		t.Error("a tab was typed")
	}
	if !a.Dirty() || len(a.planProblems()) != 0 {
		t.Errorf("dirty %v, problems %v", a.Dirty(), a.planProblems())
	}
}

// TestTheFormTakesThreeInitiativesOfEachScope: with three local and three
// international initiatives, both add buttons are disabled; removing one
// (after confirming) enables its scope's button again, and adding one
// more disables it.
func TestTheFormTakesThreeInitiativesOfEachScope(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	a.showPage(PlanPage)
	for _, s := range assessment.Scopes {
		if !shownAs[*planView](t, a).add[s].Disabled() {
			t.Errorf("%s: the add button is enabled with 3 initiatives", s)
		}
	}
	shownAs[*planView](t, a).addInitiative(assessment.Local) // what a tap on a disabled button would do
	if n := len(a.Assessment().Plan.Of(assessment.Local)); n != 3 {
		t.Fatalf("%d local initiatives", n)
	}
	second := a.Assessment().Plan.Initiative(assessment.Local, 2).Title
	third := a.Assessment().Plan.Initiative(assessment.Local, 3).Title
	test.Tap(a.inputs.button(initiativeKey(assessment.Local, 2, "remove")))
	tapButton(t, a, "Remove this initiative")
	local := a.Assessment().Plan.Of(assessment.Local)
	if len(local) != 2 || local[1].Title != third || slices.ContainsFunc(local, func(in *assessment.Initiative) bool { return in.Title == second }) {
		t.Fatalf("after removing the second: %v", titles(local))
	}
	if shownAs[*planView](t, a).add[assessment.Local].Disabled() || !shownAs[*planView](t, a).add[assessment.International].Disabled() {
		t.Fatal("the buttons do not follow the counts")
	}
	test.Tap(shownAs[*planView](t, a).add[assessment.Local])
	if n := len(a.Assessment().Plan.Of(assessment.Local)); n != 3 || !shownAs[*planView](t, a).add[assessment.Local].Disabled() {
		t.Errorf("%d local initiatives after adding, button disabled %v", n, shownAs[*planView](t, a).add[assessment.Local].Disabled())
	}
}

func titles(ins []*assessment.Initiative) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.Title)
	}
	return out
}

// TestThePlansProblemsAreShownAndCounted: an initiative without a title,
// and an amount that does not read, are shown on the page and counted in
// the navigation until they are fixed.
func TestThePlansProblemsAreShownAndCounted(t *testing.T) {
	a := newTestApp(t, translations.EN)
	a.showPage(PlanPage)
	test.Type(shownAs[*planView](t, a).firstYear.entry, "2028")
	test.Tap(shownAs[*planView](t, a).add[assessment.Local])
	if text := pageText(a); !strings.Contains(text, "Local initiative 1 has no title") {
		t.Errorf("the page does not say the title is missing:\n%s", text)
	}
	year := a.inputs.check(initiativeKey(assessment.Local, 1, "year/1"))
	test.Tap(year)
	amount := a.inputs.number(initiativeKey(assessment.Local, 1, "budget/1/city"))
	test.Type(amount.entry, "12x")
	if !amount.message.Visible() {
		t.Error("an amount that does not read shows no message")
	}
	if got := a.navDetail(PlanPage); !strings.Contains(got, "2 to fix") {
		t.Errorf("navigation %q", got)
	}
	test.Type(a.inputs.entry(initiativeKey(assessment.Local, 1, "title")), "Kitchens")
	amount.entry.SetText("12")
	if got := a.navDetail(PlanPage); strings.Contains(got, "to fix") || strings.Contains(pageText(a), "no title") {
		t.Errorf("fixed, yet navigation %q, page:\n%s", got, pageText(a))
	}
	if b := a.Assessment().Plan.Initiative(assessment.Local, 1).BudgetOf(2028); b == nil || b.City != 12 {
		t.Errorf("budget %+v", a.Assessment().Plan.Initiative(assessment.Local, 1).Budget)
	}
}

// TestMovingThePlansFirstYearMovesTheYearChecks: the year checks follow
// the first year typed, with the initiatives' years.
func TestMovingThePlansFirstYearMovesTheYearChecks(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	a.showPage(PlanPage)
	e := shownAs[*planView](t, a).firstYear.entry
	e.SetText("2030")
	year := a.inputs.check(initiativeKey(assessment.International, 1, "year/1"))
	in := a.Assessment().Plan.Initiative(assessment.International, 1)
	if year.Text != "2030" || year.Checked != in.Runs(2030) || in.Years[0] < 2030 {
		t.Errorf("first check %q checked %v; years %v", year.Text, year.Checked, in.Years)
	}
	if ps := a.planProblems(); len(ps) != 0 {
		t.Errorf("moving the plan made problems: %v", ps)
	}
}
