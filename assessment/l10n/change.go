package l10n

import (
	"math"
	"slices"

	"creativecity/assessment"
	"creativecity/translations"
)

// ChangeLine is a line of "what would change the answer": a sentence, a
// sentence about a field (Field set: its page can be opened), or a
// question (QuestionID set) with the points it would bring, negative for
// points the recommended field would lose.
type ChangeLine struct {
	Text       string
	QuestionID string
	Field      string
	Gain       float64
}

// WhatWouldChange says which answers and fields would change the
// recommendation, which the gaps (what would raise the recommended
// field's own score) do not: the recommended field's answers whose loss
// would drop it behind the runner-up, the runner-up's answers that would
// put it first, the answers of the field the city intends to apply in
// (intended, "" when none is chosen) that would make it the
// recommendation, the unknown fields that could overtake it, and the
// fields set aside that score higher. Nil without a recommendation.
func WhatWouldChange(l *translations.Localizer, qn *assessment.Questionnaire, r *assessment.Result, intended string) []ChangeLine {
	rec := r.Recommendation.Field
	if rec == "" {
		return nil
	}
	top, _ := r.Field(rec)
	data := map[string]any{"Field": SectionName(l, rec), "Score": Score(l, top.Score)}
	var out []ChangeLine
	if second, ok := r.RunnerUp(); ok {
		data["Second"], data["Lead"] = SectionName(l, second.ID), Score(l, top.Score-second.Score)
		out = append(out, lossLines(l, qn, r, top, top.Score-second.Score, data)...)
		out = append(out, swapLines(l, qn, r, data)...)
	}
	out = append(out, intendedLines(l, qn, r, top, intended, data)...)
	for _, id := range assessment.UnknownFields(r) {
		if top.Score < 100 {
			out = append(out, ChangeLine{Text: l.T("change.unknown", with(data, "Unknown", SectionName(l, id))), Field: id})
		}
	}
	for _, f := range r.Fields {
		if f.SetAside && f.Assessed() && f.Rank < top.Rank {
			out = append(out, ChangeLine{Text: l.T("change.setAsideAhead", with(data, "Aside", SectionName(l, f.ID),
				"AsideScore", Score(l, f.Score))), Field: f.ID})
		}
	}
	return out
}

// with is a copy of data with more members (name, value pairs).
func with(data map[string]any, kv ...any) map[string]any {
	out := make(map[string]any, len(data)+len(kv)/2)
	for k, v := range data {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// gapItems are the lines of questions with the points each would bring.
func gapItems(l *translations.Localizer, qn *assessment.Questionnaire, gaps []assessment.Gap) []ChangeLine {
	var out []ChangeLine
	for _, g := range gaps {
		q, _ := qn.Question(g.QuestionID)
		out = append(out, ChangeLine{Text: l.T("change.item", map[string]any{"Question": l.T(q.TextID()),
			"Gain": Score(l, g.Gain)}), QuestionID: g.QuestionID, Gain: g.Gain})
	}
	return out
}

// lossLines say how far the recommended field is ahead and which of its
// answers it rests on: the fewest of its answers worth the most points
// (MaxLevers at most) whose loss (scored nothing, their evidence not
// accepted) would drop it behind the runner-up; or that even its most
// valuable ones would not.
func lossLines(l *translations.Localizer, qn *assessment.Questionnaire, r *assessment.Result, top assessment.SectionScore,
	lead float64, data map[string]any) []ChangeLine {
	s, _ := qn.Section(top.ID)
	var held []assessment.Gap
	for _, q := range s.ScoredQuestions() {
		if sc := r.Questions[q.ID]; sc.Points > 1e-9 {
			held = append(held, assessment.Gap{QuestionID: q.ID, Field: top.ID, Gain: sc.Points, Answered: true})
		}
	}
	slices.SortStableFunc(held, func(a, b assessment.Gap) int { return descending(a.Gain, b.Gain) })
	held = held[:min(len(held), assessment.MaxLevers)]
	lost := 0.0
	for i, g := range held {
		if lost += g.Gain; lost > lead+1e-9 {
			out := []ChangeLine{{Text: l.N("change.loss", i+1, with(data, "Loss", Score(l, lost)))}}
			for _, g := range held[:i+1] {
				q, _ := qn.Question(g.QuestionID)
				out = append(out, ChangeLine{Text: l.T("change.lossItem", map[string]any{"Question": l.T(q.TextID()),
					"Loss": Score(l, g.Gain)}), QuestionID: g.QuestionID, Gain: -g.Gain})
			}
			return out
		}
	}
	if len(held) == 0 {
		return nil
	}
	return []ChangeLine{{Text: l.N("change.noLoss", len(held), with(data, "Loss", Score(l, lost)))}}
}

// swapLines say which answers of the runner-up would put it first, or
// that a few would not.
func swapLines(l *translations.Localizer, qn *assessment.Questionnaire, r *assessment.Result, data map[string]any) []ChangeLine {
	sw := r.Swap
	if sw == nil {
		return []ChangeLine{{Text: l.N("change.noSwap", assessment.MaxLevers, data)}}
	}
	gain := 0.0
	for _, g := range sw.Questions {
		gain += g.Gain
	}
	out := []ChangeLine{{Text: l.N("change.swap", len(sw.Questions), with(data, "Gain", Score(l, gain)))}}
	return append(out, gapItems(l, qn, sw.Questions)...)
}

// intendedLines say, when the city intends to apply in an assessed
// candidate field other than the recommended one and the runner-up, which
// of its answers (MaxLevers at most) would make it the recommendation, or
// that a few would not.
func intendedLines(l *translations.Localizer, qn *assessment.Questionnaire, r *assessment.Result, top assessment.SectionScore,
	id string, data map[string]any) []ChangeLine {
	intended, ok := r.Field(id)
	if second, has := r.RunnerUp(); !ok || intended.ID == top.ID || (has && intended.ID == second.ID) ||
		!intended.Candidate() || !intended.Assessed() {
		return nil
	}
	s, _ := qn.Section(intended.ID)
	var raise []assessment.Gap
	for _, q := range s.ScoredQuestions() {
		if sc := r.Questions[q.ID]; sc.Max-sc.Points > 1e-9 {
			raise = append(raise, assessment.Gap{QuestionID: q.ID, Field: s.ID, Gain: sc.Max - sc.Points, Answered: sc.Answered})
		}
	}
	slices.SortStableFunc(raise, func(a, b assessment.Gap) int { return descending(a.Gain, b.Gain) })
	behind := top.Score - intended.Score
	d := with(data, "Intended", SectionName(l, intended.ID), "Behind", Score(l, behind))
	gained := 0.0
	for i, g := range raise[:min(len(raise), assessment.MaxLevers)] {
		if gained += g.Gain; gained > behind+1e-9 {
			out := []ChangeLine{{Text: l.N("change.intended", i+1, with(d, "Gain", Score(l, gained)))}}
			return append(out, gapItems(l, qn, raise[:i+1])...)
		}
	}
	return []ChangeLine{{Text: l.N("change.intendedOutOfReach", assessment.MaxLevers, d), Field: intended.ID}}
}

// descending orders larger numbers first (equal ones keep their order).
func descending(a, b float64) int {
	if math.Abs(a-b) <= 1e-9 {
		return 0
	}
	if a > b {
		return -1
	}
	return 1
}
