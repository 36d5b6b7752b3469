package assessment

import (
	"math"
	"slices"
)

// Confidence is how far the recommendation can be trusted (contract values).
type Confidence string

// The confidence levels.
const (
	ConfidenceLow    Confidence = "low"
	ConfidenceMedium Confidence = "medium"
	ConfidenceHigh   Confidence = "high"
)

// Completeness below which the confidence is low whatever the stability
// (DESIGN §4).
const (
	MinFieldCompleteness     = 0.6
	MinReadinessCompleteness = 0.5
)

// MaxGaps is the number of gaps listed for the recommended field.
const MaxGaps = 10

// QuestionScore is what one scored question earns.
type QuestionScore struct {
	Answered bool
	Fraction float64 // 0..1 of the question's full marks
	Points   float64 // contribution to its section's 0..100 score
	Max      float64 // the most it can contribute
}

// SectionScore is the score of readiness or of one field.
type SectionScore struct {
	ID           string
	Score        float64 // 0..100
	Completeness float64 // 0..1, share of scored questions answered
	Answered     int
	Total        int
	Rank         int                // 1 = strongest field; 0 for readiness
	Dimensions   map[string]float64 // 0..100 per dimension
	// SetAside is set when the city does not consider the field
	// (decisions.setAside): it keeps its score and rank but leaves the
	// choice of the recommended field.
	SetAside bool
}

// Candidate reports whether the field is one the recommendation chooses
// from: a field the city has not set aside.
func (s SectionScore) Candidate() bool { return !s.SetAside }

// Unknown reports whether the field is a candidate with nothing answered:
// it could score anything, so the recommendation cannot be trusted
// highly while it stays unknown.
func (s SectionScore) Unknown() bool { return s.Candidate() && !s.Assessed() }

// Assessed reports whether any question of the section is answered: a
// field with nothing answered is "not assessed", and the window and the
// report show no rank for it (score --json keeps it, with completeness 0).
func (s SectionScore) Assessed() bool { return s.Answered > 0 }

// Reason is one statement behind the recommendation; its text is the
// message "reason.<Code>" filled with Args.
type Reason struct {
	Code string
	Args Args
}

// Reason codes.
const (
	ReasonNoAnswers           = "noAnswers"
	ReasonTopScore            = "topScore"            // Field, Score
	ReasonLead                = "lead"                // Lead, SecondField
	ReasonTie                 = "tie"                 // SecondField
	ReasonCompleteness        = "completeness"        // Completeness
	ReasonLowCompleteness     = "lowCompleteness"     // Completeness, Min
	ReasonLowReadiness        = "lowReadiness"        // Completeness, Min
	ReasonStable              = "stable"              // Field, Count (of Total variations it stays first), Total
	ReasonChallenger          = "challenger"          // Field, Count (of Total variations it comes first), Total
	ReasonStrongestDimension  = "strongestDimension"  // Dimension, Score
	ReasonReadinessScore      = "readinessScore"      // Score
	ReasonUnansweredQuestions = "unansweredQuestions" // Count
	ReasonUnknownFields       = "unknownFields"       // Fields, Count: candidate fields with nothing answered
	ReasonSetAside            = "setAside"            // Candidates (count), Fields, Count: the fields set aside
	ReasonAllSetAside         = "allSetAside"         // Fields, Count: every assessed field is set aside
)

// Recommendation names the field the city looks strongest in.
type Recommendation struct {
	Field string // "" when no field has any answer
	// Confidence follows the uncertainty analysis; "" until it has run
	// (ScoreQuick), unless completeness already makes it low.
	Confidence Confidence
	Reasons    []Reason
}

// Gap is a question of the recommended field whose improvement would gain
// the most points.
type Gap struct {
	QuestionID string
	Field      string
	Gain       float64 // points the field score would gain at full marks
	Answered   bool
}

// Result is the complete scoring of an assessment.
type Result struct {
	Fields         []SectionScore // in the questionnaire's fixed field order
	Readiness      SectionScore
	Recommendation Recommendation
	Gaps           []Gap
	// ReadinessGaps are the readiness questions with the most points still
	// to gain, by the rule of Gaps (MaxGaps at most): readiness decides
	// whether the city can apply at all, whichever field it chooses.
	ReadinessGaps []Gap
	Questions     map[string]QuestionScore
	Uncertainty   *Uncertainty // nil until Analyse has run
	// Swap is what would put the runner-up first, when a few of its
	// answers would (MaxLevers at most); nil otherwise.
	Swap *Swap
}

