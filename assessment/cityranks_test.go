package assessment

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// quickCities scores assessments without their analysis.
func quickCities(qn *Questionnaire, docs ...*Assessment) []CityResult {
	out := make([]CityResult, len(docs))
	for i, d := range docs {
		out[i] = CityResult{Path: d.City.Name, Doc: d, Result: ScoreQuick(qn, d)}
	}
	return out
}

func TestEachCityIsAnalysedAsOnItsOwn(t *testing.T) {
	qn := shippedQn(t)
	r := rand.New(rand.NewPCG(4, 4))
	var docs []*Assessment
	for range 12 {
		docs = append(docs, randomAssessment(r, qn))
	}
	cities := quickCities(qn, docs...)
	AnalyseCities(qn, cities)
	for i, c := range cities {
		alone := Score(qn, docs[i])
		if !reflect.DeepEqual(c.Result.Uncertainty, alone.Uncertainty) || !reflect.DeepEqual(c.Result.Recommendation, alone.Recommendation) {
			t.Errorf("city %d: %+v in the comparison, %+v alone", i, c.Result.Uncertainty, alone.Uncertainty)
		}
	}
}

func TestACityFarAheadIsSeparable(t *testing.T) {
	qn := shippedQn(t)
	g, _ := qn.Section("gastronomy")
	strong := answeredCity(qn)
	strong.City.Name = "strong"
	answerField(strong, g, func(q *Question) Value { return maxValue(q, strong.City.Population) })
	r := rand.New(rand.NewPCG(2, 3))
	x, y := qn.Fields()[0], qn.Fields()[1]
	close1 := closePair(t, qn, r, x, y)
	close1.City.Name = "close 1"
	// The same scores in x, on other answers: the second city of a close
	// pair answers y as the first answers x.
	close2 := answeredCity(qn)
	close2.City.Name = "close 2"
	for {
		c := closePair(t, qn, r, x, y)
		sa, _ := ScoreQuick(qn, close1).Field(x.ID)
		sb, _ := ScoreQuick(qn, c).Field(x.ID)
		if d := sa.Score - sb.Score; d > 0 && d <= 1 && !reflect.DeepEqual(c.Answers, close1.Answers) {
			close2.Answers = c.Answers
			break
		}
	}
	weak := answeredCity(qn)
	weak.City.Name = "weak"
	cities := quickCities(qn, close2, strong, weak, close1)
	ranks := AnalyseCities(qn, cities)
	if got := ranks.Overall[1]; got.Rank != 1 || got.Range != [2]int{1, 1} || got.NotSeparable {
		t.Errorf("the strong city: %+v", got)
	}
	inX := ranks.Fields[x.ID]
	if inX[3].Rank != 1 || inX[0].Rank != 2 || !inX[3].NotSeparable {
		t.Errorf("two cities within a point in %s: %+v and %+v", x.ID, inX[3], inX[0])
	}
	if inX[0].Range[0] != 1 || inX[3].Range[1] != 2 {
		t.Errorf("two cities within a point in %s move between ranks 1 and 2: %+v and %+v", x.ID, inX[3], inX[0])
	}
	// The weak city answered nothing above the minimum: last everywhere,
	// level with nobody in gastronomy but level with others in x? It is
	// behind both close cities, which are separable from it.
	if inX[2].Rank < 3 {
		t.Errorf("the weak city in %s: %+v", x.ID, inX[2])
	}
	again := AnalyseCities(qn, quickCities(qn, close2, strong, weak, close1))
	if !reflect.DeepEqual(again, ranks) {
		t.Errorf("the same cities gave other figures")
	}
}

// BenchmarkAnalyseCities is the analysis of a comparison of 1,000 cities
// (target: 10 s in all).
func BenchmarkAnalyseCities(b *testing.B) {
	qn := shippedQn(b)
	r := rand.New(rand.NewPCG(1, 2))
	docs := make([]*Assessment, 1000)
	for i := range docs {
		docs[i] = randomAssessment(r, qn)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		cities := quickCities(qn, docs...)
		b.StartTimer()
		AnalyseCities(qn, cities)
	}
}
