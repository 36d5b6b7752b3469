package report_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/unicode/norm"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// valueBelow is the text in column B of the first row under row whose
// label (column A) is label.
func valueBelow(t *testing.T, f *excelize.File, sheet string, row int, label string) (string, int) {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for i := row; i < len(rows); i++ {
		if len(rows[i]) > 0 && rows[i][0] == label {
			if len(rows[i]) > 1 {
				return rows[i][1], i + 1
			}
			return "", i + 1
		}
	}
	t.Fatalf("no line %q under row %d of %s", label, row, sheet)
	return "", 0
}

// numbered gives each initiative its number within its scope.
func numbered(p *assessment.ActionPlan) map[*assessment.Initiative]int {
	out := map[*assessment.Initiative]int{}
	count := map[assessment.Scope]int{}
	for _, in := range p.Initiatives {
		count[in.Scope]++
		out[in] = count[in.Scope]
	}
	return out
}

// TestThePlanSheetShowsEveryInitiative: in each language, the demo's
// report has the six initiatives, each with its title, the application's
// titles, its aims, the objectives it serves by their names in the
// report's language, its years, and its budget by source and year as
// number cells equal to the file's, with totals by source, by year and
// over the initiative; under them the plan's budget by source and year,
// totals worked out from the figures, all numbers.
func TestThePlanSheetShowsEveryInitiative(t *testing.T) {
	a := fixture.Demo(t)
	p := a.Plan
	if len(p.Of(assessment.Local)) != 3 || len(p.Of(assessment.International)) != 3 {
		t.Fatalf("the demo has %d initiatives", len(p.Initiatives))
	}
	years := []int{p.FirstYear, p.FirstYear + 1, p.FirstYear + 2, p.FirstYear + 3}
	sources := []string{"city", "province", "nonState"}
	figure := func(y assessment.YearBudget, src string) float64 {
		return map[string]float64{"city": y.City, "province": y.Province, "nonState": y.NonState}[src]
	}
	for _, lang := range translations.Languages() {
		loc := translations.New(lang)
		f := fixture.Open(t, testkit.First(reporttest.Build(t, a, lang)))
		sheet := reporttest.PlanSheetName(lang)
		plan := map[string]map[int]float64{}
		for _, src := range sources {
			plan[src] = map[int]float64{}
		}
		headings := 0
		for in, n := range numbered(p) {
			block := reporttest.FindPlanBlock(t, f, lang, in, n)
			headings++
			for _, tt := range []struct{ label, want string }{
				{loc.T("report.plan.dossierTitle.en"), in.Application["en"].Title},
				{loc.T("report.plan.dossierTitle.fr"), in.Application["fr"].Title},
				{loc.T("report.plan.aims"), in.Aims},
				{loc.T("report.plan.activities"), in.Activities},
				{loc.T("report.plan.targetGroups"), in.TargetGroups},
			} {
				if got, _ := valueBelow(t, f, sheet, block.Heading, tt.label); got != tt.want {
					t.Errorf("%s: %s of %q = %q, want %q", lang, tt.label, in.Title, got, tt.want)
				}
			}
			var names []string
			for _, o := range in.Objectives {
				names = append(names, loc.T("objective."+o))
			}
			if got, _ := valueBelow(t, f, sheet, block.Heading, loc.T("report.plan.objectives")); !strings.EqualFold(got, strings.Join(names, "; ")) {
				t.Errorf("%s: objectives of %q = %q, want %q", lang, in.Title, got, names)
			}
			var yearTotal [4]float64
			for s, src := range sources {
				row := block.Budget + 1 + s
				sum := 0.0
				for j, y := range years {
					ref := xlsxkit.Cell(2+j, row)
					i := slices.IndexFunc(in.Budget, func(b assessment.YearBudget) bool { return b.Year == y })
					if i < 0 {
						if v, _ := f.GetCellValue(sheet, ref); v != "" {
							t.Errorf("%s: %s!%s = %q for a year without budget", lang, sheet, ref, v)
						}
						continue
					}
					v := figure(in.Budget[i], src)
					fixture.AssertNumber(t, f, sheet, ref, v)
					sum += v
					yearTotal[j] += v
					plan[src][y] += v
				}
				fixture.AssertNumber(t, f, sheet, xlsxkit.Cell(2+len(years), row), sum)
			}
			total := block.Budget + 1 + len(sources)
			for j, y := range years {
				if slices.ContainsFunc(in.Budget, func(b assessment.YearBudget) bool { return b.Year == y }) {
					fixture.AssertNumber(t, f, sheet, xlsxkit.Cell(2+j, total), yearTotal[j])
				}
			}
			fixture.AssertNumber(t, f, sheet, xlsxkit.Cell(2+len(years), total), in.Budgeted())
		}
		if headings != 6 {
			t.Errorf("%s: %d initiatives on the sheet", lang, headings)
		}
		// The plan's budget by source and year.
		_, row := valueBelow(t, f, sheet, 1, loc.T("report.plan.budgetOfPlan"))
		all := 0.0
		byYear := map[int]float64{}
		for s, src := range sources {
			bySource := 0.0
			for j, y := range years {
				fixture.AssertNumber(t, f, sheet, xlsxkit.Cell(2+j, row+2+s), plan[src][y])
				bySource += plan[src][y]
				byYear[y] += plan[src][y]
			}
			fixture.AssertNumber(t, f, sheet, xlsxkit.Cell(2+len(years), row+2+s), bySource)
			all += bySource
		}
		for j, y := range years {
			fixture.AssertNumber(t, f, sheet, xlsxkit.Cell(2+j, row+2+len(sources)), byYear[y])
		}
		fixture.AssertNumber(t, f, sheet, xlsxkit.Cell(2+len(years), row+2+len(sources)), all)
		if all != 45000 {
			t.Errorf("%s: the demo's plan costs %v million VND", lang, all)
		}
		if panes, err := f.GetPanes(sheet); err != nil || !panes.Freeze {
			t.Errorf("%s: panes %+v", lang, panes)
		}
	}
}

