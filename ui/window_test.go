package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"creativecity/assessment"
	"creativecity/assets"
	"creativecity/translations"
)

// TestTheFirstWindowFitsAnOfficeLaptop: the first window's content is at
// most 1280×680, and every page can shrink to a 1024×600 screen.
func TestTheFirstWindowFitsAnOfficeLaptop(t *testing.T) {
	for _, lang := range translations.Languages() {
		fa := test.NewTempApp(t)
		qn, _ := assessment.Default()
		a := New(fa, qn, Options{Lang: lang, Now: func() time.Time { return fixedNow }, RecoveryDir: t.TempDir()})
		if s := a.win.Canvas().Size(); s.Width > 1280 || s.Height > 680 {
			t.Errorf("%s: first window %v", lang, s)
		}
		openDemo(t, a)
		for _, page := range []string{"profile", "readiness", "gastronomy", PlanPage, ApplicationPage, ResultsPage, ComparePage} {
			a.showPage(page)
			if m := a.win.Content().MinSize(); m.Width > 1000 || m.Height > 540 {
				t.Errorf("%s, page %s: the content needs at least %v, more than a 1024×600 screen has", lang, page, m)
			}
		}
	}
}

// TestTheWindowSizeIsRemembered: the size at closing is the next start's.
func TestTheWindowSizeIsRemembered(t *testing.T) {
	fa := test.NewTempApp(t)
	qn, _ := assessment.Default()
	opts := Options{Lang: translations.EN, Now: func() time.Time { return fixedNow }, RecoveryDir: t.TempDir()}
	a := New(fa, qn, opts)
	a.win.Resize(fyne.NewSize(1100, 600))
	a.confirmClose()
	if !a.closed {
		t.Fatal("the window did not close")
	}
	b := New(fa, qn, opts)
	if s := b.win.Canvas().Size(); s != fyne.NewSize(1100, 600) {
		t.Errorf("the next window is %v, want 1100×600", s)
	}
}

// TestADroppedFileOpens: a .ccsa file dropped on the window opens as Open
// would open it.
func TestADroppedFileOpens(t *testing.T) {
	a := newTestApp(t, translations.EN)
	path := filepath.Join(t.TempDir(), "Hạ Long.ccsa")
	if err := os.WriteFile(path, assets.DemoCCSA, 0o644); err != nil {
		t.Fatal(err)
	}
	a.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	if a.doc.Path() != path || a.Assessment().City.Name != "Hạ Long" {
		t.Errorf("after the drop the app has %q, city %q", a.doc.Path(), a.Assessment().City.Name)
	}
}

// TestTheFirstInputHasTheFocusWhenAPageOpens: typing starts in the first
// question of a section page.
func TestTheFirstInputHasTheFocusWhenAPageOpens(t *testing.T) {
	a := newTestApp(t, translations.VI)
	a.showPage("readiness")
	a.showPage("profile")
	name := a.inputs.entry("profile.name")
	if a.win.Canvas().Focused() != name {
		t.Fatalf("focus on %T, not on the city name", a.win.Canvas().Focused())
	}
	test.Type(name, "Huế")
	if a.Assessment().City.Name != "Huế" {
		t.Errorf("city %q", a.Assessment().City.Name)
	}
}

// TestFileMenuItemsCarryTheirShortcuts: the menu shows Ctrl+N/O/S/E, and
// the window handles them before a focused entry does.
func TestFileMenuItemsCarryTheirShortcuts(t *testing.T) {
	a := newTestApp(t, translations.EN)
	want := map[string]fyne.KeyName{a.t("gui.menuNew"): fyne.KeyN, a.t("gui.menuOpen"): fyne.KeyO,
		a.t("gui.menuSave"): fyne.KeyS, a.t("gui.menuExport"): fyne.KeyE}
	for _, item := range a.newMenu().Items[0].Items {
		key, ok := want[item.Label]
		if !ok {
			continue
		}
		delete(want, item.Label)
		s, isCustom := item.Shortcut.(*desktop.CustomShortcut)
		if !isCustom || s.KeyName != key || s.Modifier != fyne.KeyModifierShortcutDefault {
			t.Errorf("%s: shortcut %v", item.Label, item.Shortcut)
		}
	}
	if len(want) > 0 {
		t.Errorf("no menu items %v", want)
	}
}
