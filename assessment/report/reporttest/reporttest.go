// Package reporttest is what the tests of the workbooks share, and only
// tests import it: it writes the assessment workbook of package report
// to bytes or to a file, finds a question's row and an initiative's block
// on its sheets, and writes a workbook that unpacks to more than the
// readers allow. The tests of package report use it from their external
// test package (package report_test), as it imports report; helpers that
// need no workbook package are in testkit and testkit/fixture.
package reporttest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// FixedNow is the time Build writes into a workbook.
var FixedNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// Build writes the report of a in lang, as of FixedNow, and returns the
// workbook with the writer's warnings.
func Build(tb testing.TB, a *assessment.Assessment, lang translations.Lang) ([]byte, []assessment.Problem) {
	tb.Helper()
	var buf bytes.Buffer
	warnings, err := report.Write(&buf, fixture.Questionnaire(tb), a, nil, report.Options{Lang: lang, AppVersion: "1.2.3", Now: FixedNow})
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes(), warnings
}

// Exported writes the report of a in lang to a file and returns its path.
func Exported(tb testing.TB, a *assessment.Assessment, lang translations.Lang) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "report.xlsx")
	if _, err := report.WriteFile(path, fixture.Questionnaire(tb), a, nil, report.Options{Lang: lang, AppVersion: "t"}); err != nil {
		tb.Fatal(err)
	}
	return path
}

// RowOfQuestion is the row of a question on a section sheet.
func RowOfQuestion(tb testing.TB, f *excelize.File, sheet, id string) int {
	tb.Helper()
	rows := xlsxkit.IDRows(f, sheet)[id]
	if len(rows) != 1 {
		tb.Fatalf("%s is on rows %v of %s", id, rows, sheet)
	}
	return rows[0]
}

// PlanSheetName is the action plan's sheet in a language.
func PlanSheetName(lang translations.Lang) string {
	return xlsxkit.SafeSheetName(translations.New(lang).T("report.sheet.plan"))
}

// PlanBlock is where an initiative stands on the plan's sheet: its
// heading row and its budget table's header row.
type PlanBlock struct{ Heading, Budget int }

// FindPlanBlock finds the block of the n-th initiative of its scope by
// its heading, which names it and gives its title.
func FindPlanBlock(tb testing.TB, f *excelize.File, lang translations.Lang, in *assessment.Initiative, n int) PlanBlock {
	tb.Helper()
	loc := translations.New(lang)
	sheet := PlanSheetName(lang)
	rows, _ := f.GetRows(sheet)
	label := l10n.Sentence(l10n.Scope(loc, in.Scope, n))
	for i, r := range rows {
		if len(r) > 1 && r[0] == label {
			if r[1] != in.Title {
				tb.Errorf("%s: %s is titled %q, want %q", lang, label, r[1], in.Title)
			}
			for j := i + 1; j < len(rows); j++ {
				if len(rows[j]) > 0 && rows[j][0] == loc.T("report.plan.budget") {
					return PlanBlock{Heading: i + 1, Budget: j + 1}
				}
			}
		}
	}
	tb.Fatalf("%s: no block for %s", lang, label)
	return PlanBlock{}
}

// WriteZipBomb writes a small workbook whose sheet unpacks to far more than
// the unzip limit.
func WriteZipBomb(tb testing.TB, path string) {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"xl/workbook.xml":            `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(content))
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range (xlsxkit.UnzipSizeLimit >> 20) + 16 {
		w.Write(chunk)
	}
	zw.Close()
	if buf.Len() > 2<<20 {
		tb.Fatalf("bomb is %d bytes", buf.Len())
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// AmplifyingSheets is how many sheets WriteAmplifyingWorkbook writes, and
// AmplifyingSheetSize the unpacked size of each.
const (
	AmplifyingSheets    = 4
	AmplifyingSheetSize = 30 << 20
)

// WriteAmplifyingWorkbook writes a small workbook (under 200 KB) of
// AmplifyingSheets sheets of about 30 MB of empty cells each: within the
// total unpacked limit, but parsing one such sheet costs gigabytes. The
// data sheet's marker is in the first one's A1, so that only its size
// and packing tell it from a workbook of this app.
func WriteAmplifyingWorkbook(tb testing.TB, path string) {
	tb.Helper()
	writeAmplifying(tb, path, AmplifyingSheetSize)
}

// WriteAmplifyingWorkbookWithinPartLimit writes the same workbook with
// sheets 1 MiB smaller than the largest part a workbook may hold, so that
// only their packing tells them from the app's sheets.
func WriteAmplifyingWorkbookWithinPartLimit(tb testing.TB, path string) {
	tb.Helper()
	writeAmplifying(tb, path, xlsxkit.MaxPartSize-1<<20)
}

func writeAmplifying(tb testing.TB, path string, sheetSize int) {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	var types, sheets, rels bytes.Buffer
	for i := 1; i <= AmplifyingSheets; i++ {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i)
		fmt.Fprintf(&sheets, `<sheet name="Sheet%d" sheetId="%d" r:id="rId%d"/>`, i, i, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` + types.String() + `</Types>`},
		{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0"?><workbook ` + ns + `><sheets>` + sheets.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
	} {
		w, _ := zw.Create(part[0])
		w.Write([]byte(part[1]))
	}
	cells := bytes.Repeat([]byte("<c/>"), 1<<18)
	for i := 1; i <= AmplifyingSheets; i++ {
		w, _ := zw.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", i))
		fmt.Fprintf(w, `<?xml version="1.0"?><worksheet %s><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c>`, ns, report.DataSheetMarker)
		for range sheetSize / len(cells) {
			w.Write(cells)
		}
		w.Write([]byte(`</row></sheetData></worksheet>`))
	}
	zw.Close()
	if buf.Len() > 200<<10 {
		tb.Fatalf("the workbook is %d bytes", buf.Len())
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// Measure runs f and returns the bytes it allocated (a bound on its peak
// memory: what it holds at once is never more than what it allocated)
// and the time it took.
func Measure(f func()) (allocated uint64, elapsed time.Duration) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	elapsed = time.Since(start)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, elapsed
}

// LargestAccepted grows the demo's evidence and sources, each a phrase
// repeated, until the file is nearly as large as a file may be: texts
// that pack hundreds of times, as a bomb does, yet an assessment the
// loader accepts.
func LargestAccepted(t testing.TB) *assessment.Assessment {
	t.Helper()
	a := fixture.Demo(t)
	size := func() int {
		data, err := assessment.Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		return len(data)
	}
	const evidence, source = " Số liệu của Sở Văn hóa, Thể thao và Du lịch năm 2025.", " Sở Văn hóa, Thể thao và Du lịch"
	per := (files.MaxFileSize*95/100 - size()) / len(a.Answers)
	for id, ans := range a.Answers {
		ans.Evidence = id + strings.Repeat(evidence, per*3/4/len(evidence))
		ans.Source = id + strings.Repeat(source, per/4/len(source))
	}
	if n := size(); n > files.MaxFileSize || n < files.MaxFileSize*9/10 {
		t.Fatalf("the assessment takes %d bytes, the limit is %d", n, files.MaxFileSize)
	}
	return a
}
