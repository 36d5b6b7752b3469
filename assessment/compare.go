package assessment

import (
	"slices"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

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

// Duplicate is an input of a comparison that holds a city already in it:
// the same city as Of (see SameCity). It is not compared again.
type Duplicate struct {
	City CityResult // the input given again
	Of   CityResult // the input that keeps the city's place
}

// CityKey is the key under which two assessments are of the same city:
// the city's name and province, each in Unicode NFC, case-folded, with
// spaces trimmed and inner runs of white space counted as one space. It
// is "" for a city without a name, which is never the same as another.
// A province named as before the merger of 2025 counts as the province it
// is part of today (provinces may be nil).
func CityKey(c City, provinces Provinces) string {
	name := foldName(c.Name)
	if name == "" {
		return ""
	}
	// A line break cannot be in a folded name: white space is one space.
	return name + "\n" + foldName(provinces.Today(c.Province))
}

// foldName is a name compared without regard to Unicode normalisation,
// case or spacing.
func foldName(s string) string {
	s = strings.Join(strings.Fields(norm.NFC.String(s)), " ")
	return norm.NFC.String(cases.Fold().String(s))
}

// SameCity reports whether two assessments are of the same city: same
// name and province (see CityKey). Cities without a name never are.
func SameCity(x, y City, provinces Provinces) bool {
	k := CityKey(x, provinces)
	return k != "" && k == CityKey(y, provinces)
}

// DedupeCities keeps each city once, in input order: the first input of
// a city keeps its place (the order the user gave, as for ties everywhere
// in a comparison, not the latest UpdatedAt, which an exported report may
// lack) and every later input of the same city (see SameCity) is listed
// as a duplicate of it, in input order. The input is not changed.
func DedupeCities(cities []CityResult, provinces Provinces) (kept []CityResult, dups []Duplicate) {
	first := map[string]int{} // city key -> index in kept
	for _, c := range cities {
		k := CityKey(c.Doc.City, provinces)
		if i, seen := first[k]; seen && k != "" {
			dups = append(dups, Duplicate{City: c, Of: kept[i]})
			continue
		}
		if k != "" {
			first[k] = len(kept)
		}
		kept = append(kept, c)
	}
	return kept, dups
}

// DuplicatesOf returns the duplicates whose city keeps its place in c,
// in their order.
func DuplicatesOf(dups []Duplicate, c CityResult) []Duplicate {
	var out []Duplicate
	for _, d := range dups {
		if d.Of.Doc == c.Doc && d.Of.Path == c.Path {
			out = append(out, d)
		}
	}
	return out
}

// CityRank is a city's place in the ranking of one field.
type CityRank struct {
	Rank  int // 1 = strongest; ties keep the input order, so ranks are distinct
	Index int // the city's place in the input
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
		out[rank] = CityRank{Rank: rank + 1, Index: i, City: cities[i], Field: scores[i]}
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
// few answers, no answer at all, or a recommendation that other fields
// take from it in some variations of the weights and references.
func IsFollowUpReason(code string) bool {
	switch code {
	case ReasonLowCompleteness, ReasonLowReadiness, ReasonNoAnswers, ReasonStable, ReasonChallenger, ReasonUnknownFields:
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
