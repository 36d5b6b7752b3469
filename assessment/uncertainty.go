package assessment

import (
	"hash/fnv"
	"math"
	"slices"
	"sync"
)

// The uncertainty analysis scores an assessment many times, each time
// with the judgement calls behind the score moved within a range, as the
// OECD/JRC Handbook on Constructing Composite Indicators does for the
// Cultural and Creative Cities Monitor: how often the recommended field
// stays first (its stability) and where each field ranks in 90% of the
// variations (its rank range). Facts (the answers) do not move; choices
// do: question weights, dimension weights, numeric references and the
// minimum counts of per-capita questions. An unanswered question of a
// field that has answers is drawn from its whole range instead of counting
// 0. A field with nothing answered is unknown: its score is one draw over
// 0–100 in each variation (its answers are not independent, so drawing
// them one by one would wrongly average about 50), so the stability says
// how likely an unknown field would beat the leader. Every draw is tied to
// the question's (or dimension's, or field's) ID and the variation's
// number, from one fixed seed: the same file always gives the same
// figures, two versions of a file are compared on the same draws, and a
// question added later does not reshuffle the others.
const (
	Variations     = 1000 // perturbed scorings per analysis
	WeightSpread   = 0.25 // question and dimension weights move by up to ±25%
	ThresholdShift = 0.30 // references and minimum counts move by up to ±30%

	// Confidence from stability (DESIGN §4): high when the recommended
	// field stays first in at least StableHigh of the variations, medium
	// from StableMedium, low below; completeness can still force low.
	StableHigh   = 0.9
	StableMedium = 0.6

	// rankLow and rankHigh are the percentiles of a field's rank range.
	rankLow, rankHigh = 0.05, 0.95
)

// seed is the analysis's one fixed seed.
const seed = 0x43434341 // "CCCA"

// Uncertainty is what the analysis found.
type Uncertainty struct {
	// Stability is the share of variations (0..1) that keep the
	// recommended field first among the candidate fields (those not set
	// aside), unknown fields included.
	Stability float64
	// RankRanges are each assessed field's [best, worst] rank over 90% of
	// the variations (5th to 95th percentile), among all the fields,
	// unknown ones at their draws; fields not assessed have none (no rank
	// is shown for them).
	RankRanges map[string][2]int
	// Challenger is the assessed candidate field other than the
	// recommended one that comes first most often, and Share how often (0
	// when none ever does). An unknown field is never the challenger: no
	// text compares the leader with a field nothing is known of; it shows
	// in the stability instead.
	Challenger string
	Share      float64
}

// draw is a number in [0, 1) fixed by a key, a variation and a salt.
func draw(key uint64, variation int, salt uint64) float64 {
	x := key ^ (uint64(variation)+1)*0x9E3779B97F4A7C15 ^ salt*0xBF58476D1CE4E5B9 ^ seed
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return float64(x>>11) / (1 << 53)
}

// idKey is the draws' key of a question or dimension ID.
func idKey(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}

// Salts of the draws.
const (
	saltWeight = iota + 1
	saltDimension
	saltReference
	saltMinCount
	saltUnanswered
	saltUnknownField
)

// spread maps a draw to a factor 1 ± width.
func spread(u, width float64) float64 { return 1 + width*(2*u-1) }

// analyser holds what the analysis of a questionnaire precomputes: the
// draws of each question (weight, reference, minimum count, an unanswered
// question's value) and of each dimension, by variation, laid out field by
// field as the flat tables a scoring needs, so that one perturbed scoring
// is a weighted sum. Only the tables are kept.
type analyser struct {
	fields    []*Section
	questions [][]*Question // by field
	draws     []*fieldDraws // by field
}

// fieldDraws are a field's draws as tables indexed [v*n+i] for question i
// of its n scored questions in variation v.
type fieldDraws struct {
	n          int
	weight     []float64 // the question's weight × its factor × its dimension's factor
	total      []float64 // Σ weight, by variation
	reference  []float64 // 1 / (reference × factor) of a number
	minCount   []float64 // 1 / (minimum count × factor), 0 without one
	unanswered []float64 // the fraction drawn for the question unanswered
	unknown    []float64 // the field's score (0..100) while nothing is answered, by variation
}

