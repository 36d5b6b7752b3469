package ui

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assets"
	"creativecity/translations"
)

// Tests of the form as a keyboard user and a first-time user meet it, in
// both languages (the Tab order, F10 and the menu are checked in the real
// window by cmd/creativecity's keyboard tests).

func TestNoBoxTakesTheTabKey(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		for _, page := range []string{"profile", "gastronomy", "readiness"} {
			a.showPage(page)
			shownAs[*pageView](t, a).complete()
			for _, id := range a.inputs.keys() {
				if e := a.inputs.entry(id); e != nil && e.AcceptsTab() {
					t.Errorf("%s: %s takes Tab", lang, id)
				}
			}
			for id, e := range a.inputs.evidence {
				if e.AcceptsTab() || e.edit().AcceptsTab() || !e.edit().MultiLine {
					t.Errorf("%s: the evidence of %s takes Tab or is one line", lang, id)
				}
			}
		}
	}
}

func TestARubricIsAnsweredByItsNumberKeysAndArrows(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.showPage("gastronomy")
		c := a.inputs.choice("gastronomy.signature_dishes")
		if a.win.Canvas().Focused() != c {
			t.Errorf("%s: the first rubric has not the focus", lang)
		}
		for _, step := range []struct {
			key  func()
			want float64
		}{
			{func() { test.Type(c, "0") }, 0},
			{func() { c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) }, 1},
			{func() { c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) }, 2},
			{func() { test.Type(c, "4") }, 4},
			{func() { c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) }, 4},
			{func() { c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp}) }, 3},
			{func() { test.Type(c, "9") }, 3}, // not a level
		} {
			step.key()
			if v, ok := a.value("gastronomy.signature_dishes").Number(); !ok || v != step.want {
				t.Errorf("%s: level %v, want %v", lang, v, step.want)
			}
		}
		c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
		if !a.value("gastronomy.signature_dishes").IsNone() || c.Selected() != -1 {
			t.Errorf("%s: Delete did not clear the answer", lang)
		}
	}
}

func TestYesAndNoAreTheirFirstLetters(t *testing.T) {
	for lang, keys := range map[translations.Lang][2]string{translations.VI: {"c", "k"}, translations.EN: {"y", "n"}} {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.showPage("gastronomy")
		c := a.inputs.choice("gastronomy.major_food_festival")
		for i, key := range keys {
			test.Type(c, key)
			if b, ok := a.value("gastronomy.major_food_festival").Bool(); !ok || b != (i == 0) {
				t.Errorf("%s: %q gave %v, %v", lang, key, b, ok)
			}
		}
	}
}

func TestEscClosesTheAppsDialogsWithoutAnsweringThem(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		for _, show := range []func(){a.showAbout, a.showGuide, a.showShortcuts} {
			show()
			if len(a.win.Canvas().Overlays().List()) == 0 {
				t.Fatalf("%s: no dialog shown", lang)
			}
			a.canvasKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if n := len(a.win.Canvas().Overlays().List()); n != 0 {
				t.Errorf("%s: %d dialogs left after Esc", lang, n)
			}
		}
	}
	// Esc on the recovery question keeps the autosaved work for later.
	a := newTestApp(t, translations.VI)
	a.showPage("profile")
	test.Type(a.inputs.entry("profile.name"), "Huế")
	a.autosave.now()
	crash(a)
	b := newTestAppIn(t, translations.VI, a.opts.RecoveryDir)
	if !b.offerRecovery() {
		t.Fatal("no recovery offered")
	}
	b.canvasKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	// Kept for later: another window starting now offers it.
	if rs := newTestAppIn(t, translations.VI, a.opts.RecoveryDir).doc.Pending(); len(rs) != 1 {
		t.Errorf("Esc did not keep the autosaved work for later: %d copies offered", len(rs))
	}
}

