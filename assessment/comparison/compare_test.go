package comparison

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// generated is a random but valid assessment of a made-up city.
func generated(t testing.TB, r *rand.Rand, i int) *assessment.Assessment {
	t.Helper()
	qn := fixture.Questionnaire(t)
	a := assessment.New(qn)
	a.City = assessment.City{Name: fmt.Sprintf("Thành phố %03d", i), Province: "Tỉnh thử", Population: float64(80000 + r.IntN(3000000))}
	for _, s := range qn.Sections[1:] {
		for _, q := range s.Questions {
			if r.IntN(5) == 0 {
				continue
			}
			switch q.Type {
			case assessment.Rubric:
				a.SetValue(q.ID, assessment.NumberValue(float64(r.IntN(5))))
			case assessment.Number:
				v := float64(r.IntN(int(q.Reference*20) + 1))
				if q.Max > 0 {
					v = min(v, q.Max)
				}
				a.SetValue(q.ID, assessment.NumberValue(v))
			case assessment.Boolean:
				a.SetValue(q.ID, assessment.BoolValue(r.IntN(2) == 0))
			case assessment.Text:
				a.SetValue(q.ID, assessment.StringValue("=ghi chú "+q.ID))
			}
		}
	}
	return a
}

func writeCCSA(t testing.TB, path string, a *assessment.Assessment) {
	t.Helper()
	data, err := assessment.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// compareFolder makes the folder of the acceptance test: 5 good
// assessments, 2 exported reports and 3 bad files.
func compareFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 5 {
		a := generated(t, r, i)
		if i == 0 {
			a.City.Name = `=HYPERLINK("http://x","y")` // formula-looking text stays text
			a.City.Province = "@SUM(A1)"
		}
		writeCCSA(t, filepath.Join(dir, fmt.Sprintf("city%d.ccsa", i)), a)
	}
	for i, lang := range translations.Languages() {
		a := generated(t, r, 10+i)
		a.Plan = fixture.Demo(t).Plan // read back from the report's data sheet
		if _, err := report.WriteFile(filepath.Join(dir, fmt.Sprintf("report-%s.xlsx", lang)), fixture.Questionnaire(t), a, nil,
			report.Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "truncated.ccsa"), []byte(`{"format":"creativecity-assessment","schema`), 0o644)
	foreign := excelize.NewFile()
	foreign.SetCellStr("Sheet1", "A1", "Ngân sách 2026")
	foreign.SaveAs(filepath.Join(dir, "foreign.xlsx"))
	bomb := zipBomb(t)
	os.WriteFile(filepath.Join(dir, "bomb.xlsx"), bomb, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("ignored: not an input"), 0o644)
	return dir
}