// TestThePlanSheetListsThePlansProblems: an initiative without title and
// a budget outside the plan's years are listed on the sheet, in the
// report's language, and the figure of the stray year has a column.
func TestThePlanSheetListsThePlansProblems(t *testing.T) {
	a := fixture.Demo(t)
	a.Plan.Initiatives[0].Title = ""
	a.Plan.Initiatives[1].Budget = append(a.Plan.Initiatives[1].Budget, assessment.YearBudget{Year: 2033, City: 70})
	for _, lang := range translations.Languages() {
		loc := translations.New(lang)
		f := fixture.Open(t, testkit.First(reporttest.Build(t, a, lang)))
		sheet := reporttest.PlanSheetName(lang)
		rows, _ := f.GetRows(sheet)
		var all []string
		for _, r := range rows {
			all = append(all, strings.Join(r, "|"))
		}
		text := strings.Join(all, "\n")
		for _, p := range assessment.ValidatePlan(a.Plan, "") {
			if want := l10n.Sentence(l10n.Problem(loc, p)); !strings.Contains(text, want) {
				t.Errorf("%s: the sheet does not say %q", lang, want)
			}
		}
		if !strings.Contains(text, loc.T("report.plan.problems")) || !strings.Contains(text, "2033") {
			t.Errorf("%s: the sheet:\n%s", lang, text)
		}
	}
}

// TestThePlanSurvivesExportAndImport: the plan read back from a report,
// in each language, is the plan exported, and no edit is listed.
func TestThePlanSurvivesExportAndImport(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := fixture.Demo(t)
		back, warnings, err := report.ReadFile(reporttest.Exported(t, a, lang))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(a.Plan)
		got, _ := json.Marshal(back.Plan)
		if string(got) != string(want) {
			t.Errorf("%s: the plan read back differs:\n%s\nwant\n%s", lang, got, want)
		}
		if edits := fixture.EditsOf(warnings); len(edits) != 0 {
			t.Errorf("%s: edits listed: %v", lang, edits)
		}
	}
}

