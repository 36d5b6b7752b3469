package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report"
	"creativecity/translations"
)

// sameCityInputs writes an assessment file of the demo city, two reports
// of it exported in each language, all changed at the same time, and a
// broken file, and returns them in that order.
func sameCityInputs(t *testing.T, a *App) []string {
	t.Helper()
	dir := t.TempDir()
	demo, err := assessment.Demo()
	if err != nil {
		t.Fatal(err)
	}
	ccsa := filepath.Join(dir, "halong.ccsa")
	data, _ := assessment.Encode(demo.Clone())
	if err := os.WriteFile(ccsa, data, 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := []string{ccsa}
	for _, lang := range translations.Languages() {
		path := filepath.Join(dir, "Hạ Long báo cáo "+string(lang)+".xlsx")
		if _, err := report.WriteFile(path, a.qn, demo.Clone(), nil, report.Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, path)
	}
	// Changed at the same time: the first given is compared.
	same := time.Now().Add(-time.Hour)
	for _, in := range inputs {
		if err := os.Chtimes(in, same, same); err != nil {
			t.Fatal(err)
		}
	}
	broken := filepath.Join(dir, "broken.ccsa")
	os.WriteFile(broken, []byte("{"), 0o644)
	return append(inputs, broken)
}

// compareAndWait compares the inputs as the Add buttons do and waits for
// the page.
func compareAndWait(t *testing.T, a *App, inputs []string) {
	t.Helper()
	ready := make(chan struct{})
	a.CompareAdd(inputs, func() { close(ready) })
	select {
	case <-ready:
	case <-time.After(30 * time.Second):
		t.Fatal("comparison did not finish")
	}
	if _, ok := a.shown.(*compareView); a.page != ComparePage || !ok || a.compare.result == nil {
		t.Fatalf("page %s", a.page)
	}
	a.win.Content().Refresh()
}

// labelTexts lists the texts of the labels under o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(obj fyne.CanvasObject) {
		if l, ok := obj.(*widget.Label); ok && l.Text != "" {
			out = append(out, l.Text)
		}
	})
	return out
}

// drawnLines are the lines of text a label draws.
func drawnLines(l *widget.Label) []string {
	var out []string
	walk(l, func(obj fyne.CanvasObject) {
		if txt, ok := obj.(*canvas.Text); ok && strings.TrimSpace(txt.Text) != "" {
			out = append(out, strings.TrimSpace(txt.Text))
		}
	})
	return out
}

// checkWhole fails when a header label does not show its text whole: cut
// with "…", broken inside a word, or given less than the size it needs.
func checkWhole(t *testing.T, where string, l *widget.Label) {
	t.Helper()
	lines := drawnLines(l)
	if l.Truncation != fyne.TextTruncateOff || l.Wrapping != fyne.TextWrapWord {
		t.Errorf("%s: header %q is truncated or not wrapped at words", where, l.Text)
	}
	if got := strings.Join(lines, " "); got != strings.Join(strings.Fields(l.Text), " ") || strings.Contains(got, "…") {
		t.Errorf("%s: header %q is drawn as %q", where, l.Text, lines)
	}
	if min, got := l.MinSize(), l.Size(); got.Width+0.5 < min.Width || got.Height+0.5 < min.Height {
		t.Errorf("%s: header %q is %v, needs %v", where, l.Text, got, min)
	}
}

