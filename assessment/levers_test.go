package assessment

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestLeversAreTheRecommendedFieldsMostValuableGaps(t *testing.T) {
	qn := shippedQn(t)
	r := rand.New(rand.NewPCG(5, 1))
	for range 50 {
		a := randomAssessment(r, qn)
		res := ScoreQuick(qn, a)
		levers := res.Levers()
		if len(levers) > MaxLevers || (len(res.Gaps) >= MaxLevers && len(levers) != MaxLevers) {
			t.Fatalf("%d levers of %d gaps", len(levers), len(res.Gaps))
		}
		for _, g := range levers {
			raised := a.Clone()
			q, _ := qn.Question(g.QuestionID)
			raised.SetValue(q.ID, maxValue(q, a.City.Population))
			before, _ := res.Field(res.Recommendation.Field)
			after, _ := ScoreQuick(qn, raised).Field(res.Recommendation.Field)
			if d := after.Score - before.Score - g.Gain; d > 1e-6 || d < -1e-6 {
				t.Errorf("%s: gain %v, raised by %v", q.ID, g.Gain, after.Score-before.Score)
			}
		}
	}
}

func TestTheSwapPutsTheRunnerUpFirst(t *testing.T) {
	qn := shippedQn(t)
	r := rand.New(rand.NewPCG(8, 2))
	found, none := 0, 0
	for i := range 300 {
		a := randomAssessment(r, qn)
		if i%2 == 0 { // a field far ahead
			s := qn.Fields()[r.IntN(len(qn.Fields()))]
			answerField(a, s, func(q *Question) Value { return maxValue(q, a.City.Population) })
		}
		res := ScoreQuick(qn, a)
		sw := res.Swap
		if sw == nil {
			none++
			continue
		}
		if len(sw.Questions) == 0 || len(sw.Questions) > MaxLevers || sw.Field == res.Recommendation.Field {
			t.Fatalf("swap %+v", sw)
		}
		raised := a.Clone()
		for i, g := range sw.Questions {
			q, _ := qn.Question(g.QuestionID)
			if q.Section().ID != sw.Field {
				t.Fatalf("%s is not a question of %s", q.ID, sw.Field)
			}
			// One answer fewer does not swap: the swap takes the fewest.
			if i == len(sw.Questions)-1 {
				if got := ScoreQuick(qn, raised).Recommendation.Field; got == sw.Field {
					t.Errorf("%d answers of %s swap already; %d listed", i, sw.Field, len(sw.Questions))
				}
			}
			raised.SetValue(q.ID, maxValue(q, a.City.Population))
		}
		if got := ScoreQuick(qn, raised).Recommendation.Field; got != sw.Field {
			t.Errorf("after the swap's answers, %s is first, not %s (lead %v)", got, sw.Field, sw.Lead)
		}
		found++
	}
	if found < 10 || none < 10 {
		t.Fatalf("swaps found %d times, none %d times: the cases do not test both", found, none)
	}
}

func TestReadinessGapsAreItsMostValuableQuestions(t *testing.T) {
	qn := shippedQn(t)
	a, err := Demo()
	if err != nil {
		t.Fatal(err)
	}
	r := Score(qn, a)
	if len(r.ReadinessGaps) == 0 || len(r.ReadinessGaps) > MaxGaps {
		t.Fatalf("%d readiness gaps", len(r.ReadinessGaps))
	}
	for i, g := range r.ReadinessGaps {
		q := r.Questions[g.QuestionID]
		if g.Field != "readiness" || !strings.HasPrefix(g.QuestionID, "readiness.") || g.Gain != q.Max-q.Points || g.Gain <= 0 {
			t.Errorf("gap %+v (question %+v)", g, q)
		}
		if i > 0 && g.Gain > r.ReadinessGaps[i-1].Gain+1e-9 {
			t.Errorf("gaps not most valuable first: %+v after %+v", g, r.ReadinessGaps[i-1])
		}
	}
	rs := qn.SectionOfKind(KindReadiness)
	for _, q := range rs.ScoredQuestions() {
		a.SetValue(q.ID, maxValue(q, a.City.Population))
	}
	if r := Score(qn, a); len(r.ReadinessGaps) != 0 {
		t.Errorf("readiness at its maximum still has gaps: %+v", r.ReadinessGaps)
	}
}
