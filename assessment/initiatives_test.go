package assessment

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// planFile is an assessment with an action plan, members a newer build
// may add (in the plan and in an initiative) included.
const planFile = `{
  "format": "creativecity-assessment",
  "schemaVersion": 1,
  "questionnaireVersion": "2027.1",
  "city": {"name": "Hạ Long", "province": "Quảng Ninh", "population": 300000},
  "answers": {"readiness.budget": {"value": 2}},
  "actionPlan": {
    "firstYear": 2028,
    "reviewedBy": "steering committee",
    "initiatives": [
      {"scope": "local", "title": "Bếp ăn cộng đồng", "aims": "Giữ nghề nấu ăn truyền thống",
       "objectives": ["access", "production"], "years": [2028, 2029],
       "budget": [{"year": 2028, "city": 1200, "province": 300, "nonState": 500}, {"year": 2029, "city": 1000.5, "province": 0, "nonState": 0}],
       "dossier": {"en": {"title": "Community kitchens", "summary": "Cooking classes in wards."}},
       "status": "draft"},
      {"scope": "international", "title": "Diễn đàn ẩm thực biển", "partners": "Phuket, Ma Cao",
       "objectives": ["cooperation"], "years": [2030]}
    ]
  }
}`

func TestAnActionPlanIsReadAndWrittenBackWithWhatThisBuildDoesNotKnow(t *testing.T) {
	a, err := Decode([]byte(planFile), "plan.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	p := a.Plan
	if p == nil || p.FirstYear != 2028 || p.LastYear() != 2031 || len(p.Initiatives) != 2 {
		t.Fatalf("plan %+v", p)
	}
	local := p.Of(Local)
	if len(local) != 1 || local[0].Title != "Bếp ăn cộng đồng" || local[0].Application["en"].Title != "Community kitchens" {
		t.Fatalf("local %+v", local)
	}
	if got := local[0].Budgeted(); got != 3000.5 {
		t.Errorf("budget over the plan %v, want 3000.5", got)
	}
	if len(p.Of(International)) != 1 || p.Of(International)[0].Partners != "Phuket, Ma Cao" {
		t.Errorf("international %+v", p.Of(International))
	}
	if ps := Validate(mustDefault(t), a, "plan.ccsa"); HasErrors(ps) {
		t.Errorf("a valid plan has errors: %v", ps)
	}
	out, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		ActionPlan struct {
			ReviewedBy  string `json:"reviewedBy"`
			Initiatives []map[string]any
		} `json:"actionPlan"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ActionPlan.ReviewedBy != "steering committee" || doc.ActionPlan.Initiatives[0]["status"] != "draft" {
		t.Errorf("unknown members of the plan were dropped:\n%s", out)
	}
	again, err := Decode(out, "plan.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	out2, _ := Encode(again)
	if !bytes.Equal(out, out2) {
		t.Errorf("a second round trip changed the file:\n%s\n%s", out, out2)
	}
}

func TestAFileWithoutAnActionPlanOpensAndStaysWithoutOne(t *testing.T) {
	const old = `{"format": "creativecity-assessment", "schemaVersion": 1, "questionnaireVersion": "2027.1",
	  "city": {"name": "Huế"}, "answers": {}}`
	a, err := Decode([]byte(old), "old.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if a.Plan != nil {
		t.Errorf("plan %+v", a.Plan)
	}
	for _, p := range Validate(mustDefault(t), a, "old.ccsa") {
		if strings.HasPrefix(p.Code, "plan") {
			t.Errorf("problem %v", p)
		}
	}
	out, _ := Encode(a)
	if bytes.Contains(out, []byte("actionPlan")) {
		t.Errorf("an empty plan was written:\n%s", out)
	}
	a.Plan = &ActionPlan{}
	if out, _ := Encode(a); bytes.Contains(out, []byte("actionPlan")) {
		t.Errorf("a plan with nothing in it was written:\n%s", out)
	}
}

func TestValidatePlan(t *testing.T) {
	in := func(scope Scope, title string, years ...int) *Initiative {
		return &Initiative{Scope: scope, Title: title, Years: years}
	}
	tests := []struct {
		name  string
		plan  *ActionPlan
		codes []string
		sev   Severity
	}{
		{"three of each", &ActionPlan{FirstYear: 2028, Initiatives: []*Initiative{in(Local, "a", 2028), in(Local, "b"), in(Local, "c"),
			in(International, "d"), in(International, "e"), in(International, "f", 2031)}}, nil, 0},
		{"four local", &ActionPlan{Initiatives: []*Initiative{in(Local, "a"), in(Local, "b"), in(Local, "c"), in(Local, "d")}},
			[]string{CodePlanTooMany}, Error},
		{"four international", &ActionPlan{Initiatives: []*Initiative{in(International, "a"), in(International, "b"),
			in(International, "c"), in(International, "d"), in(Local, "e")}}, []string{CodePlanTooMany}, Error},
		{"a year after the plan", &ActionPlan{FirstYear: 2028, Initiatives: []*Initiative{in(Local, "a", 2028, 2032)}},
			[]string{CodePlanYear}, Error},
		{"a year before the plan", &ActionPlan{FirstYear: 2028, Initiatives: []*Initiative{in(Local, "a", 2027)}},
			[]string{CodePlanYear}, Error},
		{"years without a first year", &ActionPlan{Initiatives: []*Initiative{in(Local, "a", 2028), in(Local, "b", 2029)}},
			[]string{CodePlanNoFirstYear}, Error},
		{"a negative budget", &ActionPlan{FirstYear: 2028, Initiatives: []*Initiative{{Scope: Local, Title: "a", Years: []int{2028},
			Budget: []YearBudget{{Year: 2028, City: 10, NonState: -1}}}}}, []string{CodePlanBudgetNegative}, Error},
		{"a budget outside the plan", &ActionPlan{FirstYear: 2028, Initiatives: []*Initiative{{Scope: Local, Title: "a",
			Budget: []YearBudget{{Year: 2035, City: 10}}}}}, []string{CodePlanYear}, Error},
		{"a budget in a year the initiative does not run", &ActionPlan{FirstYear: 2028, Initiatives: []*Initiative{{Scope: Local,
			Title: "a", Years: []int{2028}, Budget: []YearBudget{{Year: 2029, City: 10}}}}}, []string{CodePlanBudgetYear}, Warning},
		{"an unknown objective", &ActionPlan{Initiatives: []*Initiative{{Scope: Local, Title: "a", Objectives: []string{"tourism"}}}},
			[]string{CodePlanObjective}, Error},
		{"an unknown scope", &ActionPlan{Initiatives: []*Initiative{{Scope: "regional", Title: "a"}}}, []string{CodePlanScope}, Error},
		{"no title", &ActionPlan{Initiatives: []*Initiative{{Scope: International}}}, []string{CodePlanNoTitle}, Warning},
	}
	for _, tt := range tests {
		ps := ValidatePlan(tt.plan, "f.ccsa")
		var codes []string
		for _, p := range ps {
			codes = append(codes, p.Code)
			if p.Severity != tt.sev {
				t.Errorf("%s: %s is of severity %v, want %v", tt.name, p.Code, p.Severity, tt.sev)
			}
			if p.Path != "f.ccsa" {
				t.Errorf("%s: path %q", tt.name, p.Path)
			}
		}
		if !slices.Equal(codes, tt.codes) {
			t.Errorf("%s: problems %v, want %v", tt.name, codes, tt.codes)
		}
	}
}

func TestTheDemoHasAnIllustrativeActionPlanOfThreeAndThree(t *testing.T) {
	demo, err := Demo()
	if err != nil {
		t.Fatal(err)
	}
	p := demo.Plan
	if p == nil || len(p.Of(Local)) != MaxInitiatives || len(p.Of(International)) != MaxInitiatives {
		t.Fatalf("the demo's plan: %+v", p)
	}
	if ps := ValidatePlan(p, "demo"); len(ps) > 0 {
		t.Errorf("the demo's plan has problems: %v", ps)
	}
	for _, in := range p.Initiatives {
		if !strings.Contains(in.Aims+in.Activities, "minh họa") {
			t.Errorf("%s is not marked illustrative", in.Title)
		}
		for _, lang := range []string{"en", "fr"} {
			if in.Application[lang].Title == "" || in.Application[lang].Summary == "" {
				t.Errorf("%s has no %s title or summary", in.Title, lang)
			}
		}
		if len(in.Objectives) == 0 || len(in.Years) == 0 || in.Budgeted() <= 0 || in.TargetGroups == "" || in.Partners == "" {
			t.Errorf("%s is incomplete: %+v", in.Title, in)
		}
	}
}

// previousRelease is the last commit whose build does not know the action
// plan: a file with a plan must open and save there without loss.
const previousRelease = "d96b8b2"

// TestAPlanSurvivesThePreviousReleaseAndAnOldFileOpensHere builds the
// previous release's assessment package from git and has it load and
// save a file with an action plan: the plan comes back byte for byte, as
// an unknown member. The previous release's demonstration, which has no
// plan, opens in this build.
func TestAPlanSurvivesThePreviousReleaseAndAnOldFileOpensHere(t *testing.T) {
	a, err := Decode([]byte(planFile), "plan.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := Encode(a)
	saved := throughPreviousRelease(t, data)
	plan := func(b []byte) string { return member(t, b, "actionPlan") }
	if plan(saved) != plan(data) || plan(data) == "null" {
		t.Errorf("the previous release changed the plan:\n%s\n%s", plan(data), plan(saved))
	}
	back, err := Decode(saved, "saved.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Plan.Initiatives) != 2 || back.Plan.Initiatives[0].Application["en"].Title != "Community kitchens" {
		t.Errorf("the plan after the previous release: %+v", back.Plan)
	}
	oldDemo, err := exec.Command("git", "show", previousRelease+":assets/demo-halong-gastronomy.ccsa").Output()
	if err != nil {
		t.Fatal(err)
	}
	old, err := Decode(oldDemo, "old-demo.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if old.Plan != nil || old.City.Name != "Hạ Long" || HasErrors(Validate(mustDefault(t), old, "old-demo.ccsa")) {
		t.Errorf("the previous demo opens as %+v, %v", old.Plan, Validate(mustDefault(t), old, "old-demo.ccsa"))
	}
}

func mustDefault(t *testing.T) *Questionnaire {
	t.Helper()
	qn, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return qn
}

// throughPreviousRelease has the previous release load and save a file's
// content, and returns what it saved.
func throughPreviousRelease(t *testing.T, data []byte) []byte {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the previous release")
	}
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	if exec.Command(git, "cat-file", "-e", previousRelease+"^{commit}").Run() != nil {
		t.Skipf("the previous release %s is not in this checkout's history", previousRelease)
	}
	dir := t.TempDir()
	archive := exec.Command("sh", "-c", git+" archive "+previousRelease+" go.mod go.sum assessment assets translations | tar -x -C "+dir)
	archive.Dir = ".." // the repository's root
	if out, err := archive.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	main := `package main

import (
	"os"

	"creativecity/assessment"
)

func main() {
	a, err := assessment.Load(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := assessment.Save(os.Args[2], a); err != nil {
		panic(err)
	}
}
`
	if err := os.MkdirAll(filepath.Join(dir, "roundtrip"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "roundtrip", "main.go"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "in.ccsa"), filepath.Join(dir, "out.ccsa")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	run := exec.Command("go", "run", "./roundtrip", in, out)
	run.Dir = dir
	run.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	if b, err := run.CombinedOutput(); err != nil {
		t.Fatalf("the previous release: %v: %s", err, b)
	}
	saved, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}
