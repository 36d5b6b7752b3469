package report_test

import (
	"archive/zip"
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// TestReadRefusesAnAmplifyingWorkbookFast: a workbook of under 200 KB
// whose four sheets unpack to 30 MB of empty cells each (within the total
// unpacked limit) is refused from the zip's directory alone, naming the
// part, in bounded memory and time; parsing one such sheet used to take
// gigabytes.
func TestReadRefusesAnAmplifyingWorkbookFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "amplifying.xlsx")
	reporttest.WriteAmplifyingWorkbook(t, path)
	var fe *assessment.FileError
	allocated, elapsed := reporttest.Measure(func() { fe = readErrCode(t, path) })
	if fe.Code != assessment.CodePartAmplifies || fe.Args["Part"] != assessment.TextArg("xl/worksheets/sheet1.xml") ||
		fe.Args["Limit"] != assessment.CountArg(xlsxkit.MaxPartRatio) {
		t.Errorf("amplifying: %v %v", fe.Code, fe.Args)
	}
	if allocated > 300<<20 || elapsed > 10*time.Second {
		t.Errorf("refusing it took %d MB and %v", allocated>>20, elapsed)
	}
	// The message names the part and the ratio, in each language.
	for _, lang := range translations.Languages() {
		msg := l10n.Problem(translations.New(lang), fe.Problem)
		if !strings.Contains(msg, path) || !strings.Contains(msg, "xl/worksheets/sheet1.xml") || !strings.Contains(msg, "100") {
			t.Errorf("%s: %q", lang, msg)
		}
	}
}

// TestReadRefusesAPartLargerThanTheAppWrites: one part that unpacks past
// MaxPartSize (three times the largest assessment file) is refused naming
// the part, even when it packs no more than the app's parts do.
func TestReadRefusesAPartLargerThanTheAppWrites(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/sharedStrings.xml")
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range xlsxkit.MaxPartSize>>20 + 1 {
		w.Write(chunk)
	}
	zw.Close()
	path := filepath.Join(t.TempDir(), "large.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	fe := readErrCode(t, path)
	if fe.Code != assessment.CodePartTooLarge || fe.Args["Part"] != assessment.TextArg("xl/sharedStrings.xml") ||
		fe.Args["Limit"] != assessment.CountArg(int64(xlsxkit.MaxPartSize)) {
		t.Errorf("large part: %v %v", fe.Code, fe.Args)
	}
}

// TestEveryPartOfAReportIsWithinTheLimits: the parts of a report of the
// demo pack a few times, far from the ratio refused, so that no report of
// this app is ever taken for a bomb.
func TestEveryPartOfAReportIsWithinTheLimits(t *testing.T) {
	data, _ := reporttest.Build(t, fixture.Demo(t), translations.VI)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.UncompressedSize64 > 20*max(f.CompressedSize64, 1) && f.UncompressedSize64 > 4096 {
			t.Errorf("%s packs %d to %d", f.Name, f.UncompressedSize64, f.CompressedSize64)
		}
	}
	if err := xlsxkit.CheckParts(data, "report.xlsx"); err != nil {
		t.Error(err)
	}
}

// TestReadingAReportParsesNoSheetItDoesNotNeed: a report to which a
// reader added a large sheet of figures of their own, placed first, is
// read without parsing that sheet: the data sheet is found from the
// workbook part and the first rows, streamed, so that reading costs the
// same with the sheet as without it. Parsing such a sheet whole, as
// reading every sheet's A1 did, costs many times its size.
func TestReadingAReportParsesNoSheetItDoesNotNeed(t *testing.T) {
	data, _ := reporttest.Build(t, fixture.Demo(t), translations.VI)
	f := fixture.Open(t, data)
	const notes = "Số liệu riêng"
	if _, err := f.NewSheet(notes); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter(notes)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for row := 1; row <= 10000; row++ {
		cells := make([]any, 10)
		for i := range cells {
			cells[i] = r.Float64()
		}
		sw.SetRow(xlsxkit.Cell(1, row), cells)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.MoveSheet(notes, f.GetSheetList()[0]); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	cost := func(data []byte) uint64 {
		book, err := xlsxkit.OpenReader(bytes.NewReader(data), "report.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		defer book.Close()
		allocated, _ := reporttest.Measure(func() {
			if _, _, err := report.ReadWorkbook(book, "report.xlsx"); err != nil {
				t.Fatal(err)
			}
			report.Language(book)
		})
		return allocated
	}
	base, with := cost(data), cost(buf.Bytes())
	if with > base+8<<20 {
		t.Errorf("reading the report took %d MB with the added sheet, %d MB without", with>>20, base>>20)
	}
}