// TestComparingTheSameCityThriceShowsItOnce: an assessment file and two
// exported reports of one city, and a broken file, give one row, from the
// assessment file, with the two reports listed under the table as given
// again and the broken file with its reason; the headers are the full
// field names, drawn whole.
func TestComparingTheSameCityThriceShowsItOnce(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		loc := translations.New(lang)
		inputs := sameCityInputs(t, a)
		compareAndWait(t, a, inputs)
		res, v := a.compare.result, shownAs[*compareView](t, a)
		if len(res.Cities) != 1 || len(res.Duplicates) != 2 || len(res.Skipped) != 1 {
			t.Fatalf("%s: %d cities, %d duplicates, %d skipped", lang, len(res.Cities), len(res.Duplicates), len(res.Skipped))
		}
		cols := v.columns()
		rows, ncols := v.table.Length()
		if rows != 1 || ncols != len(cols) {
			t.Errorf("%s: table %d×%d", lang, rows, ncols)
		}
		city := res.Cities[0]
		if city.Path != inputs[0] || v.cell(res, 0, 0) != "Hạ Long" || v.cell(res, 0, len(cols)-1) != "halong.ccsa" {
			t.Errorf("%s: the row is %q from %q", lang, v.cell(res, 0, 0), v.cell(res, 0, len(cols)-1))
		}
		if cols[len(cols)-1] != loc.T("gui.compareView.colFile") {
			t.Errorf("%s: last column %q", lang, cols[len(cols)-1])
		}

		// The source file is drawn in the table.
		v.table.ScrollTo(widget.TableCellID{Row: 0, Col: len(cols) - 1})
		if drawn := labelTexts(v.table); !slices.Contains(drawn, "halong.ccsa") {
			t.Errorf("%s: the table draws %q", lang, drawn)
		}
		// Selecting the row shows the full paths.
		v.table.Select(widget.TableCellID{Row: 0, Col: 0})
		for _, in := range inputs[:3] {
			if !strings.Contains(v.details.Text, in) {
				t.Errorf("%s: the details line %q lacks %s", lang, v.details.Text, in)
			}
		}

		page := labelTexts(v.box)
		text := strings.Join(page, "\n")
		also := loc.T("gui.compareView.alsoGiven", map[string]any{"City": "Hạ Long, Quảng Ninh",
			"Files": filepath.Base(inputs[1]) + ", " + filepath.Base(inputs[2]), "File": "halong.ccsa"})
		for _, want := range []string{loc.T("gui.compareView.alsoGivenTitle"), "• " + also, loc.T("gui.compareView.skippedTitle"),
			loc.N("gui.compareSummary", 1, map[string]any{"Duplicates": 2, "Skipped": 1})} {
			if !slices.Contains(page, want) {
				t.Errorf("%s: the page lacks %q:\n%s", lang, want, text)
			}
		}
		p := res.Skipped[0].Problem
		p.Path = ""
		if reason := l10n.Problem(loc, p); reason == "" || !strings.Contains(text, inputs[3]+": "+reason) {
			t.Errorf("%s: the broken file is not listed with its reason %q:\n%s", lang, reason, text)
		}
		for _, stale := range []string{"last sheet", "last page", "trang cuối"} {
			if strings.Contains(text, stale) {
				t.Errorf("%s: the page points to the %q", lang, stale)
			}
		}

		// Every header, drawn or not, is the full name, whole.
		var fields []string
		for _, f := range a.qn.Fields() {
			fields = append(fields, l10n.SectionName(loc, f.ID))
		}
		if !slices.Equal(cols[2:2+len(fields)], fields) {
			t.Errorf("%s: field headers %q; want %q", lang, cols[2:2+len(fields)], fields)
		}
		for i, want := range cols {
			h := v.table.CreateHeader().(*widget.Label)
			v.table.UpdateHeader(widget.TableCellID{Row: -1, Col: i}, h)
			h.Resize(fyne.NewSize(v.widths[i], v.header))
			if h.Text != want {
				t.Errorf("%s: header %d is %q; want %q", lang, i, h.Text, want)
			}
			checkWhole(t, string(lang), h)
		}
		// And so are the headers the table draws.
		v.table.ScrollTo(widget.TableCellID{Row: 0, Col: 0})
		drawn := 0
		walk(v.table, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold && slices.Contains(cols, l.Text) {
				drawn++
				checkWhole(t, string(lang)+" drawn", l)
			}
		})
		if drawn < 6 {
			t.Errorf("%s: %d headers drawn", lang, drawn)
		}
	}
}

// The chart and the export stay, with the duplicates.
func TestComparingWithDuplicatesKeepsChartAndExport(t *testing.T) {
	a := newTestApp(t, translations.EN)
	compareAndWait(t, a, sameCityInputs(t, a))
	if got := labelTexts(shownAs[*compareView](t, a).box); !slices.Contains(got, a.loc.N("compare.chartTitle", 1, nil)) {
		t.Errorf("no chart: %q", got)
	}
	out := filepath.Join(t.TempDir(), "compare.xlsx")
	done := make(chan error, 1)
	a.CompareExport(out, translations.VI, func(err error) { done <- err })
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(out); err != nil || info.Size() == 0 {
		t.Fatalf("comparison workbook: %v", err)
	}
}

// TestTheWindowComparesTheNewestFileOfACity: File → Compare cities, given
// a folder with an old and a final file of Hạ Long (the old one sorting
// first) and a file dated in 2099, compares the final one, lists the
// others as given again and says that the date of 2099 was not believed.
func TestTheWindowComparesTheNewestFileOfACity(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		loc := translations.New(lang)
		dir := t.TempDir()
		now := time.Now()
		write := func(name string, updated, file time.Time) {
			demo, err := assessment.Demo()
			if err != nil {
				t.Fatal(err)
			}
			demo.UpdatedAt = updated
			data, _ := assessment.Encode(demo)
			path := filepath.Join(dir, name)
			os.WriteFile(path, data, 0o644)
			if err := os.Chtimes(path, file, file); err != nil {
				t.Fatal(err)
			}
		}
		write("a-halong-2025-old.ccsa", now.AddDate(-1, 0, 0), now)
		write("b-halong-2026-final.ccsa", now.Add(-time.Hour), now.Add(-time.Hour))
		write("c-halong-2099.ccsa", time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), now.AddDate(0, -1, 0))
		compareAndWait(t, a, []string{dir})
		res, v := a.compare.result, shownAs[*compareView](t, a)
		if len(res.Cities) != 1 || filepath.Base(res.Cities[0].Path) != "b-halong-2026-final.ccsa" || len(res.Duplicates) != 2 {
			t.Fatalf("%s: compared %+v, duplicates %d", lang, res.Cities, len(res.Duplicates))
		}
		page := strings.Join(labelTexts(v.box), "\n")
		also := loc.T("gui.compareView.alsoGiven", map[string]any{"City": "Hạ Long, Quảng Ninh",
			"Files": "a-halong-2025-old.ccsa, c-halong-2099.ccsa", "File": "b-halong-2026-final.ccsa"})
		if !strings.Contains(page, also) {
			t.Errorf("%s: the page lacks %q:\n%s", lang, also, page)
		}
		p := res.Warnings[0]
		p.Path = ""
		if want := filepath.Join(dir, "c-halong-2099.ccsa") + ": " + l10n.Problem(loc, p); !strings.Contains(page, want) {
			t.Errorf("%s: the page lacks %q:\n%s", lang, want, page)
		}
	}
}