func TestTheFirstStartShowsTheStartPageAndLaterStartsReopenTheLastFile(t *testing.T) {
	for _, lang := range translations.Languages() {
		fa := test.NewTempApp(t)
		qn, _ := assessment.Default()
		opts := Options{Lang: lang, Now: func() time.Time { return fixedNow }, RecoveryDir: t.TempDir()}
		a := New(fa, qn, opts)
		if _, ok := a.shown.(*startView); a.page != StartPage || !ok {
			t.Fatalf("%s: first page %s", lang, a.page)
		}
		texts := strings.Join(buttonsIn(a.win.Content()), "|")
		for _, id := range []string{"gui.menuNew", "gui.menuOpen", "gui.menuOpenDemo"} {
			if !strings.Contains(texts, a.t(id)) {
				t.Errorf("%s: no %q on the start page: %s", lang, a.t(id), texts)
			}
		}
		path := filepath.Join(t.TempDir(), "Hạ Long.ccsa")
		os.WriteFile(path, assets.DemoCCSA, 0o644)
		a.OpenPath(path)
		a.confirmClose()
		b := New(fa, qn, opts)
		if b.doc.Path() != path || b.page != "profile" {
			t.Errorf("%s: the next start opened %q on %s", lang, b.doc.Path(), b.page)
		}
		b.showPage(StartPage)
		if !strings.Contains(strings.Join(buttonsIn(b.win.Content()), "|"), "Hạ Long.ccsa") {
			t.Errorf("%s: the start page does not list the recent file", lang)
		}
	}
}

func TestResultsAreHonestAboutLittleAnswered(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		a.showPage("gastronomy")
		test.Type(a.inputs.choice("gastronomy.signature_dishes"), "3")
		a.showPage(ResultsPage)
		var confidence *widget.Label
		notAssessed := 0
		visit(a.win.Content(), fyne.Position{}, func(o fyne.CanvasObject, _ fyne.Position) {
			if l, ok := o.(*widget.Label); ok {
				if strings.Contains(l.Text, a.t("confidence.low")) && l.TextStyle.Bold {
					confidence = l
				}
				if strings.HasSuffix(l.Text, a.t("result.notAssessed")) {
					notAssessed++
				}
			}
		})
		if confidence == nil || confidence.Importance != widget.DangerImportance {
			t.Errorf("%s: a low confidence is not shown as a danger: %+v", lang, confidence)
		}
		if want := len(a.qn.Fields()) - 1; notAssessed != want {
			t.Errorf("%s: %d fields shown as not assessed, want %d", lang, notAssessed, want)
		}
	}
	en := translations.New(translations.EN)
	one, two := en.N("reason.unansweredQuestions", 1, nil), en.N("reason.unansweredQuestions", 2, nil)
	if !strings.HasPrefix(one, "1 question of") || !strings.HasPrefix(two, "2 questions of") {
		t.Errorf("plurals: %q, %q", one, two)
	}
}

func TestDatesEmailsAndPhonesCheckThemselves(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		a.showPage("profile")
		date := a.inputs.number("profile.date")
		test.Type(date.entry, "27/11/2026")
		if got := a.Assessment().City.Date; got != "2026-11-27" {
			t.Errorf("%s: date stored as %q", lang, got)
		}
		date.entry.SetText("31/02/2026")
		if got := a.Assessment().City.Date; got != "2026-11-27" || !date.message.Visible() {
			t.Errorf("%s: an impossible date replaced %q or showed nothing", lang, got)
		}
		if !strings.Contains(a.navDetail("profile"), a.t("gui.toFix", map[string]any{"Count": 1})) {
			t.Errorf("%s: the navigation does not count the date to fix: %q", lang, a.navDetail("profile"))
		}
		email := a.inputs.entry("profile.email")
		test.Type(email, "vanhoa-halong")
		if got := a.Assessment().City.Email; got != "vanhoa-halong" {
			t.Errorf("%s: e-mail %q", lang, got)
		}
		if n := len(a.toFix("profile")); n != 2 {
			t.Errorf("%s: %d answers to fix, want 2", lang, n)
		}
		a.showPage(ResultsPage)
		if !strings.Contains(dialogTextOf(a.win.Content()), a.t("gui.toFixTitle")) {
			t.Errorf("%s: the results page does not list the answers to fix", lang)
		}
		a.showPage("profile")
		a.inputs.entry("profile.email").SetText("vanhoa@quangninh.gov.vn")
		a.inputs.number("profile.date").entry.SetText("01/12/2026")
		if n := len(a.toFix("")); n != 0 {
			t.Errorf("%s: %d answers still to fix", lang, n)
		}
	}
}