// Field returns the score of a field by ID.
func (r *Result) Field(id string) (SectionScore, bool) {
	for _, f := range r.Fields {
		if f.ID == id {
			return f, true
		}
	}
	return SectionScore{}, false
}

// Fraction is the share (0..1) of a question's full marks that a value earns:
// a rubric level over 4, a number over its reference (per 100,000
// inhabitants when per-capita, capped at 1), yes = 1. Unanswered, invalid
// and unnormalisable values earn 0.
func Fraction(q *Question, v Value, population float64) (fraction float64, answered bool) {
	if v.IsNone() || !q.Scored() {
		return 0, false
	}
	if code, _ := CheckValue(q, v); code != "" {
		return 0, false
	}
	switch q.Type {
	case Rubric:
		f, _ := v.Number()
		return f / MaxRubric, true
	case Boolean:
		if b, _ := v.Bool(); b {
			return 1, true
		}
		return 0, true
	case Number:
		count, _ := v.Number()
		if !q.PerCapita {
			return math.Min(1, count/q.Reference), true
		}
		if !PopulationGiven(population) {
			return 0, true
		}
		rate, ok := RateOf(count, population)
		if !ok {
			return 0, false // figures too large for a rate: invalid
		}
		f := math.Min(1, rate/q.Reference)
		if q.MinCount > 0 {
			f = math.Min(f, count/q.MinCount)
		}
		return f, true
	}
	return 0, false
}

// Rate is a count per PerCapitaBase (100,000) inhabitants.
func Rate(count, population float64) float64 { return count * PerCapitaBase / population }

// MinPopulation is the smallest population a city can give: below it
// (0 is "not given") a rate per 100,000 inhabitants means nothing, and a
// tiny figure would multiply every per-capita count.
const MinPopulation = 1000

// PopulationGiven reports whether rates are computed from population: a
// finite figure of at least MinPopulation.
func PopulationGiven(population float64) bool {
	return population >= MinPopulation && !math.IsInf(population, 0)
}

// RateOf is Rate when the population is given and the rate is a finite
// number; ok is false otherwise (no population, or figures so large the
// rate overflows).
func RateOf(count, population float64) (rate float64, ok bool) {
	if !PopulationGiven(population) {
		return 0, false
	}
	rate = Rate(count, population)
	return rate, !math.IsInf(rate, 0) && !math.IsNaN(rate)
}

// Score computes every section score, the recommendation, the gaps and
// the uncertainty analysis that gives the recommendation its confidence.
// A field's score is 100 × Σ weight × fraction / Σ weight over its scored
// questions.
func Score(qn *Questionnaire, a *Assessment) *Result {
	r := ScoreQuick(qn, a)
	Analyse(qn, a, r)
	return r
}

// ScoreQuick is Score without the uncertainty analysis: what a keystroke
// needs at once. The confidence stays "" (unless completeness makes it
// low) until Analyse runs.
func ScoreQuick(qn *Questionnaire, a *Assessment) *Result {
	r := &Result{Questions: make(map[string]QuestionScore, len(qn.byID))}
	for _, s := range qn.Fields() {
		r.Fields = append(r.Fields, scoreSection(s, a, r.Questions))
	}
	if rs := qn.SectionOfKind(KindReadiness); rs != nil {
		r.Readiness = scoreSection(rs, a, r.Questions)
		r.ReadinessGaps = gaps(rs, r.Questions)
	}
	for i := range r.Fields {
		r.Fields[i].SetAside = !a.Candidate(r.Fields[i].ID)
	}
	order := rankOrder(r.Fields)
	for rank, i := range order {
		r.Fields[i].Rank = rank + 1
	}
	r.Recommendation = recommend(r, order)
	if f := r.Recommendation.Field; f != "" {
		s, _ := qn.Section(f)
		r.Gaps = gaps(s, r.Questions)
		r.Swap = whatWouldSwap(qn, r)
	}
	return r
}

