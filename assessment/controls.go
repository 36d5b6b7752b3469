package assessment

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// strayControl reports whether r is a control character a text must not
// hold: every one but tab and newline (a vertical tab or a bell pasted
// from a word processor, a carriage return, DEL, C1 controls). A workbook
// cannot store them and shows them as U+FFFD.
func strayControl(r rune) bool { return r != '\t' && r != '\n' && unicode.IsControl(r) }

// HasControls reports whether s holds a control character other than tab
// and newline.
func HasControls(s string) bool { return strings.IndexFunc(s, strayControl) >= 0 }

// WithoutControls returns s with CRLF line ends as LF and without any
// other control character than tab and newline.
func WithoutControls(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !HasControls(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if strayControl(r) {
			return -1
		}
		return r
	}, s)
}

// ControlsShown returns s as a workbook shows it when written with its
// control characters: each one (but tab and newline) as U+FFFD.
func ControlsShown(s string) string {
	return strings.Map(func(r rune) rune {
		if strayControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// textRef is one text of an assessment: the member that holds it, the
// answer or city attribute it belongs to, and how to read and replace it.
type textRef struct {
	member     string
	questionID string // the answer's question, "" when not an answer
	cityAttr   string // the city attribute, "" when not one
	get        func() string
	set        func(string)
}

func ptrText(member string, p *string) textRef {
	return textRef{member: member, get: func() string { return *p }, set: func(s string) { *p = s }}
}

// texts lists every text of the assessment a user writes, in a stable order.
func (a *Assessment) texts() []textRef {
	var out []textRef
	for _, attr := range cityAttributes {
		if attr.text != nil {
			r := ptrText("city."+attr.ID, attr.text(&a.City))
			r.cityAttr = attr.ID
			out = append(out, r)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(a.Answers)) {
		out = append(out, answerTexts(id, a.Answers[id])...)
	}
	out = append(out, a.Plan.texts()...)
	out = append(out, a.Application.texts()...)
	for _, id := range slices.Sorted(maps.Keys(a.Decisions.SetAside)) {
		out = append(out, mapText("decisions.setAside."+id, a.Decisions.SetAside, id))
	}
	return out
}

// answerTexts are the texts of one answer: a text value, the evidence and
// the source.
func answerTexts(id string, ans *Answer) []textRef {
	if ans == nil || ans.Malformed() {
		return nil
	}
	base := "answers." + id + "."
	value := textRef{member: base + "value", get: func() string { s, _ := ans.Value.String(); return s },
		set: func(s string) {
			if _, ok := ans.Value.String(); ok {
				ans.Value = StringValue(s)
			}
		}}
	out := []textRef{value, ptrText(base+"evidence", &ans.Evidence), ptrText(base+"source", &ans.Source)}
	for i := range out {
		out[i].questionID = id
	}
	return out
}

func mapText(member string, m map[string]string, key string) textRef {
	return textRef{member: member, get: func() string { return m[key] }, set: func(s string) { m[key] = s }}
}

// texts are the plan's texts.
func (p *ActionPlan) texts() []textRef {
	if p == nil {
		return nil
	}
	var out []textRef
	for i, in := range p.Initiatives {
		base := "actionPlan.initiatives[" + strconv.Itoa(i) + "]."
		for _, t := range []struct {
			name string
			p    *string
		}{{"title", &in.Title}, {"aims", &in.Aims}, {"activities", &in.Activities}, {"partners", &in.Partners}, {"targetGroups", &in.TargetGroups}} {
			out = append(out, ptrText(base+t.name, t.p))
		}
		for _, lang := range slices.Sorted(maps.Keys(in.Application)) {
			out = append(out, summaryTexts(base+"dossier."+lang, in.Application, lang)...)
		}
	}
	return out
}

func summaryTexts(member string, m map[string]Summary, lang string) []textRef {
	title := textRef{member: member + ".title", get: func() string { return m[lang].Title },
		set: func(s string) { sum := m[lang]; sum.Title = s; m[lang] = sum }}
	summary := textRef{member: member + ".summary", get: func() string { return m[lang].Summary },
		set: func(s string) { sum := m[lang]; sum.Summary = s; m[lang] = sum }}
	return []textRef{title, summary}
}

// texts are the application's prose.
func (d *Application) texts() []textRef {
	if d == nil {
		return nil
	}
	var out []textRef
	for _, id := range slices.Sorted(maps.Keys(d.Prose)) {
		out = append(out, mapText("dossier.prose."+id, d.Prose, id))
	}
	return out
}

// ValidateControls finds the texts that hold a control character other
// than tab and newline: an error each, naming the question (an answer's,
// or the profile question of a city attribute) and the member.
func ValidateControls(qn *Questionnaire, a *Assessment, path string) []Problem {
	var ps []Problem
	for _, t := range a.texts() {
		if !HasControls(t.get()) {
			continue
		}
		qid := t.questionID
		if t.cityAttr != "" {
			qid = qn.cityQuestion(t.cityAttr)
		}
		ps = append(ps, Problem{Severity: Error, Path: path, QuestionID: qid, Code: CodeControlCharacter,
			Args: Args{"Member": MemberArg(t.member)}})
	}
	return ps
}

// RemoveControls removes from every text of a the control characters
// other than tab and newline, CRLF becoming LF, and returns a warning for
// each text changed, naming the member and the answer's question.
func (a *Assessment) RemoveControls(path string) []Problem {
	var ps []Problem
	for _, t := range a.texts() {
		s := t.get()
		clean := WithoutControls(s)
		if clean == s {
			continue
		}
		t.set(clean)
		if clean == strings.ReplaceAll(s, "\r\n", "\n") {
			continue // only line ends: no warning
		}
		ps = append(ps, Problem{Severity: Warning, Path: path, QuestionID: t.questionID, Code: CodeControlRemoved,
			Args: Args{"Member": MemberArg(t.member)}})
	}
	return ps
}

// CleanContribution removes the control characters other than tab and
// newline from a contribution's answers (CRLF becoming LF) and returns a
// warning for each answer changed, naming it.
func CleanContribution(in *Contribution, path string) []Problem {
	var ps []Problem
	for i := range in.Answers {
		c := &in.Answers[i]
		changed := false
		for _, p := range []*string{&c.Evidence, &c.Source} {
			changed = cleanText(p) || changed
		}
		if s, ok := c.Value.String(); ok && cleanText(&s) {
			c.Value, changed = StringValue(s), true
		}
		if changed {
			ps = append(ps, Problem{Severity: Warning, Path: path, QuestionID: c.QuestionID, Code: CodeControlRemoved,
				Args: Args{"Member": MemberArg("answers." + c.QuestionID)}})
		}
	}
	return ps
}

// cleanText removes the control characters of *p and reports whether it
// held any but CRLF line ends.
func cleanText(p *string) bool {
	clean := WithoutControls(*p)
	warn := clean != strings.ReplaceAll(*p, "\r\n", "\n")
	*p = clean
	return warn
}