func TestCompareAFolderSkipsBadInputs(t *testing.T) {
	qn := fixture.Questionnaire(t)
	dir := compareFolder(t)
	c := Load(qn, ExpandInputs([]string{dir}))
	if len(c.Cities) != 7 || len(c.Skipped) != 3 {
		t.Fatalf("%d cities, %d skipped: %+v", len(c.Cities), len(c.Skipped), c.Skipped)
	}
	codes := map[string]string{}
	for _, s := range c.Skipped {
		codes[filepath.Base(s.Path)] = s.Problem.Code
	}
	want := map[string]string{"truncated.ccsa": assessment.CodeSyntax, "foreign.xlsx": assessment.CodeNotAppWorkbook,
		"bomb.xlsx": assessment.CodeUnzipLimit}
	for f, code := range want {
		if codes[f] != code {
			t.Errorf("%s skipped with %q; want %q", f, codes[f], code)
		}
	}
	for _, lang := range translations.Languages() {
		var buf bytes.Buffer
		if err := Write(&buf, qn, c, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		f := fixture.Open(t, buf.Bytes())
		loc := translations.New(lang)
		sheets := f.GetSheetList()
		if len(sheets) != 5 || sheets[0] != loc.T("compare.sheet.overview") {
			t.Errorf("%s: sheets %v", lang, sheets)
		}
		rows, _ := f.GetRows(sheets[0])
		// The cities, a blank row and the note on ranks.
		if len(rows) != overviewHeader+7+2 {
			t.Errorf("%s: overview has %d rows", lang, len(rows))
		} else if note := rows[len(rows)-1][0]; !strings.HasPrefix(note, loc.T("compare.col.rank")) {
			t.Errorf("%s: the overview ends with %q", lang, note)
		}
		// Scores are numbers in the overview.
		nf := len(qn.Fields())
		for i := range c.Cities {
			fixture.AssertNumber(t, f, sheets[0], xlsxkit.Cell(4, overviewHeader+1+i), xlsxkit.Round(c.Cities[i].Result.Fields[0].Score, 1))
			// So are the stability and the ranks among the cities.
			fixture.AssertNumber(t, f, sheets[0], xlsxkit.Cell(8+nf, overviewHeader+1+i), c.Cities[i].Result.Uncertainty.Stability)
			iv := c.Ranks.Overall[i]
			for k, want := range []int{iv.Rank, iv.Range[0], iv.Range[1]} {
				fixture.AssertNumber(t, f, sheets[0], xlsxkit.Cell(9+nf+k, overviewHeader+1+i), float64(want))
			}
			// The action plan: the initiatives of each scope and the
			// budget; the cities of the two reports have the demo's plan,
			// the others none.
			want := []float64{0, 0, 0}
			if strings.HasSuffix(c.Cities[i].Path, ".xlsx") {
				want = []float64{3, 3, 45000}
			}
			for k := range want {
				fixture.AssertNumber(t, f, sheets[0], xlsxkit.Cell(13+nf+k, overviewHeader+1+i), want[k])
			}
		}
		skipped, _ := f.GetRows(sheets[4])
		if len(skipped) != 2+3 {
			t.Errorf("%s: skipped sheet has %d rows", lang, len(skipped))
		}
		fixture.ForEachCell(t, f, func(sheet, ref, v string) {
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("formula in %s!%s", sheet, ref)
			}
		})
		fixture.AssertOneLanguage(t, f, lang)
		if row := testkit.FindRow(rows, `=HYPERLINK("http://x","y")`); row == nil || row[1] != "@SUM(A1)" {
			t.Errorf("%s: formula-looking city name not kept as text: %v", lang, row)
		}
	}
}

func TestLibreOfficeReadsTheComparison(t *testing.T) {
	bin := testkit.Soffice(t)
	qn := fixture.Questionnaire(t)
	c := Load(qn, ExpandInputs([]string{compareFolder(t)}))
	path := filepath.Join(t.TempDir(), "compare.xlsx")
	if err := WriteFile(path, qn, c, Options{Lang: translations.VI}); err != nil {
		t.Fatal(err)
	}
	f := fixture.Open(t, testkit.ReadFile(t, path))
	csvs := testkit.ConvertSheets(t, bin, path, f.GetSheetList())
	overview := csvs[f.GetSheetList()[0]]
	for _, city := range c.Cities {
		row := testkit.FindRow(overview, city.Doc.City.Name)
		if row == nil {
			t.Fatalf("no row for %s", city.Doc.City.Name)
		}
		for j, fs := range city.Result.Fields {
			if want := fmt.Sprintf("%.1f", xlsxkit.Round(fs.Score, 1)); row[3+j] != want {
				t.Errorf("%s %s shows %q; want %q", city.Doc.City.Name, fs.ID, row[3+j], want)
			}
		}
		if !strings.HasSuffix(row[len(row)-1], filepath.Base(city.Path)) {
			t.Errorf("%s: file column %q", city.Doc.City.Name, row[len(row)-1])
		}
		// The budget of the action plan, a number with one decimal.
		want := "0.0"
		if city.Doc.Plan != nil {
			want = "45,000.0"
		}
		if row[len(row)-2] != want {
			t.Errorf("%s: plan budget shows %q; want %q", city.Doc.City.Name, row[len(row)-2], want)
		}
	}
}

