package assessment_test

import (
	"testing"

	"creativecity/assessment"
)

func TestControlCharactersAreRemovedAndCRLFBecomesLF(t *testing.T) {
	if got := assessment.WithoutControls("a\r\nb\vc\ad\te\nf\u0085g\x7f"); got != "a\nbcd\te\nfg" {
		t.Errorf("WithoutControls = %q", got)
	}
	doc := `{"format":"creativecity-assessment","schemaVersion":1,"city":{"name":"Huế"},` +
		`"answers":{"x.y":{"value":"one\r\ntwo","evidence":"a\r\nb"}},"actionPlan":{"initiatives":[{"scope":"local","title":"Lễ\u000b hội"}]}}`
	a, err := assessment.Decode([]byte(doc), "x.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := a.Answers["x.y"].Value.String(); v != "one\ntwo" || a.Answers["x.y"].Evidence != "a\nb" {
		t.Errorf("CRLF kept: %q, %q", v, a.Answers["x.y"].Evidence)
	}
	qn, _ := assessment.Default()
	ps := assessment.ValidateControls(qn, a, "x.ccsa")
	if len(ps) != 1 || ps[0].Severity != assessment.Error || ps[0].Args["Member"].Text != "actionPlan.initiatives[0].title" {
		t.Errorf("ValidateControls = %v; want the plan's title only", ps)
	}
	if ps := a.RemoveControls("x.ccsa"); len(ps) != 1 || a.Plan.Initiatives[0].Title != "Lễ hội" {
		t.Errorf("RemoveControls = %v, title %q", ps, a.Plan.Initiatives[0].Title)
	}
}

func TestContributionsLoseControlCharactersWithAWarningNamingTheAnswer(t *testing.T) {
	in := assessment.Contribution{Answers: []assessment.Contributed{
		{QuestionID: "a.b", Value: assessment.StringValue("Hạ Long\v"), Evidence: "x\ay"},
		{QuestionID: "a.c", Value: assessment.NumberValue(3), Evidence: "one\r\ntwo"},
	}}
	ps := assessment.CleanContribution(&in, "form.xlsx")
	if len(ps) != 1 || ps[0].QuestionID != "a.b" || ps[0].Code != assessment.CodeControlRemoved {
		t.Errorf("warnings %v; want one naming a.b", ps)
	}
	if v, _ := in.Answers[0].Value.String(); v != "Hạ Long" || in.Answers[0].Evidence != "xy" || in.Answers[1].Evidence != "one\ntwo" {
		t.Errorf("cleaned %+v", in.Answers)
	}
}
