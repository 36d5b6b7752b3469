package report_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"creativecity/assessment"
	"creativecity/assessment/report"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// TestLibreOfficeReadsTheReport is the real-client test: LibreOffice opens
// each language's report and its CSV export shows the assessment's scores,
// counts and texts.
func TestLibreOfficeReadsTheReport(t *testing.T) {
	bin := testkit.Soffice(t)
	qn, a := fixture.Questionnaire(t), fixture.Demo(t)
	res := assessment.Score(qn, a)
	for _, lang := range translations.Languages() {
		t.Run(string(lang), func(t *testing.T) {
			loc := translations.New(lang)
			path := filepath.Join(t.TempDir(), "report-"+string(lang)+".xlsx")
			if _, err := report.WriteFile(path, qn, a, res, report.Options{Lang: lang, AppVersion: "test"}); err != nil {
				t.Fatal(err)
			}
			f := fixture.Open(t, testkit.ReadFile(t, path))
			sheets := f.GetSheetList()
			csvs := testkit.ConvertSheets(t, bin, path, sheets)

			summary := csvs[loc.T("report.sheet.summary")]
			if !strings.Contains(fmt.Sprint(summary), a.City.Name) {
				t.Errorf("summary lacks the city name %q", a.City.Name)
			}
			for _, fs := range res.Fields {
				row := testkit.FindRow(summary, loc.T("section."+fs.ID+".name"))
				if row == nil || len(row) < 6 {
					t.Fatalf("summary has no row for %s: %v", fs.ID, summary)
				}
				if want := fmt.Sprintf("%.1f", xlsxkit.Round(fs.Score, 1)); row[1] != want {
					t.Errorf("%s score shows %q; want %q", fs.ID, row[1], want)
				}
				if want := fmt.Sprintf("%.0f%%", fs.Completeness*100); row[2] != want {
					t.Errorf("%s completeness shows %q; want %q", fs.ID, row[2], want)
				}
				if row[3] != fmt.Sprint(fs.Rank) || row[4] != fmt.Sprint(fs.Answered) || row[5] != fmt.Sprint(fs.Total) {
					t.Errorf("%s rank/answered/total shows %v; want %d %d %d", fs.ID, row[3:6], fs.Rank, fs.Answered, fs.Total)
				}
			}
			rec := testkit.FindRow(summary, loc.T("report.recommendedField"))
			if rec == nil || rec[1] != loc.T("section.gastronomy.name") {
				t.Errorf("recommendation row %v", rec)
			}
			pop := testkit.FindRow(summary, loc.T("profile.population.text"))
			if pop == nil || strings.NewReplacer(",", "", ".", "").Replace(strings.Fields(pop[1])[0]) != fmt.Sprint(int(a.City.Population)) ||
				!strings.HasSuffix(pop[1], loc.T("profile.population.unit")) {
				t.Errorf("population row %v", pop)
			}

			// Every answered question of the recommended field shows its
			// value, evidence and source.
			field := csvs[xlsxkit.SectionSheet(loc, "gastronomy")]
			s, _ := qn.Section("gastronomy")
			for _, q := range s.Questions {
				var row []string
				for _, r := range field {
					if len(r) > report.ColSource-1 && r[report.ColID-1] == q.ID {
						row = r
					}
				}
				if row == nil {
					t.Fatalf("no row for %s", q.ID)
				}
				if row[report.ColQuestion-1] != loc.T(q.TextID()) {
					t.Errorf("%s: question %q", q.ID, row[report.ColQuestion-1])
				}
				ans := a.Answer(q.ID)
				if ans == nil {
					continue
				}
				if row[report.ColEvidence-1] != ans.Evidence || row[report.ColSource-1] != ans.Source {
					t.Errorf("%s: evidence %q source %q", q.ID, row[report.ColEvidence-1], row[report.ColSource-1])
				}
				if n, ok := ans.Value.Number(); ok && q.Type == assessment.Rubric && row[report.ColAnswer-1] != fmt.Sprint(n) {
					t.Errorf("%s: level shows %q; want %v", q.ID, row[report.ColAnswer-1], n)
				}
				if n, ok := ans.Value.Number(); ok && q.Type == assessment.Number {
					shown := strings.ReplaceAll(row[report.ColAnswer-1], ",", "")
					if shown != strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.3f", n), "0"), ".") &&
						shown != strings.TrimRight(fmt.Sprintf("%.3f", n), "0") {
						t.Errorf("%s: number shows %q; want %v", q.ID, row[report.ColAnswer-1], n)
					}
				}
			}

			// The data sheet keeps every answer.
			data := csvs[sheets[len(sheets)-1]]
			if len(data) == 0 || data[0][0] != report.DataSheetMarker {
				t.Fatalf("data sheet starts %v", data[:1])
			}
			keys := map[string]bool{}
			for _, r := range data {
				if len(r) > 1 && r[0] == report.KindAnswer {
					keys[r[1]] = true
				}
			}
			for id := range a.Answers {
				if !keys[id] {
					t.Errorf("data sheet lacks %s", id)
				}
			}
		})
	}
}