// tiedComparison is a comparison of 70 cities with many ties: copies of
// earlier cities and empty assessments.
func tiedComparison(t *testing.T) *Comparison {
	t.Helper()
	qn := fixture.Questionnaire(t)
	r := rand.New(rand.NewPCG(3, 4))
	c := &Comparison{}
	for i := range 70 {
		var a *assessment.Assessment
		switch {
		case i%7 == 3:
			cp := *c.Cities[r.IntN(len(c.Cities))].Doc
			a = &cp
			a.City.Name = fmt.Sprintf("Bản sao %03d", i)
		case i%11 == 5:
			a = assessment.New(qn)
			a.City.Name = fmt.Sprintf("Chưa trả lời %03d", i)
		default:
			a = generated(t, r, i)
		}
		c.Cities = append(c.Cities, City{Path: fmt.Sprintf("c%03d.ccsa", i), Doc: a, Result: assessment.Score(qn, a)})
	}
	return c
}

// The ranking, chart and follow-up sheets list the cities that the
// comparison rules of package assessment give, in their order.
func TestComparisonSheetsFollowTheComparisonRules(t *testing.T) {
	qn := fixture.Questionnaire(t)
	c := tiedComparison(t)
	var buf bytes.Buffer
	if err := Write(&buf, qn, c, Options{Lang: translations.EN}); err != nil {
		t.Fatal(err)
	}
	f := fixture.Open(t, buf.Bytes())
	sheets := f.GetSheetList()
	column := func(sheet string, header, col int) []string {
		rows, _ := f.GetRows(sheet)
		var out []string
		for _, row := range rows[header:] {
			if col < len(row) {
				out = append(out, row[col])
			}
		}
		return out
	}
	var want []string
	for _, fs := range qn.Fields() {
		for _, r := range assessment.RankCities(c.Cities, fs.ID) {
			want = append(want, fmt.Sprintf("%d %s", r.Rank, r.City.Doc.City.Name))
		}
	}
	ranks, cities := column(sheets[1], 2, 1), column(sheets[1], 2, 2)
	var got []string
	for i := range min(len(ranks), len(cities)) {
		got = append(got, ranks[i]+" "+cities[i])
	}
	if !slices.Equal(got, want) {
		t.Errorf("ranking sheet:\n%v\nwant\n%v", got, want)
	}
	want = nil
	for _, city := range assessment.TopCities(c.Cities, assessment.ChartCities) {
		want = append(want, city.Doc.City.Name)
	}
	if got := column(sheets[2], 2, 0); len(want) != assessment.ChartCities || !slices.Equal(got, want) {
		t.Errorf("chart sheet: %v; want %v", got, want)
	}
	want = nil
	for _, city := range c.Cities {
		if assessment.NeedsFollowUp(city.Result) {
			want = append(want, city.Doc.City.Name)
		}
	}
	if got := column(sheets[3], 2, 0); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("follow-up sheet: %v; want %v", got, want)
	}
}

func zipBomb(t testing.TB) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	reporttest.WriteZipBomb(t, path)
	return testkit.ReadFile(t, path)
}

func benchmarkCompare(b *testing.B, n int) {
	qn := fixture.Questionnaire(b)
	dir := b.TempDir()
	r := rand.New(rand.NewPCG(7, 7))
	for i := range n {
		writeCCSA(b, filepath.Join(dir, fmt.Sprintf("c%04d.ccsa", i)), generated(b, r, i))
	}
	b.ReportAllocs()
	for b.Loop() {
		c := Load(qn, ExpandInputs([]string{dir}))
		if len(c.Cities) != n {
			b.Fatalf("%d cities", len(c.Cities))
		}
		if err := WriteFile(filepath.Join(dir, "out.xlsx"), qn, c, Options{Lang: translations.VI}); err != nil {
			b.Fatal(err)
		}
		os.Remove(filepath.Join(dir, "out.xlsx"))
	}
}

