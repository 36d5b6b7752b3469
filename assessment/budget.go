package assessment

import "math"

// Money rounds a sum of amounts in million VND to the dong, so that a sum
// of figures with decimals does not show the binary fractions of its
// addition.
func Money(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// BudgetTotals are budget sums in million VND, each rounded by Money: by
// source and year, by source, by year and over all.
type BudgetTotals struct {
	BySourceYear map[Source]map[int]float64
	BySource     map[Source]float64
	ByYear       map[int]float64
	All          float64
}

// Totals are the sums of the budgets of every initiative of the plan.
func (p *ActionPlan) Totals() BudgetTotals {
	if p == nil {
		return totalsOf(nil)
	}
	return totalsOf(p.Initiatives)
}

// Totals are the sums of the initiative's budget.
func (in *Initiative) Totals() BudgetTotals { return totalsOf([]*Initiative{in}) }

func totalsOf(ins []*Initiative) BudgetTotals {
	t := BudgetTotals{BySourceYear: map[Source]map[int]float64{}, BySource: map[Source]float64{}, ByYear: map[int]float64{}}
	for _, src := range Sources {
		t.BySourceYear[src] = map[int]float64{}
	}
	for _, in := range ins {
		for _, y := range in.Budget {
			for _, src := range Sources {
				v := y.Amount(src)
				t.BySourceYear[src][y.Year] += v
				t.BySource[src] += v
				t.ByYear[y.Year] += v
				t.All += v
			}
		}
	}
	for _, src := range Sources {
		for y, v := range t.BySourceYear[src] {
			t.BySourceYear[src][y] = Money(v)
		}
		t.BySource[src] = Money(t.BySource[src])
	}
	for y, v := range t.ByYear {
		t.ByYear[y] = Money(v)
	}
	t.All = Money(t.All)
	return t
}
