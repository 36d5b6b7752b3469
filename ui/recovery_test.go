package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/translations"
)

// crash ends an app as a killed process ends, with its unsaved work
// autosaved: the copy stays and the system releases its lock.
func crash(a *App) {
	a.autosave.stop()
	a.doc.Close()
}

// leaveUnsaved types a city name into an app and autosaves it.
func leaveUnsaved(t *testing.T, a *App, city string) {
	t.Helper()
	a.showPage("profile")
	e := a.inputs.entry("profile.name")
	e.SetText("")
	test.Type(e, city)
	a.autosave.now()
	if a.doc.RecoveryFile() == "" {
		t.Fatalf("%s: not autosaved: %s", city, a.chrome.status.Text)
	}
}

// rowButton taps the button of that label in the offer's row that names
// the text.
func rowButton(t *testing.T, a *App, text, label string) {
	t.Helper()
	test.Tap(findRowButton(t, a, text, label))
}

// findRowButton is the button of that label in the offer's row that
// names text.
func findRowButton(t *testing.T, a *App, text, label string) *dialogButton {
	t.Helper()
	var found *dialogButton
	for _, o := range a.win.Canvas().Overlays().List() {
		walk(o, func(obj fyne.CanvasObject) {
			c, ok := obj.(*fyne.Container)
			if !ok || found != nil {
				return
			}
			names := false
			for _, child := range c.Objects {
				if l, ok := child.(*widget.Label); ok && strings.Contains(l.Text, text) {
					names = true
				}
			}
			if names {
				walk(c, func(obj fyne.CanvasObject) {
					if b, ok := obj.(*dialogButton); ok && b.Text == label {
						found = b
					}
				})
			}
		})
	}
	if found == nil {
		t.Fatalf("no %q for %q in %q", label, text, dialogText(a))
	}
	return found
}

// TestRestoringWithTheSpaceBarTypesNoSpace: Space on a focused Restore
// button is a key event, then a character event that the toolkit gives
// to whatever has the focus by then. The restored page's first input
// must not take it.
func TestRestoringWithTheSpaceBarTypesNoSpace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "recovery")
	for _, city := range []string{"Vũng Tàu", "Cần Thơ"} {
		a := newTestAppIn(t, translations.EN, dir)
		leaveUnsaved(t, a, city)
		crash(a)
	}
	b := newTestAppIn(t, translations.EN, dir)
	b.showPage("profile")
	if !b.offerRecovery() {
		t.Fatal("nothing offered")
	}
	restore := findRowButton(t, b, "Vũng Tàu", "Restore")
	c := b.win.Canvas()
	c.Focus(restore)
	// As the driver delivers Space: the key's press, then its character
	// to the object focused at that moment, then its release.
	pressKey(b, fyne.KeySpace, ' ')
	if got := b.Assessment().City.Name; got != "Vũng Tàu" {
		t.Errorf("after Space on Restore the city reads %q", got)
	}
	// The first input takes the focus once the page is drawn.
	name := b.inputs.entry("profile.name")
	for end := time.Now().Add(5 * time.Second); c.Focused() != fyne.Focusable(name) && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
	if c.Focused() != fyne.Focusable(name) {
		t.Errorf("the focus is on %T after the restore", c.Focused())
	}
}

