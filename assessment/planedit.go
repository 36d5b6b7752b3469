package assessment

import (
	"slices"
	"strings"
)

// Edits of the action plan, as a form that enters it makes them: an
// initiative is known by its scope and its number within the scope
// (1-based, in the order of the plan).

// Source is a source of an initiative's budget.
type Source string

// The sources of a budget, in the order of the form.
const (
	SourceCity     Source = "city"
	SourceProvince Source = "province"
	SourceNonState Source = "nonState"
)

// Sources lists the sources of a budget.
var Sources = []Source{SourceCity, SourceProvince, SourceNonState}

// Amount is the year's amount from a source, in million VND.
func (y *YearBudget) Amount(s Source) float64 { return *y.amount(s) }

// SetAmount sets the year's amount from a source, in million VND.
func (y *YearBudget) SetAmount(s Source, v float64) { *y.amount(s) = v }

func (y *YearBudget) amount(s Source) *float64 {
	switch s {
	case SourceProvince:
		return &y.Province
	case SourceNonState:
		return &y.NonState
	}
	return &y.City
}

// Initiative is the n-th initiative of a scope, nil if there is none.
func (p *ActionPlan) Initiative(s Scope, n int) *Initiative {
	of := p.Of(s)
	if n < 1 || n > len(of) {
		return nil
	}
	return of[n-1]
}

// AddInitiative adds an empty initiative of a scope after the others and
// returns its number.
func (a *Assessment) AddInitiative(s Scope) int {
	if a.Plan == nil {
		a.Plan = &ActionPlan{}
	}
	a.Plan.Initiatives = append(a.Plan.Initiatives, &Initiative{Scope: s})
	return len(a.Plan.Of(s))
}

// RemoveInitiative removes the n-th initiative of a scope.
func (a *Assessment) RemoveInitiative(s Scope, n int) {
	if in := a.Plan.Initiative(s, n); in != nil {
		a.Plan.Initiatives = slices.DeleteFunc(a.Plan.Initiatives, func(x *Initiative) bool { return x == in })
	}
}

// SetFirstYear makes first the plan's first year. When the plan had one,
// the initiatives' years and budgets move with it, keeping their place in
// the plan; from is the first year to move them from when the plan has
// none now (0: none).
func (a *Assessment) SetFirstYear(first, from int) {
	if a.Plan == nil {
		a.Plan = &ActionPlan{}
	}
	p := a.Plan
	if p.FirstYear != 0 {
		from = p.FirstYear
	}
	if from != 0 && first != 0 && first != from {
		shift := first - from
		for _, in := range p.Initiatives {
			for i := range in.Years {
				in.Years[i] += shift
			}
			for i := range in.Budget {
				in.Budget[i].Year += shift
			}
		}
	}
	p.FirstYear = first
}

// SetYear sets whether the initiative runs in a year (its years stay in
// order).
func (in *Initiative) SetYear(year int, runs bool) {
	in.Years = slices.DeleteFunc(in.Years, func(y int) bool { return y == year })
	if runs {
		in.Years = append(in.Years, year)
		slices.Sort(in.Years)
	}
}

// Runs reports whether the initiative runs in a year.
func (in *Initiative) Runs(year int) bool { return slices.Contains(in.Years, year) }

// BudgetOf is the initiative's budget of a year, nil if it has none.
func (in *Initiative) BudgetOf(year int) *YearBudget {
	for i := range in.Budget {
		if in.Budget[i].Year == year {
			return &in.Budget[i]
		}
	}
	return nil
}

// SetBudget sets the amount of a year from a source, in million VND; a
// year left with nothing from any source is removed. The years stay in
// order.
func (in *Initiative) SetBudget(year int, s Source, amount float64) {
	b := in.BudgetOf(year)
	if b == nil {
		if amount == 0 {
			return
		}
		in.Budget = append(in.Budget, YearBudget{Year: year})
		slices.SortFunc(in.Budget, func(x, y YearBudget) int { return x.Year - y.Year })
		b = in.BudgetOf(year)
	}
	*b.amount(s) = amount
	if b.City == 0 && b.Province == 0 && b.NonState == 0 {
		in.Budget = slices.DeleteFunc(in.Budget, func(y YearBudget) bool { return y.Year == year })
	}
}

// Serves reports whether the initiative serves a UCCN objective.
func (in *Initiative) Serves(objective string) bool { return slices.Contains(in.Objectives, objective) }

// SetObjective sets whether the initiative serves a UCCN objective; the
// objectives stay in the order of Objectives.
func (in *Initiative) SetObjective(objective string, serves bool) {
	in.Objectives = slices.DeleteFunc(in.Objectives, func(o string) bool { return o == objective })
	if serves {
		in.Objectives = append(in.Objectives, objective)
		slices.SortStableFunc(in.Objectives, func(x, y string) int {
			return order(x) - order(y)
		})
	}
}

// order is an objective's place in Objectives (unknown ones last).
func order(o string) int {
	if i := slices.Index(Objectives, o); i >= 0 {
		return i
	}
	return len(Objectives)
}

// SetSummary sets the title and summary in a language of the application;
// blank ones are removed.
func (in *Initiative) SetSummary(lang string, sum Summary) {
	if strings.TrimSpace(sum.Title) == "" && strings.TrimSpace(sum.Summary) == "" {
		delete(in.Application, lang)
		return
	}
	if in.Application == nil {
		in.Application = map[string]Summary{}
	}
	in.Application[lang] = sum
}