var analysers sync.Map // *Questionnaire → *analyser

func (qn *Questionnaire) analyser() *analyser {
	if an, ok := analysers.Load(qn); ok {
		return an.(*analyser)
	}
	an := &analyser{fields: qn.Fields()}
	dimensions := map[string][]float64{} // each dimension's factor, by variation
	for _, s := range an.fields {
		qs := s.ScoredQuestions()
		an.questions = append(an.questions, qs)
		d := tables(qs, dimensions)
		d.unknown = unknownScores(s.ID)
		an.draws = append(an.draws, d)
	}
	actual, _ := analysers.LoadOrStore(qn, an)
	return actual.(*analyser)
}

// tables draws a field's questions for every variation and lays the draws
// out for scoring; dimensions holds the dimensions' factors drawn so far.
func tables(qs []*Question, dimensions map[string][]float64) *fieldDraws {
	n := len(qs)
	d := &fieldDraws{n: n, weight: make([]float64, Variations*n), total: make([]float64, Variations),
		reference: make([]float64, Variations*n), minCount: make([]float64, Variations*n),
		unanswered: make([]float64, Variations*n)}
	for i, q := range qs {
		key, dim := idKey(q.ID), dimensionFactors(dimensions, q.Dimension)
		for v := range Variations {
			at := v*n + i
			w := q.Weight * spread(draw(key, v, saltWeight), WeightSpread) * dim[v]
			d.weight[at] = w
			d.total[v] += w
			if q.Type == Number && q.Reference > 0 {
				d.reference[at] = 1 / (q.Reference * spread(draw(key, v, saltReference), ThresholdShift))
			}
			if q.MinCount > 0 {
				d.minCount[at] = 1 / (q.MinCount * spread(draw(key, v, saltMinCount), ThresholdShift))
			}
			d.unanswered[at] = unansweredFraction(q, draw(key, v, saltUnanswered))
		}
	}
	return d
}

// unknownScores are the scores of a field with nothing answered, one
// uniform draw over 0..100 in each variation.
func unknownScores(field string) []float64 {
	key := idKey("field:" + field)
	out := make([]float64, Variations)
	for v := range out {
		out[v] = 100 * draw(key, v, saltUnknownField)
	}
	return out
}

// dimensionFactors is a dimension's weight factor in each variation, drawn
// once.
func dimensionFactors(drawn map[string][]float64, dimension string) []float64 {
	if d, ok := drawn[dimension]; ok {
		return d
	}
	dk := idKey("dimension:" + dimension)
	d := make([]float64, Variations)
	for v := range d {
		d[v] = spread(draw(dk, v, saltDimension), WeightSpread)
	}
	drawn[dimension] = d
	return d
}

// unansweredFraction is the fraction an unanswered question takes for a
// draw u in [0, 1): any value of its range, equally likely.
func unansweredFraction(q *Question, u float64) float64 {
	switch q.Type {
	case Rubric:
		return math.Floor(u*(MaxRubric+1)) / MaxRubric
	case Boolean:
		if u < 0.5 {
			return 0
		}
		return 1
	}
	return u
}

// fieldInputs is one field's questions as the analysis needs them: the
// answer normalised once, so that a variation is a weighted sum.
type fieldInputs struct {
	assessed     bool
	candidate    bool
	completeness float64
	draws        *fieldDraws
	items        []item
}

// How an item's fraction is found in a variation.
const (
	itemFixed      = iota // a rated or yes/no answer: its fraction as scored
	itemUnanswered        // drawn
	itemCount             // count / moved reference
	itemRate              // rate / moved reference, and count / moved minimum
	itemNoRate            // a per-capita count without a population: 0
)

type item struct {
	kind   int
	scored float64 // the fraction as scored
	count  float64 // a number's value
	rate   float64 // a per-capita number's rate (count per 100,000)
}