// TestEditsOfThePlanSheetAreTakenAndListed: a title, a title of the
// application, a budget figure changed, one typed as text in the report's
// notation in a year without budget, and one cleared are read back and
// each is listed with its sheet, cell, old and new value.
func TestEditsOfThePlanSheetAreTakenAndListed(t *testing.T) {
	for _, lang := range translations.Languages() {
		loc := translations.New(lang)
		a := fixture.Demo(t)
		path := reporttest.Exported(t, a, lang)
		sheet := reporttest.PlanSheetName(lang)
		local1, local2, intl1 := a.Plan.Initiatives[0], a.Plan.Initiatives[1], a.Plan.Initiatives[3]
		var want []string
		fixture.EditCells(t, path, func(f *excelize.File) {
			set := func(ref string, v any, old, now string) {
				if err := f.SetCellValue(sheet, ref, v); err != nil {
					t.Fatal(err)
				}
				want = append(want, sheet+"!"+ref+" "+old+"→"+now)
			}
			b1, b2, b4 := reporttest.FindPlanBlock(t, f, lang, local1, 1), reporttest.FindPlanBlock(t, f, lang, local2, 2), reporttest.FindPlanBlock(t, f, lang, intl1, 1)
			set(xlsxkit.Cell(2, b2.Heading), "Chợ hải sản bền vững Hạ Long", local2.Title, "Chợ hải sản bền vững Hạ Long")
			_, fr := valueBelow(t, f, sheet, b4.Heading, loc.T("report.plan.dossierTitle.fr"))
			set(xlsxkit.Cell(2, fr), "Forum des villes gourmandes du littoral asiatique", intl1.Application["fr"].Title, "Forum des villes gourmandes du littoral asiatique")
			set(xlsxkit.Cell(2, b1.Budget+1), 1800, xlsxkit.Display(assessment.NumberValue(1500), string(lang)), xlsxkit.Display(assessment.NumberValue(1800), string(lang)))
			typed := map[translations.Lang]string{translations.VI: "1.250,5", translations.EN: "1,250.5"}[lang]
			set(xlsxkit.Cell(5, b2.Budget+2), typed, "∅", xlsxkit.Display(assessment.NumberValue(1250.5), string(lang)))
			set(xlsxkit.Cell(3, b4.Budget+3), "", xlsxkit.Display(assessment.NumberValue(1000), string(lang)), "∅")
		})
		back, warnings, err := report.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		slices.Sort(want)
		if got := fixture.EditsOf(warnings); !slices.Equal(got, want) {
			t.Errorf("%s: edits listed\n%s\nwant\n%s", lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		a.Plan.Initiatives[1].Title = "Chợ hải sản bền vững Hạ Long"
		fr := intl1.Application["fr"]
		fr.Title = "Forum des villes gourmandes du littoral asiatique"
		intl1.Application["fr"] = fr
		local1.Budget[0].City = 1800
		local2.Budget = append(local2.Budget, assessment.YearBudget{Year: 2031, Province: 1250.5})
		intl1.Budget[0].NonState = 0
		if got, want := encode(t, back), encode(t, a); got != want {
			t.Errorf("%s: read back:\n%s", lang, firstDiff(want, got))
		}
	}
}

// TestAnEditThePlanCannotTakeIsRefused: a total, the objectives or a
// label changed, a row deleted, a negative or unreadable budget figure,
// and a title changed both on the sheet and, differently, in the data
// sheet's copy of the plan: the import fails naming the sheet and cell.
func TestAnEditThePlanCannotTakeIsRefused(t *testing.T) {
	lang := translations.EN
	loc := translations.New(lang)
	sheet := reporttest.PlanSheetName(lang)
	a := fixture.Demo(t)
	local1 := a.Plan.Initiatives[0]
	for _, tt := range []struct {
		name string
		edit func(f *excelize.File, b reporttest.PlanBlock) string // the cell to name, "" for any
		code string
	}{
		{"a total", func(f *excelize.File, b reporttest.PlanBlock) string {
			f.SetCellValue(sheet, xlsxkit.Cell(6, b.Budget+4), 9999)
			return xlsxkit.Cell(6, b.Budget+4)
		}, assessment.CodeCellComputed},
		{"the objectives", func(f *excelize.File, b reporttest.PlanBlock) string {
			_, row := valueBelow(t, f, sheet, b.Heading, loc.T("report.plan.objectives"))
			f.SetCellStr(sheet, xlsxkit.Cell(2, row), "Cooperation among cities")
			return xlsxkit.Cell(2, row)
		}, assessment.CodeCellComputed},
		{"a label", func(f *excelize.File, b reporttest.PlanBlock) string {
			f.SetCellStr(sheet, xlsxkit.Cell(1, b.Heading+3), "Goals")
			return xlsxkit.Cell(1, b.Heading+3)
		}, assessment.CodeCellComputed},
		{"a row deleted", func(f *excelize.File, b reporttest.PlanBlock) string {
			f.RemoveRow(sheet, b.Heading+3)
			return ""
		}, assessment.CodeCellComputed},
		{"a negative figure", func(f *excelize.File, b reporttest.PlanBlock) string {
			f.SetCellValue(sheet, xlsxkit.Cell(2, b.Budget+1), -5)
			return xlsxkit.Cell(2, b.Budget+1)
		}, assessment.CodeCellOutOfRange},
		{"words in a figure", func(f *excelize.File, b reporttest.PlanBlock) string {
			f.SetCellStr(sheet, xlsxkit.Cell(2, b.Budget+1), "about 1,500")
			return xlsxkit.Cell(2, b.Budget+1)
		}, assessment.CodeCellNotNumber},
		{"two different new titles", func(f *excelize.File, b reporttest.PlanBlock) string {
			f.SetCellStr(sheet, xlsxkit.Cell(2, b.Heading), "Bếp cộng đồng")
			data := xlsxkit.SafeSheetName(loc.T("report.sheet.data"))
			rows, _ := f.GetRows(data)
			for i, r := range rows {
				if len(r) > 1 && r[0] == report.KindMeta && r[1] == "actionPlan" {
					p := *a.Plan
					in := *local1
					in.Title = "Lớp nghề"
					p.Initiatives = append([]*assessment.Initiative{&in}, p.Initiatives[1:]...)
					f.SetCellStr(data, xlsxkit.Cell(report.DataJSON, i+1), string(xlsxkit.MustJSON(&p)))
				}
			}
			return xlsxkit.Cell(2, b.Heading)
		}, assessment.CodeCellEditConflict},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := reporttest.Exported(t, a, lang)
			ref := ""
			fixture.EditCells(t, path, func(f *excelize.File) { ref = tt.edit(f, reporttest.FindPlanBlock(t, f, lang, local1, 1)) })
			_, _, err := report.ReadFile(path)
			var fe *assessment.FileError
			if !errors.As(err, &fe) || fe.Code != tt.code || fe.Args["Sheet"].Text != sheet || ref != "" && fe.Args["Cell"].Text != ref {
				t.Errorf("err = %v; want %s at %s!%s", err, tt.code, sheet, ref)
			}
		})
	}
}

