package l10n

import (
	"creativecity/assessment"
	"creativecity/translations"
)

// ChangeLine is a line of "what would change the answer": a sentence, or
// a question (QuestionID set) with the points it would bring.
type ChangeLine struct {
	Text       string
	QuestionID string
	Gain       float64
}

// WhatWouldChange says which answers would most widen the recommended
// field's lead and, when a few answers of the runner-up would put it
// first, which; nil without a recommendation.
func WhatWouldChange(l *translations.Localizer, qn *assessment.Questionnaire, r *assessment.Result) []ChangeLine {
	rec := r.Recommendation.Field
	if rec == "" {
		return nil
	}
	top, _ := r.Field(rec)
	second, hasSecond := r.RunnerUp()
	data := map[string]any{"Field": SectionName(l, rec)}
	if hasSecond {
		data["Second"], data["Lead"] = SectionName(l, second.ID), Score(l, top.Score-second.Score)
	}
	var out []ChangeLine
	items := func(gaps []assessment.Gap) {
		for _, g := range gaps {
			q, _ := qn.Question(g.QuestionID)
			out = append(out, ChangeLine{Text: l.T("change.item", map[string]any{"Question": l.T(q.TextID()),
				"Gain": Score(l, g.Gain)}), QuestionID: g.QuestionID, Gain: g.Gain})
		}
	}
	if levers := r.Levers(); len(levers) > 0 {
		id := "change.leversAlone"
		if hasSecond {
			id = "change.levers"
		}
		out = append(out, ChangeLine{Text: l.T(id, data)})
		items(levers)
	}
	if !hasSecond {
		return out
	}
	if sw := r.Swap; sw != nil {
		gain := 0.0
		for _, g := range sw.Questions {
			gain += g.Gain
		}
		data["Gain"] = Score(l, gain)
		out = append(out, ChangeLine{Text: l.N("change.swap", len(sw.Questions), data)})
		items(sw.Questions)
	} else {
		out = append(out, ChangeLine{Text: l.N("change.noSwap", assessment.MaxLevers, data)})
	}
	return out
}
