package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// TestLongNamesNeverBreakARun: a 215-character city name and a
// 275-character province (and each of the lengths around Excel's limits)
// make neither compare, export nor form fail. The column widths stay
// within Excel's 255, the page headers within its 255 characters, and the
// cells keep the whole names.
func TestLongNamesNeverBreakARun(t *testing.T) {
	data, _ := os.ReadFile(demoPath(t))
	for _, size := range []struct{ city, province int }{{215, 20}, {20, 275}, {225, 275}, {260, 300}} {
		dir := t.TempDir()
		// Letters with diacritics, "&" (doubled in a page header) and a
		// letter outside the BMP (two UTF-16 units).
		city := string([]rune(strings.Repeat("Hạ Long & Cẩm Phả ", 30))[:size.city])
		province := string([]rune(strings.Repeat("Quảng Ninh 𝒬 ", 40))[:size.province])
		doc := bytes.Replace(data, []byte(`"Hạ Long"`), []byte(`"`+city+`"`), 1)
		doc = bytes.Replace(doc, []byte(`"Quảng Ninh"`), []byte(`"`+province+`"`), 1)
		in := filepath.Join(dir, "long.ccsa")
		os.WriteFile(in, doc, 0o644)
		other := filepath.Join(dir, "hue.ccsa")
		os.WriteFile(other, bytes.Replace(data, []byte(`"Hạ Long"`), []byte(`"Huế"`), 1), 0o644)
		for _, run := range [][]string{
			{"compare", "--lang", "vi", "-o", filepath.Join(dir, "cmp.xlsx"), in, other},
			{"export", "--lang", "en", "-o", filepath.Join(dir, "report.xlsx"), in},
			{"form", "--lang", "vi", "-o", filepath.Join(dir, "form.xlsx"), in},
		} {
			code, stdout, errs := runCLI(t, run...)
			if code != 0 {
				t.Errorf("%v (city %d, province %d): exit %d: %s / %s", run[0], size.city, size.province, code, stdout, errs)
				continue
			}
			checkLongNames(t, run[0], run[4], city, province)
		}
	}
}

// checkLongNames opens a written workbook: no column is wider than 255,
// no page header or footer longer than 255 UTF-16 units, and the whole
// city name is in some cell.
func checkLongNames(t *testing.T, cmd, path, city, province string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sheet := range f.GetSheetList() {
		for col := 1; col <= 40; col++ {
			name, _ := excelize.ColumnNumberToName(col)
			if w, _ := f.GetColWidth(sheet, name); w > 255 {
				t.Errorf("%s: %s column %s is %v wide", cmd, sheet, name, w)
			}
		}
		if hf, err := f.GetHeaderFooter(sheet); err == nil && hf != nil {
			for _, s := range []string{hf.OddHeader, hf.OddFooter} {
				if n := len(utf16.Encode([]rune(s))); n > 255 {
					t.Errorf("%s: %s header %d units long", cmd, sheet, n)
				}
			}
		}
		rows, _ := f.GetRows(sheet)
		for _, row := range rows {
			for _, v := range row {
				found = found || v == city || strings.HasPrefix(v, city+",") || strings.Contains(v, city)
			}
		}
	}
	if !found {
		t.Errorf("%s: the whole city name is in no cell", cmd)
	}
}