func BenchmarkCompare10(b *testing.B)   { benchmarkCompare(b, 10) }
func BenchmarkCompare100(b *testing.B)  { benchmarkCompare(b, 100) }
func BenchmarkCompare1000(b *testing.B) { benchmarkCompare(b, 1000) }

// TestTheSameCityIsComparedOnce: an assessment file and two exported
// reports of the same city (one with its name in capitals and other
// spacing), changed at the same time, give one city, compared from the
// first input; the others are listed on the skipped inputs' sheet as its
// duplicates.
func TestTheSameCityIsComparedOnce(t *testing.T) {
	qn := fixture.Questionnaire(t)
	dir := t.TempDir()
	halong := fixture.Demo(t)
	path := func(name string) string { return filepath.Join(dir, name) }
	writeCCSA(t, path("halong.ccsa"), halong)
	if _, err := report.WriteFile(path("halong-vi.xlsx"), qn, halong, nil, report.Options{Lang: translations.VI}); err != nil {
		t.Fatal(err)
	}
	shouted := fixture.Demo(t)
	shouted.City.Name, shouted.City.Province = " HẠ  LONG ", strings.ToUpper(halong.City.Province)
	if _, err := report.WriteFile(path("halong-en.xlsx"), qn, shouted, nil, report.Options{Lang: translations.EN}); err != nil {
		t.Fatal(err)
	}
	hue := fixture.Demo(t)
	hue.City.Name = "Huế"
	writeCCSA(t, path("hue.ccsa"), hue)
	os.WriteFile(path("broken.ccsa"), []byte("{"), 0o644)
	// The three files of Hạ Long were changed at the same time: the first
	// given is compared (the newest would be, see
	// TestTheNewestFileOfACityIsCompared).
	same := time.Now().Add(-time.Hour)
	for _, name := range []string{"halong.ccsa", "halong-vi.xlsx", "halong-en.xlsx"} {
		if err := os.Chtimes(path(name), same, same); err != nil {
			t.Fatal(err)
		}
	}

	inputs := []string{path("halong.ccsa"), path("halong-vi.xlsx"), path("hue.ccsa"), path("broken.ccsa"), path("halong-en.xlsx")}
	c := Load(qn, inputs)
	var got []string
	for _, city := range c.Cities {
		got = append(got, filepath.Base(city.Path))
	}
	if want := []string{"halong.ccsa", "hue.ccsa"}; !slices.Equal(got, want) {
		t.Fatalf("cities from %v; want %v", got, want)
	}
	got = nil
	for _, d := range c.Duplicates {
		got = append(got, filepath.Base(d.City.Path)+" of "+filepath.Base(d.Of.Path))
	}
	if want := []string{"halong-vi.xlsx of halong.ccsa", "halong-en.xlsx of halong.ccsa"}; !slices.Equal(got, want) {
		t.Fatalf("duplicates %v; want %v", got, want)
	}
	if len(c.Skipped) != 1 || filepath.Base(c.Skipped[0].Path) != "broken.ccsa" {
		t.Fatalf("skipped %+v", c.Skipped)
	}
	// Loading again gives the same comparison, whatever the order in
	// which the inputs were read.
	again := Load(qn, inputs)
	if len(again.Cities) != 2 || again.Cities[0].Path != c.Cities[0].Path || len(again.Duplicates) != 2 ||
		again.Duplicates[1].City.Path != c.Duplicates[1].City.Path {
		t.Errorf("a second load gave %+v", again)
	}

	for _, lang := range translations.Languages() {
		loc := translations.New(lang)
		var buf bytes.Buffer
		if err := Write(&buf, qn, c, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		f := fixture.Open(t, buf.Bytes())
		sheets := f.GetSheetList()
		if len(sheets) != 5 {
			t.Fatalf("%s: sheets %v", lang, sheets)
		}
		rows, _ := f.GetRows(sheets[0])
		if len(rows) != overviewHeader+2+2 || rows[overviewHeader][0] != "Hạ Long" || rows[overviewHeader+1][0] != "Huế" {
			t.Errorf("%s: overview %v", lang, rows)
		}
		// The two cities have the same answers: level, not separable.
		nf := len(qn.Fields())
		if row := rows[overviewHeader]; len(row) < 12+nf || row[12+nf-1] != loc.T("compare.notSeparable") {
			t.Errorf("%s: two cities level: %v", lang, row)
		}
		// Each has the demo's action plan: 3 local and 3 international
		// initiatives, 45,000 million VND over its four years.
		for i := range 2 {
			for k, want := range []float64{3, 3, 45000} {
				fixture.AssertNumber(t, f, sheets[0], xlsxkit.Cell(13+nf+k, overviewHeader+1+i), want)
			}
		}
		if row := rows[overviewHeader]; row[len(row)-1] != path("halong.ccsa") {
			t.Errorf("%s: the file column holds %q", lang, row[len(row)-1])
		}
		wantSubtitle := loc.T("compare.subtitleDuplicates", map[string]any{"Count": 2, "Skipped": 1, "Duplicates": 2})
		if rows[1][0] != wantSubtitle {
			t.Errorf("%s: subtitle %q; want %q", lang, rows[1][0], wantSubtitle)
		}
		ranked, _ := f.GetRows(sheets[1])
		if len(ranked) != 2+2*len(qn.Fields()) {
			t.Errorf("%s: %d ranking rows", lang, len(ranked))
		}
		skipped, _ := f.GetRows(sheets[4])
		if row := testkit.FindRow(skipped, path("broken.ccsa")); row == nil {
			t.Errorf("%s: broken.ccsa not listed: %v", lang, skipped)
		}
		if testkit.FindRow(skipped, loc.T("compare.duplicatesTitle")) == nil {
			t.Errorf("%s: no duplicates section: %v", lang, skipped)
		}
		if row := testkit.FindRow(skipped, loc.T("compare.col.duplicate")); row == nil || row[1] != loc.T("compare.col.sameCityAs") {
			t.Errorf("%s: duplicates header %v", lang, row)
		}
		for _, name := range []string{"halong-vi.xlsx", "halong-en.xlsx"} {
			want := loc.T("compare.duplicateOf", map[string]any{"City": "Hạ Long, " + halong.City.Province, "File": path("halong.ccsa")})
			if row := testkit.FindRow(skipped, path(name)); row == nil || row[1] != want {
				t.Errorf("%s: %s listed as %v; want %q", lang, name, row, want)
			}
		}
		fixture.AssertOneLanguage(t, f, lang)
	}

	// Without duplicates, the workbook has no duplicates section.
	var buf bytes.Buffer
	c.Duplicates = nil
	if err := Write(&buf, qn, c, Options{Lang: translations.EN}); err != nil {
		t.Fatal(err)
	}
	f := fixture.Open(t, buf.Bytes())
	if skipped, _ := f.GetRows(f.GetSheetList()[4]); len(skipped) != 3 {
		t.Errorf("skipped sheet without duplicates: %v", skipped)
	}
}

func TestCityLabel(t *testing.T) {
	for c, want := range map[assessment.City]string{
		{Name: "Hạ Long", Province: "Quảng Ninh"}: "Hạ Long, Quảng Ninh",
		{Name: " Huế ", Province: " "}:            "Huế",
		{Name: "Đà Lạt"}:                          "Đà Lạt",
	} {
		if got := CityLabel(c); got != want {
			t.Errorf("%+v: %q; want %q", c, got, want)
		}
	}
}

// TestTheOverviewFitsItsTextsInBothLanguages: no header breaks inside a
// word, the header row is as high as its longest header wraps, a city's
// row is as high as its longest text, and the date of the comparison is a
// date cell above the table.
func TestTheOverviewFitsItsTextsInBothLanguages(t *testing.T) {
	qn := fixture.Questionnaire(t)
	a := fixture.Demo(t)
	a.City.Province = "Thành phố Hồ Chí Minh (sau khi hợp nhất với Bình Dương và Bà Rịa – Vũng Tàu)"
	c := &Comparison{Cities: []City{{Doc: a, Result: assessment.Score(qn, a), Path: "/một/đường/dẫn/rất/dài/của/các/sở/văn/hóa/tỉnh/thành/phố/hcm.ccsa"}}}
	when := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for _, lang := range translations.Languages() {
		var buf bytes.Buffer
		if err := Write(&buf, qn, c, Options{Lang: lang, Now: when}); err != nil {
			t.Fatal(err)
		}
		f := fixture.Open(t, buf.Bytes())
		sheet := f.GetSheetList()[0]
		rows, _ := f.GetRows(sheet)
		heads := rows[overviewHeader-1]
		headerHeight, _ := f.GetRowHeight(sheet, overviewHeader)
		for i, h := range heads {
			col, _ := excelize.ColumnNumberToName(i + 1)
			width, _ := f.GetColWidth(sheet, col)
			for _, word := range strings.Fields(h) {
				if width < xlsxkit.TextWidth(word, xlsxkit.BoldCharUnits) {
					t.Errorf("%s: column %s (%.1f) is narrower than the word %q of its header", lang, col, width, word)
				}
			}
			if need := xlsxkit.LineHeight * float64(xlsxkit.LineCount(h, width-1, xlsxkit.BoldCharUnits)); headerHeight < need {
				t.Errorf("%s: header %q needs %.0f points, the row has %.0f", lang, h, need, headerHeight)
			}
		}
		height, _ := f.GetRowHeight(sheet, overviewHeader+1)
		provinceWidth, _ := f.GetColWidth(sheet, "B")
		if need := xlsxkit.LineHeight * float64(xlsxkit.LineCount(a.City.Province, provinceWidth-1, xlsxkit.CharUnits)); height < need {
			t.Errorf("%s: the city's row is %.0f points high, its province needs %.0f", lang, height, need)
		}
		if typ, _ := f.GetCellType(sheet, "B3"); typ != excelize.CellTypeDate && typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s: the date is of type %v", lang, typ)
		}
		if v, _ := f.GetCellValue(sheet, "B3", excelize.Options{RawCellValue: true}); v != "46353.375" {
			t.Errorf("%s: the date cell holds %q", lang, v)
		}
		if label, _ := f.GetCellValue(sheet, "A3"); label != translations.New(lang).T("compare.date") {
			t.Errorf("%s: A3 = %q", lang, label)
		}
	}
}

