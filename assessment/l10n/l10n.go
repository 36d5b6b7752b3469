// Package l10n turns the domain's results (problems, reasons, confidence,
// numbers) into text of one language. It is the one place where message
// IDs of the assessment package meet the translations, shared by the
// command-line tool, the report and the desktop app.
package l10n

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"creativecity/assessment"
	"creativecity/translations"
)

// Number formats a number in the localizer's notation with up to
// decimals fraction digits.
func Number(l *translations.Localizer, f float64, decimals int) string {
	return assessment.FormatNumber(f, Notation(l), decimals)
}

// Notation is how the localizer's language writes numbers, from its
// [language] table.
func Notation(l *translations.Localizer) assessment.Notation {
	return assessment.Notation{Decimal: firstByte(l.Setting("decimalSeparator"), '.'),
		Thousands: firstByte(l.Setting("thousandsSeparator"), ',')}
}

func firstByte(s string, fallback byte) byte {
	if len(s) != 1 {
		return fallback
	}
	return s[0]
}

// Score formats a 0..100 score with one decimal.
func Score(l *translations.Localizer, f float64) string { return Number(l, f, 1) }

// Percent formats a 0..1 share as a whole percentage, like "75%".
func Percent(l *translations.Localizer, share float64) string {
	return Number(l, math.Round(share*100), 0) + "%"
}

// SectionName is the translated name of a section or field ID.
func SectionName(l *translations.Localizer, id string) string {
	return l.T("section." + id + ".name")
}

// Confidence is the translated confidence level; "" while the analysis
// that sets it runs.
func Confidence(l *translations.Localizer, c assessment.Confidence) string {
	if c == "" {
		return l.T("confidence.pending")
	}
	return l.T("confidence." + string(c))
}

// QuestionType is the translated name of a question type.
func QuestionType(l *translations.Localizer, t assessment.QuestionType) string {
	return l.T("questionType." + string(t))
}

// CountUnit is the unit of what is typed for a number question: a count
// for per-capita ones too ("people"), never a rate.
func CountUnit(l *translations.Localizer, q *assessment.Question) string {
	if q.Type != assessment.Number {
		return ""
	}
	return l.T(q.UnitID())
}

// Rate is a per-capita count written as its rate ("12.5 people per
// 100,000 inhabitants"), "" when the population is unknown.
func Rate(l *translations.Localizer, q *assessment.Question, count, population float64) string {
	rate, ok := assessment.RateOf(count, population)
	if !q.PerCapita || !ok {
		return ""
	}
	return l.T("unit.perCapita", map[string]any{"Unit": Number(l, rate, 2) + " " + CountUnit(l, q)})
}

// Unit is the unit of a number question's reference, with "per 100,000
// inhabitants" for per-capita ones.
func Unit(l *translations.Localizer, q *assessment.Question) string {
	if q.Type != assessment.Number {
		return ""
	}
	u := l.T(q.UnitID())
	if q.PerCapita {
		return l.T("unit.perCapita", map[string]any{"Unit": u})
	}
	return u
}

// Message is what is wrong, without the file, question or severity: for a
// message under the input concerned.
func Message(l *translations.Localizer, p assessment.Problem) string {
	return message(l, "problem."+p.Code, p.Args)
}

// Problem is the full text of a problem: the file, the question, what is wrong.
func Problem(l *translations.Localizer, p assessment.Problem) string {
	msg := Message(l, p)
	data := map[string]any{"File": p.Path, "Question": p.QuestionID, "Message": msg}
	severity := l.T("severity.error")
	if p.Severity == assessment.Warning {
		severity = l.T("severity.warning")
	}
	data["Severity"] = severity
	switch {
	case p.Path != "" && p.QuestionID != "":
		return l.T("problem.inFileQuestion", data)
	case p.Path != "":
		return l.T("problem.inFile", data)
	case p.QuestionID != "":
		return l.T("problem.inQuestion", data)
	}
	return l.T("problem.plain", data)
}

// Reason is the text of one reason behind the recommendation.
func Reason(l *translations.Localizer, r assessment.Reason) string {
	return message(l, "reason."+r.Code, r.Args)
}

