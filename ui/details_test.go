package ui

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/translations"
)

// TestAMergedAnswerSaysWhoSuppliedIt: after a department's form is merged,
// the card of each answer it filled in names the contributor, the file and
// the date, in the interface language; an answer typed in the window has
// no such line.
func TestAMergedAnswerSaysWhoSuppliedIt(t *testing.T) {
	want := map[translations.Lang]string{
		translations.VI: "Từ Nguyễn Văn A, Sở Tài chính, tệp “Phiếu - Sở Tài chính.xlsx”, ngày 05/12/2026",
		translations.EN: "From Nguyễn Văn A, Sở Tài chính, file “Phiếu - Sở Tài chính.xlsx”, dated 05/12/2026",
	}
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		a.doc.Edit(func(d *assessment.Assessment) { delete(d.Answers, "gastronomy.ocop_food_products") })
		a.showPage("gastronomy")
		if strings.Contains(pageText(a), want[lang]) {
			t.Fatalf("%s: the line is shown before the merge", lang)
		}
		a.applyMerge(assessment.Contribution{File: "Phiếu - Sở Tài chính.xlsx", Contributor: "Nguyễn Văn A, Sở Tài chính",
			Date: "2026-12-05", Answers: []assessment.Contributed{{QuestionID: "gastronomy.ocop_food_products",
				Sheet: "Ẩm thực", Value: assessment.NumberValue(18)}}}, nil, nil)
		if got := a.provenanceLines("gastronomy.ocop_food_products"); len(got) != 1 || got[0] != want[lang] {
			t.Errorf("%s: provenance lines %q", lang, got)
		}
		if !strings.Contains(pageText(a), want[lang]) {
			t.Errorf("%s: the page does not show %q", lang, want[lang])
		}
		if got := a.provenanceLines("gastronomy.signature_dishes"); len(got) != 0 {
			t.Errorf("%s: an answer typed in the window shows %q", lang, got)
		}
	}
}

// TestAMergedAnswerWithoutContributorNamesItsFile: a workbook that names no
// one still says where the answer came from.
func TestAMergedAnswerWithoutContributorNamesItsFile(t *testing.T) {
	a := newTestApp(t, translations.VI)
	a.doc.Edit(func(d *assessment.Assessment) {
		assessment.Merge(a.qn, d, []assessment.Contribution{{File: "bao-cao.xlsx", Answers: []assessment.Contributed{
			{QuestionID: "film.festivals", Value: assessment.NumberValue(2)}}}}, false)
	})
	if got := a.provenanceLines("film.festivals"); len(got) != 1 || got[0] != "Từ tệp “bao-cao.xlsx”" {
		t.Errorf("provenance lines %q", got)
	}
}

// TestReportHeadingItemsHaveNoEvidenceBoxes: the profile items that only
// feed the report's heading have their answer and no evidence or source
// box (12 fewer Tab stops); the other profile items keep theirs, and an
// evidence saved for a heading item stays in the file when its answer is
// edited.
func TestReportHeadingItemsHaveNoEvidenceBoxes(t *testing.T) {
	heading := []string{"profile.governing_body", "profile.issuing_body", "profile.document_number",
		"profile.signer_title", "profile.signer_name", "profile.recipients"}
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		a.doc.Edit(func(d *assessment.Assessment) {
			d.SetEvidence("profile.signer_name", "Quyết định 12/QĐ-UBND", "UBND")
		})
		a.showPage("profile")
		for _, id := range heading {
			if a.inputs.focusable(id) == nil {
				t.Errorf("%s: %s has no answer input", lang, id)
			}
			if a.inputs.evidenceOf(id) != nil {
				t.Errorf("%s: %s has an evidence box", lang, id)
			}
		}
		if a.inputs.evidenceOf("profile.lead_department") == nil {
			t.Errorf("%s: profile.lead_department lost its evidence box", lang)
		}
		// Tab goes from one heading item's answer straight to the next.
		a.win.Canvas().Focus(a.inputs.focusable("profile.signer_title"))
		tabTo(t, a, "profile.signer_name", 1)
		typeFocused(a.win.Canvas(), "Nguyễn Văn B")
		ans := a.Assessment().Answer("profile.signer_name")
		if v, _ := ans.Value.String(); v != "Nguyễn Văn B" || ans.Evidence != "Quyết định 12/QĐ-UBND" || ans.Source != "UBND" {
			t.Errorf("%s: signer after typing: %q, evidence %q, source %q", lang, v, ans.Evidence, ans.Source)
		}
	}
}

