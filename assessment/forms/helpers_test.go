package forms

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/translations"
)

func questionnaire(t testing.TB) *assessment.Questionnaire {
	t.Helper()
	qn, err := assessment.Default()
	if err != nil {
		t.Fatal(err)
	}
	return qn
}

func demo(t testing.TB) *assessment.Assessment {
	t.Helper()
	a, err := assessment.Demo()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// exported writes the demo's report in lang and returns its path.
func exported(t *testing.T, a *assessment.Assessment, lang translations.Lang) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if _, err := report.WriteFile(path, questionnaire(t), a, nil, report.Options{Lang: lang, AppVersion: "t"}); err != nil {
		t.Fatal(err)
	}
	return path
}

// editCells opens a workbook, lets change edit it and saves it.
func editCells(t *testing.T, path string, change func(f *excelize.File)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	change(f)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// editsOf are the cells listed as edited, "sheet!cell old→new".
func editsOf(ps []assessment.Problem) []string {
	var out []string
	for _, p := range ps {
		if p.Code == assessment.CodeCellEdited {
			out = append(out, p.Args["Sheet"].Text+"!"+p.Args["Cell"].Text+" "+p.Args["Old"].Text+"→"+p.Args["New"].Text)
		}
	}
	slices.Sort(out)
	return out
}

// planSheetName is the action plan's sheet in a language.
func planSheetName(lang translations.Lang) string {
	return xlsxkit.SafeSheetName(translations.New(lang).T("report.sheet.plan"))
}

// planBlock is where an initiative stands on the plan's sheet: its
// heading row and its budget table's header row.
type planBlock struct{ heading, budget int }

// findPlanBlock finds the block of the n-th initiative of its scope by
// its heading, which names it and gives its title.
func findPlanBlock(t *testing.T, f *excelize.File, lang translations.Lang, in *assessment.Initiative, n int) planBlock {
	t.Helper()
	loc := translations.New(lang)
	sheet := planSheetName(lang)
	rows, _ := f.GetRows(sheet)
	label := l10n.Sentence(l10n.Scope(loc, in.Scope, n))
	for i, r := range rows {
		if len(r) > 1 && r[0] == label {
			if r[1] != in.Title {
				t.Errorf("%s: %s is titled %q, want %q", lang, label, r[1], in.Title)
			}
			for j := i + 1; j < len(rows); j++ {
				if len(rows[j]) > 0 && rows[j][0] == loc.T("report.plan.budget") {
					return planBlock{heading: i + 1, budget: j + 1}
				}
			}
		}
	}
	t.Fatalf("%s: no block for %s", lang, label)
	return planBlock{}
}

// rowOfQuestion is the row of a question on a section sheet.
func rowOfQuestion(t *testing.T, f *excelize.File, sheet, id string) int {
	t.Helper()
	rows := xlsxkit.IDRows(f, sheet)[id]
	if len(rows) != 1 {
		t.Fatalf("%s is on rows %v of %s", id, rows, sheet)
	}
	return rows[0]
}
