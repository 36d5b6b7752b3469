package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

var fixedNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.Local)

// newTestApp builds the app on Fyne's test driver (never a real window).
func newTestApp(t *testing.T, lang translations.Lang) *App {
	t.Helper()
	return newTestAppIn(t, lang, filepath.Join(t.TempDir(), "recovery"))
}

// newTestAppIn builds the app with its autosaved work in recoveryDir, as
// the next start of the app on the same computer finds it.
func newTestAppIn(t *testing.T, lang translations.Lang, recoveryDir string) *App {
	t.Helper()
	fa := test.NewTempApp(t)
	qn, err := assessment.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := New(fa, qn, Options{Lang: lang, Version: "test", Now: func() time.Time { return fixedNow },
		RecoveryDir: recoveryDir})
	a.win.Resize(fyne.NewSize(1280, 800))
	return a
}

func openDemo(t *testing.T, a *App) {
	t.Helper()
	doc, err := assessment.Demo()
	if err != nil {
		t.Fatal(err)
	}
	a.doc.Replace(doc, "")
}

func number(t *testing.T, a *App, id string) numberWidget {
	t.Helper()
	w := a.inputs.number(id)
	if w.entry == nil {
		t.Fatalf("%s has no number entry on page %s", id, a.page)
	}
	return w
}

// shownAs is the page shown, which the test expects to be a P.
func shownAs[P page](t testing.TB, a *App) P {
	t.Helper()
	p, ok := a.shown.(P)
	if !ok {
		t.Fatalf("the page shown is %T, not %T", a.shown, p)
	}
	return p
}

func fieldScore(a *App, id string) float64 {
	f, _ := a.Result().Field(id)
	return f.Score
}

func TestTypingAnswersUpdatesTheModelAndScore(t *testing.T) {
	a := newTestApp(t, translations.EN)
	a.ShowQuestion("profile.population")
	test.Type(number(t, a, "profile.population").entry, "300,000")
	if a.Assessment().City.Population != 300000 {
		t.Fatalf("population = %v", a.Assessment().City.Population)
	}
	a.showPage("gastronomy")
	before := fieldScore(a, "gastronomy")
	test.Type(number(t, a, "gastronomy.traditional_restaurants").entry, "60")
	if v, _ := a.value("gastronomy.traditional_restaurants").Number(); v != 60 {
		t.Fatalf("value = %v", v)
	}
	if after := fieldScore(a, "gastronomy"); after <= before {
		t.Errorf("score %v -> %v", before, after)
	}
	levels := a.inputs.choice("gastronomy.signature_dishes")
	test.Type(levels, "3")
	if v, _ := a.value("gastronomy.signature_dishes").Number(); v != 3 {
		t.Fatalf("rubric = %v", v)
	}
	levels.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	levels.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if v, _ := a.value("gastronomy.signature_dishes").Number(); v != 1 || levels.Selected() != 1 {
		t.Fatalf("rubric = %v, level %d selected", v, levels.Selected())
	}
	yesNo := a.inputs.choice("gastronomy.major_food_festival")
	test.Type(yesNo, "y")
	if b, ok := a.value("gastronomy.major_food_festival").Bool(); !ok || !b {
		t.Fatal("boolean not stored")
	}
	if !a.Dirty() || !strings.HasPrefix(a.win.Title(), "* ") {
		t.Errorf("not marked unsaved: %q", a.win.Title())
	}
}

