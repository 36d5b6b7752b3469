package assessment

import (
	"slices"
	"strings"
	"testing"
)

// migrationQuestionnaire is version "new" of a small questionnaire: film
// has a rubric "film.festivals" (renamed from "film.festival") and a
// rubric "film.archive" whose scale changed.
var migrationQuestionnaire = strings.Replace(smallQuestionnaire[:strings.Index(smallQuestionnaire, "[[sections]]\nid = \"film\"")],
	`questionnaireVersion = "t"`, `questionnaireVersion = "new"`, 1) + `[[sections]]
id = "film"
kind = "field"
criteria = ["C1"]
  [[sections.questions]]
  id = "film.festivals"
  type = "rubric"
  weight = 1
  dimension = "events"
  criteria = ["C1"]
  [[sections.questions]]
  id = "film.archive"
  type = "rubric"
  weight = 1
  dimension = "heritage"
  criteria = ["C1"]
`

const migrationTable = `
[[migrations]]
from = "old"
to = "mid"
changes = "migration.mid"
[migrations.renamed]
"film.festival" = "film.festival_mid"

[[migrations]]
from = "mid"
to = "new"
changes = "migration.new"
removed = ["film.endorsement"]
[migrations.renamed]
"film.festival_mid" = "film.festivals"
[migrations.levels]
"film.archive" = [0, 1, 1, 2, 4]
`

func migratingQuestionnaire(t *testing.T) *Questionnaire {
	t.Helper()
	qn, err := ParseQuestionnaire([]byte(migrationQuestionnaire))
	if err != nil {
		t.Fatal(err)
	}
	ms, err := ParseMigrations([]byte(migrationTable))
	if err != nil {
		t.Fatal(err)
	}
	if err := qn.SetMigrations(ms); err != nil {
		t.Fatal(err)
	}
	return qn
}

// TestMigrateFollowsEveryStepAndKeepsEveryAnswer: a file two versions old
// comes up to the current one; renamed answers move, rescaled levels are
// mapped, a removed question's answer stays, and the warning counts them
// and names the notes of every step.
func TestMigrateFollowsEveryStepAndKeepsEveryAnswer(t *testing.T) {
	qn := migratingQuestionnaire(t)
	a := New(qn)
	a.QuestionnaireVersion = "old"
	a.SetValue("film.festival", NumberValue(3))
	a.SetValue("film.archive", NumberValue(3))
	a.SetValue("film.endorsement", BoolValue(true))
	a.SetValue("readiness.a", BoolValue(false))
	ps := qn.Migrate(a)
	var codes []string
	for _, p := range ps {
		codes = append(codes, p.Code)
		if p.Severity != Warning {
			t.Errorf("%s is not a warning", p.Code)
		}
	}
	if !slices.Equal(codes, []string{CodeMigrated, CodeMigratedRenamed, CodeMigratedRescaled, CodeMigratedRemoved}) {
		t.Fatalf("problems = %v", codes)
	}
	if args := ps[0].Args; args["From"].Text != "old" || args["To"].Text != "new" || args["Changes"].Text != "migration.mid\nmigration.new" {
		t.Errorf("args = %v", args)
	}
	for i, want := range []float64{2, 1, 1} {
		if got := ps[i+1].Args["Count"]; got.Kind != ArgCount || got.Num != want {
			t.Errorf("%s: count %v, want %v", ps[i+1].Code, got, want)
		}
	}
	if a.QuestionnaireVersion != "new" {
		t.Errorf("version = %q", a.QuestionnaireVersion)
	}
	if v, _ := a.Value("film.festivals").Number(); v != 3 {
		t.Errorf("renamed answer = %v", a.Value("film.festivals"))
	}
	for _, gone := range []string{"film.festival", "film.festival_mid"} {
		if _, ok := a.Answers[gone]; ok {
			t.Errorf("%s still answered", gone)
		}
	}
	if v, _ := a.Value("film.archive").Number(); v != 2 {
		t.Errorf("rescaled level = %v, want 2", a.Value("film.archive"))
	}
	if v, ok := a.Value("film.endorsement").Bool(); !ok || !v {
		t.Errorf("the removed question's answer was lost: %v", a.Value("film.endorsement"))
	}
	if v, ok := a.Value("readiness.a").Bool(); !ok || v {
		t.Errorf("an unchanged answer changed: %v", a.Value("readiness.a"))
	}
	found := false
	for _, p := range Validate(qn, a, "x.ccsa") {
		if p.QuestionID == "film.endorsement" && p.Code == CodeUnknownQuestion && p.Severity == Warning {
			found = true
		}
		if p.Severity == Error {
			t.Errorf("a migrated file has an error: %+v", p)
		}
	}
	if !found {
		t.Error("the kept answer is not listed")
	}
	b := New(qn)
	b.QuestionnaireVersion = "mid"
	b.SetValue("film.archive", NumberValue(4))
	if ps := qn.Migrate(b); len(ps) != 2 || ps[1].Code != CodeMigratedRescaled {
		t.Errorf("only what changed is told: %+v", ps)
	}
	if again := qn.Migrate(a); again != nil {
		t.Errorf("migrating twice: %+v", again)
	}
}

