// Package l10n turns the domain's results (problems, reasons, confidence,
// numbers) into text of one language. It is the one place where message
// IDs of the assessment package meet the translations, shared by the
// command-line tool, the report and the desktop app.
package l10n

import (
	"math"
	"strings"

	"creativecity/assessment"
	"creativecity/translations"
)

// Number formats a number in the localizer's notation with up to
// decimals fraction digits.
func Number(l *translations.Localizer, f float64, decimals int) string {
	return assessment.FormatNumber(f, string(l.Lang()), decimals)
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

// Confidence is the translated confidence level.
func Confidence(l *translations.Localizer, c assessment.Confidence) string {
	return l.T("confidence." + string(c))
}

// QuestionType is the translated name of a question type.
func QuestionType(l *translations.Localizer, t assessment.QuestionType) string {
	return l.T("questionType." + string(t))
}

// Unit is the unit of a number question, with "per 100,000 inhabitants"
// for per-capita ones.
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

// Problem is the full text of a problem: the file, the question, what is wrong.
func Problem(l *translations.Localizer, p assessment.Problem) string {
	msg := l.T("problem."+p.Code, args(l, p.Args))
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
	return l.T("reason."+r.Code, args(l, r.Args))
}

// args formats a problem's or reason's arguments for a language: field IDs
// become names, shares percentages, numbers local notation.
func args(l *translations.Localizer, in map[string]any) map[string]any {
	out := make(map[string]any, len(in))
	for k, v := range in {
		switch {
		case strings.HasSuffix(k, "Field"):
			out[k] = SectionName(l, v.(string))
		case k == "Dimension":
			out[k] = l.T(assessment.DimensionID(v.(string)))
		case k == "Completeness" || (k == "Min" && isShare(v)):
			out[k] = Percent(l, v.(float64))
		case k == "Score" || k == "Lead":
			out[k] = Score(l, v.(float64))
		default:
			switch n := v.(type) {
			case float64:
				out[k] = Number(l, n, 2)
			case int:
				out[k] = Number(l, float64(n), 0)
			case int64:
				out[k] = Number(l, float64(n), 0)
			default:
				out[k] = v
			}
		}
	}
	return out
}

// isShare reports whether a threshold is a 0..1 share rather than points.
func isShare(v any) bool {
	f, ok := v.(float64)
	return ok && f > 0 && f < 1
}