func TestAnInvalidNumberShowsAnErrorAndKeepsTheOldValue(t *testing.T) {
	a := newTestApp(t, translations.EN)
	a.showPage("gastronomy")
	w := number(t, a, "gastronomy.traditional_restaurants")
	test.Type(w.entry, "42")
	w.entry.SetText("")
	test.Type(w.entry, "42")
	test.Type(w.entry, "x") // "42x"
	if v, _ := a.value("gastronomy.traditional_restaurants").Number(); v != 42 {
		t.Fatalf("stored value = %v; want the old 42", v)
	}
	if !w.message.Visible() || !strings.Contains(w.message.Text, "is not a number") {
		t.Fatalf("message %q visible=%v", w.message.Text, w.message.Visible())
	}
	w.entry.SetText("-5")
	if v, _ := a.value("gastronomy.traditional_restaurants").Number(); v != 42 || !strings.Contains(w.message.Text, "negative") {
		t.Fatalf("negative: value %v, message %q", v, w.message.Text)
	}
	w.entry.SetText("1,234")
	if v, _ := a.value("gastronomy.traditional_restaurants").Number(); v != 1234 || w.message.Visible() {
		t.Fatalf("1,234: value %v, message %q", v, w.message.Text)
	}
}

func TestVietnameseNumbersUseTheirOwnNotation(t *testing.T) {
	a := newTestApp(t, translations.VI)
	a.showPage("profile")
	w := number(t, a, "profile.area_km2")
	w.entry.SetText("1.119,1")
	if a.Assessment().City.AreaKm2 != 1119.1 {
		t.Fatalf("area = %v", a.Assessment().City.AreaKm2)
	}
	w.entry.SetText("1,119.1")
	if a.Assessment().City.AreaKm2 != 1119.1 || !strings.Contains(w.message.Text, "không phải là số") {
		t.Fatalf("area = %v, message %q", a.Assessment().City.AreaKm2, w.message.Text)
	}
}

func TestSwitchingLanguageKeepsAnswersPageAndDrafts(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	a.showPage("music")
	w := number(t, a, "music.venues")
	w.entry.SetText("12")
	ev := a.Assessment().Answer("music.venues")
	a.showPage("gastronomy")
	draft := number(t, a, "gastronomy.professional_chefs")
	draft.entry.SetText("7x") // still being edited: not a number yet
	shownAs[*pageView](t, a).scroll.ScrollToOffset(fyne.NewPos(0, 900))
	answers := a.Assessment().Clone()

	if got := a.navName("gastronomy"); got != "Gastronomy" {
		t.Fatalf("nav name %q", got)
	}
	a.SetLanguage(translations.VI)

	if a.page != "gastronomy" {
		t.Errorf("page %s after the switch", a.page)
	}
	if shownAs[*pageView](t, a).scroll.Offset.Y != 900 {
		t.Errorf("scroll offset %v", shownAs[*pageView](t, a).scroll.Offset)
	}
	for id, ans := range answers.Answers {
		if got := a.Assessment().Answer(id); got == nil || got.Value.Raw() != ans.Value.Raw() || got.Evidence != ans.Evidence {
			t.Errorf("answer %s changed", id)
		}
	}
	if ev == nil || a.value("music.venues").Raw() != "12" {
		t.Errorf("music.venues = %s", a.value("music.venues").Raw())
	}
	if got := number(t, a, "gastronomy.professional_chefs").entry.Text; got != "7x" {
		t.Errorf("draft lost: %q", got)
	}
	for id, want := range map[string]string{"gastronomy": "Ẩm thực", "results": "Kết quả", "profile": "Thông tin thành phố"} {
		if got := a.navName(id); got != want {
			t.Errorf("nav %s = %q; want %q", id, got, want)
		}
	}
	if menu := a.win.MainMenu().Items[0].Label; menu != "Tệp" {
		t.Errorf("file menu %q", menu)
	}
	if a.controls.langPick.Selected != "Tiếng Việt" {
		t.Errorf("language picker shows %q", a.controls.langPick.Selected)
	}
	if !strings.Contains(a.chrome.status.Text, "chưa lưu") {
		t.Errorf("status %q", a.chrome.status.Text)
	}
	if got := a.fyne.Preferences().String(prefLanguage); got != "vi" {
		t.Errorf("preference %q", got)
	}
	a.SetLanguage(translations.EN)
	if got := a.navName("gastronomy"); got != "Gastronomy" {
		t.Errorf("back to English: %q", got)
	}
}