func scoreSection(s *Section, a *Assessment, qs map[string]QuestionScore) SectionScore {
	out := SectionScore{ID: s.ID, Dimensions: make(map[string]float64, 8)}
	var total, earned float64
	dimTotal, dimEarned := make(map[string]float64, 8), make(map[string]float64, 8)
	for _, q := range s.Questions {
		if q.Scored() {
			total += q.Weight
		}
	}
	for _, q := range s.Questions {
		if !q.Scored() {
			continue
		}
		frac, answered := Fraction(q, a.Value(q.ID), a.City.Population)
		out.Total++
		if answered {
			out.Answered++
		}
		earned += q.Weight * frac
		dimTotal[q.Dimension] += q.Weight
		dimEarned[q.Dimension] += q.Weight * frac
		qs[q.ID] = QuestionScore{Answered: answered, Fraction: frac,
			Points: 100 * q.Weight * frac / total, Max: 100 * q.Weight / total}
	}
	if total > 0 {
		out.Score = clamp100(100 * earned / total)
	}
	if out.Total > 0 {
		out.Completeness = float64(out.Answered) / float64(out.Total)
	}
	for d, t := range dimTotal {
		out.Dimensions[d] = clamp100(100 * dimEarned[d] / t)
	}
	return out
}

// clamp100 keeps rounding error from stepping outside [0, 100].
func clamp100(x float64) float64 { return math.Max(0, math.Min(100, x)) }

// rankOrder returns field indexes strongest first: higher score, then
// higher completeness, then the fixed order.
func rankOrder(fields []SectionScore) []int {
	order := make([]int, len(fields))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := fields[i], fields[j]
		switch {
		case a.Score != b.Score:
			return cmpDesc(a.Score, b.Score)
		case a.Completeness != b.Completeness:
			return cmpDesc(a.Completeness, b.Completeness)
		}
		return i - j
	})
	return order
}

func cmpDesc(a, b float64) int {
	if a > b {
		return -1
	}
	return 1
}

// recommend chooses the highest-ranked assessed candidate field (order is
// rankOrder's) and says why. The leader is compared only with the best
// other assessed candidate: a field with nothing answered could score
// anything, so the reasons name it as unknown instead.
func recommend(r *Result, order []int) Recommendation {
	top, second := assessedCandidates(r.Fields, order)
	if top < 0 {
		return noRecommendation(r)
	}
	best := r.Fields[top]
	rec := Recommendation{Field: best.ID}
	rec.Reasons = append(rec.Reasons, Reason{ReasonTopScore, Args{"Field": FieldArg(best.ID), "Score": PointsArg(best.Score)}})
	if second >= 0 {
		other := r.Fields[second]
		if lead := best.Score - other.Score; lead > 0 {
			rec.Reasons = append(rec.Reasons, Reason{ReasonLead, Args{"Lead": PointsArg(lead), "SecondField": FieldArg(other.ID)}})
		} else {
			rec.Reasons = append(rec.Reasons, Reason{ReasonTie, Args{"SecondField": FieldArg(other.ID)}})
		}
	}
	if unknown := UnknownFields(r); len(unknown) > 0 {
		rec.Reasons = append(rec.Reasons, Reason{ReasonUnknownFields, Args{"Fields": FieldsArg(unknown...), "Count": CountArg(len(unknown))}})
	}
	if aside := setAsideFields(r); len(aside) > 0 {
		rec.Reasons = append(rec.Reasons, Reason{ReasonSetAside, Args{"Candidates": CountArg(len(r.Fields) - len(aside)),
			"Fields": FieldsArg(aside...), "Count": CountArg(len(aside))}})
	}
	if d, s, ok := strongestDimension(best.Dimensions); ok {
		rec.Reasons = append(rec.Reasons, Reason{ReasonStrongestDimension, Args{"Dimension": DimensionArg(d), "Score": PointsArg(s)}})
	}
	rec.Reasons = append(rec.Reasons, Reason{ReasonCompleteness, Args{"Completeness": ShareArg(best.Completeness)}})
	rec.Confidence, rec.Reasons = completenessLimits(r, best, rec.Reasons)
	if r.Readiness.Total > 0 {
		rec.Reasons = append(rec.Reasons, Reason{ReasonReadinessScore, Args{"Score": PointsArg(r.Readiness.Score)}})
	}
	if n := best.Total - best.Answered; n > 0 {
		rec.Reasons = append(rec.Reasons, Reason{ReasonUnansweredQuestions, Args{"Count": CountArg(n)}})
	}
	return rec
}