// TestAPlanSheetDeletedIsNotAnEdit: without its sheet, the plan is read
// from the data sheet, with a warning.
func TestAPlanSheetDeletedIsNotAnEdit(t *testing.T) {
	a := fixture.Demo(t)
	path := reporttest.Exported(t, a, translations.VI)
	fixture.EditCells(t, path, func(f *excelize.File) {
		if err := f.DeleteSheet(reporttest.PlanSheetName(translations.VI)); err != nil {
			t.Fatal(err)
		}
	})
	back, warnings, err := report.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if encode(t, back) != encode(t, a) {
		t.Error("the assessment changed")
	}
	gone := 0
	for _, w := range warnings {
		if w.Code == assessment.CodePlanSheetGone {
			gone++
		}
	}
	if gone != 1 || len(fixture.EditsOf(warnings)) != 0 {
		t.Errorf("warnings %v", warnings)
	}
}

// TestAnAssessmentWithoutPlanHasAnEmptyPlanSheet: the sheet says there is
// no initiative yet, and the report reads back as it was.
func TestAnAssessmentWithoutPlanHasAnEmptyPlanSheet(t *testing.T) {
	a := fixture.Demo(t)
	a.Plan = nil
	for _, lang := range translations.Languages() {
		f := fixture.Open(t, testkit.First(reporttest.Build(t, a, lang)))
		rows, _ := f.GetRows(reporttest.PlanSheetName(lang))
		if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == translations.New(lang).T("report.plan.none") }) {
			t.Errorf("%s: %q", lang, rows)
		}
		back, _, err := report.ReadFile(reporttest.Exported(t, a, lang))
		if err != nil || back.Plan != nil {
			t.Errorf("%s: %v, plan %+v", lang, err, back)
		}
	}
}

