package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report/reporttest"
	"creativecity/translations"
)

// TestTheWindowSkipsAnAmplifyingWorkbookAndComparesTheRest: File →
// Compare cities, given a folder with two good assessments and a 188 KB
// workbook whose sheets unpack to 30 MB of empty cells each, compares the
// two cities and lists the workbook as skipped with the part that
// amplifies, within 300 MB and 10 s; the same code once made the whole
// comparison run out of memory.
func TestTheWindowSkipsAnAmplifyingWorkbookAndComparesTheRest(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		dir := t.TempDir()
		demo, err := assessment.Demo()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := assessment.Encode(demo)
		os.WriteFile(filepath.Join(dir, "halong.ccsa"), data, 0o644)
		os.WriteFile(filepath.Join(dir, "hue.ccsa"), bytes.Replace(data, []byte(`"Hạ Long"`), []byte(`"Huế"`), 1), 0o644)
		bomb := filepath.Join(dir, "amplifying.xlsx")
		reporttest.WriteAmplifyingWorkbook(t, bomb)
		allocated, elapsed := reporttest.Measure(func() { compareAndWait(t, a, []string{dir}) })
		res := a.compare.result
		if len(res.Cities) != 2 || len(res.Skipped) != 1 || res.Skipped[0].Path != bomb {
			t.Fatalf("%s: compared %d cities, skipped %+v", lang, len(res.Cities), res.Skipped)
		}
		p := res.Skipped[0].Problem
		p.Path = ""
		page := strings.Join(labelTexts(shownAs[*compareView](t, a).box), "\n")
		want := bomb + ": " + l10n.Problem(a.loc, p)
		if !strings.Contains(page, want) || !strings.Contains(want, "xl/worksheets/sheet1.xml") {
			t.Errorf("%s: the page lacks %q:\n%s", lang, want, page)
		}
		if allocated > 300<<20 || elapsed > 10*time.Second {
			t.Errorf("%s: the comparison took %d MB and %v", lang, allocated>>20, elapsed)
		}
	}
}

// TestTheWindowRefusesToMergeAnAmplifyingWorkbook: File → Merge filled-in
// forms with such a workbook says which part of which file amplifies, and
// the open assessment is left as it was.
func TestTheWindowRefusesToMergeAnAmplifyingWorkbook(t *testing.T) {
	a := newTestApp(t, translations.VI)
	openDemo(t, a)
	before, _ := assessment.Encode(a.Assessment().Clone())
	bomb := filepath.Join(t.TempDir(), "phiếu trả về.xlsx")
	reporttest.WriteAmplifyingWorkbook(t, bomb)
	allocated, elapsed := reporttest.Measure(func() { a.MergePath(bomb) })
	text := dialogText(a)
	if !strings.Contains(text, bomb) || !strings.Contains(text, "phần “xl/worksheets/sheet1.xml” của bảng tính") {
		t.Errorf("the error dialog says %q", text)
	}
	if after, _ := assessment.Encode(a.Assessment().Clone()); !bytes.Equal(before, after) || a.doc.Dirty() {
		t.Error("the open assessment changed")
	}
	if allocated > 300<<20 || elapsed > 10*time.Second {
		t.Errorf("the merge took %d MB and %v", allocated>>20, elapsed)
	}
}
