package assessment

import (
	"time"

	"fmt"
	"math"
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// city is a compared city whose fields "a" and "b" have the given score
// and completeness.
func city(name string, a, aCompleteness, b float64) CityResult {
	return CityResult{Path: name + Extension, Doc: &Assessment{City: City{Name: name}}, Result: &Result{
		Fields: []SectionScore{{ID: "a", Score: a, Completeness: aCompleteness}, {ID: "b", Score: b, Completeness: 1}},
	}}
}

func names(cities []CityResult) []string {
	var out []string
	for _, c := range cities {
		out = append(out, c.Doc.City.Name)
	}
	return out
}

func TestRankCitiesBreaksTiesByCompletenessThenInputOrder(t *testing.T) {
	cities := []CityResult{
		city("p", 40, 0.5, 0),
		city("q", 70, 0.2, 0),
		city("r", 40, 0.9, 0),
		city("s", 70, 0.2, 0), // ties q exactly: q came first
		city("t", 40, 0.5, 0), // ties p exactly: p came first
		city("u", 0, 0, 0),
		city("v", 70, 0.3, 0),
	}
	before := slices.Clone(cities)
	got := RankCities(cities, "a")
	var order []string
	for i, r := range got {
		order = append(order, r.City.Doc.City.Name)
		if r.Rank != i+1 {
			t.Errorf("%s has rank %d at place %d; ranks are distinct, 1 first", r.City.Doc.City.Name, r.Rank, i+1)
		}
		if want, _ := r.City.Result.Field("a"); r.Field.Score != want.Score || r.Field.Completeness != want.Completeness {
			t.Errorf("%s: field %+v; want %+v", r.City.Doc.City.Name, r.Field, want)
		}
	}
	if want := []string{"v", "q", "s", "r", "p", "t", "u"}; !slices.Equal(order, want) {
		t.Errorf("ranking %v; want %v", order, want)
	}
	if !slices.EqualFunc(cities, before, func(x, y CityResult) bool { return x.Doc == y.Doc }) {
		t.Error("RankCities reordered its input")
	}
}

func TestRankCitiesRanksTheNamedField(t *testing.T) {
	cities := []CityResult{city("p", 90, 1, 10), city("q", 10, 1, 90), city("r", 50, 1, 50)}
	for field, want := range map[string][]string{"a": {"p", "r", "q"}, "b": {"q", "r", "p"}} {
		var got []string
		for _, r := range RankCities(cities, field) {
			got = append(got, r.City.Doc.City.Name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("field %s: %v; want %v", field, got, want)
		}
	}
	// A city without the field ranks as unanswered with 0, after any score.
	cities = append([]CityResult{{Doc: &Assessment{City: City{Name: "none"}}, Result: &Result{}}}, cities...)
	if got := RankCities(cities, "a"); got[3].City.Doc.City.Name != "none" || got[3].Field.Score != 0 || got[3].Field.ID != "" {
		t.Errorf("a city without the field ranks %+v", got[3])
	}
	if got := RankCities(nil, "a"); len(got) != 0 {
		t.Errorf("no cities ranked as %v", got)
	}
}

// The ranking of cities in a field follows the rule that ranks a city's
// own fields.
func TestRankCitiesFollowsTheFieldRankingRule(t *testing.T) {
	var cities []CityResult
	var scores []SectionScore
	for i := range 60 {
		// Few distinct values, so that ties of both keys are frequent.
		s := SectionScore{ID: "a", Score: float64(i * 7 % 5 * 25), Completeness: float64(i*3%4) / 4}
		scores = append(scores, s)
		cities = append(cities, CityResult{Doc: &Assessment{City: City{Name: fmt.Sprint(i)}}, Result: &Result{Fields: []SectionScore{s}}})
	}
	got := RankCities(cities, "a")
	for rank, i := range rankOrder(scores) {
		if got[rank].City.Doc != cities[i].Doc {
			t.Fatalf("place %d holds %s; the field rule puts %d there", rank+1, got[rank].City.Doc.City.Name, i)
		}
	}
}

func TestBestScore(t *testing.T) {
	r := &Result{Fields: []SectionScore{{Score: 12}, {Score: 87.5}, {Score: 40}}, Readiness: SectionScore{Score: 99}}
	if got := BestScore(r); got != 87.5 {
		t.Errorf("best %v; want 87.5 (readiness is not a field)", got)
	}
	if got := BestScore(&Result{}); got != 0 {
		t.Errorf("best without fields %v; want 0", got)
	}
}

func TestTopCitiesKeepsTheStrongestInInputOrderOnTies(t *testing.T) {
	cities := []CityResult{
		city("p", 10, 1, 20), // best 20
		city("q", 60, 1, 5),  // best 60
		city("r", 20, 1, 15), // best 20: ties p, which came first
		city("s", 0, 0, 0),   // best 0
		city("t", 30, 1, 60), // best 60: ties q, which came first
		city("u", 45, 0, 0),  // best 45: completeness plays no part
	}
	before := slices.Clone(cities)
	for n, want := range map[int][]string{
		0: nil,
		1: {"q"},
		2: {"q", "t"},
		4: {"q", "t", "u", "p"},
		5: {"q", "t", "u", "p", "r"},
		6: {"q", "t", "u", "p", "r", "s"},
		9: {"q", "t", "u", "p", "r", "s"},
	} {
		if got := names(TopCities(cities, n)); !slices.Equal(got, want) {
			t.Errorf("top %d: %v; want %v", n, got, want)
		}
	}
	if !slices.EqualFunc(cities, before, func(x, y CityResult) bool { return x.Doc == y.Doc }) {
		t.Error("TopCities reordered its input")
	}
}

func TestTopCitiesCutsAtChartCities(t *testing.T) {
	var cities []CityResult
	for i := range ChartCities + 12 {
		// Many ties: best scores 0, 10, 20, 30 in turn.
		cities = append(cities, city(fmt.Sprintf("c%02d", i), float64(i%4*10), 1, 0))
	}
	got := TopCities(cities, ChartCities)
	if len(got) != ChartCities {
		t.Fatalf("%d cities charted; want %d", len(got), ChartCities)
	}
	for i := 1; i < len(got); i++ {
		prev, cur := got[i-1], got[i]
		bp, bc := BestScore(prev.Result), BestScore(cur.Result)
		if bp < bc || (bp == bc && prev.Doc.City.Name > cur.Doc.City.Name) {
			t.Errorf("%s (%v) before %s (%v)", prev.Doc.City.Name, bp, cur.Doc.City.Name, bc)
		}
	}
	// 42 cities, 10 or 11 of each best score: the 30 strongest leave out
	// exactly the cities with 0 and one with 10, the last of them.
	if last := got[len(got)-1].Doc.City.Name; last != "c37" {
		t.Errorf("last charted city %s; want c37", last)
	}
	if got := TopCities(cities[:5], ChartCities); len(got) != 5 {
		t.Errorf("%d of 5 cities charted", len(got))
	}
}

// followUpResult is a result recommending field "a" with the given
// confidence and completeness.
func followUpResult(c Confidence, completeness float64) *Result {
	return &Result{
		Fields:         []SectionScore{{ID: "a", Score: 50, Completeness: completeness}, {ID: "b", Completeness: 1}},
		Recommendation: Recommendation{Field: "a", Confidence: c},
	}
}

func TestNeedsFollowUpThresholds(t *testing.T) {
	below := math.Nextafter(FollowUpCompleteness, 0)
	for _, tc := range []struct {
		confidence   Confidence
		completeness float64
		want         bool
	}{
		{ConfidenceLow, 1, true},
		{ConfidenceLow, FollowUpCompleteness, true},
		{ConfidenceMedium, 1, false},
		{ConfidenceMedium, FollowUpCompleteness, false}, // the threshold itself is enough
		{ConfidenceMedium, below, true},
		{ConfidenceHigh, FollowUpCompleteness, false},
		{ConfidenceHigh, below, true},
		{ConfidenceHigh, 0, true},
	} {
		r := followUpResult(tc.confidence, tc.completeness)
		if got := NeedsFollowUp(r); got != tc.want {
			t.Errorf("confidence %s, completeness %v: follow up %v; want %v", tc.confidence, tc.completeness, got, tc.want)
		}
		if got := RecommendedCompleteness(r); got != tc.completeness {
			t.Errorf("recommended completeness %v; want %v", got, tc.completeness)
		}
	}
	if FollowUpCompleteness != MinFieldCompleteness {
		t.Errorf("follow-up threshold %v differs from the confidence rule's %v", FollowUpCompleteness, MinFieldCompleteness)
	}
	// Without a recommended field the completeness counts as 0.
	r := followUpResult(ConfidenceHigh, 1)
	r.Recommendation.Field = ""
	if RecommendedCompleteness(r) != 0 || !NeedsFollowUp(r) {
		t.Error("a result without a recommended field needs no follow-up")
	}
}

func TestFollowUpReasonsKeepTheExplainingReasonsInOrder(t *testing.T) {
	r := followUpResult(ConfidenceLow, 0.2)
	for _, code := range []string{ReasonTopScore, ReasonLowReadiness, ReasonLead, ReasonTie, ReasonStrongestDimension,
		ReasonCompleteness, ReasonLowCompleteness, ReasonStable, ReasonChallenger, ReasonReadinessScore, ReasonUnansweredQuestions, ReasonNoAnswers} {
		r.Recommendation.Reasons = append(r.Recommendation.Reasons, Reason{Code: code})
	}
	var got []string
	for _, reason := range FollowUpReasons(r) {
		got = append(got, reason.Code)
	}
	if want := []string{ReasonLowReadiness, ReasonLowCompleteness, ReasonStable, ReasonChallenger, ReasonNoAnswers}; !slices.Equal(got, want) {
		t.Errorf("follow-up reasons %v; want %v", got, want)
	}
	if got := FollowUpReasons(&Result{}); got != nil {
		t.Errorf("reasons without a recommendation: %v", got)
	}
}

// Scored assessments: an empty one and a thinly answered one are followed
// up, a fully answered one is not.
func TestNeedsFollowUpOnScoredAssessments(t *testing.T) {
	qn := shippedQn(t)
	empty := Score(qn, New(qn))
	if !NeedsFollowUp(empty) {
		t.Error("an empty assessment is not followed up")
	}
	if got := FollowUpReasons(empty); len(got) != 1 || got[0].Code != ReasonNoAnswers {
		t.Errorf("empty assessment's follow-up reasons %v", got)
	}
	full := New(qn)
	full.City.Population = 1_000_000
	for _, s := range qn.Sections {
		for _, q := range s.ScoredQuestions() {
			if s.ID == "gastronomy" || s.Kind == KindReadiness {
				full.SetValue(q.ID, maxValue(q, full.City.Population))
			}
		}
	}
	if r := Score(qn, full); NeedsFollowUp(r) || RecommendedCompleteness(r) != 1 {
		t.Errorf("a fully answered assessment: follow up %v, completeness %v, confidence %s",
			NeedsFollowUp(r), RecommendedCompleteness(r), r.Recommendation.Confidence)
	}
}

// located is a compared city with a name and a province, from path.
func located(path, name, province string) CityResult {
	return CityResult{Path: path, Doc: &Assessment{City: City{Name: name, Province: province}}, Result: &Result{}}
}

func TestSameCityIgnoresNormalisationCaseAndSpaces(t *testing.T) {
	nfc := City{Name: "Hạ Long", Province: "Quảng Ninh"}
	for _, other := range []City{
		{Name: norm.NFD.String("Hạ Long"), Province: norm.NFD.String("Quảng Ninh")}, // decomposed accents
		{Name: "HẠ LONG", Province: "quảng ninh"},
		{Name: "  Hạ   Long\t", Province: "Quảng\u00a0Ninh "},
		{Name: "hạ long", Province: "QUẢNG NINH", Population: 300000}, // other data does not count
	} {
		if !SameCity(nfc, other, nil) || !SameCity(other, nfc, nil) {
			t.Errorf("%q, %q is not the same city as %q, %q", other.Name, other.Province, nfc.Name, nfc.Province)
		}
	}
	if !SameCity(City{Name: "Đà Lạt"}, City{Name: "đà lạt"}, nil) {
		t.Error("Đ and đ differ")
	}
	for _, other := range []City{
		{Name: "Ha Long", Province: "Quang Ninh"}, // accents tell names apart
		{Name: "Hạ Long", Province: "Lâm Đồng"},
		{Name: "Hạ Long"},
		{Name: "HạLong", Province: "Quảng Ninh"},
		{Name: "Hạ Long Quảng Ninh"},
	} {
		if SameCity(nfc, other, nil) {
			t.Errorf("%q, %q is the same city as %q, %q", other.Name, other.Province, nfc.Name, nfc.Province)
		}
	}
	// Without a name, nothing tells that two assessments are of one city.
	if SameCity(City{}, City{}, nil) || SameCity(City{Name: " ", Province: "Huế"}, City{Province: "Huế"}, nil) || CityKey(City{Province: "Huế"}, nil) != "" {
		t.Error("cities without a name are the same city")
	}
}

func TestDedupeCitiesKeepsTheFirstInputOfEachCity(t *testing.T) {
	cities := []CityResult{
		located("hue.xlsx", "Huế", "Thừa Thiên Huế"),
		located("halong.ccsa", "Hạ Long", "Quảng Ninh"),
		located("unnamed1.ccsa", "", "Quảng Ninh"),
		located("halong-vi.xlsx", norm.NFD.String("hạ long"), "QUẢNG NINH"),
		located("unnamed2.ccsa", " ", "Quảng Ninh"),
		located("hue.ccsa", "HUẾ ", "thừa thiên huế"),
		located("halong-en.xlsx", "Hạ  Long", " Quảng Ninh"),
		located("dalat.ccsa", "Đà Lạt", "Lâm Đồng"),
	}
	before := slices.Clone(cities)
	kept, dups := DedupeCities(cities, nil, time.Now())
	var got []string
	for _, c := range kept {
		got = append(got, c.Path)
	}
	if want := []string{"hue.xlsx", "halong.ccsa", "unnamed1.ccsa", "unnamed2.ccsa", "dalat.ccsa"}; !slices.Equal(got, want) {
		t.Errorf("kept %v; want %v", got, want)
	}
	got = nil
	for _, d := range dups {
		got = append(got, d.City.Path+" of "+d.Of.Path)
	}
	if want := []string{"halong-vi.xlsx of halong.ccsa", "hue.ccsa of hue.xlsx", "halong-en.xlsx of halong.ccsa"}; !slices.Equal(got, want) {
		t.Errorf("duplicates %v; want %v", got, want)
	}
	if !slices.EqualFunc(cities, before, func(x, y CityResult) bool { return x.Doc == y.Doc && x.Path == y.Path }) {
		t.Error("DedupeCities changed its input")
	}
	got = nil
	for _, d := range DuplicatesOf(dups, kept[1]) {
		got = append(got, d.City.Path)
	}
	if want := []string{"halong-vi.xlsx", "halong-en.xlsx"}; !slices.Equal(got, want) {
		t.Errorf("duplicates of Hạ Long %v; want %v", got, want)
	}
	if d := DuplicatesOf(dups, kept[4]); d != nil {
		t.Errorf("Đà Lạt has duplicates %v", d)
	}
	if kept, dups := DedupeCities(nil, nil, time.Now()); kept != nil || dups != nil {
		t.Errorf("no cities gave %v, %v", kept, dups)
	}
}

// The same file given twice is a duplicate of itself.
func TestDedupeCitiesListsTheSameFileGivenTwice(t *testing.T) {
	a := located("hue.ccsa", "Huế", "")
	b := located("hue.ccsa", "Huế", "")
	kept, dups := DedupeCities([]CityResult{a, b}, nil, time.Now())
	if len(kept) != 1 || kept[0].Doc != a.Doc || len(dups) != 1 || dups[0].City.Doc != b.Doc || dups[0].Of.Doc != a.Doc {
		t.Errorf("kept %v, duplicates %v", kept, dups)
	}
	if got := DuplicatesOf(dups, kept[0]); len(got) != 1 {
		t.Errorf("duplicates of the kept file: %v", got)
	}
}

// TestAProvinceNamedAsBeforeTheMergerIsTheSameCity: an older file naming
// the province as it was before 2025 is the same city as a newer one.
func TestAProvinceNamedAsBeforeTheMergerIsTheSameCity(t *testing.T) {
	p, err := ParseProvinces([]byte("[provinces]\n\"Thừa Thiên Huế\" = \"Huế\"\n\"Quảng Nam\" = \"Đà Nẵng\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !SameCity(City{Name: "Hội An", Province: "quảng  nam"}, City{Name: "Hội An", Province: "Đà Nẵng"}, p) {
		t.Error("Hội An of Quảng Nam is not Hội An of Đà Nẵng")
	}
	if SameCity(City{Name: "Hội An", Province: "Quảng Nam"}, City{Name: "Hội An", Province: "Đà Nẵng"}, nil) {
		t.Error("without the table, the provinces differ")
	}
	if p.Today("Quảng Ninh") != "Quảng Ninh" {
		t.Error("an unchanged province changed")
	}
}

// TestDedupeCitiesComparesTheNewestInputOfEachCity: of the inputs of a
// city, the one changed last is compared, whatever the order given: by
// UpdatedAt, then by the file's time; an UpdatedAt more than a day ahead
// counts as the file's time. The city keeps the place of its first input.
func TestDedupeCitiesComparesTheNewestInputOfEachCity(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	at := func(c CityResult, updated, file time.Time) CityResult {
		c.Doc.UpdatedAt, c.FileTime = updated, file
		return c
	}
	day := 24 * time.Hour
	old := at(located("a-halong-2025-old.ccsa", "Hạ Long", "Quảng Ninh"), now.Add(-300*day), now)
	final := at(located("b-halong-2026-final.ccsa", "HẠ LONG", "Quảng Ninh"), now.Add(-day), now.Add(-day))
	hue := at(located("hue.ccsa", "Huế", ""), time.Time{}, now.Add(-day))
	// The exported report has no UpdatedAt: its file time counts.
	hueNew := at(located("hue.xlsx", "Huế", ""), time.Time{}, now)
	// A date in 2099 is not believed: the file is a year old.
	future := at(located("dalat-2099.ccsa", "Đà Lạt", ""), now.Add(50*365*day), now.Add(-365*day))
	dalat := at(located("dalat.ccsa", "Đà Lạt", ""), now.Add(-2*day), now.Add(-2*day))
	// Just under a day ahead is believed.
	ahead := at(located("vinh-ahead.ccsa", "Vinh", ""), now.Add(23*time.Hour), now.Add(-9*day))
	vinh := at(located("vinh.ccsa", "Vinh", ""), now.Add(-day), now)
	// The same time: the first given is compared.
	same1 := at(located("hoian1.ccsa", "Hội An", ""), now.Add(-day), now)
	same2 := at(located("hoian2.ccsa", "Hội An", ""), now.Add(-day), now)

	kept, dups := DedupeCities([]CityResult{old, hue, future, final, hueNew, dalat, vinh, ahead, same1, same2}, nil, now)
	var got []string
	for _, c := range kept {
		got = append(got, c.Path)
	}
	if want := []string{"b-halong-2026-final.ccsa", "hue.xlsx", "dalat.ccsa", "vinh-ahead.ccsa", "hoian1.ccsa"}; !slices.Equal(got, want) {
		t.Errorf("kept %v; want %v", got, want)
	}
	got = nil
	for _, d := range dups {
		got = append(got, fmt.Sprintf("%s of %s same=%v", d.City.Path, d.Of.Path, d.SameTime))
	}
	want := []string{
		"a-halong-2025-old.ccsa of b-halong-2026-final.ccsa same=false", "hue.ccsa of hue.xlsx same=false",
		"dalat-2099.ccsa of dalat.ccsa same=false", "vinh.ccsa of vinh-ahead.ccsa same=false", "hoian2.ccsa of hoian1.ccsa same=true",
	}
	if !slices.Equal(got, want) {
		t.Errorf("duplicates\n%v\nwant\n%v", got, want)
	}
	if _, f := future.ChangedAt(now); !f {
		t.Error("an UpdatedAt fifty years ahead is believed")
	}
	if ts, f := ahead.ChangedAt(now); f || !ts.Equal(now.Add(23*time.Hour)) {
		t.Errorf("an UpdatedAt 23 hours ahead gave %v, %v", ts, f)
	}
	p := dups[0].Problem()
	if p.Severity != Warning || p.Code != CodeDuplicateOlder || p.Path != "a-halong-2025-old.ccsa" ||
		p.Args["File"].Text != "b-halong-2026-final.ccsa" || p.Args["City"].Text != "HẠ LONG, Quảng Ninh" ||
		p.Args["OfTime"].Text != "2026-05-31 12:00 UTC" {
		t.Errorf("problem of the old file: %+v", p)
	}
	if p := dups[4].Problem(); p.Code != CodeDuplicateSameTime {
		t.Errorf("problem of the second Hội An: %+v", p)
	}
	if p := FutureProblem(future); p.Code != CodeUpdatedInFuture || p.Path != "dalat-2099.ccsa" || p.Args["FileTime"].Text != "2025-06-01 12:00 UTC" {
		t.Errorf("future problem %+v", p)
	}
}