// message fills a message with its arguments; a count named Count
// chooses its plural form.
func message(l *translations.Localizer, id string, in assessment.Args) string {
	data := args(l, in)
	if c, ok := in["Count"]; ok && c.Kind == assessment.ArgCount {
		return l.N(id, int(c.Num), data)
	}
	return l.T(id, data)
}

// args writes a message's arguments in a language, each by its kind:
// field and dimension IDs become names, shares percentages, points and
// numbers local notation. Nothing is guessed from a name or a value.
func args(l *translations.Localizer, in assessment.Args) map[string]any {
	out := make(map[string]any, len(in))
	for k, v := range in {
		out[k] = Arg(l, v)
	}
	return out
}

// Arg writes one message argument in a language.
func Arg(l *translations.Localizer, a assessment.Arg) string {
	switch a.Kind {
	case assessment.ArgField:
		return SectionName(l, a.Text)
	case assessment.ArgDimension:
		return l.T(assessment.DimensionID(a.Text))
	case assessment.ArgQuestionType:
		return QuestionType(l, assessment.QuestionType(a.Text))
	case assessment.ArgShare:
		return Percent(l, a.Num)
	case assessment.ArgPoints:
		return Score(l, a.Num)
	case assessment.ArgCount:
		return Number(l, a.Num, 0)
	case assessment.ArgNumber:
		return Number(l, a.Num, 2)
	case assessment.ArgMember:
		return Member(l, a.Text)
	case assessment.ArgScope:
		return Scope(l, assessment.Scope(a.Text), int(a.Num))
	case assessment.ArgFields:
		var names []string
		for id := range strings.SplitSeq(a.Text, "\n") {
			if id != "" {
				names = append(names, SectionName(l, id))
			}
		}
		return strings.Join(names, l.T("list.separator"))
	case assessment.ArgNotes:
		var notes []string
		for id := range strings.SplitSeq(a.Text, "\n") {
			if id != "" {
				notes = append(notes, l.T(id))
			}
		}
		return strings.Join(notes, " ")
	}
	return a.Text
}

// Scope names a scope of initiatives ("local"), or with n > 0 the n-th
// initiative of that scope ("local initiative 2"); an unknown scope as it
// is written.
func Scope(l *translations.Localizer, s assessment.Scope, n int) string {
	id := "scope." + string(s) + ".name"
	if !l.Has(id) {
		return string(s)
	}
	if n > 0 {
		return l.T("scope."+string(s)+".numbered", map[string]any{"N": n})
	}
	return l.T(id)
}

// Objective is the name of one of the six UCCN objectives.
func Objective(l *translations.Localizer, id string) string { return l.T("objective." + id) }

// Member names a member of the assessment file by what it holds, never by
// its JSON key: a city attribute by the question of the profile that asks
// for it ("city.population" is "Population"), others by their message.
func Member(l *translations.Localizer, path string) string {
	if id := "member." + path; l.Has(id) {
		return l.T(id)
	}
	if attr, ok := strings.CutPrefix(path, "city."); ok && l.Has("profile."+attr+".text") {
		return l.T("profile." + attr + ".text")
	}
	return path
}

// Sentence starts a message with a capital letter, for a message shown on
// its own: problem messages start in lower case, to follow a file name and
// a colon.
func Sentence(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// Value writes an answer's value as a reader sees it: a number in the
// language's notation, yes or no, a text as it is; none for no value.
func Value(l *translations.Localizer, v assessment.Value, none string) string {
	switch v.Kind() {
	case assessment.KindBool:
		if yes, _ := v.Bool(); yes {
			return l.T("report.yes")
		}
		return l.T("report.no")
	case assessment.KindNumber:
		f, _ := v.Number()
		return Number(l, f, 2)
	case assessment.KindString:
		s, _ := v.String()
		return s
	}
	return none
}

// Excerpt is a text as a message quotes it: its spaces and line ends made
// single spaces, and cut with "…" after n characters (a conflict over a
// text of thousands of words shows its start, not the whole).
func Excerpt(s string, n int) string {
	return Cut(strings.Join(strings.Fields(s), " "), n)
}

// Cut is s cut with "…" after n characters, its line ends kept.
func Cut(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