func TestTappingAGapOpensItsQuestion(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	a.showPage(ResultsPage)
	gap := a.Result().Gaps[len(a.Result().Gaps)-1]
	q, _ := a.qn.Question(gap.QuestionID)
	// The last gap of the recommended field (readiness's follow it).
	test.Tap(linkButton(t, a, a.t("gui.gapLine", map[string]any{"Points": l10n.Score(a.loc, gap.Gain), "Question": a.t(q.TextID())})))
	if a.page != q.Section().ID {
		t.Fatalf("page %s; want %s", a.page, q.Section().ID)
	}
	card := shownAs[*pageView](t, a).cards[gap.QuestionID]
	if shownAs[*pageView](t, a).scroll.Offset.Y <= 0 || shownAs[*pageView](t, a).scroll.Offset.Y != card.Position().Y {
		t.Errorf("scrolled to %v; card at %v", shownAs[*pageView](t, a).scroll.Offset, card.Position())
	}
}

// linkButton is the button of the results page's line of a text (a
// question or a page to open); the last one when there are several.
func linkButton(t *testing.T, a *App, text string) fyne.Tappable {
	t.Helper()
	var found fyne.Tappable
	for _, o := range shownAs[*resultsView](t, a).box.Objects {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 2 {
			l, isLabel := c.Objects[0].(*widget.Label)
			switch b := c.Objects[1].(type) {
			case *widget.Button, *button:
				if isLabel && l.Text == text {
					found = b.(fyne.Tappable)
				}
			}
		}
	}
	if found == nil {
		t.Fatalf("no line %q on the results page", text)
	}
	return found
}

func TestSaveThenReopenGivesTheSameAnswers(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	a.showPage("crafts")
	test.Type(number(t, a, "crafts.craft_workers").entry, "9")
	path := filepath.Join(t.TempDir(), "halong.ccsa")
	if err := a.doc.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if a.Dirty() || strings.HasPrefix(a.win.Title(), "*") || !strings.Contains(a.chrome.status.Text, "saved at") {
		t.Errorf("after save: dirty=%v title=%q status=%q", a.Dirty(), a.win.Title(), a.chrome.status.Text)
	}
	b := newTestApp(t, translations.EN)
	b.OpenPath(path)
	if b.doc.Path() != path || b.Dirty() {
		t.Fatalf("reopened path %q dirty %v", b.doc.Path(), b.Dirty())
	}
	want, _ := assessment.Encode(a.Assessment().Clone())
	got, _ := assessment.Encode(b.Assessment().Clone())
	if string(want) != string(got) {
		t.Error("reopened assessment differs")
	}
}

func TestOpeningABadFileKeepsTheCurrentWork(t *testing.T) {
	a := newTestApp(t, translations.VI)
	openDemo(t, a)
	bad := filepath.Join(t.TempDir(), "hong.ccsa")
	os.WriteFile(bad, []byte(`{"format":"creativecity-assessment","schemaVersion":99}`), 0o644)
	a.OpenPath(bad)
	if a.Assessment().City.Name != "Hạ Long" {
		t.Fatal("the current work was replaced")
	}
	if a.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no error dialog")
	}
	text := dialogText(a)
	if !strings.Contains(text, bad) || !strings.Contains(text, "phiên bản mới hơn") {
		t.Errorf("error dialog says %q", text)
	}
}

// dialogText collects the label texts of the window's overlays.
func dialogText(a *App) string {
	var b strings.Builder
	for _, o := range a.win.Canvas().Overlays().List() {
		walk(o, func(obj fyne.CanvasObject) {
			if l, ok := obj.(*widget.Label); ok {
				b.WriteString(l.Text + "\n")
			}
		})
	}
	return b.String()
}

// walk calls fn on every visible object of a tree.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	visit(o, fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position) { fn(o) })
}