// noRecommendation is the recommendation when no candidate field has an
// answer: nothing is answered, or every field answered is set aside.
func noRecommendation(r *Result) Recommendation {
	rec := Recommendation{Confidence: ConfidenceLow, Reasons: []Reason{{Code: ReasonNoAnswers}}}
	var aside []string
	for _, f := range r.Fields {
		if f.SetAside && f.Assessed() {
			aside = append(aside, f.ID)
		}
	}
	if len(aside) > 0 {
		rec.Reasons = []Reason{{ReasonAllSetAside, Args{"Fields": FieldsArg(aside...), "Count": CountArg(len(aside))}}}
	}
	return rec
}

// setAsideFields are the fields the city has set aside, in the
// questionnaire's order.
func setAsideFields(r *Result) []string {
	var out []string
	for _, f := range r.Fields {
		if f.SetAside {
			out = append(out, f.ID)
		}
	}
	return out
}

// assessedCandidates are the indexes of the first two assessed candidate
// fields in order (-1 for none).
func assessedCandidates(fields []SectionScore, order []int) (first, second int) {
	first, second = -1, -1
	for _, i := range order {
		if !fields[i].Candidate() || !fields[i].Assessed() {
			continue
		}
		if first < 0 {
			first = i
		} else {
			return first, i
		}
	}
	return first, second
}

// completenessLimits is the confidence that completeness forces (low, or
// "" when it forces nothing) and the reasons with why.
func completenessLimits(r *Result, top SectionScore, reasons []Reason) (Confidence, []Reason) {
	var c Confidence
	if top.Completeness < MinFieldCompleteness {
		c = ConfidenceLow
		reasons = append(reasons, Reason{ReasonLowCompleteness,
			Args{"Completeness": ShareArg(top.Completeness), "Min": ShareArg(MinFieldCompleteness)}})
	}
	if r.Readiness.Completeness < MinReadinessCompleteness {
		c = ConfidenceLow
		reasons = append(reasons, Reason{ReasonLowReadiness,
			Args{"Completeness": ShareArg(r.Readiness.Completeness), "Min": ShareArg(MinReadinessCompleteness)}})
	}
	return c, reasons
}

// UnknownFields are the candidate fields with nothing answered, in the
// questionnaire's order: fields that could score anything.
func UnknownFields(r *Result) []string {
	var out []string
	for _, f := range r.Fields {
		if f.Unknown() {
			out = append(out, f.ID)
		}
	}
	return out
}

// strongestDimension returns the dimension with the highest score (ties:
// alphabetical), if any scored above zero.
func strongestDimension(dims map[string]float64) (string, float64, bool) {
	best, bestScore := "", 0.0
	for d, s := range dims {
		if s > bestScore || (s == bestScore && s > 0 && d < best) {
			best, bestScore = d, s
		}
	}
	return best, bestScore, best != ""
}

// gaps lists the questions of a field with the most points still to gain,
// most valuable first (ties: unanswered first, then questionnaire order).
func gaps(s *Section, qs map[string]QuestionScore) []Gap {
	var out []Gap
	for _, q := range s.ScoredQuestions() {
		sc := qs[q.ID]
		if gain := sc.Max - sc.Points; gain > 1e-9 {
			out = append(out, Gap{QuestionID: q.ID, Field: s.ID, Gain: gain, Answered: sc.Answered})
		}
	}
	slices.SortStableFunc(out, func(a, b Gap) int {
		if math.Abs(a.Gain-b.Gain) > 1e-9 {
			return cmpDesc(a.Gain, b.Gain)
		}
		if a.Answered != b.Answered {
			if !a.Answered {
				return -1
			}
			return 1
		}
		return 0
	})
	if len(out) > MaxGaps {
		out = out[:MaxGaps]
	}
	return out
}
