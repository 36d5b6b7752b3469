package assessment

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestDecisionsRoundTripThroughTheFile(t *testing.T) {
	in := []byte(`{"format": "creativecity-assessment", "schemaVersion": 1, "questionnaireVersion": "2027.1",
		"city": {"name": "Huế"}, "answers": {},
		"decisions": {"intendedField": "gastronomy", "setAside": {"film": "Không có phim trường", "dance": "a field of a later questionnaire"},
			"chosenBy": "the People's Committee"}}`)
	a, err := Decode(in, "x.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if a.IntendedField() != "gastronomy" || a.Candidate("film") || a.Candidate("dance") || !a.Candidate("music") {
		t.Fatalf("decisions read as %+v", a.Decisions)
	}
	if reason, ok := a.SetAsideReason("film"); !ok || reason != "Không có phim trường" {
		t.Errorf("reason of film: %q, %v", reason, ok)
	}
	out, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Decode(out, "y.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Decisions, b.Decisions) {
		t.Errorf("decisions changed on the way: %+v, then %+v", a.Decisions, b.Decisions)
	}
	if !strings.Contains(string(out), `"chosenBy": "the People's Committee"`) || !strings.Contains(string(out), `"dance"`) {
		t.Errorf("a member or ID this build does not know was dropped:\n%s", out)
	}
}

func TestNoDecisionsWritesNoMember(t *testing.T) {
	qn := shippedQn(t)
	a := New(qn)
	a.SetAside("film", "")
	a.Reconsider("film")
	out, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "decisions") {
		t.Errorf("an assessment without decisions writes them:\n%s", out)
	}
}

func TestValidateWarnsAboutDecisionsOfNoField(t *testing.T) {
	qn := shippedQn(t)
	a := New(qn)
	a.City.Name = "Huế"
	a.SetIntendedField("readiness")
	a.SetAside("dance", "")
	a.SetAside("music", "")
	ps := ValidateDecisions(qn, a, "x.ccsa")
	var got []string
	for _, p := range ps {
		if p.Severity != Warning {
			t.Errorf("%v is not a warning", p)
		}
		got = append(got, p.Code+":"+p.Args["Field"].Text)
	}
	want := []string{CodeDecisionUnknownField + ":readiness", CodeDecisionUnknownField + ":dance"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems %v, want %v", got, want)
	}
	a.SetIntendedField("music")
	if ps := ValidateDecisions(qn, a, "x.ccsa"); !slices.ContainsFunc(ps, func(p Problem) bool { return p.Code == CodeIntendedSetAside }) {
		t.Errorf("an intended field set aside is not reported: %v", ps)
	}
}

func TestTheIntendedFieldIsReadFromTheProfileText(t *testing.T) {
	qn := shippedQn(t)
	tests := []struct{ text, want string }{
		{"Ẩm thực", "gastronomy"},
		{"ẩm thực", "gastronomy"},
		{"Am thuc", "gastronomy"},
		{"gastronomy", "gastronomy"},
		{"Thành phố sáng tạo ẩm thực", "gastronomy"},
		{"Creative City of Media Arts", "media_arts"},
		{"Nghệ thuật truyền thông (dự kiến)", "media_arts"},
		{"Điện ảnh", "film"},
		{"THIẾT KẾ", "design"},
		{"Thiết kế hoặc Kiến trúc", ""}, // two fields: none chosen
		{"Chưa xác định", ""},
		{"Đẩm thực", ""}, // a word that only contains a name
	}
	for _, tt := range tests {
		a := New(qn)
		a.SetValue(IntendedFieldQuestion, StringValue(tt.text))
		qn.Migrate(a)
		if a.IntendedField() != tt.want {
			t.Errorf("%q: intended field %q, want %q", tt.text, a.IntendedField(), tt.want)
		}
		if text, _ := a.Value(IntendedFieldQuestion).String(); text != tt.text {
			t.Errorf("%q: the profile's text became %q", tt.text, text)
		}
	}
	a := New(qn)
	a.SetValue(IntendedFieldQuestion, StringValue("Ẩm thực"))
	a.SetIntendedField("music")
	qn.Migrate(a)
	if a.IntendedField() != "music" {
		t.Errorf("the text replaced a chosen field: %q", a.IntendedField())
	}
}