// buttons lists the button labels in the window's overlays.
func buttons(a *App) []string {
	var out []string
	for _, o := range a.win.Canvas().Overlays().List() {
		out = append(out, buttonsIn(o)...)
	}
	return out
}

// buttonsIn lists the button labels under an object.
func buttonsIn(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(obj fyne.CanvasObject) {
		if b, ok := asButton(obj); ok {
			out = append(out, b.Text)
		}
	})
	return out
}

func TestClosingWithUnsavedChangesAsks(t *testing.T) {
	a := newTestApp(t, translations.EN)
	a.showPage("profile")
	test.Type(a.inputs.entry("profile.name"), "Huế")
	a.confirmClose()
	got := strings.Join(buttons(a), "|")
	for _, want := range []string{"Save", "Discard", "Cancel"} {
		if !strings.Contains(got, want) {
			t.Fatalf("close dialog buttons %q lack %q", got, want)
		}
	}
	if a.closed {
		t.Fatal("closed without asking")
	}
	tapButton(t, a, "Cancel")
	if a.closed || a.Assessment().City.Name != "Huế" {
		t.Fatal("Cancel closed the window or lost the work")
	}
	a.confirmClose()
	tapButton(t, a, "Discard")
	if !a.closed {
		t.Fatal("Discard did not close")
	}
}

func tapButton(t *testing.T, a *App, label string) {
	t.Helper()
	for _, o := range a.win.Canvas().Overlays().List() {
		var found *widget.Button
		walk(o, func(obj fyne.CanvasObject) {
			if b, ok := asButton(obj); ok && b.Text == label {
				found = b
			}
		})
		if found != nil {
			test.Tap(found)
			return
		}
	}
	t.Fatalf("no button %q in %v", label, buttons(a))
}

// asButton is the toolkit's button of a button, the app's dialog buttons
// included.
func asButton(o fyne.CanvasObject) (*widget.Button, bool) {
	switch b := o.(type) {
	case *widget.Button:
		return b, true
	case *dialogButton:
		return &b.Button, true
	case *button: // the app's button, which Enter presses too
		return &b.Button, true
	}
	return nil, false
}

func TestFileDialogFollowsTheLanguage(t *testing.T) {
	a := newTestApp(t, translations.EN)
	a.OpenDialog()
	en := strings.Join(buttons(a), "|")
	a.win.Canvas().Overlays().Top().Hide()
	a.win.Canvas().Overlays().Remove(a.win.Canvas().Overlays().Top())
	a.SetLanguage(translations.VI)
	a.OpenDialog()
	vi := strings.Join(buttons(a), "|")
	if !strings.Contains(en, "Open") || !strings.Contains(en, "Cancel") {
		t.Errorf("English file dialog buttons: %s", en)
	}
	if !strings.Contains(vi, "Mở") || !strings.Contains(vi, "Hủy") {
		t.Errorf("Vietnamese file dialog buttons: %s", vi)
	}
}

func TestAutosaveIsOfferedAtTheNextStart(t *testing.T) {
	a := newTestApp(t, translations.EN)
	a.showPage("profile")
	test.Type(a.inputs.entry("profile.name"), "Đà Lạt")
	a.autosave.now()
	if a.doc.AutosavedAt().IsZero() || !strings.Contains(a.chrome.status.Text, "autosaved") {
		t.Fatalf("status %q", a.chrome.status.Text)
	}
	if newTestAppIn(t, translations.EN, a.opts.RecoveryDir).offerRecovery() {
		t.Fatal("the work of a window still open is offered")
	}
	crash(a)
	b := newTestAppIn(t, translations.EN, a.opts.RecoveryDir)
	if !b.offerRecovery() {
		t.Fatal("no recovery offered")
	}
	tapButton(t, b, "Restore")
	if b.Assessment().City.Name != "Đà Lạt" || !b.Dirty() {
		t.Fatalf("restored %q dirty=%v", b.Assessment().City.Name, b.Dirty())
	}
	// Once saved, the autosave is gone.
	if err := b.doc.SaveAs(filepath.Join(t.TempDir(), "dalat.ccsa")); err != nil {
		t.Fatal(err)
	}
	c := newTestAppIn(t, translations.EN, a.opts.RecoveryDir)
	if c.offerRecovery() {
		t.Error("recovery offered after saving")
	}
}

