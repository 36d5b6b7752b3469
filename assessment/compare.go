package assessment

import "slices"

// The rules of the comparison of several cities, shared by the comparison
// window and the comparison workbook.

// ChartCities is the most cities drawn in a comparison chart (all are in
// the tables): beyond that a clustered bar chart cannot be read.
const ChartCities = 30

// FollowUpCompleteness is the completeness of the recommended field under
// which a city is listed for follow-up even when its confidence is not low.
const FollowUpCompleteness = MinFieldCompleteness

// CityResult is one assessment in a comparison, with its scores.
type CityResult struct {
	Path   string
	Doc    *Assessment
	Result *Result
}

// CityRank is a city's place in the ranking of one field.
type CityRank struct {
	Rank  int // 1 = strongest; ties keep the input order, so ranks are distinct
	City  CityResult
	Field SectionScore // the city's score in the ranked field
}

// RankCities ranks the cities in a field, strongest first, by the rule that
// ranks a city's own fields: higher score, then higher completeness, then
// the input order. A city without the field counts as unanswered with 0.
func RankCities(cities []CityResult, field string) []CityRank {
	scores := make([]SectionScore, len(cities))
	for i, c := range cities {
		scores[i], _ = c.Result.Field(field)
	}
	out := make([]CityRank, len(cities))
	for rank, i := range rankOrder(scores) {
		out[rank] = CityRank{Rank: rank + 1, City: cities[i], Field: scores[i]}
	}
	return out
}

// BestScore is a result's highest field score (0 without fields).
func BestScore(r *Result) float64 {
	best := 0.0
	for _, f := range r.Fields {
		best = max(best, f.Score)
	}
	return best
}

// TopCities returns the n cities with the highest best field score,
// strongest first; ties keep the input order. The input is not changed.
func TopCities(cities []CityResult, n int) []CityResult {
	out := slices.Clone(cities)
	slices.SortStableFunc(out, func(x, y CityResult) int {
		bx, by := BestScore(x.Result), BestScore(y.Result)
		switch {
		case bx > by:
			return -1
		case bx < by:
			return 1
		}
		return 0
	})
	if len(out) > n {
		out = out[:max(n, 0)]
	}
	return out
}

// RecommendedCompleteness is the completeness of the recommended field, 0
// when there is no recommendation.
func RecommendedCompleteness(r *Result) float64 {
	if f, ok := r.Field(r.Recommendation.Field); ok {
		return f.Completeness
	}
	return 0
}

// NeedsFollowUp reports whether a city's recommendation needs following up:
// its confidence is low or its recommended field has a completeness under
// FollowUpCompleteness.
func NeedsFollowUp(r *Result) bool {
	return r.Recommendation.Confidence == ConfidenceLow || RecommendedCompleteness(r) < FollowUpCompleteness
}

// IsFollowUpReason reports whether a reason code explains a follow-up: too
// few answers, no answer at all or a narrow lead.
func IsFollowUpReason(code string) bool {
	switch code {
	case ReasonLowCompleteness, ReasonLowReadiness, ReasonNoAnswers, ReasonNarrowLead:
		return true
	}
	return false
}

// FollowUpReasons returns the reasons of the recommendation that explain a
// follow-up, in their order.
func FollowUpReasons(r *Result) []Reason {
	var out []Reason
	for _, reason := range r.Recommendation.Reasons {
		if IsFollowUpReason(reason.Code) {
			out = append(out, reason)
		}
	}
	return out
}