func (an *analyser) inputs(a *Assessment, r *Result) []fieldInputs {
	out := make([]fieldInputs, len(an.fields))
	for i, s := range an.fields {
		score, _ := r.Field(s.ID)
		in := fieldInputs{assessed: score.Assessed(), candidate: score.Candidate(), completeness: score.Completeness,
			draws: an.draws[i]}
		for _, q := range an.questions[i] {
			qs := r.Questions[q.ID]
			it := item{kind: itemFixed, scored: qs.Fraction}
			switch {
			case !qs.Answered:
				it.kind = itemUnanswered
			case q.Type != Number:
			case !q.PerCapita:
				it.kind = itemCount
				it.count, _ = a.Value(q.ID).Number()
			case PopulationGiven(a.City.Population):
				it.kind = itemRate
				it.count, _ = a.Value(q.ID).Number()
				it.rate = Rate(it.count, a.City.Population)
			default:
				it.kind = itemNoRate
			}
			in.items = append(in.items, it)
		}
		out[i] = in
	}
	return out
}

// score is a field's score in one variation: its answers against the
// variation's weights and references, an unanswered question at its draw;
// a field not assessed at its own draw.
func (in *fieldInputs) score(v int) float64 {
	d := in.draws
	if !in.assessed {
		return d.unknown[v]
	}
	base := v * d.n
	var earned float64
	for i := range in.items {
		it, at := &in.items[i], base+i
		var f float64
		switch it.kind {
		case itemFixed:
			f = it.scored
		case itemUnanswered:
			f = d.unanswered[at]
		case itemCount:
			f = min(1, it.count*d.reference[at])
		case itemRate:
			f = min(1, it.rate*d.reference[at])
			if m := d.minCount[at]; m > 0 {
				f = min(f, it.count*m)
			}
		}
		earned += d.weight[at] * f
	}
	if d.total[v] == 0 {
		return 0
	}
	return 100 * earned / d.total[v]
}

// Analyse runs the uncertainty analysis of a scored assessment and sets
// the recommendation's confidence from it.
func Analyse(qn *Questionnaire, a *Assessment, r *Result) {
	Apply(r, NewAnalysis(qn, a, r).Run())
}

// Analysis is an uncertainty analysis ready to run: what it needs of an
// assessment and its result is copied, so that Run can go on while the
// assessment is edited (a window runs it off the UI thread).
type Analysis struct {
	an          *analyser
	ins         []fieldInputs
	recommended string
}

// NewAnalysis prepares the analysis of an assessment scored as r.
func NewAnalysis(qn *Questionnaire, a *Assessment, r *Result) *Analysis {
	an := qn.analyser()
	return &Analysis{an: an, ins: an.inputs(a, r), recommended: r.Recommendation.Field}
}

// Run scores the assessment Variations times and says how the ranking
// moved.
func (x *Analysis) Run() *Uncertainty {
	c := newCityCounts(len(x.ins))
	scores := make([]float64, len(x.ins))
	order := make([]int, 0, len(x.ins))
	for v := range Variations {
		x.variation(v, scores, &order)
		c.add(order, x.ins)
	}
	return c.uncertainty(x.an.fields, x.ins, x.recommended)
}

// variation scores every field in variation v (an unknown one at its
// draw) and orders them, first first, by the rule of the recommendation.
func (x *Analysis) variation(v int, scores []float64, order *[]int) {
	ins := x.ins
	*order = (*order)[:0]
	for i := range ins {
		scores[i] = ins[i].score(v)
		*order = append(*order, i)
	}
	slices.SortStableFunc(*order, func(p, q int) int {
		switch {
		case scores[p] != scores[q]:
			return cmpDesc(scores[p], scores[q])
		case ins[p].completeness != ins[q].completeness:
			return cmpDesc(ins[p].completeness, ins[q].completeness)
		}
		return p - q
	})
}

// cityCounts counts, over the variations, how often each field of a city
// came first among the candidate fields and at each rank among all.
type cityCounts struct {
	firsts []int
	ranks  [][]int // field → rank-1 → count
}

func newCityCounts(fields int) *cityCounts {
	c := &cityCounts{firsts: make([]int, fields), ranks: make([][]int, fields)}
	for i := range c.ranks {
		c.ranks[i] = make([]int, fields)
	}
	return c
}