// TestMigrateLeavesWhatItCannotLeadAlone: a newer or unknown version is not
// touched (Validate warns about it), and an answer already at the new ID is
// not overwritten by a renamed one.
func TestMigrateLeavesWhatItCannotLeadAlone(t *testing.T) {
	qn := migratingQuestionnaire(t)
	for _, v := range []string{"newer", "", "new"} {
		a := New(qn)
		a.QuestionnaireVersion = v
		a.SetValue("film.festival", NumberValue(1))
		if ps := qn.Migrate(a); ps != nil || a.QuestionnaireVersion != v || a.Value("film.festival").IsNone() {
			t.Errorf("version %q: %+v %+v", v, ps, a.Answers)
		}
	}
	a := New(qn)
	a.QuestionnaireVersion = "mid"
	a.SetValue("film.festival_mid", NumberValue(1))
	a.SetValue("film.festivals", NumberValue(4))
	qn.Migrate(a)
	if v, _ := a.Value("film.festivals").Number(); v != 4 || a.Value("film.festival_mid").IsNone() {
		t.Errorf("answers = %+v", a.Answers)
	}
}

func TestMigrationTablesAreChecked(t *testing.T) {
	qn, err := ParseQuestionnaire([]byte(migrationQuestionnaire))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, from, to, want string }{
		{"unknown key", `changes = "migration.mid"`, `colour = "red"`, "migrations"},
		{"same version", `to = "mid"`, `to = "old"`, "a step from"},
		{"bad levels", `[0, 1, 1, 2, 4]`, `[0, 1, 2]`, "levels"},
		{"level out of range", `[0, 1, 1, 2, 4]`, `[0, 1, 1, 2, 5]`, "levels"},
		{"renamed to nothing", `= "film.festivals"`, `= "film.festivalz"`, "not a question"},
		{"levels of a non-rubric", `"film.archive" = [`, `"readiness.a" = [`, "not a rated question"},
		{"removing a question", `removed = ["film.endorsement"]`, `removed = ["film.archive"]`, "still a question"},
		{"dead end", `to = "mid"`, `to = "elsewhere"`, "does not lead"},
		{"loop", `from = "mid"
to = "new"`, `from = "mid"
to = "old"`, "does not lead"},
		{"from the current version", `from = "old"`, `from = "new"`, "current version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(migrationTable, tt.from, tt.to, 1)
			if src == migrationTable {
				t.Fatalf("replacement %q did not apply", tt.from)
			}
			ms, err := ParseMigrations([]byte(src))
			if err == nil {
				err = qn.SetMigrations(ms)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v; want %q", err, tt.want)
			}
		})
	}
}

// TestTheShippedMigrationsLeadToTheCurrentVersion: every version the app
// ever shipped opens in this one, and a 2026.1 file is brought up to it.
func TestTheShippedMigrationsLeadToTheCurrentVersion(t *testing.T) {
	qn, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if qn.Version == "2026.1" {
		t.Skip("the first version: nothing to migrate yet")
	}
	a := New(qn)
	a.QuestionnaireVersion = "2026.1"
	if ps := qn.Migrate(a); len(ps) != 1 || ps[0].Code != CodeMigrated || a.QuestionnaireVersion != qn.Version {
		t.Errorf("2026.1 does not lead to %s: %+v", qn.Version, ps)
	}
}

