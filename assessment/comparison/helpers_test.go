package comparison

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
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

var fixedNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func build(t testing.TB, a *assessment.Assessment, lang translations.Lang) ([]byte, []assessment.Problem) {
	t.Helper()
	var buf bytes.Buffer
	warnings, err := report.Write(&buf, questionnaire(t), a, nil, report.Options{Lang: lang, AppVersion: "1.2.3", Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), warnings
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func first[A, B any](a A, _ B) A { return a }

// assertOneLanguage fails when a cell or a sheet name of a workbook in lang
// is a message of the other language (one that differs between the two).
func assertOneLanguage(t *testing.T, f *excelize.File, lang translations.Lang) {
	t.Helper()
	foreign := translations.EN
	if lang == translations.EN {
		foreign = translations.VI
	}
	own, theirs := translations.New(lang), translations.New(foreign)
	ids, err := translations.MessageIDs(foreign)
	if err != nil {
		t.Fatal(err)
	}
	forbidden := map[string]string{}
	for _, id := range ids {
		s := theirs.T(id)
		if s != own.T(id) && !strings.Contains(s, "{{") && len([]rune(s)) > 1 {
			forbidden[s] = id
		}
	}
	forEachCell(t, f, func(sheet, ref, v string) {
		if id, bad := forbidden[strings.TrimPrefix(v, "• ")]; bad {
			t.Errorf("%s workbook: %s!%s holds %q (%s)", lang, sheet, ref, v, id)
		}
	})
	for _, sheet := range f.GetSheetList() {
		if id, bad := forbidden[sheet]; bad {
			t.Errorf("%s workbook: sheet named %q (%s)", lang, sheet, id)
		}
	}
}

// soffice finds LibreOffice. Under CI, where the Makefile installs it, a
// missing LibreOffice fails the test instead of skipping it.
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("LibreOffice is not installed; the Makefile installs libreoffice-calc-nogui")
	}
	t.Skip("LibreOffice is not installed (make test installs it)")
	return ""
}

// convert has LibreOffice, with a profile and a home of its own, convert
// in with filter (a format, or a format and its options) into the folder
// out.
func convert(t *testing.T, bin, in, filter, out string) {
	t.Helper()
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.Join(t.TempDir(), "profile"), "--headless", "--norestore",
		"--convert-to", filter, "--outdir", out, in)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, b)
	}
}

// convertSheets has LibreOffice open the workbook and write every sheet as
// a UTF-8 CSV of the values as displayed. It returns the CSV rows by sheet.
func convertSheets(t *testing.T, bin, xlsx string, sheets []string) map[string][][]string {
	t.Helper()
	out := t.TempDir()
	// Tokens: comma, double quote, UTF-8, start row 1, -, language,
	// quoted text false, detect numbers true, save as shown true, formulas
	// false, remove space false, sheet -1 = every sheet to its own file.
	convert(t, bin, xlsx, `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1`, out)
	base := strings.TrimSuffix(filepath.Base(xlsx), ".xlsx")
	result := map[string][][]string{}
	for _, sheet := range sheets {
		path := filepath.Join(out, base+"-"+sheet+".csv")
		f, err := os.Open(path)
		if err != nil {
			entries, _ := os.ReadDir(out)
			t.Fatalf("no CSV for sheet %q: %v (have %v)", sheet, err, entries)
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		result[sheet] = rows
	}
	return result
}

func findRow(rows [][]string, first string) []string {
	for _, r := range rows {
		if len(r) > 0 && r[0] == first {
			return r
		}
	}
	return nil
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writeZipBomb writes a small workbook whose sheet unpacks to far more than
// the unzip limit.
func writeZipBomb(t testing.TB, path string) {
	t.Helper()
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
		t.Fatalf("bomb is %d bytes", buf.Len())
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func assertNumber(t *testing.T, f *excelize.File, sheet, ref string, want float64) {
	t.Helper()
	typ, err := f.GetCellType(sheet, ref)
	if err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || typ == excelize.CellTypeFormula {
		t.Errorf("%s!%s is of type %v, not a number", sheet, ref, typ)
	}
	raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	got, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.Abs(got-want) > 1e-9 {
		t.Errorf("%s!%s = %q; want %v", sheet, ref, raw, want)
	}
}

func forEachCell(t *testing.T, f *excelize.File, fn func(sheet, ref, value string)) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				fn(sheet, xlsxkit.Cell(c+1, r+1), v)
			}
		}
	}
}