// TestTheStartListsEveryCopyLeftByOtherWindows: three windows were killed
// with unsaved work (one never saved, one on a file, one whose file cannot
// be checked now) and a fourth is still open. The next start lists the
// three, each with its city, file and time, says which file could not be
// checked, and leaves the open window's work alone. Discarding one and
// restoring another leaves the third for the next start.
func TestTheStartListsEveryCopyLeftByOtherWindows(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "recovery")
	file := filepath.Join(t.TempDir(), "Hạ Long.ccsa")
	demo, _ := assessment.Demo()
	if err := files.Save(file, demo); err != nil {
		t.Fatal(err)
	}
	offline := filepath.Join(t.TempDir(), "share", "Huế 2025.ccsa")
	os.MkdirAll(filepath.Dir(offline), 0o755)
	if err := files.Save(offline, demo); err != nil {
		t.Fatal(err)
	}
	never := newTestAppIn(t, translations.EN, dir)
	leaveUnsaved(t, never, "Vũng Tàu")
	onFile := newTestAppIn(t, translations.EN, dir)
	onFile.OpenPath(file)
	leaveUnsaved(t, onFile, "Hạ Long 2026")
	unreachable := newTestAppIn(t, translations.EN, dir)
	unreachable.OpenPath(offline)
	leaveUnsaved(t, unreachable, "Huế 2025")
	live := newTestAppIn(t, translations.EN, dir)
	leaveUnsaved(t, live, "Đà Lạt")
	for _, a := range []*App{never, onFile, unreachable} {
		crash(a)
	}
	// The share goes offline: its folder can no longer be examined.
	os.RemoveAll(filepath.Dir(offline))
	os.WriteFile(filepath.Dir(offline), nil, 0o644)

	b := newTestAppIn(t, translations.EN, dir)
	if !b.offerRecovery() {
		t.Fatal("nothing offered")
	}
	text := dialogText(b)
	for _, want := range []string{"3 pieces of work", "Vũng Tàu — not saved yet", "Hạ Long 2026 — " + file,
		"Huế 2025 — " + offline, "autosaved at " + fixedNow.Format("15:04 02/01/2006"), "cannot be checked now"} {
		if !strings.Contains(text, want) {
			t.Errorf("the offer lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Đà Lạt") {
		t.Errorf("the offer lists the work of a window still open:\n%s", text)
	}
	if n := strings.Count(text, "cannot be checked now"); n != 1 {
		t.Errorf("%d files said unreachable, want 1", n)
	}
	if got := strings.Join(buttons(b), "|"); strings.Count(got, "Restore") != 3 || strings.Count(got, "Discard") != 3 ||
		!strings.Contains(got, "Later") {
		t.Errorf("buttons %s", got)
	}
	rowButton(t, b, "Vũng Tàu", "Discard")
	if text := dialogText(b); strings.Contains(text, "Vũng Tàu") || !strings.Contains(text, "Huế 2025") {
		t.Errorf("after a discard the offer reads:\n%s", text)
	}
	rowButton(t, b, "Hạ Long 2026", "Restore")
	if len(b.win.Canvas().Overlays().List()) != 0 {
		t.Errorf("the offer stays open after a restore: %s", dialogText(b))
	}
	if b.Assessment().City.Name != "Hạ Long 2026" || !b.Dirty() || b.doc.Path() != file {
		t.Fatalf("restored %q of %q, dirty %v", b.Assessment().City.Name, b.doc.Path(), b.Dirty())
	}
	// The next start offers what was left, alone: not the work restored
	// in a window still open, not the work discarded.
	c := newTestAppIn(t, translations.VI, dir)
	if !c.offerRecovery() {
		t.Fatal("the copy left for later is not offered")
	}
	text = dialogText(c)
	if !strings.Contains(text, "Huế 2025") || !strings.Contains(text, "Hiện không kiểm tra được tệp") ||
		strings.Contains(text, "Hạ Long 2026") || strings.Contains(text, "Vũng Tàu") {
		t.Errorf("the next start offers:\n%s", text)
	}
}

// TestTheListOfCopiesInVietnamese: the list's words in Vietnamese.
func TestTheListOfCopiesInVietnamese(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "recovery")
	for _, city := range []string{"Huế", "Đà Lạt"} {
		a := newTestAppIn(t, translations.VI, dir)
		leaveUnsaved(t, a, city)
		crash(a)
	}
	b := newTestAppIn(t, translations.VI, dir)
	if !b.offerRecovery() {
		t.Fatal("nothing offered")
	}
	text := dialogText(b)
	for _, want := range []string{"Có 2 phiếu", "Huế — chưa lưu", "Đà Lạt — chưa lưu", "tự động lưu tạm lúc"} {
		if !strings.Contains(text, want) {
			t.Errorf("the offer lacks %q:\n%s", want, text)
		}
	}
	got := strings.Join(buttons(b), "|")
	for _, want := range []string{"Khôi phục", "Bỏ thay đổi", "Để sau"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in %s", want, got)
		}
	}
	// Later keeps both for another window.
	tapButton(t, b, "Để sau")
	if rs := newTestAppIn(t, translations.VI, dir).doc.Pending(); len(rs) != 2 {
		t.Errorf("%d copies offered after Later, want 2", len(rs))
	}
}
