package ui

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/application"
	"creativecity/translations"
)

// TestTheApplicationPageShowsEachSectionsStatus: every section of the
// form, for the demonstration and for an empty assessment, shows the
// status the assessment gives it; in French, the plan needs writing when
// an initiative lacks its French summary.
func TestTheApplicationPageShowsEachSectionsStatus(t *testing.T) {
	want := map[string][2]string{ // demo, empty
		"general":     {"filled", "empty"},
		"profile":     {"needsWriting", "empty"},
		"assets":      {"needsWriting", "empty"},
		"objectives":  {"needsWriting", "empty"},
		"plan":        {"filled", "empty"},
		"management":  {"needsWriting", "empty"},
		"commitments": {"needsWriting", "empty"},
		"attachments": {"filled", "filled"},
	}
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		for i, open := range []func(){func() { openDemo(t, a) }, func() { a.doc.Replace(assessment.New(a.qn), "") }} {
			open()
			a.showPage(ApplicationPage)
			v := shownAs[*applicationView](t, a)
			if len(v.statuses) != len(want) {
				t.Fatalf("%s: %d sections shown, want %d", lang, len(v.statuses), len(want))
			}
			for id, w := range want {
				l := v.statuses[id]
				if l == nil || l.Text != a.t("gui.dossierStatus."+w[i]) || a.t("gui.dossierStatus."+w[i]) == "gui.dossierStatus."+w[i] {
					t.Errorf("%s, assessment %d, section %s: %q, want %s", lang, i, id, l.Text, w[i])
				}
			}
			if !strings.Contains(pageText(a), a.t("gui.dossierSection."+"assets")) {
				t.Errorf("%s: the sections are not named", lang)
			}
		}
	}
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	a.doc.Edit(func(d *assessment.Assessment) { d.Plan.Initiatives[0].SetSummary("fr", assessment.Summary{}) })
	a.showPage(ApplicationPage)
	radio := findRadio(t, a.chrome.body)
	radio.SetSelected("Français")
	if got := shownAs[*applicationView](t, a).statuses["plan"].Text; got != a.t("gui.dossierStatus.needsWriting") {
		t.Errorf("plan in French: %q", got)
	}
	radio.SetSelected("English")
	if got := shownAs[*applicationView](t, a).statuses["plan"].Text; got != a.t("gui.dossierStatus.filled") {
		t.Errorf("plan in English: %q", got)
	}
}

// findRadio is the first radio group under an object.
func findRadio(t *testing.T, o fyne.CanvasObject) *widget.RadioGroup {
	t.Helper()
	var found *widget.RadioGroup
	walk(o, func(obj fyne.CanvasObject) {
		if r, ok := obj.(*widget.RadioGroup); ok && found == nil {
			found = r
		}
	})
	if found == nil {
		t.Fatal("no radio group")
	}
	return found
}

// TestTheWordCountFollowsTheProse: the words of the text typed or pasted
// in a section's box are counted against its limit as they come, a text
// over the limit is a warning, and the text is stored for its section.
func TestTheWordCountFollowsTheProse(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		a.showPage(ApplicationPage)
		box := a.inputs.textBox("dossier/prose/commitments")
		count := shownAs[*applicationView](t, a).counts["commitments"]
		if !strings.HasPrefix(count.label.Text, "0") || count.over() {
			t.Errorf("%s: empty box counts %q", lang, count.label.Text)
		}
		a.win.Canvas().Focus(box)
		test.Type(box.entry, "The city commits ")
		if !strings.HasPrefix(count.label.Text, "3") || !strings.Contains(count.label.Text, "300") || count.over() {
			t.Errorf("%s: after three words %q", lang, count.label.Text)
		}
		long := strings.Repeat(" word", 300)
		box.entry.SetText(long) // pasted
		if count.over() {
			t.Errorf("%s: 300 words of 300 is a warning: %q", lang, count.label.Text)
		}
		box.entry.CursorRow, box.entry.CursorColumn = 0, 0
		test.Type(box.entry, "more")
		if !count.over() || count.label.Importance != widget.WarningImportance || !strings.Contains(count.label.Text, "301") {
			t.Errorf("%s: 301 words of 300 shows %q (importance %v)", lang, count.label.Text, count.label.Importance)
		}
		if got := a.Assessment().Application.ProseOf("commitments"); got != "more"+long {
			t.Errorf("%s: stored %d characters", lang, len(got))
		}
	}
}