// TestEditsOfThePlanByOpenpyxlAreNeverDropped: a budget figure and an
// aim changed by openpyxl, as is and after LibreOffice re-saves the
// workbook, are taken and listed; a total changed by openpyxl is refused
// naming its cell.
func TestEditsOfThePlanByOpenpyxlAreNeverDropped(t *testing.T) {
	lang := translations.VI
	loc := translations.New(lang)
	sheet := reporttest.PlanSheetName(lang)
	a := fixture.Demo(t)
	intl2 := a.Plan.Initiatives[4]
	source := reporttest.Exported(t, a, lang)
	f, err := excelize.OpenFile(source)
	if err != nil {
		t.Fatal(err)
	}
	block := reporttest.FindPlanBlock(t, f, lang, intl2, 2)
	_, aimsRow := valueBelow(t, f, sheet, block.Heading, loc.T("report.plan.aims"))
	f.Close()
	figure, aims, total := xlsxkit.Cell(4, block.Budget+2), xlsxkit.Cell(2, aimsRow), xlsxkit.Cell(6, block.Budget+4)
	newAims := "Đưa 6 đầu bếp trẻ ra nước ngoài mỗi năm."
	edits := []string{sheet, figure, "int", "300", sheet, aims, "str", newAims}
	want := []string{sheet + "!" + figure + " 250→300", sheet + "!" + aims + " " + xlsxkit.Short(intl2.Aims) + "→" + newAims}
	slices.Sort(want)
	dir := t.TempDir()
	step := func(name string) string { return filepath.Join(dir, name+".xlsx") }
	for name, make := range map[string]func() string{
		"openpyxl": func() string { openpyxlEdit(t, source, step("py"), edits...); return step("py") },
		"openpyxl, then LibreOffice re-saves": func() string {
			openpyxlEdit(t, source, step("py1"), edits...)
			libreOfficeResave(t, step("py1"), step("py-lo"))
			return step("py-lo")
		},
	} {
		t.Run(name, func(t *testing.T) {
			back, warnings, err := report.ReadFile(make())
			if err != nil {
				t.Fatal(err)
			}
			if got := fixture.EditsOf(warnings); !slices.Equal(got, want) {
				t.Errorf("edits listed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			b := fixture.Demo(t)
			b.Plan.Initiatives[4].Budget[2].Province = 300
			b.Plan.Initiatives[4].Aims = newAims
			if got, want := encode(t, back), encode(t, b); got != want {
				t.Errorf("read back:\n%s", firstDiff(want, got))
			}
		})
	}
	t.Run("a total", func(t *testing.T) {
		openpyxlEdit(t, source, step("total"), sheet, total, "int", "5000")
		_, _, err := report.ReadFile(step("total"))
		var fe *assessment.FileError
		if !errors.As(err, &fe) || fe.Code != assessment.CodeCellComputed || fe.Args["Cell"].Text != total || fe.Args["Sheet"].Text != sheet {
			t.Errorf("err = %v", err)
		}
	})
}

// TestTheSummaryAndTheCoverMentionThePlan: one line on the summary and a
// paragraph on the cover give the number of initiatives and the plan's
// budget, in the report's notation.
func TestTheSummaryAndTheCoverMentionThePlan(t *testing.T) {
	for _, lang := range translations.Languages() {
		loc := translations.New(lang)
		f := fixture.Open(t, testkit.First(reporttest.Build(t, fixture.Demo(t), lang)))
		sheets := f.GetSheetList()
		total := l10n.Number(loc, 45000, 1)
		summary, _ := f.GetRows(sheets[1])
		row := testkit.FindRow(summary, loc.T("report.plan.summaryLabel"))
		if row == nil || !strings.HasPrefix(row[1], "6 ") || !strings.Contains(row[1], total) || !strings.Contains(row[1], "2028–2031") {
			t.Errorf("%s: summary line %q", lang, row)
		}
		cover, _ := f.GetRows(sheets[0])
		found := false
		for _, r := range cover {
			if len(r) > 0 && strings.HasPrefix(r[0], "5. ") && strings.Contains(r[0], total) && strings.Contains(r[0], reporttest.PlanSheetName(lang)) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: the cover does not mention the plan", lang)
		}
	}
}

// pdfPages has LibreOffice print a workbook to PDF and returns the text
// of each page (pdftotext), spaces collapsed.
func pdfPages(t *testing.T, xlsx string) []string {
	t.Helper()
	bin := testkit.Soffice(t)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing; the Makefile installs poppler-utils")
		}
		t.Skip("pdftotext is missing")
	}
	out := t.TempDir()
	testkit.Convert(t, bin, xlsx, "pdf", out)
	pdf := filepath.Join(out, strings.TrimSuffix(filepath.Base(xlsx), ".xlsx")+".pdf")
	text, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var pages []string
	for _, p := range strings.Split(string(text), "\f") {
		pages = append(pages, norm.NFC.String(strings.Join(strings.Fields(p), " ")))
	}
	return pages
}