func TestExportRunsInTheBackground(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	path := filepath.Join(t.TempDir(), "report.xlsx")
	done := make(chan error, 1)
	a.Export(path, translations.VI, func(err error) { done <- err })
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("export did not finish")
	}
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("report: %v", err)
	}
	if text := dialogText(a); !strings.Contains(text, path) {
		t.Errorf("success dialog says %q", text)
	}
}

// BenchmarkLanguageSwitch rebuilds a field page with the demo in the other
// language (target ≤ 150 ms).
func BenchmarkLanguageSwitch(b *testing.B) {
	fa := test.NewTempApp(b)
	qn, _ := assessment.Default()
	a := New(fa, qn, Options{Lang: translations.EN, RecoveryDir: b.TempDir()})
	doc, _ := assessment.Demo()
	a.doc.Replace(doc, "")
	a.showPage("gastronomy")
	langs := []translations.Lang{translations.VI, translations.EN}
	i := 0
	for b.Loop() {
		a.SetLanguage(langs[i%2])
		i++
	}
}

func TestComparingCitiesShowsTheTableAndExports(t *testing.T) {
	a := newTestApp(t, translations.VI)
	dir := t.TempDir()
	demo, _ := assessment.Demo()
	for name, city := range map[string]string{"halong.ccsa": "Hạ Long", "hue.ccsa": "Huế"} {
		c := demo.Clone()
		c.City.Name = city
		data, _ := assessment.Encode(c)
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "broken.ccsa"), []byte("{"), 0o644)
	ready := make(chan struct{})
	a.CompareAdd([]string{dir}, func() { close(ready) })
	select {
	case <-ready:
	case <-time.After(20 * time.Second):
		t.Fatal("comparison did not finish")
	}
	if _, ok := a.shown.(*compareView); a.page != ComparePage || !ok || a.compare.result == nil {
		t.Fatalf("page %s", a.page)
	}
	if n := len(a.compare.result.Cities); n != 2 || len(a.compare.result.Skipped) != 1 {
		t.Fatalf("%d cities, %d skipped", n, len(a.compare.result.Skipped))
	}
	// Name, province, one column per field, readiness, recommendation,
	// confidence, stability, rank among the cities, against the next,
	// file.
	nf := len(a.qn.Fields())
	gastronomy := 2 + slices.IndexFunc(a.qn.Fields(), func(s *assessment.Section) bool { return s.ID == "gastronomy" })
	rows, cols := shownAs[*compareView](t, a).table.Length()
	if rows != 2 || cols != nf+9 {
		t.Errorf("table %dx%d", rows, cols)
	}
	res := a.compare.result
	if got := shownAs[*compareView](t, a).cell(res, 0, gastronomy); got != "79,4" {
		t.Errorf("gastronomy cell %q", got)
	}
	if got := shownAs[*compareView](t, a).cell(res, 0, nf+3); got != "Ẩm thực" {
		t.Errorf("recommendation cell %q", got)
	}
	// The two cities have the same answers: stable on their own, level
	// among the cities and so not separable.
	if got := shownAs[*compareView](t, a).cell(res, 0, nf+5); got != "100%" {
		t.Errorf("stability cell %q", got)
	}
	if got, next := shownAs[*compareView](t, a).cell(res, 0, nf+6), shownAs[*compareView](t, a).cell(res, 0, nf+7); got != "1" || next != a.t("compare.notSeparable") {
		t.Errorf("rank cells %q, %q", got, next)
	}
	// Selecting a city gives its rank in each field; level cities are not
	// separable in any.
	shownAs[*compareView](t, a).table.Select(widget.TableCellID{Row: 0, Col: 0})
	if got := shownAs[*compareView](t, a).details.Text; !strings.Contains(got, "Ẩm thực 1 ≈") || !strings.Contains(got, "Kiến trúc 1 ≈") {
		t.Errorf("details %q", got)
	}
	a.SetLanguage(translations.EN)
	if a.page != ComparePage || shownAs[*compareView](t, a).cell(res, 0, nf+3) != "Gastronomy" {
		t.Errorf("after switch: page %s", a.page)
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

// TestRecoveryIsOfferedWhenTheClockWentBackwards: the file was saved at
// 10:00 by a clock that was then set back, so the autosave says 09:00; the
// file is unchanged since, so the autosave is still the newer work.
func TestRecoveryIsOfferedWhenTheClockWentBackwards(t *testing.T) {
	a := newTestApp(t, translations.EN)
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	openDemo(t, a)
	if err := a.doc.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Hour)
	os.Chtimes(path, future, future)
	a.OpenPath(path)
	a.showPage("profile")
	test.Type(a.inputs.entry("profile.name"), " (mới)")
	a.opts.Now = func() time.Time { return future.Add(-2 * time.Hour) } // the clock went back
	a.autosave.now()
	crash(a)
	b := newTestAppIn(t, translations.EN, a.opts.RecoveryDir)
	if !b.offerRecovery() {
		t.Fatal("recovery not offered after the clock went backwards")
	}
	tapButton(t, b, "Restore")
	if !strings.Contains(b.Assessment().City.Name, "(mới)") || b.doc.Path() != path {
		t.Errorf("restored %q from %q", b.Assessment().City.Name, b.doc.Path())
	}
	// Someone saves the file later: the old autosave is no longer offered.
	crash(b)
	later := future.Add(time.Hour)
	os.Chtimes(path, later, later)
	c := newTestAppIn(t, translations.EN, a.opts.RecoveryDir)
	if c.offerRecovery() {
		t.Error("an autosave older than the file was offered")
	}
}