// TestTheChecklistIsSavedAndReopened: what is entered for the
// attachments (obtained, a date typed as day/month/year, a file) is
// saved in the file and shown again when it is reopened; a date that
// does not read is not saved and is counted as to fix.
func TestTheChecklistIsSavedAndReopened(t *testing.T) {
	a := newTestApp(t, translations.VI)
	openDemo(t, a)
	a.showPage(ApplicationPage)
	test.Tap(a.inputs.check(attachmentKey("mayor_letter", "obtained")))
	test.Type(a.inputs.number(attachmentKey("mayor_letter", "date")).entry, "02/03/2027")
	test.Type(a.inputs.entry(attachmentKey("mayor_letter", "file")), `D:\Hồ sơ\Thư Chủ tịch.pdf`)
	test.Type(a.inputs.entry(attachmentKey("photos", "file")), "ảnh/")
	date := a.inputs.number(attachmentKey("photos", "date"))
	test.Type(date.entry, "31/02/2027")
	if !date.message.Visible() || !strings.Contains(a.navDetail(ApplicationPage), a.t("gui.toFix", map[string]any{"Count": 1})) {
		t.Errorf("an impossible date: message %v, navigation %q", date.message.Visible(), a.navDetail(ApplicationPage))
	}
	if !strings.HasPrefix(a.navDetail(ApplicationPage), a.t("gui.navDossier", map[string]any{"Obtained": 1, "Total": 6})) {
		t.Errorf("navigation %q", a.navDetail(ApplicationPage))
	}
	path := filepath.Join(t.TempDir(), "halong.ccsa")
	if err := a.doc.SaveAs(path); err != nil {
		t.Fatal(err)
	}

	b := newTestApp(t, translations.EN)
	b.OpenPath(path)
	b.showPage(ApplicationPage)
	if !b.inputs.check(attachmentKey("mayor_letter", "obtained")).Checked {
		t.Error("the Mayor's letter is not obtained after reopening")
	}
	if got := b.inputs.number(attachmentKey("mayor_letter", "date")).entry.Text; got != "02/03/2027" {
		t.Errorf("date %q", got)
	}
	if got := b.inputs.entry(attachmentKey("mayor_letter", "file")).Text; got != `D:\Hồ sơ\Thư Chủ tịch.pdf` {
		t.Errorf("file %q", got)
	}
	photos := b.Assessment().Application.Attachment("photos")
	if photos.File != "ảnh/" || photos.Date != "" || photos.Obtained {
		t.Errorf("photos %+v", photos)
	}
	if got := b.Assessment().Application.Attachment("mayor_letter").Date; got != "2027-03-02" {
		t.Errorf("stored date %q", got)
	}
}