// TestACityWithAPlanToFixIsStillCompared: the action plan's problems (a
// year outside the plan) do not touch the scores, so the city stays in
// the ministry's comparison.
func TestACityWithAPlanToFixIsStillCompared(t *testing.T) {
	qn := fixture.Questionnaire(t)
	a := fixture.Demo(t)
	a.Plan.Initiatives[0].Years = append(a.Plan.Initiatives[0].Years, a.Plan.LastYear()+3)
	if !assessment.HasErrors(assessment.Validate(qn, a, "x.ccsa")) {
		t.Fatal("the plan has no problem to test with")
	}
	path := filepath.Join(t.TempDir(), "halong.ccsa")
	if err := files.Save(path, a); err != nil {
		t.Fatal(err)
	}
	c := Load(qn, []string{path})
	if len(c.Cities) != 1 || len(c.Skipped) != 0 {
		t.Errorf("%d cities, skipped %+v", len(c.Cities), c.Skipped)
	}
}

// TestEveryCellNamesItsFont: every cell with content, in the report and
// the comparison of each language, has a style that names the font, so
// that no reader sees it in a default font of their own.
func TestEveryCellNamesItsFont(t *testing.T) {
	qn := fixture.Questionnaire(t)
	for _, lang := range translations.Languages() {
		var cmp bytes.Buffer
		a := fixture.Demo(t)
		c := &Comparison{Cities: []City{{Doc: a, Result: assessment.Score(qn, a), Path: "a.ccsa"}}}
		if err := Write(&cmp, qn, c, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		for name, data := range map[string][]byte{"report": testkit.First(reporttest.Build(t, a, lang)), "comparison": cmp.Bytes()} {
			f := fixture.Open(t, data)
			want := translations.New(lang).Setting("reportFont")
			for _, sheet := range f.GetSheetList() {
				rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
				for r, row := range rows {
					for c, v := range row {
						if v == "" {
							continue
						}
						ref := xlsxkit.Cell(c+1, r+1)
						id, _ := f.GetCellStyle(sheet, ref)
						st, err := f.GetStyle(id)
						if err != nil || st.Font == nil || st.Font.Family != want {
							t.Errorf("%s %s: %s!%s names no font %q", lang, name, sheet, ref, want)
							return
						}
					}
				}
			}
		}
	}
}

// TestTheNewestFileOfACityIsCompared: in a folder holding an old and a
// final file of Hạ Long, named so that the old one sorts first, the final
// one is compared; the old one is listed on the last sheet with the
// reason. A file dated in 2099 is not believed: its file time counts, and
// the workbook says so.
func TestTheNewestFileOfACityIsCompared(t *testing.T) {
	qn := fixture.Questionnaire(t)
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	now := time.Now()
	write := func(name, city string, updated, file time.Time) {
		a := fixture.Demo(t)
		a.City.Name, a.UpdatedAt = city, updated
		writeCCSA(t, path(name), a)
		if err := os.Chtimes(path(name), file, file); err != nil {
			t.Fatal(err)
		}
	}
	day := 24 * time.Hour
	write("a-halong-2025-old.ccsa", "Hạ Long", now.Add(-300*day).Truncate(time.Second), now)
	write("b-halong-2026-final.ccsa", "Hạ Long", now.Add(-day).Truncate(time.Second), now.Add(-day))
	write("c-hue-2099.ccsa", "Huế", time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), now.Add(-2*day))
	write("d-hue.ccsa", "Huế", now.Add(-day).Truncate(time.Second), now.Add(-day))

	c := Load(qn, ExpandInputs([]string{dir}))
	var got []string
	for _, city := range c.Cities {
		got = append(got, filepath.Base(city.Path))
	}
	if want := []string{"b-halong-2026-final.ccsa", "d-hue.ccsa"}; !slices.Equal(got, want) {
		t.Fatalf("compared %v; want %v", got, want)
	}
	if len(c.Duplicates) != 2 || filepath.Base(c.Duplicates[0].City.Path) != "a-halong-2025-old.ccsa" ||
		filepath.Base(c.Duplicates[1].City.Path) != "c-hue-2099.ccsa" {
		t.Fatalf("duplicates %+v", c.Duplicates)
	}
	if len(c.Warnings) != 1 || c.Warnings[0].Code != assessment.CodeUpdatedInFuture || c.Warnings[0].Path != path("c-hue-2099.ccsa") {
		t.Fatalf("warnings %+v", c.Warnings)
	}
	for _, lang := range translations.Languages() {
		loc := translations.New(lang)
		var buf bytes.Buffer
		if err := Write(&buf, qn, c, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		f := fixture.Open(t, buf.Bytes())
		sheets := f.GetSheetList()
		skipped, _ := f.GetRows(sheets[len(sheets)-1])
		row := testkit.FindRow(skipped, path("a-halong-2025-old.ccsa"))
		if want := l10n.Message(loc, c.Duplicates[0].Problem()); row == nil || len(row) < 3 || row[2] != want {
			t.Errorf("%s: the old file listed as %v; want the reason %q", lang, row, want)
		}
		if testkit.FindRow(skipped, loc.T("compare.notesTitle")) == nil {
			t.Errorf("%s: no notes on the inputs: %v", lang, skipped)
		}
		// The file named twice: as not compared, and in the notes.
		n := 0
		for _, r := range skipped {
			if len(r) > 1 && r[0] == path("c-hue-2099.ccsa") {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%s: the file of 2099 is listed %d times: %v", lang, n, skipped)
		}
		fixture.AssertOneLanguage(t, f, lang)
	}
}
