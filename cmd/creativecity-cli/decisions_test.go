package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creativecity/assessment"
	"creativecity/assessment/files"
)

// demoWithDecisions writes the demonstration with gastronomy set aside and
// music as the intended field.
func demoWithDecisions(t *testing.T) string {
	t.Helper()
	a, err := assessment.Demo()
	if err != nil {
		t.Fatal(err)
	}
	a.SetIntendedField("music")
	a.SetAside("gastronomy", "Đã có nhiều thành phố ẩm thực trong khu vực")
	path := filepath.Join(t.TempDir(), "decided.ccsa")
	if err := files.Save(path, a); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestScoreJSONCarriesTheDecisions(t *testing.T) {
	code, out, errs := runCLI(t, "score", "--json", "--lang", "en", demoWithDecisions(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Fields []struct {
			ID       string `json:"id"`
			Rank     int    `json:"rank"`
			SetAside *bool  `json:"setAside"`
		} `json:"fields"`
		Recommendation struct {
			Field   string   `json:"field"`
			Reasons []string `json:"reasons"`
		} `json:"recommendation"`
		Decisions struct {
			IntendedField string            `json:"intendedField"`
			SetAside      map[string]string `json:"setAside"`
		} `json:"decisions"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Decisions.IntendedField != "music" || doc.Decisions.SetAside["gastronomy"] != "Đã có nhiều thành phố ẩm thực trong khu vực" {
		t.Errorf("decisions %+v", doc.Decisions)
	}
	for _, f := range doc.Fields {
		aside := f.SetAside != nil && *f.SetAside
		if aside != (f.ID == "gastronomy") || (f.ID == "gastronomy" && f.Rank != 1) {
			t.Errorf("field %s: rank %d, set aside %v", f.ID, f.Rank, f.SetAside)
		}
	}
	if doc.Recommendation.Field != "crafts" {
		t.Errorf("recommended %s with gastronomy set aside", doc.Recommendation.Field)
	}
	if reasons := strings.Join(doc.Recommendation.Reasons, "\n"); !strings.Contains(reasons, "among the 7 candidate fields; 1 field is set aside by the city: Gastronomy") {
		t.Errorf("the reasons do not say gastronomy is set aside:\n%s", reasons)
	}
}

// TestScoreJSONReadsTheIntendedFieldFromTheProfile: the demonstration
// has no decisions member, but its profile names "Ẩm thực" as the
// intended field.
func TestScoreJSONReadsTheIntendedFieldFromTheProfile(t *testing.T) {
	_, out, _ := runCLI(t, "score", "--json", demoPath(t))
	if !strings.Contains(out, `"decisions": {
    "intendedField": "gastronomy",
    "setAside": {}
  }`) || strings.Contains(out, `"setAside": true`) {
		t.Errorf("decisions of the demo:\n%s", out)
	}
}

// TestDecisionsSurviveExportImportAndMerge: the decisions go out with the
// report's data sheet, come back with import, and merge into another
// assessment of the city.
func TestDecisionsSurviveExportImportAndMerge(t *testing.T) {
	dir := t.TempDir()
	src := demoWithDecisions(t)
	xlsx := filepath.Join(dir, "r.xlsx")
	if code, _, errs := runCLI(t, "export", "--lang", "vi", "-o", xlsx, src); code != 0 {
		t.Fatal(errs)
	}
	back := filepath.Join(dir, "back.ccsa")
	if code, _, errs := runCLI(t, "import", "-o", back, xlsx); code != 0 {
		t.Fatal(errs)
	}
	a, err := files.Load(back)
	if err != nil {
		t.Fatal(err)
	}
	if a.IntendedField() != "music" || a.Candidate("gastronomy") {
		t.Errorf("imported decisions %+v", a.Decisions)
	}
	// The demonstration's profile names gastronomy as its intended field:
	// the report's music is a conflict, taken only when preferred.
	merged := filepath.Join(dir, "merged.ccsa")
	code, _, errs := runCLI(t, "import", "--lang", "en", "--into", demoPath(t), "-o", merged, xlsx)
	if code != 1 || !strings.Contains(errs, assessment.DecisionIntendedField) {
		t.Fatalf("merge: exit %d: %s", code, errs)
	}
	if m, _ := files.Load(merged); m == nil || m.IntendedField() != "gastronomy" || m.Candidate("gastronomy") {
		t.Errorf("merged without preferring: %+v", m)
	}
	code, _, errs = runCLI(t, "import", "--into", demoPath(t), "--prefer", "new", "-o", merged, xlsx)
	if code != 0 {
		t.Fatalf("merge: exit %d: %s", code, errs)
	}
	m, err := files.Load(merged)
	if err != nil {
		t.Fatal(err)
	}
	if m.IntendedField() != "music" || m.Candidate("gastronomy") {
		t.Errorf("merged decisions %+v", m.Decisions)
	}
	data, _ := os.ReadFile(merged)
	if !strings.Contains(string(data), `"decisions"`) {
		t.Errorf("the merged file has no decisions")
	}
}

// TestScoreJSONListsReadinessGapsAndUnknownFields: with only gastronomy
// answered, what would change the result names the seven fields not
// assessed, and readiness has its own gaps beside the field's.
func TestScoreJSONListsReadinessGapsAndUnknownFields(t *testing.T) {
	a, err := assessment.Demo()
	if err != nil {
		t.Fatal(err)
	}
	for id := range a.Answers {
		if field, _, _ := strings.Cut(id, "."); field != "gastronomy" && field != "readiness" && field != "profile" {
			delete(a.Answers, id)
		}
	}
	path := filepath.Join(t.TempDir(), "one.ccsa")
	if err := files.Save(path, a); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runCLI(t, "score", "--json", path)
	var doc struct {
		Recommendation  struct{ Confidence string } `json:"recommendation"`
		ReadinessGaps   []struct{ Field string }    `json:"readinessGaps"`
		WhatWouldChange struct {
			UnknownFields []string `json:"unknownFields"`
		} `json:"whatWouldChange"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.WhatWouldChange.UnknownFields) != 7 || doc.Recommendation.Confidence == "high" {
		t.Errorf("unknown fields %v, confidence %s", doc.WhatWouldChange.UnknownFields, doc.Recommendation.Confidence)
	}
	if len(doc.ReadinessGaps) == 0 || doc.ReadinessGaps[0].Field != "readiness" {
		t.Errorf("readiness gaps %+v", doc.ReadinessGaps)
	}
}