func TestASetAsideFieldLeavesTheChoice(t *testing.T) {
	qn := shippedQn(t)
	a, err := Demo()
	if err != nil {
		t.Fatal(err)
	}
	before := Score(qn, a)
	a.SetAside("gastronomy", "Đã có nhiều thành phố ẩm thực trong khu vực")
	a.SetAside("film", "")
	r := Score(qn, a)
	g, _ := r.Field("gastronomy")
	old, _ := before.Field("gastronomy")
	if !g.SetAside || g.Rank != 1 || g.Score != old.Score {
		t.Errorf("gastronomy set aside: %+v, was %+v", g, old)
	}
	if r.Recommendation.Field != "crafts" {
		t.Fatalf("recommended %s, want crafts, the best candidate", r.Recommendation.Field)
	}
	var aside, lead *Reason
	for i, x := range r.Recommendation.Reasons {
		switch x.Code {
		case ReasonSetAside:
			aside = &r.Recommendation.Reasons[i]
		case ReasonLead:
			lead = &r.Recommendation.Reasons[i]
		}
	}
	if aside == nil || aside.Args["Candidates"].Num != 6 || aside.Args["Count"].Num != 2 || aside.Args["Fields"].Text != "film\ngastronomy" {
		t.Errorf("the reasons do not say which fields are set aside: %v", r.Recommendation.Reasons)
	}
	if lead == nil || lead.Args["SecondField"].Text != "music" {
		t.Errorf("the lead is not over the next candidate, music: %v", r.Recommendation.Reasons)
	}
	if r.Uncertainty.Challenger == "gastronomy" || r.Uncertainty.Stability == 0 {
		t.Errorf("the analysis counts a field set aside: %+v", r.Uncertainty)
	}
	if sw, ok := r.RunnerUp(); !ok || sw.ID != "music" {
		t.Errorf("runner-up %v", sw.ID)
	}
}

func TestEveryAnsweredFieldSetAsideGivesNoRecommendation(t *testing.T) {
	qn := shippedQn(t)
	a := New(qn)
	g, _ := qn.Section("gastronomy")
	answerField(a, g, func(q *Question) Value { return maxValue(q, 300000) })
	a.SetAside("gastronomy", "")
	r := Score(qn, a)
	if r.Recommendation.Field != "" || r.Recommendation.Confidence != ConfidenceLow {
		t.Fatalf("recommendation %+v", r.Recommendation)
	}
	if reasons := r.Recommendation.Reasons; len(reasons) != 1 || reasons[0].Code != ReasonAllSetAside {
		t.Errorf("reasons %v", reasons)
	}
}

// TestAnUnknownFieldSetAsideDoesNotBlockHigh: one field not assessed keeps
// the confidence below high until the city sets it aside.
func TestAnUnknownFieldSetAsideDoesNotBlockHigh(t *testing.T) {
	qn := shippedQn(t)
	a := answeredCity(qn)
	g, _ := qn.Section("gastronomy")
	answerField(a, g, func(q *Question) Value { return maxValue(q, a.City.Population) })
	film, _ := qn.Section("film")
	for _, q := range film.Questions {
		delete(a.Answers, q.ID)
	}
	r := Score(qn, a)
	if r.Recommendation.Field != "gastronomy" || r.Recommendation.Confidence == ConfidenceHigh {
		t.Fatalf("film unknown: %s, confidence %s", r.Recommendation.Field, r.Recommendation.Confidence)
	}
	a.SetAside("film", "Không có phim trường")
	r = Score(qn, a)
	if r.Recommendation.Confidence != ConfidenceHigh {
		t.Errorf("film set aside: confidence %s (%v)", r.Recommendation.Confidence, r.Recommendation.Reasons)
	}
	if slices.ContainsFunc(r.Recommendation.Reasons, func(x Reason) bool { return x.Code == ReasonUnknownFields }) {
		t.Errorf("a field set aside is named unknown: %v", r.Recommendation.Reasons)
	}
}