// TestDefaultFileNamesKeepTheirDiacritics: the names the save dialogs
// offer keep the city's diacritics, carry the language of what is written
// (so that a Vietnamese and an English report never take each other's
// name), and hold no character Windows refuses and no space at either end.
func TestDefaultFileNamesKeepTheirDiacritics(t *testing.T) {
	a := newTestApp(t, translations.VI)
	openDemo(t, a)
	for _, c := range []struct {
		word string
		lang translations.Lang
		ext  string
		want string
	}{
		{"gui.reportFileName", translations.VI, ".xlsx", "Hạ Long - Báo cáo (vi).xlsx"},
		{"gui.reportFileName", translations.EN, ".xlsx", "Hạ Long - Báo cáo (en).xlsx"},
		{"gui.formFileName", translations.VI, ".xlsx", "Hạ Long - Phiếu thu thập số liệu (vi).xlsx"},
		{"gui.draftFileName", translations.Lang("fr"), ".docx", "Hạ Long - " + a.t("gui.draftFileName") + " (fr).docx"},
	} {
		if got := a.fileName(c.word, c.lang, c.ext); got != c.want {
			t.Errorf("file name %q, want %q", got, c.want)
		}
	}
	a.doc.Edit(func(doc *assessment.Assessment) { doc.City.Name = "  Hạ Long/Cẩm Phả:  Quảng Ninh " })
	if got, want := a.fileName("gui.reportFileName", translations.VI, ".xlsx"), "Hạ Long-Cẩm Phả- Quảng Ninh - Báo cáo (vi).xlsx"; got != want {
		t.Errorf("file name %q, want %q", got, want)
	}
}

// dialogTextOf gathers the text of the labels under an object.
func dialogTextOf(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// TestTheWheelScrollsThePageOverInputs: the wheel layer over a page takes
// the wheel (the toolkit gives it to the last object under the pointer
// that takes one, and the layer is laid over the inputs) and scrolls the
// page about three lines a notch.
func TestTheWheelScrollsThePageOverInputs(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.showPage("gastronomy")
		shownAs[*pageView](t, a).complete()
		page := a.win.Content()
		page.Refresh()
		var wheel *pageWheel
		walk(page, func(o fyne.CanvasObject) {
			if w, ok := o.(*pageWheel); ok {
				wheel = w
			}
		})
		if wheel == nil || wheel.Size() != shownAs[*pageView](t, a).scroll.Size() {
			t.Fatalf("%s: no wheel layer the size of the page", lang)
		}
		notch := &fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)} // the toolkit's notch
		wheel.Scrolled(notch)
		if y := shownAs[*pageView](t, a).scroll.Offset.Y; math.Abs(float64(y)-25*wheelSpeed) > 0.01 {
			t.Errorf("%s: a notch scrolled %v", lang, y)
		}
	}
}

// TestAPerCapitaAnswerShowsTheCountAndTheRate: the entry takes the count,
// its unit is a count, and the rate the score uses shows as it is typed.
func TestAPerCapitaAnswerShowsTheCountAndTheRate(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.showPage("gastronomy")
		n := number(t, a, "gastronomy.professional_chefs")
		n.entry.SetText("")
		test.Type(n.entry, "600")
		want := a.t("gui.rate", map[string]any{"Rate": a.t("unit.perCapita", map[string]any{"Unit": "200 " + a.t("gastronomy.professional_chefs.unit")}),
			"Population": map[translations.Lang]string{translations.VI: "300.000", translations.EN: "300,000"}[lang]})
		if !strings.Contains(dialogTextOf(a.win.Content()), want) {
			t.Errorf("%s: no %q on the page", lang, want)
		}
		if v, _ := a.value("gastronomy.professional_chefs").Number(); v != 600 {
			t.Errorf("%s: stored %v", lang, v)
		}
	}
}

// TestTheComparisonIsOfferedANameWithItsLanguage: the comparison
// workbooks of two languages never take each other's name either.
func TestTheComparisonIsOfferedANameWithItsLanguage(t *testing.T) {
	a := newTestApp(t, translations.VI)
	for lang, want := range map[translations.Lang]string{translations.VI: "So sánh (vi).xlsx", translations.EN: "So sánh (en).xlsx"} {
		a.compareFileDialog(lang)
		c := topChooser(t, a)
		if c.name.Text != want {
			t.Errorf("%s: the comparison is offered %q, want %q", lang, c.name.Text, want)
		}
		c.m.hide()
	}
}