// TestLibreOfficePrintsThePlan: LibreOffice prints the report of each
// language with the plan's sheet: each initiative's heading, title and
// total on one page (a block is not split across pages), and the plan's
// budget with its total.
func TestLibreOfficePrintsThePlan(t *testing.T) {
	a := fixture.Demo(t)
	for _, lang := range translations.Languages() {
		t.Run(string(lang), func(t *testing.T) {
			loc := translations.New(lang)
			pages := pdfPages(t, reporttest.Exported(t, a, lang))
			var plan []string
			for _, p := range pages {
				if strings.Contains(p, loc.T("report.plan.titleYears", map[string]any{"First": 2028, "Last": 2031})) {
					plan = append(plan, p)
				}
			}
			if len(plan) == 0 {
				t.Fatalf("no page of the plan among %d pages", len(pages))
			}
			// LibreOffice shows numbers in its own locale, en-US here.
			shown := func(v float64) string { return message.NewPrinter(language.AmericanEnglish).Sprintf("%.1f", v) }
			for in, n := range numbered(a.Plan) {
				heading := l10n.Sentence(l10n.Scope(loc, in.Scope, n)) + " " + in.Title
				i := slices.IndexFunc(plan, func(p string) bool { return strings.Contains(p, heading) })
				if i < 0 {
					t.Errorf("no page has %q", heading)
					continue
				}
				page := plan[i]
				rest := page[strings.Index(page, heading):]
				if !strings.Contains(rest, loc.T("report.plan.total")+" ") || !strings.Contains(rest, shown(in.Budgeted())) {
					t.Errorf("%q: its total %s is not on its page:\n%s", in.Title, shown(in.Budgeted()), rest)
				}
			}
			last := plan[len(plan)-1]
			if !strings.Contains(last, loc.T("report.plan.budgetOfPlan")) || !strings.Contains(last, shown(45000)) {
				t.Errorf("the plan's budget is not on its last page:\n%s", last)
			}
		})
	}
}

// TestABrokenFingerprintOfThePlanIsRefused: a data sheet row of the
// plan's cells that no longer parses, or names another block, is refused
// naming its cell.
func TestABrokenFingerprintOfThePlanIsRefused(t *testing.T) {
	data := xlsxkit.SafeSheetName(translations.New(translations.EN).T("report.sheet.data"))
	for _, tt := range []struct{ name, key, json string }{
		{"not JSON", "", "{"},
		{"another block", "7", ""},
		{"a bad cell", "", `{"sheet":"x","n":1,"cells":[{"v":{"ref":"A0"}}]}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := reporttest.Exported(t, fixture.Demo(t), translations.EN)
			ref := ""
			fixture.EditCells(t, path, func(f *excelize.File) {
				rows, _ := f.GetRows(data)
				for i, r := range rows {
					if len(r) > 1 && r[0] == report.KindPlanCells && r[1] == "1" {
						ref = xlsxkit.Cell(report.DataJSON, i+1)
						if tt.key != "" {
							f.SetCellStr(data, xlsxkit.Cell(report.DataKey, i+1), tt.key)
						}
						if tt.json != "" {
							f.SetCellStr(data, ref, tt.json)
						}
					}
				}
			})
			fe := readErrCode(t, path)
			if fe.Code != assessment.CodeCellNotJSON || fe.Args["Cell"].Text != ref {
				t.Errorf("err = %v; want %s at %s", fe, assessment.CodeCellNotJSON, ref)
			}
		})
	}
}

// TestADraftPlanWithoutYearsOrBudget: an initiative with a title only, in
// a plan without years, has its block and reads back as it was.
func TestADraftPlanWithoutYearsOrBudget(t *testing.T) {
	a := fixture.Demo(t)
	a.Plan = &assessment.ActionPlan{Initiatives: []*assessment.Initiative{{Scope: assessment.International, Title: "Tuần phim"}}}
	for _, lang := range translations.Languages() {
		path := reporttest.Exported(t, a, lang)
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		block := reporttest.FindPlanBlock(t, f, lang, a.Plan.Initiatives[0], 1)
		fixture.AssertNumber(t, f, reporttest.PlanSheetName(lang), xlsxkit.Cell(2, block.Budget+4), 0)
		f.Close()
		back, warnings, err := report.ReadFile(path)
		if err != nil || encode(t, back) != encode(t, a) || len(fixture.EditsOf(warnings)) != 0 {
			t.Errorf("%s: %v, %v", lang, err, warnings)
		}
	}
}
