package application

import (
	"strings"

	"creativecity/assessment"
)

// Status is how far a section of the draft is from done.
type Status string

// The statuses of a section.
const (
	Filled       Status = "filled"       // taken from the assessment, nothing to write
	NeedsWriting Status = "needsWriting" // the office has material; prose or details are to be written
	Empty        Status = "empty"        // nothing in the assessment for it yet
)

// SectionStatus is one section and its status.
type SectionStatus struct {
	Section *Section
	Status  Status
}

// Statuses tells for every section of the form, in order, what the
// assessment gives it in a application language: data sections are filled
// when every item is there, prose sections and the field's assets need
// writing once the office has answers or evidence for them, the plan is
// filled when each initiative has its title and summary in the language,
// and the checklist is always drawn up from the data.
func Statuses(f *Form, qn *assessment.Questionnaire, a *assessment.Assessment, lang string) []SectionStatus {
	out := make([]SectionStatus, len(f.Sections))
	for i := range f.Sections {
		s := &f.Sections[i]
		out[i] = SectionStatus{Section: s, Status: sectionStatus(s, qn, a, lang)}
	}
	return out
}

func sectionStatus(s *Section, qn *assessment.Questionnaire, a *assessment.Assessment, lang string) Status {
	switch s.Kind {
	case KindData:
		have, total := 0, len(s.Questions)+1
		if strings.TrimSpace(a.City.Name) != "" {
			have++
		}
		for _, id := range s.Questions {
			if hasText(a, id) {
				have++
			}
		}
		return byCount(have, total)
	case KindProse:
		for _, id := range s.Questions {
			if given(a, id) {
				return NeedsWriting
			}
		}
		return Empty
	case KindField:
		if ChosenField(qn, a) != "" {
			return NeedsWriting
		}
		return Empty
	case KindPlan:
		if a.Plan == nil || len(a.Plan.Initiatives) == 0 {
			return Empty
		}
		for _, in := range a.Plan.Initiatives {
			if sum := in.Application[lang]; strings.TrimSpace(sum.Title) == "" || strings.TrimSpace(sum.Summary) == "" {
				return NeedsWriting
			}
		}
		return Filled
	}
	return Filled
}

func byCount(have, total int) Status {
	switch {
	case have == 0:
		return Empty
	case have == total:
		return Filled
	}
	return NeedsWriting
}

// given reports whether a question has a value or evidence.
func given(a *assessment.Assessment, id string) bool {
	ans := a.Answer(id)
	return ans != nil && (!a.Value(id).IsNone() || strings.TrimSpace(ans.Evidence) != "")
}

// hasText reports whether a text question has a non-blank answer.
func hasText(a *assessment.Assessment, id string) bool {
	s, _ := a.Value(id).String()
	return strings.TrimSpace(s) != ""
}

// ChosenField is the field the application is for: the field the city
// intends to apply in when it has chosen one (a field of the
// questionnaire it has not set aside), else the recommended field of the
// assessment; "" when neither is.
func ChosenField(qn *assessment.Questionnaire, a *assessment.Assessment) string {
	if id := a.IntendedField(); id != "" && a.Candidate(id) {
		if s, ok := qn.Section(id); ok && s.Kind == assessment.KindField {
			return id
		}
	}
	return assessment.ScoreQuick(qn, a).Recommendation.Field
}
