package report

import (
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"creativecity/assessment"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// convert has LibreOffice, with a profile and a home of its own, convert
// in with filter (a format, or a format and its options) into the folder
// out.
func convert(t *testing.T, bin, in, filter, out string) {
	t.Helper()
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.Join(t.TempDir(), "profile"), "--headless", "--norestore",
		"--convert-to", filter, "--outdir", out, in)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, b)
	}
}

// convertSheets has LibreOffice open the workbook and write every sheet as
// a UTF-8 CSV of the values as displayed. It returns the CSV rows by sheet.
func convertSheets(t *testing.T, bin, xlsx string, sheets []string) map[string][][]string {
	t.Helper()
	out := t.TempDir()
	// Tokens: comma, double quote, UTF-8, start row 1, -, language,
	// quoted text false, detect numbers true, save as shown true, formulas
	// false, remove space false, sheet -1 = every sheet to its own file.
	convert(t, bin, xlsx, `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1`, out)
	base := strings.TrimSuffix(filepath.Base(xlsx), ".xlsx")
	result := map[string][][]string{}
	for _, sheet := range sheets {
		path := filepath.Join(out, base+"-"+sheet+".csv")
		f, err := os.Open(path)
		if err != nil {
			entries, _ := os.ReadDir(out)
			t.Fatalf("no CSV for sheet %q: %v (have %v)", sheet, err, entries)
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		result[sheet] = rows
	}
	return result
}

func findRow(rows [][]string, first string) []string {
	for _, r := range rows {
		if len(r) > 0 && r[0] == first {
			return r
		}
	}
	return nil
}

// TestLibreOfficeReadsTheReport is the real-client test: LibreOffice opens
// each language's report and its CSV export shows the assessment's scores,
// counts and texts.
func TestLibreOfficeReadsTheReport(t *testing.T) {
	bin := testkit.Soffice(t)
	qn, a := questionnaire(t), fixture.Demo(t)
	res := assessment.Score(qn, a)
	for _, lang := range translations.Languages() {
		t.Run(string(lang), func(t *testing.T) {
			loc := translations.New(lang)
			path := filepath.Join(t.TempDir(), "report-"+string(lang)+".xlsx")
			if _, err := WriteFile(path, qn, a, res, Options{Lang: lang, AppVersion: "test"}); err != nil {
				t.Fatal(err)
			}
			f := open(t, mustRead(t, path))
			sheets := f.GetSheetList()
			csvs := convertSheets(t, bin, path, sheets)

			summary := csvs[loc.T("report.sheet.summary")]
			if !strings.Contains(fmt.Sprint(summary), a.City.Name) {
				t.Errorf("summary lacks the city name %q", a.City.Name)
			}
			for _, fs := range res.Fields {
				row := findRow(summary, loc.T("section."+fs.ID+".name"))
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
			rec := findRow(summary, loc.T("report.recommendedField"))
			if rec == nil || rec[1] != loc.T("section.gastronomy.name") {
				t.Errorf("recommendation row %v", rec)
			}
			pop := findRow(summary, loc.T("profile.population.text"))
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
					if len(r) > colSource-1 && r[colID-1] == q.ID {
						row = r
					}
				}
				if row == nil {
					t.Fatalf("no row for %s", q.ID)
				}
				if row[colQuestion-1] != loc.T(q.TextID()) {
					t.Errorf("%s: question %q", q.ID, row[colQuestion-1])
				}
				ans := a.Answer(q.ID)
				if ans == nil {
					continue
				}
				if row[colEvidence-1] != ans.Evidence || row[colSource-1] != ans.Source {
					t.Errorf("%s: evidence %q source %q", q.ID, row[colEvidence-1], row[colSource-1])
				}
				if n, ok := ans.Value.Number(); ok && q.Type == assessment.Rubric && row[colAnswer-1] != fmt.Sprint(n) {
					t.Errorf("%s: level shows %q; want %v", q.ID, row[colAnswer-1], n)
				}
				if n, ok := ans.Value.Number(); ok && q.Type == assessment.Number {
					shown := strings.ReplaceAll(row[colAnswer-1], ",", "")
					if shown != strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.3f", n), "0"), ".") &&
						shown != strings.TrimRight(fmt.Sprintf("%.3f", n), "0") {
						t.Errorf("%s: number shows %q; want %v", q.ID, row[colAnswer-1], n)
					}
				}
			}

			// The data sheet keeps every answer.
			data := csvs[sheets[len(sheets)-1]]
			if len(data) == 0 || data[0][0] != DataSheetMarker {
				t.Fatalf("data sheet starts %v", data[:1])
			}
			keys := map[string]bool{}
			for _, r := range data {
				if len(r) > 1 && r[0] == KindAnswer {
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

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
