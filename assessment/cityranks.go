package assessment

import (
	"math"
	"runtime"
	"slices"
	"sync"
)

// The ministry's view of a comparison: where each city ranks among the
// cities, and how far that moves when the judgement calls move. Every city
// is scored on the same variations (the same weights and references), so
// that a ranking moves as a whole: an unanswered question takes the same
// plausible value in every city of one variation and favours none.

// RankInterval is a city's place in a ranking of cities.
type RankInterval struct {
	Rank int // as scored, 1 = strongest
	// Range is [best, worst] over 90% of the variations (5th to 95th
	// percentile).
	Range [2]int
	// NotSeparable is set when the range overlaps that of the city ranked
	// next, or the two are level: they cannot be told apart on these
	// figures.
	NotSeparable bool
}

// Separation says whether a city can be told apart from the city ranked
// next after it.
type Separation int

// The separations of a city from the next.
const (
	RankedLast  Separation = iota // the city ranked last: none is ranked next
	Separable                     // told apart from the city ranked next
	Inseparable                   // not told apart from it (see NotSeparable)
)

// Next is the city's separation from the city ranked next, in a ranking
// of cities cities: the city ranked last has none, whatever NotSeparable
// says.
func (r RankInterval) Next(cities int) Separation {
	switch {
	case r.Rank == cities:
		return RankedLast
	case r.NotSeparable:
		return Inseparable
	}
	return Separable
}

// CityRanks are the rank intervals of the cities of a comparison, each
// slice by city in the comparison's order.
type CityRanks struct {
	// Overall ranks the cities by the score of each one's recommended field
	// (a city without one counts 0).
	Overall []RankInterval
	// Fields ranks the cities in each field, as RankCities does.
	Fields map[string][]RankInterval
}

// AnalyseCities runs the uncertainty analysis of every city of a
// comparison at once: it sets each result's Uncertainty and confidence, as
// Analyse does, and returns the cities' rank intervals. The results must
// come from ScoreQuick or Score with qn.
func AnalyseCities(qn *Questionnaire, cities []CityResult) *CityRanks {
	if len(cities) > math.MaxUint16 {
		// Ranks are counted in 16 bits; no comparison comes near.
		for _, c := range cities {
			Analyse(qn, c.Doc, c.Result)
		}
		return nil
	}
	an := qn.analyser()
	runs := make([]*Analysis, len(cities))
	recommended := make([]int, len(cities)) // field index, -1 for none
	for i, c := range cities {
		runs[i] = &Analysis{an: an, ins: an.inputs(c.Doc, c.Result), recommended: c.Result.Recommendation.Field}
		recommended[i] = slices.IndexFunc(an.fields, func(s *Section) bool { return s.ID == runs[i].recommended })
	}
	ranks, counts := rankVariations(len(an.fields), runs, recommended)
	for i, c := range cities {
		Apply(c.Result, counts[i].uncertainty(an.fields, runs[i].ins, runs[i].recommended))
	}
	out := &CityRanks{Fields: map[string][]RankInterval{}}
	for k := range ranks {
		intervals := rankIntervals(k, cities, runs, recommended, ranks[k])
		if k == 0 {
			out.Overall = intervals
		} else {
			out.Fields[an.fields[k-1].ID] = intervals
		}
	}
	return out
}

// rankVariations scores every city on every variation, in as many workers
// as there are processors, and returns ranks[k][city][v], the city's rank
// in ranking k (0 overall, 1+f the field f) in variation v, and each
// city's counts of its own fields' orders over all the variations.
func rankVariations(nf int, runs []*Analysis, recommended []int) ([][][]uint16, []*cityCounts) {
	ranks := make([][][]uint16, nf+1)
	for k := range ranks {
		ranks[k] = make([][]uint16, len(runs))
		for i := range ranks[k] {
			ranks[k][i] = make([]uint16, Variations)
		}
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), Variations))
	counts := make([][]*cityCounts, workers)
	var wg sync.WaitGroup
	for w := range workers {
		counts[w] = make([]*cityCounts, len(runs))
		for i := range runs {
			counts[w][i] = newCityCounts(nf)
		}
		wg.Go(func() { rankSomeVariations(w, workers, nf, runs, recommended, ranks, counts[w]) })
	}
	wg.Wait()
	for i := range runs {
		for w := 1; w < workers; w++ {
			counts[0][i].merge(counts[w][i])
		}
	}
	return ranks, counts[0]
}

