package assessment

import (
	"slices"
	"strings"
	"testing"
)

func form(file, who string, answers ...Contributed) Contribution {
	return Contribution{File: file, Contributor: who, Date: "2026-11-20", Answers: answers}
}

func TestMergeFillsGapsRecordsProvenanceAndKeepsTheBase(t *testing.T) {
	qn := shippedQn(t)
	a := New(qn)
	a.SetValue("gastronomy.signature_dishes", NumberValue(3))
	a.SetEvidence("gastronomy.signature_dishes", "Danh mục 14 món", "Sở VHTTDL")
	a.SetValue("gastronomy.professional_chefs", NumberValue(400))
	stats := form("thong-ke.xlsx", "Trần Thị Lan, Thống kê Quảng Ninh",
		Contributed{QuestionID: "gastronomy.traditional_restaurants", Sheet: "Ẩm thực", Value: NumberValue(120), Evidence: "Điều tra 2025", Source: "Thống kê tỉnh"},
		Contributed{QuestionID: "gastronomy.professional_chefs", Sheet: "Ẩm thực", Value: NumberValue(400), Evidence: "Hội Đầu bếp"},
		Contributed{QuestionID: "gastronomy.food_events", Sheet: "Ẩm thực"}, // left empty
		Contributed{QuestionID: "profile.population", Sheet: "Thông tin", Value: NumberValue(310000)},
	)
	res := Merge(qn, a, []Contribution{stats}, false)
	if len(res.Conflicts) != 0 {
		t.Fatalf("conflicts %+v", res.Conflicts)
	}
	var merged []string
	for _, m := range res.Merged {
		merged = append(merged, m.QuestionID)
	}
	slices.Sort(merged)
	if want := []string{"gastronomy.professional_chefs", "gastronomy.traditional_restaurants", "profile.population"}; !slices.Equal(merged, want) {
		t.Errorf("merged %v, want %v", merged, want)
	}
	r := a.Answers["gastronomy.traditional_restaurants"]
	if v, _ := r.Value.Number(); v != 120 || r.Evidence != "Điều tra 2025" || r.Source != "Thống kê tỉnh" {
		t.Errorf("restaurants %+v", r)
	}
	want := Provenance{File: "thong-ke.xlsx", Sheet: "Ẩm thực", Contributor: "Trần Thị Lan, Thống kê Quảng Ninh", Date: "2026-11-20"}
	if !slices.Equal(r.Provenance, []Provenance{want}) {
		t.Errorf("provenance %+v", r.Provenance)
	}
	if c := a.Answers["gastronomy.professional_chefs"]; c.Evidence != "Hội Đầu bếp" || len(c.Provenance) != 1 {
		t.Errorf("chefs: the evidence was not filled in beside the same value: %+v", c)
	}
	if a.Answers["gastronomy.food_events"] != nil {
		t.Error("an empty row of the form made an answer")
	}
	if a.City.Population != 310000 {
		t.Errorf("population %v", a.City.Population)
	}
	if s := a.Answers["gastronomy.signature_dishes"]; s.Source != "Sở VHTTDL" || len(s.Provenance) != 0 {
		t.Errorf("an answer no form gave changed: %+v", s)
	}

	// The same form again: nothing changes, nothing conflicts.
	before, _ := Encode(a.Clone())
	again := Merge(qn, a, []Contribution{stats}, false)
	after, _ := Encode(a.Clone())
	if len(again.Conflicts) != 0 || len(again.Merged) != 0 || string(before) != string(after) {
		t.Errorf("merging the same form twice: %+v", again)
	}
}

func TestMergeListsConflictsAndTakesThemOnlyWhenAsked(t *testing.T) {
	qn := shippedQn(t)
	base := func() *Assessment {
		a := New(qn)
		a.SetValue("gastronomy.traditional_restaurants", NumberValue(100))
		a.SetEvidence("gastronomy.traditional_restaurants", "Sở Công Thương 2024", "")
		a.City.Population = 300000
		return a
	}
	first := form("cong-thuong.xlsx", "Sở Công Thương",
		Contributed{QuestionID: "gastronomy.traditional_restaurants", Sheet: "Ẩm thực", Value: NumberValue(130), Evidence: "Sở Công Thương 2024"},
		Contributed{QuestionID: "profile.population", Sheet: "Thông tin", Value: NumberValue(310000)})
	second := form("du-lich.xlsx", "Sở Du lịch",
		Contributed{QuestionID: "gastronomy.ocop_food_products", Sheet: "Ẩm thực", Value: NumberValue(20)})
	third := form("du-lich-2.xlsx", "Sở Du lịch",
		Contributed{QuestionID: "gastronomy.ocop_food_products", Sheet: "Ẩm thực", Value: NumberValue(25)})

	a := base()
	res := Merge(qn, a, []Contribution{first, second, third}, false)
	var ids []string
	for _, c := range res.Conflicts {
		ids = append(ids, c.QuestionID+" "+c.File)
		if c.Applied {
			t.Errorf("%s was applied", c.QuestionID)
		}
	}
	want := []string{"gastronomy.traditional_restaurants cong-thuong.xlsx", "profile.population cong-thuong.xlsx", "gastronomy.ocop_food_products du-lich-2.xlsx"}
	if !slices.Equal(ids, want) || res.Unresolved() != 3 {
		t.Fatalf("conflicts %v, want %v", ids, want)
	}
	if v, _ := a.Value("gastronomy.traditional_restaurants").Number(); v != 100 || a.City.Population != 300000 {
		t.Error("the base was overwritten")
	}
	if v, _ := a.Value("gastronomy.ocop_food_products").Number(); v != 20 {
		t.Errorf("the first input's answer: %v", v)
	}
	if c := res.Conflicts[0]; c.Current.Value.Raw() != "100" || c.Proposed.Value.Raw() != "130" {
		t.Errorf("the conflict shows %v against %v", c.Current.Value.Raw(), c.Proposed.Value.Raw())
	}

	// Chosen one by one, as the window does.
	res.Conflicts[0].Apply(qn, a)
	if v, _ := a.Value("gastronomy.traditional_restaurants").Number(); v != 130 || len(a.Answers["gastronomy.traditional_restaurants"].Provenance) != 1 {
		t.Errorf("a chosen conflict: %+v", a.Answers["gastronomy.traditional_restaurants"])
	}

	b := base()
	res = Merge(qn, b, []Contribution{first, second, third}, true)
	if res.Unresolved() != 0 || b.City.Population != 310000 {
		t.Errorf("prefer new: %d unresolved, population %v", res.Unresolved(), b.City.Population)
	}
	if v, _ := b.Value("gastronomy.ocop_food_products").Number(); v != 25 {
		t.Errorf("prefer new takes the newest: %v", v)
	}
	if p := b.Answers["gastronomy.ocop_food_products"].Provenance; len(p) != 2 || p[1].File != "du-lich-2.xlsx" {
		t.Errorf("provenance, newest last: %+v", p)
	}
}

