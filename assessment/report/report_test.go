package report_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

func TestSheetNamesAreValidAndUniqueInBothLanguages(t *testing.T) {
	for _, lang := range translations.Languages() {
		f := fixture.Open(t, testkit.First(reporttest.Build(t, fixture.Demo(t), lang)))
		names := f.GetSheetList()
		// The cover, Summary, Readiness, one per field, the action plan, the
		// gaps and the data sheet.
		if len(names) != len(fixture.Questionnaire(t).Fields())+6 {
			t.Errorf("%s: %d sheets: %v", lang, len(names), names)
		}
		seen := map[string]bool{}
		for _, n := range names {
			if len([]rune(n)) > 31 || strings.ContainsAny(n, `[]:*?/\`) || n == "" || seen[strings.ToLower(n)] {
				t.Errorf("%s: bad sheet name %q", lang, n)
			}
			seen[strings.ToLower(n)] = true
		}
		loc := translations.New(lang)
		if names[0] != loc.T("report.sheet.cover") || names[1] != loc.T("report.sheet.summary") || names[2] != xlsxkit.SectionSheet(loc, "readiness") ||
			names[len(names)-3] != loc.T("report.sheet.plan") || names[len(names)-2] != loc.T("report.sheet.gaps") ||
			names[len(names)-1] != loc.T("report.sheet.data") {
			t.Errorf("%s: sheet order %v", lang, names)
		}
	}
}

// summaryRow finds the row of the field table whose first cell is name.
func summaryRow(t *testing.T, f *excelize.File, sheet, name string) int {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for i, r := range rows {
		if len(r) > 0 && r[0] == name {
			return i + 1
		}
	}
	t.Fatalf("no row %q on %s", name, sheet)
	return 0
}

func TestSummaryHoldsTypedScoresAndTheRecommendation(t *testing.T) {
	qn, a := fixture.Questionnaire(t), fixture.Demo(t)
	res := assessment.Score(qn, a)
	for _, lang := range translations.Languages() {
		loc := translations.New(lang)
		f := fixture.Open(t, testkit.First(reporttest.Build(t, a, lang)))
		sheet := loc.T("report.sheet.summary")
		for _, fs := range res.Fields {
			row := summaryRow(t, f, sheet, loc.T("section."+fs.ID+".name"))
			fixture.AssertNumber(t, f, sheet, fmt.Sprintf("B%d", row), xlsxkit.Round(fs.Score, 1))
			fixture.AssertNumber(t, f, sheet, fmt.Sprintf("C%d", row), xlsxkit.Round(fs.Completeness, 3))
			fixture.AssertNumber(t, f, sheet, fmt.Sprintf("D%d", row), float64(fs.Rank))
			rr := res.Uncertainty.RankRanges[fs.ID]
			fixture.AssertNumber(t, f, sheet, fmt.Sprintf("G%d", row), float64(rr[0]))
			fixture.AssertNumber(t, f, sheet, fmt.Sprintf("H%d", row), float64(rr[1]))
		}
		row := summaryRow(t, f, sheet, loc.T("report.stability"))
		fixture.AssertNumber(t, f, sheet, fmt.Sprintf("B%d", row), res.Uncertainty.Stability)
		// The reasons say the stability in words.
		stable := l10n.Reason(loc, assessment.Reason{Code: assessment.ReasonStable, Args: assessment.Args{
			"Field": assessment.FieldArg("gastronomy"), "Count": assessment.CountArg(int(math.Round(assessment.Variations * res.Uncertainty.Stability))),
			"Total": assessment.CountArg(assessment.Variations)}})
		if rows, _ := f.GetRows(sheet); !slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 1 && r[1] == "• "+stable }) {
			t.Errorf("%s: no reason %q", lang, stable)
		}
		// The gaps sheet says what would change the answer: how far the
		// leader is ahead and what it rests on, then the runner-up.
		gaps, _ := f.GetRows(loc.T("report.sheet.gaps"))
		at := slices.IndexFunc(gaps, func(r []string) bool { return len(r) > 0 && r[0] == loc.T("change.title") })
		change := l10n.WhatWouldChange(loc, qn, res, "")
		if at < 0 || len(change) < 2 || len(gaps) < at+3 || gaps[at+1][0] != change[0].Text || gaps[at+2][0] != change[1].Text {
			t.Errorf("%s: what would change: %v", lang, gaps[max(at, 0):])
		}
		row = summaryRow(t, f, sheet, loc.T("section.readiness.name"))
		fixture.AssertNumber(t, f, sheet, fmt.Sprintf("B%d", row), xlsxkit.Round(res.Readiness.Score, 1))
		row = summaryRow(t, f, sheet, loc.T("report.recommendedField"))
		if got, _ := f.GetCellValue(sheet, fmt.Sprintf("B%d", row)); got != loc.T("section.gastronomy.name") {
			t.Errorf("%s: recommended %q", lang, got)
		}
		row = summaryRow(t, f, sheet, loc.T("profile.population.text"))
		fixture.AssertNumber(t, f, sheet, fmt.Sprintf("B%d", row), a.City.Population)
		row = summaryRow(t, f, sheet, loc.T("report.generatedAt"))
		want := map[translations.Lang]string{translations.VI: "23/11/2026", translations.EN: "23 November 2026"}[lang]
		if got, _ := f.GetCellValue(sheet, fmt.Sprintf("B%d", row)); got != want {
			t.Errorf("%s: date shows %q; want %q", lang, got, want)
		}
		if props, err := f.GetDocProps(); err != nil || !strings.Contains(props.Creator, "1.2.3") || props.Title == "" ||
			props.Language == "" {
			t.Errorf("%s: document properties %+v, %v", lang, props, err)
		}
	}
}

func TestFieldSheetsTypeEveryAnswer(t *testing.T) {
	qn, a := fixture.Questionnaire(t), fixture.Demo(t)
	loc := translations.New(translations.EN)
	f := fixture.Open(t, testkit.First(reporttest.Build(t, a, translations.EN)))
	checked := map[assessment.QuestionType]int{}
	for _, s := range qn.Sections[1:] {
		sheet := xlsxkit.SectionSheet(loc, s.ID)
		for i, q := range s.Questions {
			row := report.SectionHeaderRow + 1 + i
			if id, _ := f.GetCellValue(sheet, xlsxkit.Cell(report.ColID, row)); id != q.ID {
				t.Fatalf("%s row %d is %q; want %s", sheet, row, id, q.ID)
			}
			v := a.Value(q.ID)
			ref := xlsxkit.Cell(report.ColAnswer, row)
			switch q.Type {
			case assessment.Rubric, assessment.Number:
				if n, ok := v.Number(); ok {
					fixture.AssertNumber(t, f, sheet, ref, n)
					checked[q.Type]++
				}
			case assessment.Boolean:
				if b, ok := v.Bool(); ok {
					want := map[bool]string{true: "Yes", false: "No"}[b]
					if got, _ := f.GetCellValue(sheet, ref); got != want {
						t.Errorf("%s: %q; want %q", q.ID, got, want)
					}
					checked[q.Type]++
				}
			}
			if q.Type == assessment.Rubric {
				if n, ok := v.Number(); ok {
					if got, _ := f.GetCellValue(sheet, xlsxkit.Cell(report.ColDetail, row)); got != loc.T(q.LevelID(int(n))) {
						t.Errorf("%s: descriptor %q", q.ID, got)
					}
				}
			}
		}
	}
	for _, typ := range []assessment.QuestionType{assessment.Rubric, assessment.Number, assessment.Boolean} {
		if checked[typ] == 0 {
			t.Errorf("the demo answers no %s question", typ)
		}
	}
}

func TestWorkbookHasChartsAndNoFormula(t *testing.T) {
	for _, lang := range translations.Languages() {
		data := testkit.First(reporttest.Build(t, fixture.Demo(t), lang))
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		charts := map[string]bool{}
		for _, zf := range zr.File {
			if strings.HasPrefix(zf.Name, "xl/charts/chart") {
				rc, _ := zf.Open()
				var b bytes.Buffer
				b.ReadFrom(rc)
				rc.Close()
				for _, kind := range []string{"barChart", "radarChart"} {
					if strings.Contains(b.String(), "<"+kind) {
						charts[kind] = true
					}
				}
			}
		}
		if !charts["barChart"] || !charts["radarChart"] {
			t.Errorf("%s: charts %v", lang, charts)
		}
		f := fixture.Open(t, data)
		fixture.ForEachCell(t, f, func(sheet, ref, _ string) {
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("%s: formula in %s!%s: %s", lang, sheet, ref, formula)
			}
		})
	}
}

func TestFormulaLookingTextStaysText(t *testing.T) {
	qn := fixture.Questionnaire(t)
	a := fixture.Demo(t)
	long := strings.Repeat("Nước mắm Cái Rồng, chả mực Hạ Long. ", 1200) // about 43,000 characters
	tricky := map[string]string{
		`=HYPERLINK("http://x","y")`: "", "+1": "", "-2": "", "@SUM(A1)": "", long: "",
	}
	var ids []string
	for _, q := range qn.Fields()[3].Questions {
		ids = append(ids, q.ID)
	}
	i := 0
	for s := range tricky {
		a.SetEvidence(ids[i], s, s)
		tricky[s] = ids[i]
		i++
	}
	data, warnings := reporttest.Build(t, a, translations.VI)
	if len(warnings) != 1 || warnings[0].Code != assessment.CodeEvidenceTruncated || warnings[0].QuestionID != tricky[long] {
		t.Fatalf("want one truncation warning for %s: %v", tricky[long], warnings)
	}
	f := fixture.Open(t, data)
	loc := translations.New(translations.VI)
	sheet := xlsxkit.SectionSheet(loc, "gastronomy")
	found := 0
	for s, id := range tricky {
		for r := report.SectionHeaderRow + 1; r < report.SectionHeaderRow+40; r++ {
			if got, _ := f.GetCellValue(sheet, xlsxkit.Cell(report.ColID, r)); got != id {
				continue
			}
			found++
			ref := xlsxkit.Cell(report.ColEvidence, r)
			got, _ := f.GetCellValue(sheet, ref)
			typ, _ := f.GetCellType(sheet, ref)
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" || (typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) {
				t.Errorf("%q became type %v formula %q", s, typ, formula)
			}
			if s == long {
				marker := strings.SplitN(loc.T("report.truncated", map[string]any{"Length": ""}), "{{", 2)[0][:10]
				if len([]rune(got)) > xlsxkit.MaxCellChars || !strings.HasPrefix(got, long[:1000]) || !strings.Contains(got, marker) {
					t.Errorf("long evidence: %d runes, marker %v", len([]rune(got)), strings.Contains(got, marker))
				}
			} else if got != s {
				t.Errorf("evidence %q came back as %q", s, got)
			}
		}
	}
	if found != len(tricky) {
		t.Fatalf("found %d of %d questions", found, len(tricky))
	}
}

// TestEachReportSpeaksOneLanguage walks every cell of the Vietnamese report
// against the English messages and the other way round: no label of the
// other language may appear.
func TestEachReportSpeaksOneLanguage(t *testing.T) {
	for _, lang := range translations.Languages() {
		fixture.AssertOneLanguage(t, fixture.Open(t, testkit.First(reporttest.Build(t, fixture.Demo(t), lang))), lang)
	}
}

func TestPrintSetup(t *testing.T) {
	f := fixture.Open(t, testkit.First(reporttest.Build(t, fixture.Demo(t), translations.EN)))
	cover := f.GetSheetList()[0]
	for _, sheet := range f.GetSheetList() {
		layout, err := f.GetPageLayout(sheet)
		orientation := "landscape"
		if sheet == cover {
			orientation = "portrait"
		}
		if err != nil || layout.Orientation == nil || *layout.Orientation != orientation || layout.Size == nil || *layout.Size != 9 ||
			layout.FitToWidth == nil || *layout.FitToWidth != 1 {
			t.Errorf("%s: layout %+v, %v", sheet, layout, err)
		}
		if sheet == cover {
			continue // one page, no running header: the document itself
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit == 0 {
			t.Errorf("%s: panes %+v", sheet, panes)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddHeader, "Hạ Long") {
			t.Errorf("%s: header/footer %+v", sheet, hf)
		}
	}
	titles := 0
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles++
		}
	}
	if titles != len(f.GetSheetList())-1 {
		t.Errorf("%d print title definitions for %d sheets after the cover", titles, len(f.GetSheetList())-1)
	}
}

// TestTheCoverIsAnAdministrativeReport: the first sheet holds, in the
// places Decree 30/2020/NĐ-CP gives them, the governing and issuing bodies
// in capitals, the national heading and the underlined motto, the number,
// the place and date, the kind and subject, the results, the recipients
// and the signature block, from the profile.
func TestTheCoverIsAnAdministrativeReport(t *testing.T) {
	a := fixture.Demo(t)
	a.City.Date = "2026-11-27"
	a.SetValue("profile.governing_body", assessment.StringValue("UBND tỉnh Quảng Ninh"))
	a.SetValue("profile.issuing_body", assessment.StringValue("Sở Văn hóa, Thể thao và Du lịch"))
	a.SetValue("profile.document_number", assessment.StringValue("125/BC-SVHTTDL"))
	a.SetValue("profile.signer_title", assessment.StringValue("KT. Giám đốc\nPhó Giám đốc"))
	a.SetValue("profile.signer_name", assessment.StringValue("Nguyễn Văn Bình"))
	a.SetValue("profile.recipients", assessment.StringValue("Bộ Văn hóa, Thể thao và Du lịch (để báo cáo);\nUBND tỉnh (để báo cáo);\nLưu: VT, NVVH."))
	f := fixture.Open(t, testkit.First(reporttest.Build(t, a, translations.VI)))
	sheet := f.GetSheetList()[0]
	if sheet != "Báo cáo" {
		t.Fatalf("first sheet %q", sheet)
	}
	at := func(ref string) string { v, _ := f.GetCellValue(sheet, ref); return v }
	for ref, want := range map[string]string{
		"A1": "UBND TỈNH QUẢNG NINH", "D1": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"A2": "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "D2": "Độc lập - Tự do - Hạnh phúc",
		"A4": "Số: 125/BC-SVHTTDL", "D4": "Quảng Ninh, ngày 27 tháng 11 năm 2026", "A6": "BÁO CÁO",
	} {
		if got := at(ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	style := func(ref string) *excelize.Style {
		id, _ := f.GetCellStyle(sheet, ref)
		st, _ := f.GetStyle(id)
		return st
	}
	if st := style("D2"); !st.Font.Bold || st.Font.Underline != "single" {
		t.Errorf("the motto is not bold and underlined: %+v", st.Font)
	}
	if st := style("A2"); !st.Font.Bold || st.Font.Family != "Times New Roman" {
		t.Errorf("the issuing body: %+v", st.Font)
	}
	if st := style("D4"); !st.Font.Italic {
		t.Error("the place and date are not in italics")
	}
	rows, _ := f.GetRows(sheet)
	var text []string
	for _, r := range rows {
		text = append(text, strings.Join(r, "|"))
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"Kết quả rà soát tiền khả thi", "1. Lĩnh vực đề xuất: Ẩm thực, đạt 79,4/100 điểm, độ tin cậy cao.",
		"Nơi nhận:", "- Bộ Văn hóa, Thể thao và Du lịch (để báo cáo);", "- Lưu: VT, NVVH.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Bình"} {
		if !strings.Contains(all, want) {
			t.Errorf("the cover lacks %q:\n%s", want, all)
		}
	}
}

func TestSafeSheetName(t *testing.T) {
	for in, want := range map[string]string{
		"Thủ công mỹ nghệ và Nghệ thuật dân gian": "Thủ công mỹ nghệ và Nghệ thuật",
		"A/B:C?":   "A-B-C-",
		"'quoted'": "quoted",
	} {
		if got := xlsxkit.SafeSheetName(in); got != want {
			t.Errorf("xlsxkit.SafeSheetName(%q) = %q; want %q", in, got, want)
		}
	}
}

func BenchmarkExport(b *testing.B) {
	qn, a := fixture.Questionnaire(b), fixture.Demo(b)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if _, err := report.Write(&buf, qn, a, nil, report.Options{Lang: translations.VI, AppVersion: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestControlCharactersLeaveAValidWorkbook: characters that XML cannot
// carry are replaced, right-to-left overrides kept, and the workbook opens.
func TestControlCharactersLeaveAValidWorkbook(t *testing.T) {
	a := fixture.Demo(t)
	a.SetEvidence("gastronomy.signature_dishes", "a\x01b\x00c\u202ed\x1b=1+1", "\u202eevil")
	a.City.Name = "Hạ\x07Long"
	f := fixture.Open(t, testkit.First(reporttest.Build(t, a, translations.EN)))
	loc := translations.New(translations.EN)
	sheet := xlsxkit.SectionSheet(loc, "gastronomy")
	got, _ := f.GetCellValue(sheet, xlsxkit.Cell(report.ColEvidence, report.SectionHeaderRow+1))
	if strings.ContainsAny(got, "\x00\x01\x1b") || !strings.Contains(got, "\u202ed") || !strings.HasSuffix(got, "=1+1") {
		t.Errorf("evidence cell %q", got)
	}
	if formula, _ := f.GetCellFormula(sheet, xlsxkit.Cell(report.ColEvidence, report.SectionHeaderRow+1)); formula != "" {
		t.Errorf("formula %q", formula)
	}
}

// TestThePlaceAndDateFollowDecree30: the place is the province's name
// without its unit word (except a name given after a person), a day below
// 10 and the months 1 and 2 take a leading 0 in Vietnamese; the English
// cover writes the same place and the date as English does.
func TestThePlaceAndDateFollowDecree30(t *testing.T) {
	for _, tt := range []struct{ province, date, vi, en string }{
		{"Thành phố Huế", "2027-02-05", "Huế, ngày 05 tháng 02 năm 2027", "Huế, 5 February 2027"},
		{"Thành phố Cần Thơ", "2026-12-01", "Cần Thơ, ngày 01 tháng 12 năm 2026", "Cần Thơ, 1 December 2026"},
		{"Tỉnh Quảng Ninh", "2026-03-10", "Quảng Ninh, ngày 10 tháng 3 năm 2026", "Quảng Ninh, 10 March 2026"},
		{"TP. Hồ Chí Minh", "2026-01-31", "Thành phố Hồ Chí Minh, ngày 31 tháng 01 năm 2026", "Thành phố Hồ Chí Minh, 31 January 2026"},
	} {
		a := fixture.Demo(t)
		a.City.Province, a.City.Date = tt.province, tt.date
		for lang, want := range map[translations.Lang]string{translations.VI: tt.vi, translations.EN: tt.en} {
			f := fixture.Open(t, testkit.First(reporttest.Build(t, a, lang)))
			found := false
			fixture.ForEachCell(t, f, func(sheet, ref, value string) {
				found = found || (sheet == f.GetSheetList()[0] && value == want)
			})
			if !found {
				t.Errorf("%s: the cover has no %q", lang, want)
			}
		}
	}
}

// TestRecipientsArePrintedOnePerLine: recipients typed on one line with
// ";" (as the help's example shows) print one per line, each with its
// dash; with none given, the ministry and the governing body "to report"
// and the archive last.
func TestRecipientsArePrintedOnePerLine(t *testing.T) {
	for given, want := range map[string][]string{
		"Bộ Văn hóa, Thể thao và Du lịch (để báo cáo); UBND tỉnh Quảng Ninh (để báo cáo); Lưu: VT, NVVH.": {
			"- Bộ Văn hóa, Thể thao và Du lịch (để báo cáo);", "- UBND tỉnh Quảng Ninh (để báo cáo);", "- Lưu: VT, NVVH."},
		"": {"- Bộ Văn hóa, Thể thao và Du lịch (để báo cáo);", "- UBND tỉnh Quảng Ninh (để báo cáo);", "- Lưu: VT."},
	} {
		a := fixture.Demo(t)
		a.SetValue("profile.governing_body", assessment.StringValue("UBND tỉnh Quảng Ninh"))
		a.SetValue("profile.recipients", assessment.StringValue(given))
		if given == "" {
			a.SetValue("profile.recipients", assessment.Value{})
		}
		f := fixture.Open(t, testkit.First(reporttest.Build(t, a, translations.VI)))
		sheet := f.GetSheetList()[0]
		rows, _ := f.GetRows(sheet)
		var got []string
		for _, r := range rows {
			if len(r) > 0 && strings.HasPrefix(r[0], "- ") {
				got = append(got, r[0])
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("given %q: recipients %q, want %q", given, got, want)
		}
	}
}