// rankSomeVariations is one worker of rankVariations: it takes the
// variations first, first+step, first+2·step, …
func rankSomeVariations(first, step, nf int, runs []*Analysis, recommended []int, ranks [][][]uint16, counts []*cityCounts) {
	scores := make([][]float64, len(runs)) // city → field → score
	for i := range scores {
		scores[i] = make([]float64, nf)
	}
	order, byCity := make([]int, 0, nf), make([]int, len(runs))
	key := make([]float64, len(runs))
	for v := first; v < Variations; v += step {
		for i, x := range runs {
			x.variation(v, scores[i], &order)
			counts[i].add(order, x.ins)
			x.forgetUnknown(scores[i])
		}
		for k := range ranks {
			for i := range runs {
				key[i] = byRanking(k, recommended[i], func(f int) float64 { return scores[i][f] })
			}
			rankByKey(key, byCity, func(i int) float64 { return completenessOf(runs[i], k, recommended[i]) })
			for rank, i := range byCity {
				ranks[k][i][v] = uint16(rank + 1)
			}
		}
	}
}

// forgetUnknown puts the fields a city has not assessed back at 0 after
// a variation: their draws move the city's own ranking of fields, but a
// city ranks among cities on what it answered, as scored.
func (x *Analysis) forgetUnknown(scores []float64) {
	for f := range x.ins {
		if !x.ins[f].assessed {
			scores[f] = 0
		}
	}
}

// rankIntervals places the cities in ranking k as scored, with the range
// of ranks each takes over the variations (ranks: city → variation →
// rank), and marks the cities that cannot be told apart from the next.
func rankIntervals(k int, cities []CityResult, runs []*Analysis, recommended []int, ranks [][]uint16) []RankInterval {
	key, order := make([]float64, len(cities)), make([]int, len(cities))
	for i := range cities {
		key[i] = byRanking(k, recommended[i], func(f int) float64 { return cities[i].Result.Fields[f].Score })
	}
	rankByKey(key, order, func(i int) float64 { return completenessOf(runs[i], k, recommended[i]) })
	hist := make([]int, len(cities))
	intervals := make([]RankInterval, len(cities))
	for rank, i := range order {
		clear(hist)
		for _, r := range ranks[i] {
			hist[r-1]++
		}
		lo, hi, _ := rankRange(hist)
		intervals[i] = RankInterval{Rank: rank + 1, Range: [2]int{lo, hi}}
	}
	for n := 0; n+1 < len(order); n++ {
		this, next := &intervals[order[n]], &intervals[order[n+1]]
		// Cities level on the scores as given are told apart only by
		// completeness or their order: not separable either.
		if this.Range[1] >= next.Range[0] || key[order[n]] == key[order[n+1]] {
			this.NotSeparable = true
		}
	}
	return intervals
}

// byRanking is what places a city in ranking k of the cities: value of
// field k-1, or for k = 0 of the city's recommended field (recommended is
// -1 for none, which counts 0). Fields are in the questionnaire's order,
// as in a Result.
func byRanking(k, recommended int, value func(field int) float64) float64 {
	f := k - 1
	if k == 0 {
		f = recommended
	}
	if f < 0 {
		return 0
	}
	return value(f)
}

// completenessOf is the completeness that breaks a tie in ranking k of the
// cities (the field's, or the recommended field's for k = 0).
func completenessOf(x *Analysis, k, recommended int) float64 {
	return byRanking(k, recommended, func(f int) float64 { return x.ins[f].completeness })
}

// rankByKey orders the cities strongest first: higher key, then higher
// completeness, then the comparison's order, as RankCities does.
func rankByKey(key []float64, order []int, completeness func(int) float64) {
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(p, q int) int {
		switch {
		case key[p] != key[q]:
			return cmpDesc(key[p], key[q])
		}
		if cp, cq := completeness(p), completeness(q); cp != cq {
			return cmpDesc(cp, cq)
		}
		return p - q
	})
}
