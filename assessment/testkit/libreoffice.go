package testkit

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Soffice finds LibreOffice. Under CI, where the Makefile installs it, a
// missing LibreOffice fails the test instead of skipping it.
func Soffice(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(tb, "LibreOffice is not installed (make test installs libreoffice-calc-nogui and libreoffice-writer-nogui)")
	return ""
}

// Convert has LibreOffice, with a profile and a home of its own, convert
// in with filter (a format, or a format and its options) into the folder
// out.
func Convert(tb testing.TB, bin, in, filter, out string) {
	tb.Helper()
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.Join(tb.TempDir(), "profile"), "--headless", "--norestore",
		"--convert-to", filter, "--outdir", out, in)
	cmd.Env = append(os.Environ(), "HOME="+tb.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("LibreOffice: %v\n%s", err, b)
	}
}

// ConvertSheets has LibreOffice open the workbook and write every sheet as
// a UTF-8 CSV of the values as displayed. It returns the CSV rows by sheet.
func ConvertSheets(tb testing.TB, bin, xlsx string, sheets []string) map[string][][]string {
	tb.Helper()
	out := tb.TempDir()
	// Tokens: comma, double quote, UTF-8, start row 1, -, language,
	// quoted text false, detect numbers true, save as shown true, formulas
	// false, remove space false, sheet -1 = every sheet to its own file.
	Convert(tb, bin, xlsx, `csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1`, out)
	base := strings.TrimSuffix(filepath.Base(xlsx), ".xlsx")
	result := map[string][][]string{}
	for _, sheet := range sheets {
		path := filepath.Join(out, base+"-"+sheet+".csv")
		f, err := os.Open(path)
		if err != nil {
			entries, _ := os.ReadDir(out)
			tb.Fatalf("no CSV for sheet %q: %v (have %v)", sheet, err, entries)
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		f.Close()
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		result[sheet] = rows
	}
	return result
}

// FindRow is the first of rows whose first value is first, or nil.
func FindRow(rows [][]string, first string) []string {
	for _, r := range rows {
		if len(r) > 0 && r[0] == first {
			return r
		}
	}
	return nil
}