// TestYesAndNoAreAlsoOneAndTwo: on a yes/no question 1 and 2 pick yes and
// no (and the rows say so); a key that answers nothing leaves the answer
// and says in the status line which keys do.
func TestYesAndNoAreAlsoOneAndTwo(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		a.showPage("gastronomy")
		c := a.inputs.choice("gastronomy.major_food_festival")
		a.win.Canvas().Focus(c)
		test.Type(c, "2")
		if b, ok := a.value("gastronomy.major_food_festival").Bool(); !ok || b || c.Selected() != 1 {
			t.Errorf("%s: 2 gave %v, %v, option %d", lang, b, ok, c.Selected())
		}
		test.Type(c, "1")
		if b, ok := a.value("gastronomy.major_food_festival").Bool(); !ok || !b || c.Selected() != 0 {
			t.Errorf("%s: 1 gave %v, %v, option %d", lang, b, ok, c.Selected())
		}
		if text := dialogTextOf(c); !strings.Contains(text, "/1") || !strings.Contains(text, "/2") {
			t.Errorf("%s: the rows do not show the number keys: %q", lang, text)
		}
		test.Type(c, "3")
		if b, _ := a.value("gastronomy.major_food_festival").Bool(); !b {
			t.Errorf("%s: 3 changed the answer", lang)
		}
		status := a.chrome.status.Text
		if !strings.Contains(status, "“3”") || !strings.Contains(status, c.keyLabel(1)) || !strings.Contains(status, a.t("report.no")) {
			t.Errorf("%s: the status line after 3 says %q", lang, status)
		}
		rubric := a.inputs.choice("gastronomy.signature_dishes")
		test.Type(rubric, "7")
		if !strings.Contains(a.chrome.status.Text, "“7”") || !strings.Contains(a.chrome.status.Text, "4") {
			t.Errorf("%s: the status line after 7 on a rubric says %q", lang, a.chrome.status.Text)
		}
	}
}

// TestTheClearButtonLooksLikeAButtonAndTakesNoTab: "Clear answer" has a
// button's background (not a faint link that looks disabled), clears the
// answer when clicked and is no Tab stop.
func TestTheClearButtonLooksLikeAButtonAndTakesNoTab(t *testing.T) {
	a := newTestApp(t, translations.VI)
	openDemo(t, a)
	a.showPage("gastronomy")
	var clear *flatButton
	walk(a.chrome.body, func(o fyne.CanvasObject) {
		if b, ok := o.(*flatButton); ok && clear == nil && b.Visible() {
			clear = b
		}
	})
	if clear == nil {
		t.Fatal("no clear button on the page")
	}
	if clear.text != "Xóa câu trả lời" || clear.bg.FillColor != theme.Color(theme.ColorNameButton) {
		t.Errorf("clear button %q, background %v", clear.text, clear.bg.FillColor)
	}
	if _, ok := fyne.CanvasObject(clear).(fyne.Focusable); ok {
		t.Error("the clear button takes the focus")
	}
	test.Tap(clear)
	if !a.value("gastronomy.signature_dishes").IsNone() {
		t.Error("the clear button did not clear the first answer")
	}
}

// TestThePerCapitaLineIsInTheTextColour: the rate under a per-capita
// count is written in the text's colour, not the faint grey of a
// low-importance label.
func TestThePerCapitaLineIsInTheTextColour(t *testing.T) {
	a := newTestApp(t, translations.VI)
	openDemo(t, a)
	a.showPage("gastronomy")
	var rate *widget.Label
	walk(a.chrome.body, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "100.000") && rate == nil {
			rate = l
		}
	})
	if rate == nil {
		t.Fatal("no per-capita line")
	}
	if rate.Importance != widget.MediumImportance {
		t.Errorf("the per-capita line has importance %v", rate.Importance)
	}
	var shown color.Color
	walk(a.chrome.body, func(o fyne.CanvasObject) {
		if rt, ok := o.(*widget.RichText); ok && strings.Contains(rt.String(), "100.000") && shown == nil {
			shown = theme.Color(rt.Segments[0].(*widget.TextSegment).Style.ColorName)
		}
	})
	if shown != nil && shown != theme.Color(theme.ColorNameForeground) {
		t.Errorf("the per-capita line is drawn in %v", shown)
	}
}

// TestTheNavigationFitsTheLongestFieldName: at 1366×768 the navigation is
// wide enough for every page's name in full, in both languages, and the
// window still fits a 1024-pixel screen.
func TestTheNavigationFitsTheLongestFieldName(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		a.win.Resize(fyne.NewSize(1366, 768))
		a.build() // as at the start of a window of that size
		nav := a.chrome.nav
		for _, id := range a.chrome.navPages {
			need := fyne.MeasureText(a.navName(id), theme.TextSize(), fyne.TextStyle{Bold: true}).Width
			if nav.Size().Width < need+2*theme.InnerPadding() {
				t.Errorf("%s: the navigation is %v wide; %q needs %v", lang, nav.Size().Width, a.navName(id), need)
			}
		}
		if m := a.win.Content().MinSize(); m.Width > 1000 {
			t.Errorf("%s: the window needs %v", lang, m)
		}
	}
}

