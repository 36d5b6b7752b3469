package report_test

import (
	"archive/zip"
	"bytes"
	"fmt"
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
// whose four sheets unpack to 23 MB of empty cells each (within the total
// unpacked limit and the limit of one part) is refused from the zip's
// directory alone, naming the part, in bounded memory and time; parsing
// one such sheet used to take gigabytes. (The 30 MB sheets of the same
// workbook first seen are refused as larger than any part the app writes.)
func TestReadRefusesAnAmplifyingWorkbookFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "amplifying.xlsx")
	reporttest.WriteAmplifyingWorkbookWithinPartLimit(t, path)
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

// TestAReportOfTheLargestAcceptedAssessmentImports: every limit of
// reading a workbook is derived from the largest assessment file the
// loader accepts, so that its report, whose shared-string table packs
// over a hundred times, imports back whole; and so does the report of a
// file of as many entries as a file may hold. Before, such a report was
// refused as a zip bomb, or as too large for its rows.
func TestAReportOfTheLargestAcceptedAssessmentImports(t *testing.T) {
	many := fixture.Demo(t)
	for i := len(many.Answers) + len(many.ExtraMembers()) + len(many.CityExtraMembers()); i < assessment.MaxEntries; i++ {
		id := fmt.Sprintf("retired.q%05d", i)
		many.Answers[id] = &assessment.Answer{Value: assessment.NumberValue(float64(i)), Evidence: "e " + id, Source: "s " + id}
	}
	for name, a := range map[string]*assessment.Assessment{"large texts": reporttest.LargestAccepted(t), "many entries": many} {
		want, _ := assessment.Encode(a)
		if _, err := assessment.Decode(want, name); err != nil {
			t.Fatalf("%s: the file is not accepted: %v", name, err)
		}
		data, _ := reporttest.Build(t, a, translations.VI)
		if err := xlsxkit.CheckParts(data, name); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		back, _, err := report.Read(bytes.NewReader(data), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for id, ans := range a.Answers {
			if got := back.Answer(id); got == nil || got.Evidence != ans.Evidence || got.Source != ans.Source {
				t.Fatalf("%s: %s came back otherwise", name, id)
			}
		}
	}
}

// TestATableOfMoreTextsThanAReportWritesIsRefused: a shared-string table
// of more texts than any report writes (a text costs memory to parse
// beyond its bytes) is refused naming the part, counted as it unpacks,
// whatever its packing; a namespace prefix does not hide a text.
func TestATableOfMoreTextsThanAReportWritesIsRefused(t *testing.T) {
	for _, prefix := range []string{"", "x:"} {
		var sst bytes.Buffer
		fmt.Fprintf(&sst, `<?xml version="1.0"?><%ssst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, prefix)
		for range xlsxkit.MaxSharedStrings + 1 {
			fmt.Fprintf(&sst, `<%ssi><%st>a</%st></%ssi>`, prefix, prefix, prefix, prefix)
		}
		fmt.Fprintf(&sst, `</%ssst>`, prefix)
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("xl/sharedStrings.xml")
		w.Write(sst.Bytes())
		zw.Close()
		err := xlsxkit.CheckParts(buf.Bytes(), "texts.xlsx")
		if !fixture.HasCode(err, assessment.CodePartTooManyTexts) {
			t.Errorf("prefix %q: %v", prefix, err)
		}
	}
}