// TestTheLanguageSwitchKeepsThePlanAndTheApplication: what was typed on
// the action plan and application pages, an amount that does not read
// included, is there in the other language.
func TestTheLanguageSwitchKeepsThePlanAndTheApplication(t *testing.T) {
	a := newTestApp(t, translations.VI)
	openDemo(t, a)
	a.showPage(PlanPage)
	key := func(part string) string { return initiativeKey(assessment.International, 2, part) }
	title := a.inputs.entry(key("title"))
	title.SetText("Diễn đàn ẩm thực biển châu Á")
	amount := a.inputs.number(key("budget/1/city"))
	amount.entry.SetText("12x")
	a.SetLanguage(translations.EN)
	if got := a.inputs.entry(key("title")).Text; got != "Diễn đàn ẩm thực biển châu Á" {
		t.Errorf("title after the switch %q", got)
	}
	if w := a.inputs.number(key("budget/1/city")); w.entry.Text != "12x" || !w.message.Visible() {
		t.Errorf("the unread amount after the switch: %q, message %v", w.entry.Text, w.message.Visible())
	}
	if !strings.Contains(pageText(a), "International initiatives") {
		t.Error("the page did not change language")
	}
	a.showPage(ApplicationPage)
	a.inputs.textBox("dossier/prose/profile").SetText("Ha Long lies on the bay.")
	test.Type(a.inputs.entry(attachmentKey("links", "file")), "links.txt")
	a.SetLanguage(translations.VI)
	if got := a.inputs.textBox("dossier/prose/profile").Text(); got != "Ha Long lies on the bay." {
		t.Errorf("prose after the switch %q", got)
	}
	if got := a.inputs.entry(attachmentKey("links", "file")).Text; got != "links.txt" {
		t.Errorf("file after the switch %q", got)
	}
	if a.Page() != ApplicationPage || !strings.Contains(pageText(a), "Hồ sơ gửi UNESCO") {
		t.Error("the page or its language is wrong after the switch")
	}
}

// TestTheDraftDialogWritesAWordDocument goes through File → Draft UNESCO
// application: a rate that does not read keeps the dialog from going on;
// French and a dollar rate, then the save dialog, write a .docx in the
// background whose text is French and has the dollar column.
func TestTheDraftDialogWritesAWordDocument(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	dir := t.TempDir()
	a.addRecent(filepath.Join(dir, "other.ccsa")) // the save dialog opens in dir
	a.DraftDialog()
	var entries []*entry
	var next *dialogButton
	for _, o := range a.win.Canvas().Overlays().List() {
		walk(o, func(obj fyne.CanvasObject) {
			switch w := obj.(type) {
			case *entry:
				entries = append(entries, w)
			case *dialogButton:
				if w.Text == "Choose file…" {
					next = w
				}
			}
		})
	}
	if len(entries) != 2 || next == nil {
		t.Fatalf("%d rate entries, button %v", len(entries), next)
	}
	test.Type(entries[0], "abc")
	if !next.Disabled() {
		t.Error("a rate that does not read lets the dialog go on")
	}
	entries[0].SetText("25,400")
	if next.Disabled() {
		t.Fatal("a valid rate keeps the dialog from going on")
	}
	chooseRadio(t, a, "Français")
	test.Tap(next)
	tapButton(t, a, "Save")
	var docx string
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if m, _ := filepath.Glob(filepath.Join(dir, "*.docx")); len(m) == 1 && strings.Contains(dialogText(a), m[0]) {
			docx = m[0]
			break
		}
	}
	if docx == "" {
		t.Fatalf("no draft written; dialog says %q", dialogText(a))
	}
	body := zipPart(t, docx, "word/document.xml")
	for _, want := range []string{"Candidature", "USD", "Hạ Long"} {
		if !strings.Contains(body, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	if a.applicationLanguage() != translations.FR {
		t.Errorf("the language chosen is not remembered: %s", a.applicationLanguage())
	}
}

// zipPart is the text of a part of a zip file (a .docx).
func zipPart(t *testing.T, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	defer z.Close()
	f, err := z.Open(name)
	if err != nil {
		t.Fatalf("%s has no %s: %v", path, name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestWritingADraftToAFolderThatIsNotThereSaysSo: the error names the file.
func TestWritingADraftToAFolderThatIsNotThereSaysSo(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	path := filepath.Join(t.TempDir(), "missing", "draft.docx")
	done := make(chan error, 1)
	a.WriteDraft(path, draftOptions(translations.EN), func(err error) { done <- err })
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("no error")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the draft was not written")
	}
	if text := dialogText(a); !strings.Contains(text, path) {
		t.Errorf("the error does not name the file: %q", text)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a file was written")
	}
}

func draftOptions(l translations.Lang) application.Options {
	return application.Options{Lang: l, Date: fixedNow}
}