func TestSavingOverAFileChangedByOthersAsksFirst(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	path := filepath.Join(t.TempDir(), "halong.ccsa")
	if err := a.doc.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	other := time.Now().Add(time.Minute)
	os.Chtimes(path, other, other) // someone else saved it
	before, _ := os.ReadFile(path)
	a.showPage("profile")
	test.Type(a.inputs.entry("profile.name"), "X")
	a.Save()
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("overwritten without asking")
	}
	if !strings.Contains(dialogText(a), "changed by someone else") {
		t.Fatalf("no warning: %q", dialogText(a))
	}
	tapButton(t, a, "Overwrite")
	if after, _ := os.ReadFile(path); string(after) == string(before) || a.Dirty() {
		t.Error("Overwrite did not save")
	}
}

// TestSavingIntoAReadOnlyFolderKeepsTheWorkAndTheAutosave: the error names
// the file, the work stays open and unsaved, and autosave goes on.
func TestSavingIntoAReadOnlyFolderKeepsTheWorkAndTheAutosave(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("a read-only mount needs root (CI runs as root)")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_RDONLY, "size=1m"); err != nil {
		t.Skipf("cannot mount: %v", err)
	}
	defer syscall.Unmount(dir, syscall.MNT_DETACH)
	a := newTestApp(t, translations.EN)
	a.showPage("profile")
	test.Type(a.inputs.entry("profile.name"), "Vũng Tàu")
	path := filepath.Join(dir, "vungtau.ccsa")
	a.trySave(path, func() error { return a.doc.SaveAs(path) }, nil)
	if text := dialogText(a); !strings.Contains(text, path) || !strings.Contains(text, "read-only") {
		t.Errorf("error dialog says %q", text)
	}
	if !a.Dirty() || a.Assessment().City.Name != "Vũng Tàu" {
		t.Fatal("the work was lost")
	}
	a.autosave.now()
	if a.doc.AutosavedAt().IsZero() {
		t.Fatal("autosave stopped")
	}
	if _, err := os.Stat(a.doc.RecoveryFile()); err != nil {
		t.Fatal(err)
	}
}

