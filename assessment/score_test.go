package assessment

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func shippedQn(t testing.TB) *Questionnaire {
	t.Helper()
	qn, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return qn
}

// maxValue is the answer that earns a question's full marks for a city of
// the given population.
func maxValue(q *Question, population float64) Value {
	switch q.Type {
	case Rubric:
		return NumberValue(MaxRubric)
	case Boolean:
		return BoolValue(true)
	case Number:
		v := q.Reference
		if q.PerCapita {
			v = math.Max(math.Ceil(q.Reference*population/PerCapitaBase), q.MinCount)
		}
		if q.Max > 0 {
			v = math.Min(v, q.Max)
		}
		return NumberValue(v)
	}
	return StringValue("evidence")
}

// randomValue is a valid random answer, or none.
func randomValue(r *rand.Rand, q *Question) Value {
	if r.IntN(4) == 0 {
		return Value{}
	}
	switch q.Type {
	case Rubric:
		return NumberValue(float64(r.IntN(RubricLevels)))
	case Boolean:
		return BoolValue(r.IntN(2) == 0)
	case Number:
		v := r.Float64() * q.Reference * 3
		if q.PerCapita {
			v *= 10
		}
		if q.Integer {
			v = math.Floor(v)
		}
		if q.Max > 0 {
			v = math.Min(v, q.Max)
		}
		return NumberValue(v)
	}
	return StringValue("text")
}

func randomAssessment(r *rand.Rand, qn *Questionnaire) *Assessment {
	a := New(qn)
	a.City = City{Name: "Thành phố thử", Population: float64(50000 + r.IntN(9000000))}
	for _, s := range qn.Sections {
		for _, q := range s.Questions {
			if q.CityField == "" {
				a.SetValue(q.ID, randomValue(r, q))
			}
		}
	}
	return a
}

func TestAllAnswersAtMaximumScore100(t *testing.T) {
	qn := shippedQn(t)
	for _, pop := range []float64{120000, 300000, 9000000} {
		a := New(qn)
		a.City.Population = pop
		for _, s := range qn.Sections {
			for _, q := range s.ScoredQuestions() {
				a.SetValue(q.ID, maxValue(q, pop))
			}
		}
		r := Score(qn, a)
		for _, f := range append(r.Fields, r.Readiness) {
			if f.Score != 100 || f.Completeness != 1 {
				t.Errorf("population %v: %s = %v (completeness %v); want 100", pop, f.ID, f.Score, f.Completeness)
			}
		}
		if len(r.Gaps) != 0 {
			t.Errorf("gaps at full marks: %v", r.Gaps)
		}
	}
}

func TestNothingAnsweredScores0(t *testing.T) {
	qn := shippedQn(t)
	a := New(qn)
	a.City.Population = 300000
	r := Score(qn, a)
	for _, f := range append(r.Fields, r.Readiness) {
		if f.Score != 0 || f.Completeness != 0 {
			t.Errorf("%s = %v (completeness %v); want 0", f.ID, f.Score, f.Completeness)
		}
	}
	if r.Recommendation.Field != "" || r.Recommendation.Confidence != ConfidenceLow {
		t.Errorf("recommendation for nothing = %+v", r.Recommendation)
	}
}

// TestScoreIsMonotone raises one answer at a time in random assessments: the
// question's own field never loses points and every other field and
// readiness keep their score.
func TestScoreIsMonotone(t *testing.T) {
	qn := shippedQn(t)
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		a := randomAssessment(r, qn)
		before := Score(qn, a)
		s := qn.Sections[1+r.IntN(len(qn.Sections)-1)]
		scored := s.ScoredQuestions()
		q := scored[r.IntN(len(scored))]
		old := a.Value(q.ID)
		raised := raise(r, q, old)
		a.SetValue(q.ID, raised)
		after := Score(qn, a)
		for i, f := range after.Fields {
			b := before.Fields[i]
			switch {
			case f.ID == s.ID && f.Score < b.Score:
				t.Fatalf("raising %s from %s to %s lowered %s: %v -> %v", q.ID, old.Raw(), raised.Raw(), f.ID, b.Score, f.Score)
			case f.ID != s.ID && f.Score != b.Score:
				t.Fatalf("raising %s changed another field %s: %v -> %v", q.ID, f.ID, b.Score, f.Score)
			}
		}
		if s.Kind == KindReadiness && after.Readiness.Score < before.Readiness.Score {
			t.Fatalf("raising %s lowered readiness", q.ID)
		}
		if s.Kind != KindReadiness && after.Readiness.Score != before.Readiness.Score {
			t.Fatalf("raising field question %s changed readiness", q.ID)
		}
	}
}

