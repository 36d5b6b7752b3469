package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/report/reporttest"
)

// TestCompareSkipsAnAmplifyingWorkbookAndComparesTheRest: a 188 KB
// workbook whose four sheets unpack to 30 MB of empty cells each, among
// good inputs, is skipped with its reason (the part that amplifies) and
// the good inputs are compared, within 300 MB and 10 s; it used to make
// compare run out of memory and lose every city. import refuses it the
// same way, writing nothing.
func TestCompareSkipsAnAmplifyingWorkbookAndComparesTheRest(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(demoPath(t))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a.ccsa"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "b.ccsa"), bytes.Replace(data, []byte(`"Hạ Long"`), []byte(`"Huế"`), 1), 0o644)
	bomb := filepath.Join(dir, "amplifying.xlsx")
	reporttest.WriteAmplifyingWorkbook(t, bomb)
	out := filepath.Join(t.TempDir(), "cmp.xlsx")
	var code int
	var stdout, errs string
	allocated, elapsed := reporttest.Measure(func() { code, stdout, errs = runCLI(t, "compare", "--lang", "en", "-o", out, dir) })
	if code != exitOK || !strings.Contains(stdout, "Comparison of 2 cities") || !strings.Contains(stdout, "1 input was skipped") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	// Its 30 MB sheets are larger than any part the app writes.
	if !strings.Contains(errs, bomb+": error: part “xl/worksheets/sheet1.xml” of the workbook unpacks to 31,457,580 bytes") {
		t.Errorf("the workbook is not named with its reason: %q", errs)
	}
	if info, err := os.Stat(out); err != nil || info.Size() == 0 {
		t.Errorf("no comparison written: %v", err)
	}
	if allocated > 300<<20 || elapsed > 10*time.Second {
		t.Errorf("compare took %d MB and %v", allocated>>20, elapsed)
	}
	target := filepath.Join(t.TempDir(), "back.ccsa")
	if code, _, errs := runCLI(t, "--lang", "vi", "import", "-o", target, bomb); code != exitInput ||
		!strings.Contains(errs, "phần “xl/worksheets/sheet1.xml” của bảng tính") {
		t.Errorf("import: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("import wrote %s: %v", target, err)
	}
}

// TestTheReportOfTheLargestFileAcceptedImports: an assessment as large as
// a file may be, whose texts repeat themselves (they pack over a hundred
// times, as a bomb does), validates, exports, and imports back: every
// limit of reading a workbook is derived from the largest file accepted.
// Before, such a report was refused as a zip bomb.
func TestTheReportOfTheLargestFileAcceptedImports(t *testing.T) {
	dir := t.TempDir()
	a := reporttest.LargestAccepted(t)
	data, _ := assessment.Encode(a)
	file, workbook, back := filepath.Join(dir, "large.ccsa"), filepath.Join(dir, "large.xlsx"), filepath.Join(dir, "back.ccsa")
	os.WriteFile(file, data, 0o644)
	for _, args := range [][]string{{"validate", file}, {"export", "--lang", "vi", "-o", workbook, file}, {"import", "-o", back, workbook}, {"validate", back}} {
		if code, _, errs := runCLI(t, args...); code != exitOK {
			t.Fatalf("%v: exit %d: %.300s", args, code, errs)
		}
	}
	got, err := files.Load(back)
	if err != nil {
		t.Fatal(err)
	}
	for id, ans := range a.Answers {
		if g := got.Answer(id); g == nil || g.Evidence != ans.Evidence || g.Source != ans.Source {
			t.Fatalf("%s came back otherwise", id)
		}
	}
}