// TestASecondEditorOfTheSameFileIsWarned simulates another computer that
// has the file open: opening warns, and saving asks before overwriting.
func TestASecondEditorOfTheSameFileIsWarned(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	first := newTestApp(t, translations.EN)
	openDemo(t, first)
	if err := first.doc.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	// The first editor's lock, as another computer would leave it.
	held, _ := files.ReadLock(path)
	held.Host = "phong-van-hoa-2"
	data, _ := json.Marshal(held)
	os.WriteFile(files.LockPath(path), data, 0o644)

	second := newTestApp(t, translations.EN)
	second.OpenPath(path)
	if text := dialogText(second); !strings.Contains(text, "already open for editing") || !strings.Contains(text, "phong-van-hoa-2") {
		t.Fatalf("no warning on open: %q", text)
	}
	before, _ := os.ReadFile(path)
	second.showPage("profile")
	test.Type(second.inputs.entry("profile.name"), "Z")
	second.Save()
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("saved over another editor without asking")
	}
	tapButton(t, second, "Overwrite")
	if second.Dirty() {
		t.Error("Overwrite did not save")
	}
}

// TestAFileOfQuestionnaire2026OpensWithWhatChanged: the 2026.1 demo kept
// in the test data opens; a dialog says it was written for 2026.1, that
// the same answers can score differently, and what changed; the answers
// of removed questions are listed on the results page.
func TestAFileOfQuestionnaire2026OpensWithWhatChanged(t *testing.T) {
	a := newTestApp(t, translations.EN)
	if a.qn.Version == "2026.1" {
		t.Skip("the questionnaire is still 2026.1: nothing to migrate")
	}
	data, err := os.ReadFile("../assessment/testdata/v2026.1/demo-halong-gastronomy.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.ccsa")
	os.WriteFile(path, data, 0o644)
	old, _ := assessment.Decode(data, path)
	a.OpenPath(path)
	text := dialogText(a)
	for _, want := range []string{"2026.1", a.qn.Version, "can score differently"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog does not say %q: %s", want, text)
		}
	}
	var removed []string
	for id := range old.Answers {
		if _, ok := a.qn.Question(id); !ok {
			removed = append(removed, id)
		}
	}
	a.showPage(ResultsPage)
	page := pageText(a)
	for _, id := range removed {
		if !strings.Contains(page, id) {
			t.Errorf("the kept answer of %s is not on the results page", id)
		}
	}
}

// pageText collects the texts of the labels and paragraphs of the page shown.
func pageText(a *App) string {
	var b strings.Builder
	walk(a.chrome.body, func(obj fyne.CanvasObject) {
		switch o := obj.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *paragraph:
			b.WriteString(o.Text + "\n")
		}
	})
	return b.String()
}

// TestTheNavigationSaysNotAssessedBeforeAnyAnswer: a section with nothing
// answered shows "— not assessed", not a score of 0; its first answer gives
// it a score.
func TestTheNavigationSaysNotAssessedBeforeAnyAnswer(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		notAssessed := a.t("result.notAssessed")
		if got := a.navDetail("film"); !strings.HasPrefix(got, "— "+notAssessed) {
			t.Errorf("%s: film, nothing answered: %q", lang, got)
		}
		a.doc.Edit(func(doc *assessment.Assessment) { doc.SetValue("film.festivals", assessment.NumberValue(0)) })
		if got := a.navDetail("film"); strings.Contains(got, notAssessed) || !strings.HasPrefix(got, "0") {
			t.Errorf("%s: film, one answer at level 0: %q", lang, got)
		}
	}
}