// raise returns a value at least as good as old.
func raise(r *rand.Rand, q *Question, old Value) Value {
	switch q.Type {
	case Rubric:
		f, ok := old.Number()
		if !ok {
			return NumberValue(float64(r.IntN(RubricLevels)))
		}
		return NumberValue(f + float64(r.IntN(RubricLevels-int(f))))
	case Boolean:
		if b, ok := old.Bool(); ok && b {
			return old
		}
		return BoolValue(r.IntN(2) == 0)
	case Number:
		f, _ := old.Number()
		f += math.Floor(r.Float64() * q.Reference * 2)
		if q.Max > 0 {
			f = math.Min(f, q.Max)
		}
		return NumberValue(f)
	}
	return old
}

func TestScoresStayWithinBounds(t *testing.T) {
	qn := shippedQn(t)
	r := rand.New(rand.NewPCG(5, 6))
	for range 500 {
		res := Score(qn, randomAssessment(r, qn))
		for _, f := range append(res.Fields, res.Readiness) {
			if f.Score < 0 || f.Score > 100 || f.Completeness < 0 || f.Completeness > 1 {
				t.Fatalf("%s out of bounds: %+v", f.ID, f)
			}
		}
	}
}

func TestPerCapitaQuestionsRespondToPopulation(t *testing.T) {
	qn := shippedQn(t)
	checked := 0
	for _, s := range qn.Fields() {
		for _, q := range s.ScoredQuestions() {
			if !q.PerCapita {
				continue
			}
			checked++
			a := New(qn)
			// A count that reaches half the reference in a city of 1 million.
			a.SetValue(q.ID, NumberValue(math.Ceil(q.Reference*5)))
			a.City.Population = 1_000_000
			mid := Score(qn, a).Questions[q.ID].Fraction
			a.City.Population = 2_000_000
			big := Score(qn, a).Questions[q.ID].Fraction
			a.City.Population = 500_000
			small := Score(qn, a).Questions[q.ID].Fraction
			if !(big < mid && mid <= small) {
				t.Errorf("%s: fractions %v (2M) %v (1M) %v (0.5M); want fewer points for a bigger city", q.ID, big, mid, small)
			}
			a.City.Population = 0
			if f := Score(qn, a).Questions[q.ID]; f.Fraction != 0 || !f.Answered {
				t.Errorf("%s without population: %+v; want answered with 0 points", q.ID, f)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no per-capita question in the questionnaire")
	}
}

func TestNonPerCapitaQuestionsIgnorePopulation(t *testing.T) {
	qn := shippedQn(t)
	for _, s := range qn.Sections {
		for _, q := range s.ScoredQuestions() {
			if q.PerCapita {
				continue
			}
			a := New(qn)
			a.SetValue(q.ID, maxValue(q, 0))
			a.City.Population = 100
			x := Score(qn, a).Questions[q.ID].Fraction
			a.City.Population = 5_000_000
			if y := Score(qn, a).Questions[q.ID].Fraction; x != 1 || y != 1 {
				t.Errorf("%s: %v vs %v", q.ID, x, y)
			}
		}
	}
}

func TestInvalidValuesScoreAsUnanswered(t *testing.T) {
	qn := shippedQn(t)
	var rubric *Question
	for _, q := range qn.Fields()[0].ScoredQuestions() {
		if q.Type == Rubric {
			rubric = q
			break
		}
	}
	for _, v := range []Value{NumberValue(7), NumberValue(-1), NumberValue(2.5), StringValue("3"), BoolValue(true)} {
		if f, answered := Fraction(rubric, v, 1000); f != 0 || answered {
			t.Errorf("Fraction(%s) = %v, %v", v.Raw(), f, answered)
		}
	}
}

// recommendFor builds a Result with the given field scores and
// completeness and a readiness completeness, recommends, then gives the
// recommendation the confidence of an analysis with the given stability.
func recommendFor(scores, completeness []float64, readiness, stability float64) Recommendation {
	r := &Result{Readiness: SectionScore{ID: "readiness", Completeness: readiness, Total: 10, Answered: int(readiness * 10)}}
	ids := []string{"crafts", "design", "film", "gastronomy", "literature", "media_arts", "music"}
	for i, s := range scores {
		r.Fields = append(r.Fields, SectionScore{ID: ids[i], Score: s, Completeness: completeness[i], Total: 10,
			Answered: int(math.Round(completeness[i] * 10))})
	}
	r.Recommendation = recommend(r, rankOrder(r.Fields))
	return confide(r, &Uncertainty{Stability: stability, Challenger: "music", Share: 1 - stability})
}

func TestRecommendationFollowsTheConfidenceRule(t *testing.T) {
	full := []float64{1, 1, 1, 1, 1, 1, 1}
	lead := []float64{40, 30, 20, 70, 10, 5, 60}
	tests := []struct {
		name         string
		scores       []float64
		completeness []float64
		readiness    float64
		stability    float64
		field        string
		confidence   Confidence
	}{
		{"stable", lead, full, 0.8, 0.97, "gastronomy", ConfidenceHigh},
		{"stable at exactly the high threshold", lead, full, 0.8, StableHigh, "gastronomy", ConfidenceHigh},
		{"just below the high threshold", lead, full, 0.8, StableHigh - 0.001, "gastronomy", ConfidenceMedium},
		{"at the medium threshold", lead, full, 0.8, StableMedium, "gastronomy", ConfidenceMedium},
		{"unstable", lead, full, 0.8, StableMedium - 0.001, "gastronomy", ConfidenceLow},
		{"field incomplete, however stable", lead, []float64{1, 1, 1, 0.5, 1, 1, 1}, 0.8, 1, "gastronomy", ConfidenceLow},
		{"readiness incomplete, however stable", lead, full, 0.4, 1, "gastronomy", ConfidenceLow},
		{"completeness 0.6 is enough", lead, []float64{1, 1, 1, 0.6, 1, 1, 1}, 0.5, 1, "gastronomy", ConfidenceHigh},
		{"tie broken by completeness", []float64{50, 50, 0, 0, 0, 0, 0}, []float64{0.7, 0.9, 1, 1, 1, 1, 1}, 1, 0.5, "design", ConfidenceLow},
		{"tie broken by fixed order", []float64{0, 0, 0, 0, 50, 0, 50}, full, 1, 0.5, "literature", ConfidenceLow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := recommendFor(tt.scores, tt.completeness, tt.readiness, tt.stability)
			if rec.Field != tt.field || rec.Confidence != tt.confidence {
				t.Errorf("got %s/%s; want %s/%s (reasons %v)", rec.Field, rec.Confidence, tt.field, tt.confidence, rec.Reasons)
			}
			if len(rec.Reasons) == 0 || rec.Reasons[0].Code != ReasonTopScore {
				t.Errorf("reasons = %v", rec.Reasons)
			}
			if !slices.ContainsFunc(rec.Reasons, func(r Reason) bool {
				return r.Code == ReasonStable && r.Args["Count"].Num == math.Round(Variations*tt.stability) && r.Args["Total"].Num == Variations
			}) {
				t.Errorf("no reason tells the stability: %v", rec.Reasons)
			}
		})
	}
}

func TestRanksAreUniqueAndFollowScores(t *testing.T) {
	qn := shippedQn(t)
	r := rand.New(rand.NewPCG(8, 9))
	for range 100 {
		a := randomAssessment(r, qn)
		// The recommendation is the best-ranked candidate field, not rank
		// 1 itself: set some fields aside.
		for _, s := range qn.Fields() {
			if r.IntN(4) == 0 {
				a.SetAside(s.ID, "")
			}
		}
		res := Score(qn, a)
		seen := map[int]bool{}
		best := SectionScore{}
		for _, f := range res.Fields {
			seen[f.Rank] = true
			if f.Candidate() && f.Assessed() && (best.Rank == 0 || f.Rank < best.Rank) {
				best = f
			}
			if f.SetAside == a.Candidate(f.ID) {
				t.Fatalf("%s: set aside %v in the result, candidate %v in the file", f.ID, f.SetAside, a.Candidate(f.ID))
			}
			for _, g := range res.Fields {
				if f.Score > g.Score && f.Rank > g.Rank {
					t.Fatalf("%s (%v) ranks below %s (%v)", f.ID, f.Score, g.ID, g.Score)
				}
			}
		}
		if len(seen) != len(res.Fields) {
			t.Fatalf("ranks not unique: %v", res.Fields)
		}
		if res.Recommendation.Field != best.ID {
			t.Fatalf("the best candidate is %s (rank %d) but %q is recommended", best.ID, best.Rank, res.Recommendation.Field)
		}
	}
}

func TestGapsAreTheRecommendedFieldsMostValuableQuestions(t *testing.T) {
	qn := shippedQn(t)
	r := rand.New(rand.NewPCG(10, 11))
	for range 100 {
		res := Score(qn, randomAssessment(r, qn))
		if res.Recommendation.Field == "" {
			continue
		}
		if len(res.Gaps) > MaxGaps {
			t.Fatalf("%d gaps", len(res.Gaps))
		}
		for i, g := range res.Gaps {
			if g.Field != res.Recommendation.Field || g.Gain <= 0 {
				t.Fatalf("gap %+v", g)
			}
			qs := res.Questions[g.QuestionID]
			if math.Abs(g.Gain-(qs.Max-qs.Points)) > 1e-9 {
				t.Fatalf("gap %+v does not match question score %+v", g, qs)
			}
			if i > 0 && g.Gain > res.Gaps[i-1].Gain+1e-9 {
				t.Fatalf("gaps not sorted by gain: %v", res.Gaps)
			}
		}
	}
}

func TestQuestionPointsAddUpToTheFieldScore(t *testing.T) {
	qn := shippedQn(t)
	r := rand.New(rand.NewPCG(12, 13))
	res := Score(qn, randomAssessment(r, qn))
	for _, f := range res.Fields {
		s, _ := qn.Section(f.ID)
		sum, max := 0.0, 0.0
		for _, q := range s.ScoredQuestions() {
			sum += res.Questions[q.ID].Points
			max += res.Questions[q.ID].Max
		}
		if math.Abs(sum-f.Score) > 1e-9 || math.Abs(max-100) > 1e-9 {
			t.Errorf("%s: points %v, max %v, score %v", f.ID, sum, max, f.Score)
		}
	}
}

func BenchmarkScore(b *testing.B) {
	qn := shippedQn(b)
	a := randomAssessment(rand.New(rand.NewPCG(1, 1)), qn)
	b.ReportAllocs()
	for b.Loop() {
		ScoreQuick(qn, a)
	}
}

// TestOneVenueInASmallCityDoesNotEarnFullMarks: with a minimum count, a
// per-capita number needs both the rate and the count for full marks; the
// fraction still rises with the count and stops at 1.
func TestOneVenueInASmallCityDoesNotEarnFullMarks(t *testing.T) {
	q := &Question{ID: "film.screens", Type: Number, Weight: 1, PerCapita: true, Reference: 3, MinCount: 10,
		section: &Section{ID: "film", Kind: KindField}}
	one, _ := Fraction(q, NumberValue(1), 120000) // 0.83 per 100,000: 28% of the rate
	if one >= 0.2 {
		t.Errorf("one screen in 120,000 inhabitants earns %.2f", one)
	}
	previous := 0.0
	for count := 1.0; count <= 40; count++ {
		f, _ := Fraction(q, NumberValue(count), 120000)
		if f < previous || f > 1 {
			t.Fatalf("%v screens: %.3f after %.3f", count, f, previous)
		}
		previous = f
	}
	if previous != 1 {
		t.Errorf("40 screens in 120,000 inhabitants earn %.2f", previous)
	}
	if big, _ := Fraction(q, NumberValue(300), 10000000); big != 1 {
		t.Errorf("300 screens in 10 million earn %.2f", big)
	}
}

// TestOneVenueInASmallCityIsNotFullMarks: for every per-capita question
// of the shipped questionnaire, a city of 120,000 inhabitants answering a
// count of one (one cinema, one media lab, one creative space) earns at
// most half of the question's marks, however low the reference rate.
func TestOneVenueInASmallCityIsNotFullMarks(t *testing.T) {
	n := 0
	for _, s := range shippedQn(t).Sections {
		for _, q := range s.ScoredQuestions() {
			if !q.PerCapita {
				continue
			}
			n++
			if q.MinCount < 2 {
				t.Errorf("%s: minCount %v; a per-capita count needs a minimum of at least 2", q.ID, q.MinCount)
			}
			if f, _ := Fraction(q, NumberValue(1), 120000); f > 0.5 {
				t.Errorf("%s: a count of 1 in a city of 120,000 earns %.2f of the marks", q.ID, f)
			}
		}
	}
	if n == 0 {
		t.Fatal("no per-capita question")
	}
}