func (c *cityCounts) add(order []int, ins []fieldInputs) {
	first := -1
	for rank, i := range order {
		c.ranks[i][rank]++
		if first < 0 && ins[i].candidate {
			first = i
		}
	}
	if first >= 0 {
		c.firsts[first]++
	}
}

func (c *cityCounts) merge(o *cityCounts) {
	for i := range c.firsts {
		c.firsts[i] += o.firsts[i]
		for r := range c.ranks[i] {
			c.ranks[i][r] += o.ranks[i][r]
		}
	}
}

func (c *cityCounts) uncertainty(fields []*Section, ins []fieldInputs, recommended string) *Uncertainty {
	u := &Uncertainty{RankRanges: map[string][2]int{}}
	for i, s := range fields {
		if !ins[i].assessed {
			continue
		}
		if lo, hi, ok := rankRange(c.ranks[i]); ok {
			u.RankRanges[s.ID] = [2]int{lo, hi}
		}
		share := float64(c.firsts[i]) / Variations
		switch {
		case s.ID == recommended:
			u.Stability = share
		case ins[i].candidate && c.firsts[i] > 0 && share > u.Share:
			u.Challenger, u.Share = s.ID, share
		}
	}
	return u
}

// rankRange is the rankLow and rankHigh percentiles (nearest rank) of
// ranks counted by value (counts[r-1] times rank r); ok is false when
// nothing was counted.
func rankRange(counts []int) (lo, hi int, ok bool) {
	n := 0
	for _, k := range counts {
		n += k
	}
	if n == 0 {
		return 0, 0, false
	}
	return nearestRank(counts, n, rankLow), nearestRank(counts, n, rankHigh), true
}

func nearestRank(counts []int, n int, p float64) int {
	want := max(1, int(math.Ceil(p*float64(n))))
	seen := 0
	for r, k := range counts {
		if seen += k; seen >= want {
			return r + 1
		}
	}
	return len(counts)
}

// Apply records an analysis's findings in the result it was prepared
// from and sets the recommendation's confidence from them.
func Apply(r *Result, u *Uncertainty) {
	r.Uncertainty = u
	r.Recommendation = confide(r, u)
}

// confide sets the recommendation's confidence from the analysis and says
// why: completeness can force low; otherwise stability decides, and an
// unknown candidate field keeps it below high.
func confide(r *Result, u *Uncertainty) Recommendation {
	rec := r.Recommendation
	if rec.Field == "" {
		return rec
	}
	top, _ := r.Field(rec.Field)
	lowCompleteness := top.Completeness < MinFieldCompleteness || r.Readiness.Completeness < MinReadinessCompleteness
	rec.Reasons = slices.DeleteFunc(slices.Clone(rec.Reasons), func(x Reason) bool { return x.Code == ReasonStable || x.Code == ReasonChallenger })
	at := slices.IndexFunc(rec.Reasons, func(x Reason) bool {
		return x.Code == ReasonLowCompleteness || x.Code == ReasonLowReadiness || x.Code == ReasonReadinessScore ||
			x.Code == ReasonUnansweredQuestions
	})
	if at < 0 {
		at = len(rec.Reasons)
	}
	// The counts are of the variations themselves, out of all of them.
	total := CountArg(Variations)
	why := []Reason{{ReasonStable, Args{"Field": FieldArg(rec.Field), "Count": CountArg(int(math.Round(Variations * u.Stability))), "Total": total}}}
	if u.Challenger != "" && u.Share >= 0.01 {
		why = append(why, Reason{ReasonChallenger, Args{"Field": FieldArg(u.Challenger), "Count": CountArg(int(math.Round(Variations * u.Share))), "Total": total}})
	}
	rec.Reasons = slices.Insert(rec.Reasons, at, why...)
	switch {
	case lowCompleteness || u.Stability < StableMedium:
		rec.Confidence = ConfidenceLow
	case u.Stability < StableHigh || len(UnknownFields(r)) > 0:
		rec.Confidence = ConfidenceMedium
	default:
		rec.Confidence = ConfidenceHigh
	}
	return rec
}
