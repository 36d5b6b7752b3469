package report_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// zipFiles reads the parts of a workbook whose names start with prefix.
func zipFiles(t *testing.T, data []byte, prefix string) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, prefix) {
			rc, _ := zf.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			rc.Close()
			out[zf.Name] = b.String()
		}
	}
	return out
}

// TestTheChartsDrawNoBarForAFieldNotAssessed: with only gastronomy and
// crafts answered, the charts read their own copy of the field table, in
// hidden columns, where a field not assessed is named so and has no
// value (no bar of 0.0), a long name is on two lines, and the radar
// starts a printed page.
func TestTheChartsDrawNoBarForAFieldNotAssessed(t *testing.T) {
	qn, a := fixture.Questionnaire(t), fixture.Demo(t)
	for id := range a.Answers {
		if q, ok := qn.Question(id); ok && q.Section().Kind == assessment.KindField &&
			q.Section().ID != "gastronomy" && q.Section().ID != "crafts" {
			delete(a.Answers, id)
		}
	}
	res := assessment.Score(qn, a)
	for _, lang := range translations.Languages() {
		loc := translations.New(lang)
		data := testkit.First(reporttest.Build(t, a, lang))
		f := fixture.Open(t, data)
		sheet := loc.T("report.sheet.summary")
		for _, fs := range res.Fields {
			row := summaryRow(t, f, sheet, loc.T("section."+fs.ID+".name"))
			name, _ := f.GetCellValue(sheet, fmt.Sprintf("Z%d", row))
			value, _ := f.GetCellValue(sheet, fmt.Sprintf("AA%d", row))
			full := strings.ReplaceAll(name, "\n", " ")
			switch {
			case fs.Assessed() && (full != l10n.SectionName(loc, fs.ID) || value != fmt.Sprintf("%.1f", fs.Score) && value != fmt.Sprint(fs.Score)):
				t.Errorf("%s: %s charted as %q, %q; score %v", lang, fs.ID, name, value, fs.Score)
			case !fs.Assessed() && (value != "" || !strings.Contains(name, loc.T("result.notAssessed"))):
				t.Errorf("%s: %s, not assessed, charted as %q, %q", lang, fs.ID, name, value)
			}
			if fs.ID == "crafts" && lang == translations.VI && !strings.Contains(name, "\n") {
				t.Errorf("%s: the long name of crafts is on one line: %q", lang, name)
			}
		}
		for _, col := range []string{"Z", "AA"} {
			if visible, _ := f.GetColVisible(sheet, col); visible {
				t.Errorf("%s: column %s of the charts' data is visible", lang, col)
			}
		}
		charts := zipFiles(t, data, "xl/charts/chart")
		ref := regexp.MustCompile(`<(cat|val)>.*?<f>([^<]*)</f>`)
		refs := 0
		for name, xml := range charts {
			for _, m := range ref.FindAllStringSubmatch(xml, -1) {
				refs++
				want := map[string]string{"cat": "$Z$", "val": "$AA$"}[m[1]]
				if !strings.Contains(m[2], want) {
					t.Errorf("%s: %s reads its %s from %s", lang, name, m[1], m[2])
				}
			}
		}
		if refs != 4 {
			t.Errorf("%s: %d references to the charts' data in %d charts; want 4", lang, refs, len(charts))
		}
		breaks := false
		for _, xml := range zipFiles(t, data, "xl/worksheets/sheet") {
			breaks = breaks || strings.Contains(xml, `<brk id="23"`)
		}
		if !breaks {
			t.Errorf("%s: no page break before the radar chart", lang)
		}
	}
}