func TestProvincesMapNamesBeforeTheMergerToToday(t *testing.T) {
	p, err := ParseProvinces([]byte(`[provinces]
"Thừa Thiên Huế" = "Huế"
"Quảng Nam" = "Đà Nẵng"
`))
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"quảng nam": "Đà Nẵng", "  Thừa Thiên  Huế ": "Huế", "Quảng Ninh": "Quảng Ninh"} {
		if got := p.Today(in); got != want {
			t.Errorf("Today(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Provinces(nil).Today("Quảng Nam"); got != "Quảng Nam" {
		t.Errorf("nil table: %q", got)
	}
	if _, err := ParseProvinces([]byte(`[provinces]
"A" = 3`)); err == nil {
		t.Error("a number accepted as a province")
	}
}

// TestAContributionIsMigratedAsAFileIs: the answers of a form made two
// versions ago come up as a file's would: a renamed question's answer
// moves (CurrentID names its question today), a rescaled level is mapped,
// and the warnings say so.
func TestAContributionIsMigratedAsAFileIs(t *testing.T) {
	qn := migratingQuestionnaire(t)
	if id := qn.CurrentID("old", "film.festival"); id != "film.festivals" {
		t.Errorf("CurrentID: %s", id)
	}
	c := Contribution{Answers: []Contributed{{QuestionID: "film.festival", Value: NumberValue(3)},
		{QuestionID: "film.archive", Value: NumberValue(3)}}}
	ps := qn.MigrateContribution(&c, "old")
	if c.Answers[0].QuestionID != "film.festivals" || c.Answers[0].Value.Raw() != "3" || c.Answers[1].Value.Raw() != "2" {
		t.Errorf("migrated: %+v", c.Answers)
	}
	if len(ps) != 3 || ps[0].Code != CodeMigrated || ps[1].Code != CodeMigratedRenamed || ps[2].Code != CodeMigratedRescaled {
		t.Errorf("problems: %+v", ps)
	}
	if ps := qn.MigrateContribution(&c, "new"); ps != nil {
		t.Errorf("the current version: %+v", ps)
	}
}

// TestVersionsAreChecked: a file's questionnaire version is this one or
// one the table leads from; a later one is newer, anything else unknown.
func TestVersionsAreChecked(t *testing.T) {
	qn, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for v, want := range map[string]string{qn.Version: "", "2026.1": "", "2099.1": CodeFormVersionNewer, "9999.99": CodeFormVersionNewer,
		"2025.1": CodeFormVersionUnknown, "2099.1x": CodeFormVersionUnknown, "": CodeFormVersionUnknown, "2099": CodeFormVersionUnknown,
		"+2099.1": CodeFormVersionUnknown, "2099.-1": CodeFormVersionUnknown} {
		if got := qn.CheckVersion(v); got != want {
			t.Errorf("%q: %q, want %q", v, got, want)
		}
	}
}

// TestThePlaceBeforeTheDateHasNoUnitWord: Decree 30 writes the place
// before the date as the province's or centrally governed city's name
// without the word of its unit, except a name given after a person;
// a name from before the 2025 merger becomes today's.
func TestThePlaceBeforeTheDateHasNoUnitWord(t *testing.T) {
	qn, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"Quảng Ninh": "Quảng Ninh", "Tỉnh Quảng Ninh": "Quảng Ninh", "tỉnh  Quảng Ninh": "Quảng Ninh",
		"Thành phố Huế": "Huế", "Thừa Thiên Huế": "Huế", "Thành phố Cần Thơ": "Cần Thơ", "TP. Cần Thơ": "Cần Thơ",
		"Thành phố Hồ Chí Minh": "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh": "Thành phố Hồ Chí Minh",
		"Hồ Chí Minh": "Thành phố Hồ Chí Minh", "Bình Dương": "Thành phố Hồ Chí Minh",
		"Thành phố Đà Nẵng": "Đà Nẵng", "Tỉnh Lâm Đồng": "Lâm Đồng", "": "",
	} {
		if got := qn.Provinces.PlaceName(in); got != want {
			t.Errorf("PlaceName(%q) = %q, want %q", in, got, want)
		}
	}
}
