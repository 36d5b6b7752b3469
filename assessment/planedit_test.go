package assessment

import (
	"slices"
	"testing"
)

func TestInitiativesAreAddedAndRemovedByScopeAndNumber(t *testing.T) {
	a := New(mustDefault(t))
	if n := a.AddInitiative(Local); n != 1 {
		t.Fatalf("first local is number %d", n)
	}
	a.AddInitiative(International)
	if n := a.AddInitiative(Local); n != 2 {
		t.Fatalf("second local is number %d", n)
	}
	a.Plan.Initiative(Local, 1).Title = "a"
	a.Plan.Initiative(Local, 2).Title = "b"
	a.Plan.Initiative(International, 1).Title = "x"
	if a.Plan.Initiative(Local, 3) != nil || a.Plan.Initiative(Local, 0) != nil {
		t.Error("an initiative that does not exist was found")
	}
	a.RemoveInitiative(Local, 1)
	if got := a.Plan.Initiative(Local, 1); got == nil || got.Title != "b" || len(a.Plan.Initiatives) != 2 {
		t.Errorf("after removing the first local: %+v", a.Plan.Initiatives)
	}
	a.RemoveInitiative(Local, 5) // nothing
	if len(a.Plan.Initiatives) != 2 {
		t.Errorf("removing a missing initiative removed one")
	}
}

func TestMovingThePlanMovesItsYearsAndBudgets(t *testing.T) {
	a := New(mustDefault(t))
	a.SetFirstYear(2028, 0)
	a.AddInitiative(Local)
	in := a.Plan.Initiative(Local, 1)
	in.SetYear(2029, true)
	in.SetYear(2028, true)
	in.SetBudget(2029, SourceCity, 100)
	if !slices.Equal(in.Years, []int{2028, 2029}) {
		t.Fatalf("years %v", in.Years)
	}
	a.SetFirstYear(2030, 0)
	if !slices.Equal(in.Years, []int{2030, 2031}) || in.BudgetOf(2031) == nil || in.BudgetOf(2031).City != 100 {
		t.Errorf("after moving: years %v budget %+v", in.Years, in.Budget)
	}
	// Cleared, then given again: the years move from where they were.
	a.SetFirstYear(0, 0)
	a.SetFirstYear(2027, 2030)
	if !slices.Equal(in.Years, []int{2027, 2028}) || a.Plan.FirstYear != 2027 {
		t.Errorf("after clearing and moving: years %v, first %d", in.Years, a.Plan.FirstYear)
	}
	if ps := ValidatePlan(a.Plan, ""); len(ps) != 1 || ps[0].Code != CodePlanNoTitle {
		t.Errorf("problems %v", ps)
	}
}

func TestABudgetYearWithNothingIsRemoved(t *testing.T) {
	in := &Initiative{Scope: Local}
	in.SetBudget(2030, SourceNonState, 0) // nothing to store
	if len(in.Budget) != 0 {
		t.Fatalf("budget %+v", in.Budget)
	}
	in.SetBudget(2030, SourceProvince, 250)
	in.SetBudget(2028, SourceCity, 1000.5)
	in.SetBudget(2030, SourceNonState, 50)
	if len(in.Budget) != 2 || in.Budget[0].Year != 2028 || in.BudgetOf(2030).Amount(SourceProvince) != 250 ||
		in.BudgetOf(2030).Amount(SourceNonState) != 50 || in.Budgeted() != 1300.5 {
		t.Fatalf("budget %+v", in.Budget)
	}
	in.SetBudget(2030, SourceProvince, 0)
	in.SetBudget(2030, SourceNonState, 0)
	if in.BudgetOf(2030) != nil || len(in.Budget) != 1 {
		t.Errorf("an empty year is kept: %+v", in.Budget)
	}
}

func TestObjectivesAndSummaries(t *testing.T) {
	in := &Initiative{}
	in.SetObjective("development", true)
	in.SetObjective("cooperation", true)
	in.SetObjective("hubs", true)
	in.SetObjective("hubs", false)
	if !slices.Equal(in.Objectives, []string{"cooperation", "development"}) || !in.Serves("development") || in.Serves("hubs") {
		t.Errorf("objectives %v", in.Objectives)
	}
	in.SetSummary("en", Summary{Title: "Kitchens"})
	in.SetSummary("fr", Summary{Title: " ", Summary: ""})
	if len(in.Application) != 1 || in.Application["en"].Title != "Kitchens" {
		t.Errorf("summaries %+v", in.Application)
	}
	in.SetSummary("en", Summary{})
	if len(in.Application) != 0 {
		t.Errorf("a blank summary is kept: %+v", in.Application)
	}
}
