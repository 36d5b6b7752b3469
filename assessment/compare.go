package assessment

import (
	"slices"
	"strings"
	"time"

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
	Path     string
	Doc      *Assessment
	Result   *Result
	FileTime time.Time // the file's modification time, zero when unknown
}

// FutureSlack is how far after the clock an UpdatedAt may be and still be
// believed: beyond it, the file's own time stands for it.
const FutureSlack = 24 * time.Hour

// ChangedAt is when an input of a comparison was last changed: its
// UpdatedAt, or the file's time when it has none or when it is more than
// FutureSlack after now (future is then true).
func (c CityResult) ChangedAt(now time.Time) (t time.Time, future bool) {
	u := c.Doc.UpdatedAt
	switch {
	case u.IsZero():
		return c.FileTime, false
	case u.After(now.Add(FutureSlack)):
		return c.FileTime, true
	}
	return u, false
}

// newer reports whether x is a newer input of a city than y: changed
// later (see ChangedAt), then, at the same time, a later file time.
func newer(x, y CityResult, now time.Time) bool {
	tx, _ := x.ChangedAt(now)
	ty, _ := y.ChangedAt(now)
	if !tx.Equal(ty) {
		return tx.After(ty)
	}
	return x.FileTime.After(y.FileTime)
}

// Duplicate is an input of a comparison that holds a city already in it:
// the same city as Of (see SameCity). It is not compared: Of is newer, or
// as new and given first.
type Duplicate struct {
	City CityResult // the input not compared
	Of   CityResult // the input compared for the city
	// SameTime: City was changed when Of was (Of was given first).
	SameTime bool
	// Time and OfTime are when City and Of were changed (see ChangedAt).
	Time, OfTime time.Time
}

// Problem is the warning that says why a duplicate is not compared.
func (d Duplicate) Problem() Problem {
	args := Args{"City": TextArg(CityLabel(d.Of.Doc.City)), "File": TextArg(d.Of.Path),
		"Time": TextArg(stamp(d.Time)), "OfTime": TextArg(stamp(d.OfTime))}
	code := CodeDuplicateOlder
	if d.SameTime {
		code = CodeDuplicateSameTime
	}
	return Problem{Severity: Warning, Path: d.City.Path, Code: code, Args: args}
}

// FutureProblem is the warning about an input whose UpdatedAt is more than
// FutureSlack after now, so that the file's time stands for it.
func FutureProblem(c CityResult) Problem {
	return Problem{Severity: Warning, Path: c.Path, Code: CodeUpdatedInFuture,
		Args: Args{"UpdatedAt": TextArg(stamp(c.Doc.UpdatedAt)), "FileTime": TextArg(stamp(c.FileTime))}}
}

// stamp writes a time in UTC to the minute, "?" when unknown.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// CityLabel names a city with its province, when there is one.
func CityLabel(c City) string {
	if p := strings.TrimSpace(c.Province); p != "" {
		return strings.TrimSpace(c.Name) + ", " + p
	}
	return strings.TrimSpace(c.Name)
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

// DedupeCities keeps each city once: of the inputs of a city (see
// SameCity), the newest (see ChangedAt, then the file's time; at the same
// time, the first given) is compared, in the place of the city's first
// input, and every other is listed as a duplicate of it, in input order.
// The input is not changed.
func DedupeCities(cities []CityResult, provinces Provinces, now time.Time) (kept []CityResult, dups []Duplicate) {
	best := map[string]int{} // city key -> index in cities of its newest input
	for i, c := range cities {
		k := CityKey(c.Doc.City, provinces)
		if j, seen := best[k]; k != "" && (!seen || newer(c, cities[j], now)) {
			best[k] = i
		}
	}
	placed := map[string]bool{}
	for i, c := range cities {
		k := CityKey(c.Doc.City, provinces)
		if k == "" {
			kept = append(kept, c)
			continue
		}
		if best[k] != i {
			dups = append(dups, duplicateOf(c, cities[best[k]], now))
		}
		if !placed[k] {
			kept, placed[k] = append(kept, cities[best[k]]), true
		}
	}
	return kept, dups
}

// duplicateOf is input c, not compared for input of, the newer.
func duplicateOf(c, of CityResult, now time.Time) Duplicate {
	t, _ := c.ChangedAt(now)
	ot, _ := of.ChangedAt(now)
	return Duplicate{City: c, Of: of, Time: t, OfTime: ot, SameTime: !newer(of, c, now)}
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