func TestProvenanceIsWrittenAndReadBack(t *testing.T) {
	qn := shippedQn(t)
	a := New(qn)
	a.SetValue("film.screens", NumberValue(6))
	a.Answers["film.screens"].Provenance = []Provenance{{File: "van-hoa.xlsx", Sheet: "Điện ảnh", Contributor: "Lê Văn Tám", Date: "2026-11-20"}}
	data, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Decode(data, "x.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(b.Answers["film.screens"].Provenance, a.Answers["film.screens"].Provenance) {
		t.Errorf("provenance came back as %+v", b.Answers["film.screens"].Provenance)
	}
	odd := []byte(`{"format":"creativecity-assessment","schemaVersion":1,"questionnaireVersion":"2027.1","city":{},
		"answers":{"film.screens":{"value":6,"provenance":"from a newer tool"}}}`)
	c, err := Decode(odd, "y.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := Encode(c)
	if !strings.Contains(string(out), `"provenance": "from a newer tool"`) {
		t.Errorf("a provenance this build cannot read was not kept: %s", out)
	}
}

func TestMergeTakesTheDecisionsOfAReport(t *testing.T) {
	qn := shippedQn(t)
	a := New(qn)
	report := form("bao-cao.xlsx", "Lê Văn Tám")
	report.DecisionsSheet = "Tổng hợp"
	report.Decisions = &Decisions{IntendedField: "music", SetAside: map[string]string{"film": "Không có phim trường"}}
	res := Merge(qn, a, []Contribution{report}, false)
	var merged []string
	for _, m := range res.Merged {
		merged = append(merged, m.QuestionID)
	}
	if want := []string{DecisionIntendedField, DecisionSetAside + "film"}; !slices.Equal(merged, want) || len(res.Conflicts) != 0 {
		t.Errorf("merged %v, conflicts %v", merged, res.Conflicts)
	}
	if a.IntendedField() != "music" || a.Candidate("film") {
		t.Fatalf("decisions %+v", a.Decisions)
	}
	if again := Merge(qn, a, []Contribution{report}, false); len(again.Merged) != 0 || len(again.Conflicts) != 0 || again.Same != 2 {
		t.Errorf("the same report again: %+v", again)
	}

	other := form("bao-cao-2.xlsx", "Trần Thị Lan")
	other.Decisions = &Decisions{IntendedField: "design", SetAside: map[string]string{"film": "Chưa có liên hoan phim"}}
	res = Merge(qn, a, []Contribution{other}, false)
	if len(res.Conflicts) != 2 || res.Unresolved() != 2 || a.IntendedField() != "music" {
		t.Fatalf("conflicts %+v, intended %s", res.Conflicts, a.IntendedField())
	}
	for i := range res.Conflicts {
		res.Conflicts[i].Apply(qn, a)
	}
	if reason, _ := a.SetAsideReason("film"); a.IntendedField() != "design" || reason != "Chưa có liên hoan phim" || res.Unresolved() != 0 {
		t.Errorf("conflicts applied: %+v", a.Decisions)
	}
}

// TestCheckMergedStopsAnInvalidOrOversizedResult: a merge's result with a
// validation error, or larger than the limit once encoded, is stopped
// with the reason; a valid one passes.
func TestCheckMergedStopsAnInvalidOrOversizedResult(t *testing.T) {
	qn := shippedQn(t)
	a := New(qn)
	a.City.Name = "Hạ Long"
	a.SetValue("gastronomy.signature_dishes", NumberValue(3))
	if ps := CheckMerged(qn, a, "x.ccsa", 1<<20); len(ps) != 0 {
		t.Errorf("a valid result: %+v", ps)
	}
	Merge(qn, a, []Contribution{form("f.xlsx", "", Contributed{QuestionID: "profile.population", Value: NumberValue(500)})}, false)
	if ps := CheckMerged(qn, a, "x.ccsa", 1<<20); len(ps) != 1 || ps[0].Code != CodePopulationTooSmall || ps[0].Severity != Error {
		t.Errorf("a population of 500: %+v", ps)
	}
	a.City.Population = 0
	if ps := CheckMerged(qn, a, "x.ccsa", 100); len(ps) != 1 || ps[0].Code != CodeTooLarge || ps[0].Path != "x.ccsa" {
		t.Errorf("over the limit: %+v", ps)
	}
}