// openCalendar clicks the calendar button of the profile's date and
// returns the calendar shown.
func openCalendar(t *testing.T, a *App) *calendar {
	t.Helper()
	var pick *button
	walk(a.chrome.body, func(o fyne.CanvasObject) {
		if b, ok := o.(*button); ok && b.Icon != nil && b.Icon.Name() == theme.CalendarIcon().Name() {
			pick = b
		}
	})
	if pick == nil {
		t.Fatal("no calendar button")
	}
	test.Tap(pick)
	top := a.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no calendar shown")
	}
	var cal *calendar
	walk(top, func(o fyne.CanvasObject) {
		if c, ok := o.(*calendar); ok {
			cal = c
		}
	})
	if cal == nil {
		t.Fatal("the pop-up holds no calendar")
	}
	return cal
}

// highlighted is the day the calendar highlights and the day it frames
// as today, by the numbers they show.
func highlighted(c *calendar) (day, today string) {
	for _, cell := range c.cells {
		if cell.bg.FillColor == theme.Color(theme.ColorNamePrimary) {
			day = cell.text.Text
		}
		if cell.bg.StrokeWidth > 0 {
			today = cell.text.Text
		}
	}
	return day, today
}

// TestTheCalendarOpensOnTheTypedDateAndAnswersKeys: the calendar opens
// on the month of the date typed, that day highlighted and today framed,
// with the month's name in the interface language and the keyboard's
// focus; the arrows move the day, Page Up and Page Down the month, Enter
// writes the day picked as day/month/year and gives the focus back to the
// date's entry.
func TestTheCalendarOpensOnTheTypedDateAndAnswersKeys(t *testing.T) {
	for lang, november := range map[translations.Lang]string{translations.VI: "Tháng Mười Một 2026", translations.EN: "November 2026"} {
		a := newTestApp(t, lang)
		a.showPage("profile")
		date := a.inputs.number("profile.date").entry
		date.SetText("08/11/2026")
		cal := openCalendar(t, a)
		c := a.win.Canvas()
		if c.Focused() != fyne.Focusable(cal) {
			t.Errorf("%s: the focus is on %T, not the calendar", lang, c.Focused())
		}
		if day, today := highlighted(cal); cal.title.Text != november || day != "8" || today != "23" {
			t.Errorf("%s: opens on %q, day %q highlighted, today %q framed", lang, cal.title.Text, day, today)
		}
		for _, step := range []struct {
			key        fyne.KeyName
			title, day string
		}{
			{fyne.KeyRight, november, "9"},
			{fyne.KeyDown, november, "16"},
			{fyne.KeyLeft, november, "15"},
			{fyne.KeyUp, november, "8"},
			{fyne.KeyPageDown, map[translations.Lang]string{translations.VI: "Tháng Mười Hai 2026", translations.EN: "December 2026"}[lang], "8"},
			{fyne.KeyDown, map[translations.Lang]string{translations.VI: "Tháng Mười Hai 2026", translations.EN: "December 2026"}[lang], "15"},
			{fyne.KeyPageUp, november, "15"},
			{fyne.KeyPageUp, map[translations.Lang]string{translations.VI: "Tháng Mười 2026", translations.EN: "October 2026"}[lang], "15"},
		} {
			c.Focused().TypedKey(&fyne.KeyEvent{Name: step.key})
			if day, _ := highlighted(cal); cal.title.Text != step.title || day != step.day {
				t.Errorf("%s: after %s: %q, day %q; want %q, %q", lang, step.key, cal.title.Text, day, step.title, step.day)
			}
		}
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if c.Overlays().Top() != nil {
			t.Errorf("%s: Enter left the calendar shown", lang)
		}
		if date.Text != "15/10/2026" || c.Focused() != fyne.Focusable(date) {
			t.Errorf("%s: after Enter the entry says %q, the focus is on %T", lang, date.Text, c.Focused())
		}
		if a.Assessment().City.Date != "2026-10-15" {
			t.Errorf("%s: stored date %q", lang, a.Assessment().City.Date)
		}
	}
}

// TestEscClosesTheCalendarAndKeepsTheDate: Esc closes the calendar
// without changing the date and gives the focus back to the entry; with
// no date typed it opens on today, highlighted; the month's last day
// moves to the shorter next month's last.
func TestEscClosesTheCalendarAndKeepsTheDate(t *testing.T) {
	a := newTestApp(t, translations.EN)
	a.showPage("profile")
	date := a.inputs.number("profile.date").entry
	date.SetText("")
	cal := openCalendar(t, a)
	if day, today := highlighted(cal); cal.title.Text != "November 2026" || day != "23" || today != "23" {
		t.Errorf("opens on %q, day %q, today %q", cal.title.Text, day, today)
	}
	c := a.win.Canvas()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if day, _ := highlighted(cal); cal.title.Text != "January 2027" || day != "30" {
		t.Errorf("End, then two months on: %q, day %q", cal.title.Text, day)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if day, _ := highlighted(cal); cal.title.Text != "February 2027" || day != "28" {
		t.Errorf("31 January, then a month on: %q, day %q", cal.title.Text, day)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil || date.Text != "" || c.Focused() != fyne.Focusable(date) {
		t.Errorf("after Esc: shown %v, entry %q, focus on %T", c.Overlays().Top() != nil, date.Text, c.Focused())
	}
}
