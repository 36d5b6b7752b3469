package assessment

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// unescoCriteria is the number of UNESCO criteria per field in DOMAIN.md §3,
// numbered C1..Cn; the questionnaire must cover each with a scored question.
var unescoCriteria = map[string]int{
	"crafts": 6, "design": 7, "film": 8, "gastronomy": 8, "literature": 7, "media_arts": 5, "music": 7, "architecture": 7,
}

var fieldDimensions = []string{"heritage", "economy", "infrastructure", "events", "education", "participation", "policy", "international"}

func TestQuestionnaireHasTheContractSections(t *testing.T) {
	qn := shippedQn(t)
	var got []string
	for _, s := range qn.Sections {
		got = append(got, fmt.Sprintf("%s:%s", s.ID, s.Kind))
	}
	want := []string{"profile:profile", "readiness:readiness", "crafts:field", "design:field", "film:field",
		"gastronomy:field", "literature:field", "media_arts:field", "music:field", "architecture:field"}
	if !slices.Equal(got, want) {
		t.Fatalf("sections = %v; want %v", got, want)
	}
	if qn.Version == "" {
		t.Error("no questionnaireVersion")
	}
}

func TestEachFieldHas10To16ScoredQuestions(t *testing.T) {
	for _, s := range shippedQn(t).Fields() {
		if n := len(s.ScoredQuestions()); n < 10 || n > 16 {
			t.Errorf("%s has %d scored questions", s.ID, n)
		}
	}
}

func TestEachFieldCoversEveryUNESCOCriterion(t *testing.T) {
	qn := shippedQn(t)
	for id, n := range unescoCriteria {
		s, ok := qn.Section(id)
		if !ok {
			t.Fatalf("no section %s", id)
		}
		covered := map[string]bool{}
		for _, q := range s.ScoredQuestions() {
			for _, c := range q.Criteria {
				covered[c] = true
			}
		}
		for i := 1; i <= n; i++ {
			c := fmt.Sprintf("C%d", i)
			if !covered[c] || !slices.Contains(s.Criteria, c) {
				t.Errorf("%s: criterion %s is not covered", id, c)
			}
		}
		if len(s.Criteria) != n {
			t.Errorf("%s declares %d criteria; DOMAIN.md lists %d", id, len(s.Criteria), n)
		}
	}
}

func TestEachFieldCoversEveryDimension(t *testing.T) {
	for _, s := range shippedQn(t).Fields() {
		for _, d := range fieldDimensions {
			if !slices.ContainsFunc(s.ScoredQuestions(), func(q *Question) bool { return q.Dimension == d }) {
				t.Errorf("%s: no scored question in dimension %s", s.ID, d)
			}
		}
	}
}

func TestReadinessCoversTheCrossCuttingItems(t *testing.T) {
	qn := shippedQn(t)
	s := qn.SectionOfKind(KindReadiness)
	if n := len(s.ScoredQuestions()); n < 10 || n > 16 {
		t.Errorf("readiness has %d scored questions", n)
	}
	// steering committee, commitment, budget, stakeholders, awareness,
	// international cooperation, SDG alignment, local and international
	// initiatives, attachments, language capacity, UCCN objectives
	for i := 1; i <= 12; i++ {
		c := fmt.Sprintf("R%d", i)
		if !slices.Contains(s.Criteria, c) {
			t.Errorf("readiness lacks %s", c)
		}
	}
	for _, id := range []string{"readiness.local_initiatives", "readiness.international_initiatives"} {
		q, ok := qn.Question(id)
		if !ok || q.Type != Number || q.Max != 3 {
			t.Errorf("%s should count up to 3 initiatives: %+v", id, q)
		}
	}
}

func TestProfileQuestionsMapTheCity(t *testing.T) {
	qn := shippedQn(t)
	fields := map[string]bool{}
	for _, q := range qn.SectionOfKind(KindProfile).Questions {
		if q.Scored() {
			t.Errorf("profile question %s is scored", q.ID)
		}
		if q.CityField != "" {
			fields[q.CityField] = true
		}
	}
	for _, attr := range CityAttributes() {
		if !fields[attr.ID] {
			t.Errorf("no profile question edits city.%s", attr.ID)
		}
	}
}

// TestReportHeadingItemsTakeNoEvidence: the profile items that only feed
// the report's heading (the issuing bodies, the number, the signer and the
// recipients) ask for no evidence and no source; every scored question does.
func TestReportHeadingItemsTakeNoEvidence(t *testing.T) {
	qn := shippedQn(t)
	heading := []string{"profile.governing_body", "profile.issuing_body", "profile.document_number",
		"profile.signer_title", "profile.signer_name", "profile.recipients"}
	for _, id := range heading {
		if q, ok := qn.Question(id); !ok || q.TakesEvidence() {
			t.Errorf("%s takes evidence", id)
		}
	}
	if q, _ := qn.Question("profile.name"); q.TakesEvidence() {
		t.Error("a city attribute takes evidence")
	}
	for _, s := range qn.Sections {
		for _, q := range s.Questions {
			if q.Scored() && !q.TakesEvidence() {
				t.Errorf("scored question %s takes no evidence", q.ID)
			}
		}
	}
	if q, _ := qn.Question("profile.lead_department"); !q.TakesEvidence() {
		t.Error("profile.lead_department takes no evidence")
	}
}

