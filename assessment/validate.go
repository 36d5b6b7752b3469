package assessment

import (
	"maps"
	"math"
	"slices"
)

// Validate checks an assessment against the questionnaire and returns
// every problem, sorted by question ID. Errors mark values that scoring
// ignores; warnings mark things kept as they are. path names the file in
// the problems. The action plan's problems come last, after the
// decisions', and the texts holding control characters last of all.
func Validate(qn *Questionnaire, a *Assessment, path string) []Problem {
	ps := append(ValidateAnswers(qn, a, path), ValidateDecisions(qn, a, path)...)
	ps = append(ps, ValidatePlan(a.Plan, path)...)
	return append(ps, ValidateControls(qn, a, path)...)
}

// ValidateDecisions warns about decisions that name no field of the
// questionnaire (they are kept and written back as they are) and about an
// intended field that is also set aside.
func ValidateDecisions(qn *Questionnaire, a *Assessment, path string) []Problem {
	var ps []Problem
	isField := func(id string) bool {
		s, ok := qn.Section(id)
		return ok && s.Kind == KindField
	}
	warn := func(code string, args Args) {
		ps = append(ps, Problem{Severity: Warning, Path: path, Code: code, Args: args})
	}
	if id := a.Decisions.IntendedField; id != "" && !isField(id) {
		warn(CodeDecisionUnknownField, Args{"Member": MemberArg("decisions.intendedField"), "Field": TextArg(id)})
	}
	for _, id := range a.SetAsideFields() {
		if !isField(id) {
			warn(CodeDecisionUnknownField, Args{"Member": MemberArg("decisions.setAside"), "Field": TextArg(id)})
		}
	}
	if id := a.Decisions.IntendedField; id != "" && !a.Candidate(id) {
		warn(CodeIntendedSetAside, Args{"Field": FieldArg(id)})
	}
	return ps
}

// ValidateAnswers is Validate without the action plan: the problems of
// what the scores are computed from.
func ValidateAnswers(qn *Questionnaire, a *Assessment, path string) []Problem {
	var ps []Problem
	add := func(sev Severity, qid, code string, args Args) {
		ps = append(ps, Problem{Severity: sev, Path: path, QuestionID: qid, Code: code, Args: args})
	}
	if a.QuestionnaireVersion != "" && a.QuestionnaireVersion != qn.Version {
		add(Warning, "", CodeVersionDiffers, Args{"Version": TextArg(a.QuestionnaireVersion), "Current": TextArg(qn.Version)})
	}
	if a.City.Name == "" {
		add(Warning, "", CodeCityNameMissing, nil)
	}
	for _, attr := range cityAttributes {
		if v, ok := attr.Raw(&a.City).(float64); ok && (v < 0 || math.IsNaN(v)) {
			add(Error, "", CodeCityNegative, Args{"Member": MemberArg("city." + attr.ID), "Value": NumberArg(v)})
		}
		if p := a.City.Population; attr.ID == "population" && p > 0 && p < MinPopulation {
			add(Error, qn.cityQuestion(attr.ID), CodePopulationTooSmall,
				Args{"Member": MemberArg("city." + attr.ID), "Value": NumberArg(p), "Min": NumberArg(MinPopulation)})
		}
		if code := attr.check(&a.City); code != "" {
			add(Warning, qn.cityQuestion(attr.ID), code, Args{"Text": TextArg(attr.Raw(&a.City).(string))})
		}
	}
	perCapitaAnswered := false
	for _, id := range slices.Sorted(maps.Keys(a.Answers)) {
		ans := a.Answers[id]
		q, known := qn.Question(id)
		switch {
		case !known:
			add(Warning, id, CodeUnknownQuestion, nil)
			continue
		case ans.Malformed():
			add(Error, id, CodeAnswerNotObject, nil)
			continue
		case q.CityField != "":
			add(Warning, id, CodeProfileAnswer, nil)
			continue
		}
		if code, args := CheckValue(q, ans.Value); code != "" {
			add(Error, id, code, args)
			continue
		}
		if q.PerCapita && !ans.Value.IsNone() {
			perCapitaAnswered = true
			if count, _ := ans.Value.Number(); PopulationGiven(a.City.Population) {
				if _, ok := RateOf(count, a.City.Population); !ok {
					add(Error, id, CodeRateOverflow, Args{"Value": NumberArg(count), "Population": NumberArg(a.City.Population)})
				}
			}
		}
	}
	if perCapitaAnswered && !(a.City.Population > 0) {
		add(Warning, "", CodePopulationMissing, nil)
	}
	return ps
}

// CheckValue tells whether v is a valid answer to q; it returns the
// problem code and its arguments, or "" when the value is valid.
func CheckValue(q *Question, v Value) (code string, args Args) {
	if v.IsNone() {
		return "", nil
	}
	wrong := func() (string, Args) { return CodeWrongType, Args{"Expected": QuestionTypeArg(q.Type)} }
	switch q.Type {
	case Rubric:
		f, ok := v.Number()
		if !ok {
			return wrong()
		}
		if f != math.Trunc(f) || f < 0 || f > MaxRubric {
			return CodeRubricRange, Args{"Value": NumberArg(f), "Max": CountArg(MaxRubric)}
		}
	case Number:
		f, ok := v.Number()
		if !ok {
			return wrong()
		}
		switch {
		case f < 0:
			return CodeNegative, Args{"Value": NumberArg(f)}
		case q.Max > 0 && f > q.Max:
			return CodeAboveMax, Args{"Value": NumberArg(f), "Max": NumberArg(q.Max)}
		case q.Integer && f != math.Trunc(f):
			return CodeNotInteger, Args{"Value": NumberArg(f)}
		}
	case Boolean:
		if _, ok := v.Bool(); !ok {
			return wrong()
		}
	case Text:
		if _, ok := v.String(); !ok {
			return wrong()
		}
	}
	return "", nil
}
