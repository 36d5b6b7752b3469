package l10n

import (
	"slices"
	"strings"
	"testing"

	"creativecity/assessment"
	"creativecity/translations"
)

// demoWithout is the demonstration assessment with nothing answered in
// the fields named: they become unknown.
func demoWithout(t *testing.T, fields ...string) (*assessment.Questionnaire, *assessment.Assessment) {
	t.Helper()
	qn, err := assessment.Default()
	if err != nil {
		t.Fatal(err)
	}
	a, err := assessment.Demo()
	if err != nil {
		t.Fatal(err)
	}
	for id := range a.Answers {
		if slices.ContainsFunc(fields, func(f string) bool { return strings.HasPrefix(id, f+".") }) {
			delete(a.Answers, id)
		}
	}
	return qn, a
}

// gapTexts are the lines the gaps are written as, for the recommended
// field: what would change the answer must say something else.
func gapTexts(l *translations.Localizer, qn *assessment.Questionnaire, r *assessment.Result) []string {
	var out []string
	for _, line := range gapItems(l, qn, r.Gaps) {
		out = append(out, line.Text)
	}
	return out
}

// TestWhatWouldChangeNamesTheUnknownFieldsNotTheGaps: with only
// Gastronomy and Crafts answered, the lines name every unknown field with
// the score it would need, say how far the leader is ahead, and repeat
// none of the leader's gaps.
func TestWhatWouldChangeNamesTheUnknownFieldsNotTheGaps(t *testing.T) {
	qn, a := demoWithout(t, "design", "film", "literature", "media_arts", "music", "architecture")
	r := assessment.ScoreQuick(qn, a)
	if r.Recommendation.Field != "gastronomy" {
		t.Fatalf("recommended %q", r.Recommendation.Field)
	}
	top, _ := r.Field("gastronomy")
	for _, lang := range translations.Languages() {
		l := translations.New(lang)
		lines := WhatWouldChange(l, qn, r, "")
		gaps := gapTexts(l, qn, r)
		for _, line := range lines {
			if slices.Contains(gaps, line.Text) {
				t.Errorf("%s: a gap is repeated: %q", lang, line.Text)
			}
			if line.QuestionID != "" && slices.ContainsFunc(r.Gaps, func(g assessment.Gap) bool {
				return g.QuestionID == line.QuestionID && line.Gain > 0
			}) {
				t.Errorf("%s: the leader's gap %s is offered as what would change", lang, line.QuestionID)
			}
		}
		for _, id := range assessment.UnknownFields(r) {
			want := l.T("change.unknown", map[string]any{"Unknown": SectionName(l, id), "Score": Score(l, top.Score),
				"Field": SectionName(l, "gastronomy")})
			if !slices.ContainsFunc(lines, func(c ChangeLine) bool { return c.Field == id && c.Text == want }) {
				t.Errorf("%s: no line %q for the unknown field %s in %+v", lang, want, id, lines)
			}
		}
		if len(lines) == 0 || !strings.Contains(lines[0].Text, SectionName(l, "crafts")) {
			t.Errorf("%s: the first line does not compare the leader with the runner-up: %+v", lang, lines)
		}
	}
}

// TestWhatWouldChangeNamesTheAnswersOfASwapAndOfALoss: when the leader's
// lead is small, the lines list the runner-up's answers that would put it
// first and the leader's answers whose loss would drop it, with their
// points (lost ones negative).
func TestWhatWouldChangeNamesTheAnswersOfASwapAndOfALoss(t *testing.T) {
	qn, a := demoWithout(t)
	s, _ := qn.Section("gastronomy")
	var r *assessment.Result
	for _, q := range s.ScoredQuestions() {
		if r = assessment.ScoreQuick(qn, a); r.Swap != nil {
			break
		}
		a.SetValue(q.ID, assessment.NumberValue(0))
	}
	if r.Swap == nil || r.Recommendation.Field != "gastronomy" {
		t.Fatalf("no swap within reach: %+v", r.Recommendation)
	}
	l := translations.New(translations.EN)
	lines := WhatWouldChange(l, qn, r, "")
	for _, g := range r.Swap.Questions {
		if !slices.ContainsFunc(lines, func(c ChangeLine) bool { return c.QuestionID == g.QuestionID && c.Gain == g.Gain }) {
			t.Errorf("the swap's question %s is not listed: %+v", g.QuestionID, lines)
		}
	}
	swap := slices.IndexFunc(lines, func(c ChangeLine) bool {
		return strings.HasPrefix(c.Text, SectionName(l, r.Swap.Field)+" would come first")
	})
	lost := slices.IndexFunc(lines, func(c ChangeLine) bool { return c.Gain < 0 })
	if swap < 0 || lost < 0 {
		t.Fatalf("no swap (%d) or no answer the leader rests on (%d): %+v", swap, lost, lines)
	}
	q := lines[lost].QuestionID
	if !strings.HasPrefix(q, "gastronomy.") || r.Questions[q].Points != -lines[lost].Gain {
		t.Errorf("the answer the leader rests on: %+v, its points %v", lines[lost], r.Questions[q].Points)
	}
	if gaps := gapTexts(l, qn, r); slices.ContainsFunc(lines, func(c ChangeLine) bool { return slices.Contains(gaps, c.Text) }) {
		t.Errorf("a gap is repeated: %+v", lines)
	}
}

// TestWhatWouldChangeSaysWhatTheCitysDecisionsWouldChange: a field set
// aside that scores higher is named, and so is what would put the
// intended field first.
func TestWhatWouldChangeSaysWhatTheCitysDecisionsWouldChange(t *testing.T) {
	qn, a := demoWithout(t)
	a.SetAside("gastronomy", "no food festival of our own")
	r := assessment.ScoreQuick(qn, a)
	if r.Recommendation.Field == "gastronomy" || r.Recommendation.Field == "" {
		t.Fatalf("recommended %q", r.Recommendation.Field)
	}
	for _, lang := range translations.Languages() {
		l := translations.New(lang)
		lines := WhatWouldChange(l, qn, r, "media_arts")
		if !slices.ContainsFunc(lines, func(c ChangeLine) bool {
			return c.Field == "gastronomy" && strings.Contains(c.Text, SectionName(l, "gastronomy"))
		}) {
			t.Errorf("%s: the field set aside that scores higher is not named: %+v", lang, lines)
		}
		if !slices.ContainsFunc(lines, func(c ChangeLine) bool {
			return strings.HasPrefix(c.Text, SectionName(l, "media_arts")+",")
		}) {
			t.Errorf("%s: the intended field is not named: %+v", lang, lines)
		}
		if without := WhatWouldChange(l, qn, r, ""); len(without) >= len(lines) {
			t.Errorf("%s: the intended field adds no line", lang)
		}
	}
}