func TestNumberQuestionsAreWellFormed(t *testing.T) {
	for _, s := range shippedQn(t).Sections {
		for _, q := range s.ScoredQuestions() {
			if q.Type == Number && (q.Reference <= 0 || (q.Max > 0 && q.Max < q.Reference)) {
				t.Errorf("%s: reference %v, max %v", q.ID, q.Reference, q.Max)
			}
		}
	}
}

// smallQuestionnaire is the smallest valid structure: a profile, a
// readiness question and a field with one per-capita number.
const smallQuestionnaire = `questionnaireVersion = "t"
[[sections]]
id = "profile"
kind = "profile"
  [[sections.questions]]
  id = "profile.name"
  type = "text"
  cityField = "name"
[[sections]]
id = "readiness"
kind = "readiness"
criteria = ["R1"]
  [[sections.questions]]
  id = "readiness.a"
  type = "boolean"
  weight = 1
  dimension = "governance"
  criteria = ["R1"]
[[sections]]
id = "film"
kind = "field"
criteria = ["C1"]
  [[sections.questions]]
  id = "film.cinemas"
  type = "number"
  weight = 2
  dimension = "infrastructure"
  criteria = ["C1"]
  reference = 3.0
  perCapita = true
`

func TestParseQuestionnaireRejectsInconsistentStructures(t *testing.T) {
	base := smallQuestionnaire
	if _, err := ParseQuestionnaire([]byte(base)); err != nil {
		t.Fatalf("base: %v", err)
	}
	tests := []struct{ name, from, to, want string }{
		{"unknown type", `type = "boolean"`, `type = "stars"`, "unknown type"},
		{"bad ID", `id = "film.cinemas"`, `id = "film.Cinemas"`, "not of the form"},
		{"ID of another section", `id = "film.cinemas"`, `id = "music.cinemas"`, "not of the form"},
		{"duplicate question", `criteria = ["R1"]
[[sections]]`, `criteria = ["R1"]
  [[sections.questions]]
  id = "readiness.a"
  type = "rubric"
  weight = 1
  dimension = "governance"
[[sections]]`, "appears twice"},
		{"duplicate section", `id = "film"`, `id = "readiness"`, "appears twice"},
		{"no reference", `reference = 3.0`, `reference = 0.0`, "positive reference"},
		{"undeclared criterion", `criteria = ["C1"]
  reference`, `criteria = ["C9"]
  reference`, "not declared"},
		{"uncovered criterion", `criteria = ["R1"]
  [[`, `criteria = ["R1", "R2"]
  [[`, "covered by no scored question"},
		{"unknown key", `perCapita = true`, `perCapita = true
  colour = "red"`, "unknown key"},
		{"unknown kind", `kind = "field"`, `kind = "area"`, "unknown kind"},
		{"zero weight", `weight = 2`, `weight = 0`, "positive weight"},
		{"no version", `questionnaireVersion = "t"`, ``, "questionnaireVersion"},
		{"bad city field", `cityField = "name"`, `cityField = "mayor"`, "cityField"},
		{"scored without evidence", `weight = 2`, `weight = 2
  evidence = false`, "takes evidence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(base, tt.from, tt.to, 1)
			if src == base {
				t.Fatalf("replacement %q did not apply", tt.from)
			}
			_, err := ParseQuestionnaire([]byte(src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v; want %q", err, tt.want)
			}
		})
	}
}

func TestValidateNamesTheFileAndQuestion(t *testing.T) {
	qn := shippedQn(t)
	var rubric, number, boolean *Question
	for _, q := range qn.Fields()[3].ScoredQuestions() {
		switch {
		case q.Type == Rubric && rubric == nil:
			rubric = q
		case q.Type == Number && number == nil:
			number = q
		case q.Type == Boolean && boolean == nil:
			boolean = q
		}
	}
	a := New(qn)
	a.City = City{Name: "Huế", Population: -5}
	a.SetValue(rubric.ID, NumberValue(7))
	a.SetValue(number.ID, NumberValue(-3))
	a.SetValue(boolean.ID, StringValue("có"))
	a.SetValue("gastronomy.no_such_question", NumberValue(1))
	ps := Validate(qn, a, "hue.ccsa")
	want := map[string]struct {
		code string
		sev  Severity
	}{
		rubric.ID:                     {CodeRubricRange, Error},
		number.ID:                     {CodeNegative, Error},
		boolean.ID:                    {CodeWrongType, Error},
		"gastronomy.no_such_question": {CodeUnknownQuestion, Warning},
		"":                            {CodeCityNegative, Error},
	}
	for _, p := range ps {
		w, ok := want[p.QuestionID]
		if !ok || p.Code != w.code || p.Severity != w.sev || p.Path != "hue.ccsa" {
			t.Errorf("unexpected problem %v", p)
		}
		delete(want, p.QuestionID)
	}
	if len(want) > 0 {
		t.Errorf("missing problems: %v", want)
	}
	if !HasErrors(ps) {
		t.Error("HasErrors = false")
	}
}
