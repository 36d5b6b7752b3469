package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"creativecity/assessment"
	"creativecity/assessment/document"
	"creativecity/assessment/files"
	"creativecity/translations"
)

// topChooser is the file dialog on top of the window.
func topChooser(t *testing.T, a *App) *fileChooser {
	t.Helper()
	m := a.topModal()
	if m == nil {
		t.Fatalf("no dialog of the app on top; dialogs say %q", dialogText(a))
	}
	var found *fileChooser
	walk(a.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*fileList); ok {
			found = l.c
		}
	})
	if found == nil {
		t.Fatalf("the dialog on top (%q) is not a file dialog", m.title)
	}
	return found
}

// rowNames are the names a file dialog lists.
func rowNames(c *fileChooser) []string {
	var out []string
	for _, r := range c.list.rows {
		out = append(out, r.name)
	}
	return out
}

// closeDialogs presses Esc until no dialog is left.
func closeDialogs(t *testing.T, a *App) {
	t.Helper()
	for range 5 {
		if a.topModal() == nil {
			return
		}
		pressKey(a, fyne.KeyEscape, 0)
	}
	t.Fatalf("Esc leaves %q", dialogText(a))
}

// TestEnterPressesTheDefaultButtonAndEscCancels: in the app's dialogs,
// Enter presses the default button wherever the focus is in the dialog
// (a choice, an entry, a check box, nothing), Esc cancels.
func TestEnterPressesTheDefaultButtonAndEscCancels(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)

	a.showAbout()
	pressKey(a, fyne.KeyReturn, 0)
	if a.topModal() != nil {
		t.Error("Enter left the About dialog open")
	}

	// The export: the language choice has the focus; Down picks the other
	// language, Enter goes on to the file dialog, which offers its name.
	a.ExportDialog()
	if _, ok := a.win.Canvas().Focused().(*choice); !ok {
		t.Fatalf("the language dialog focuses %T", a.win.Canvas().Focused())
	}
	pressKey(a, fyne.KeyUp, 0)
	pressKey(a, fyne.KeyReturn, 0)
	c := topChooser(t, a)
	if got := c.name.Text; got != "Hạ Long - Report (vi).xlsx" {
		t.Errorf("the file dialog offers %q", got)
	}
	// Esc cancels the file dialog: nothing is left, nothing is written.
	pressKey(a, fyne.KeyEscape, 0)
	if a.topModal() != nil || len(a.win.Canvas().Overlays().List()) != 0 {
		t.Errorf("Esc left %q", dialogText(a))
	}

	// The forms dialog: Enter on a check box goes on, Esc on the choice cancels.
	a.FormsDialog()
	var box *dialogCheck
	walk(a.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*dialogCheck); ok && box == nil {
			box = b
		}
	})
	a.win.Canvas().Focus(box)
	pressKey(a, fyne.KeySpace, ' ') // unticks it, as Space does
	if box.Checked {
		t.Error("Space did not untick the section")
	}
	pressKey(a, fyne.KeyReturn, 0)
	if c := topChooser(t, a); !strings.Contains(c.name.Text, "Form (en)") {
		t.Errorf("the forms dialog went on to %q", c.name.Text)
	}
	closeDialogs(t, a)
	a.FormsDialog()
	pressKey(a, fyne.KeyEscape, 0)
	if a.topModal() != nil {
		t.Error("Esc left the forms dialog open")
	}

	// A rate that does not read: Enter does not go on.
	a.DraftDialog()
	var rate *entry
	walk(a.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*entry); ok && rate == nil {
			rate = e
		}
	})
	a.win.Canvas().Focus(rate)
	test.Type(rate, "abc")
	pressKey(a, fyne.KeyReturn, 0)
	if m := a.topModal(); m == nil || m.title != a.t("gui.draftTitle") {
		t.Error("Enter went on with a rate that does not read")
	}
	closeDialogs(t, a)
}

// TestCancelIsTheDefaultOfDestructiveQuestions: a question whose yes
// loses something (the unsaved work, the file on disk, an initiative)
// has Cancel as its default and focused button: Enter answers no.
func TestCancelIsTheDefaultOfDestructiveQuestions(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		a.showPage("profile")
		test.Type(a.inputs.entry("profile.name"), "Huế")
		cancel := a.t("gui.cancel")
		overwritten := false
		for name, ask := range map[string]func(){
			"unsaved work": a.NewDocument,
			"file changed": func() {
				a.askOverwrite(&document.Conflict{Path: "/tmp/x.ccsa", Reason: document.ErrChangedOnDisk}, func() { overwritten = true })
			},
			"file held": func() {
				a.askOverwrite(&document.Conflict{Path: "/tmp/x.ccsa", Reason: document.ErrHeldByOther,
					HeldBy: &files.LockInfo{User: "lan", Host: "pc-vanhoa"}}, func() { overwritten = true })
			},
		} {
			ask()
			m := a.topModal()
			if m == nil || m.def == nil || m.def.Text != cancel || a.win.Canvas().Focused() != fyne.Focusable(m.def) {
				t.Fatalf("%s, %s: the default is not %q", lang, name, cancel)
			}
			pressKey(a, fyne.KeyReturn, 0)
			if a.topModal() != nil {
				t.Errorf("%s, %s: Enter left the question open", lang, name)
			}
		}
		if a.Assessment().City.Name != "Huế" || !a.Dirty() || overwritten {
			t.Errorf("%s: Enter on a destructive question went on", lang)
		}
	}
}

// TestASpaceThatPressedAButtonStaysOutOfTheNextDialog: Space on a
// dialog's button (the export language's, the forms dialog's) opens the
// save dialog with its name focused; the space typed with it does not
// land in the name, nor does the release of Enter press a button of the
// next dialog.
func TestASpaceThatPressedAButtonStaysOutOfTheNextDialog(t *testing.T) {
	a := newTestApp(t, translations.VI)
	openDemo(t, a)
	for _, show := range []func(){a.ExportDialog, a.FormsDialog} {
		for _, key := range []struct {
			name fyne.KeyName
			char rune
		}{{fyne.KeySpace, ' '}, {fyne.KeyReturn, 0}} {
			show()
			next := a.topModal().def
			a.win.Canvas().Focus(next)
			pressKey(a, key.name, key.char)
			c := topChooser(t, a)
			if a.win.Canvas().Focused() != fyne.Focusable(c.name) {
				t.Fatalf("the save dialog focuses %T", a.win.Canvas().Focused())
			}
			if got := c.name.Text; got != c.offered || strings.HasPrefix(got, " ") || !strings.HasPrefix(got, "Hạ Long - ") {
				t.Errorf("%s: the file name reads %q", key.name, got)
			}
			test.Type(c.name, "x") // the name is selected: typing replaces it
			if c.name.Text != "x" {
				t.Errorf("%s: typing over the name offered gives %q", key.name, c.name.Text)
			}
			closeDialogs(t, a)
		}
	}
}

// fileDir makes a folder with a sub-folder and files of several kinds.
func fileDir(t *testing.T) string {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "Báo cáo 2026"), 0o755)
	os.Mkdir(filepath.Join(dir, ".hidden"), 0o755)
	for _, f := range []string{"Hạ Long.xlsx", "an.XLSX", "notes.txt", "halong.ccsa", "Báo cáo 2026/cũ.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestTheSaveDialogIsDrivenByKeyboard: the save dialog lists the folder
// above, the folders and the files of its extension; the list is reached
// by Tab, moves with the arrows and a letter, opens a folder with Enter
// and goes up with Backspace; choosing a file that exists asks before
// replacing it, Cancel first; Enter in the name saves under the name typed.
func TestTheSaveDialogIsDrivenByKeyboard(t *testing.T) {
	a := newTestApp(t, translations.EN)
	dir := fileDir(t)
	a.rememberFolder(dir)
	var got []string
	a.showSaveDialog("Hạ Long - Report (en).xlsx", ".xlsx", func(p string) { got = append(got, p) })
	c := topChooser(t, a)
	if c.dir != dir || !slices.Equal(rowNames(c), []string{a.t("gui.fileParent"), "Báo cáo 2026", "an.XLSX", "Hạ Long.xlsx"}) {
		t.Fatalf("the dialog in %s lists %q", c.dir, rowNames(c))
	}
	pressTab(a.win.Canvas())
	if a.win.Canvas().Focused() != fyne.Focusable(c.list) {
		t.Fatalf("Tab from the name goes to %T", a.win.Canvas().Focused())
	}
	pressKey(a, fyne.KeyDown, 0)
	pressKey(a, fyne.KeyDown, 0)
	pressKey(a, fyne.KeyReturn, 0)
	if c.dir != filepath.Join(dir, "Báo cáo 2026") || !slices.Contains(rowNames(c), "cũ.xlsx") {
		t.Fatalf("Enter on the folder shows %s: %q", c.dir, rowNames(c))
	}
	pressKey(a, fyne.KeyBackspace, 0)
	if c.dir != dir {
		t.Fatalf("Backspace went to %s", c.dir)
	}
	pressKey(a, fyne.KeyH, 'h')
	if r, _ := c.list.current(); r.name != "Hạ Long.xlsx" || c.name.Text != "Hạ Long.xlsx" {
		t.Fatalf("h picks %q, the name reads %q", r.name, c.name.Text)
	}
	pressKey(a, fyne.KeyReturn, 0)
	q := a.topModal()
	if q == nil || q.title != "Replace the file?" || q.def.Text != "Cancel" {
		t.Fatalf("choosing a file that exists asks %q", dialogText(a))
	}
	pressKey(a, fyne.KeyReturn, 0)
	if len(got) != 0 || topChooser(t, a) != c {
		t.Fatalf("Enter on the question replaced the file: %q", got)
	}
	a.win.Canvas().Focus(c.name)
	c.name.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(c.name, "Hà Nội")
	pressKey(a, fyne.KeyReturn, 0)
	if want := filepath.Join(dir, "Hà Nội.xlsx"); !slices.Equal(got, []string{want}) || a.topModal() != nil {
		t.Fatalf("saved to %q, want %s; dialogs %q", got, want, dialogText(a))
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "Hạ Long.xlsx")); string(data) != "old" {
		t.Error("the file the user did not replace was changed")
	}
}

// TestTheReplaceQuestionSpeaksTheInterfaceLanguage: saving over a file
// asks in the interface's language, with its buttons; Replace saves.
func TestTheReplaceQuestionSpeaksTheInterfaceLanguage(t *testing.T) {
	for _, c := range []struct {
		lang                      translations.Lang
		question, replace, cancel string
	}{
		{translations.VI, "Tệp “Hạ Long.xlsx” đã có trong thư mục", "Ghi đè", "Hủy"},
		{translations.EN, "“Hạ Long.xlsx” already exists in", "Overwrite", "Cancel"},
	} {
		a := newTestApp(t, c.lang)
		dir := fileDir(t)
		a.rememberFolder(dir)
		var got string
		a.showSaveDialog("Hạ Long.xlsx", ".xlsx", func(p string) { got = p })
		pressKey(a, fyne.KeyReturn, 0)
		text, b := dialogText(a), buttonsIn(a.win.Canvas().Overlays().Top())
		if !strings.Contains(text, c.question) || !slices.Equal(b, []string{c.replace, c.cancel}) {
			t.Errorf("%s: the question says %q with %q", c.lang, text, b)
		}
		for _, english := range []string{"Overwrite?", "Are you sure"} {
			if strings.Contains(text, english) {
				t.Errorf("%s: the question says %q", c.lang, english)
			}
		}
		tapButton(t, a, c.replace)
		if got != filepath.Join(dir, "Hạ Long.xlsx") || a.topModal() != nil {
			t.Errorf("%s: Replace gave %q, dialogs %q", c.lang, got, dialogText(a))
		}
	}
}

// TestTheOpenDialogOpensByKeyboard: the open dialog lists the
// assessment files, the first picked; Enter opens it.
func TestTheOpenDialogOpensByKeyboard(t *testing.T) {
	a := newTestApp(t, translations.VI)
	dir := t.TempDir()
	demo, _ := assessment.Demo()
	path := filepath.Join(dir, "Hạ Long.ccsa")
	if err := files.Save(path, demo); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "báo cáo.xlsx"), nil, 0o644)
	a.rememberFolder(dir)
	a.OpenDialog()
	c := topChooser(t, a)
	if !slices.Equal(rowNames(c), []string{a.t("gui.fileParent"), "Hạ Long.ccsa"}) || a.win.Canvas().Focused() != fyne.Focusable(c.list) {
		t.Fatalf("the open dialog lists %q, focus on %T", rowNames(c), a.win.Canvas().Focused())
	}
	if got := strings.Join(buttons(a), "|"); !strings.Contains(got, "Thư mục cá nhân") || strings.Contains(got, "Home") {
		t.Errorf("the places read %q", got)
	}
	pressKey(a, fyne.KeyReturn, 0)
	if a.doc.Path() != path || a.Assessment().City.Name != demo.City.Name {
		t.Fatalf("opened %q", a.doc.Path())
	}
}

// TestTwoLongSimilarNamesAreShownWhole: in a 1366×768 window, two form
// names that differ only at their end are shown whole, wrapped, inside
// the list: never cut to the same text.
func TestTwoLongSimilarNamesAreShownWhole(t *testing.T) {
	a := newTestApp(t, translations.VI)
	a.win.Resize(fyne.NewSize(1366, 768))
	dir := t.TempDir()
	// Names as long as a file system takes (255 bytes), longer than the
	// window is wide.
	prefix := "Phieu thu thap so lieu - Thanh pho Ha Long - So Van hoa, The thao va Du lich tinh Quang Ninh - " +
		"Phong Quan ly Di san van hoa va Bao tang - Bo phan Tong hop so lieu danh gia nam 2026 - "
	names := []string{prefix + "Sở Tài chính (vi).xlsx", prefix + "Sở Tài nguyên và Môi trường (vi).xlsx"}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a.rememberFolder(dir)
	a.MergeDialog()
	c := topChooser(t, a)
	d := fyne.CurrentApp().Driver()
	// What is seen of the list: inside the window and the list's frame.
	right := min(a.win.Canvas().Size().Width, d.AbsolutePositionForObject(c.list).X+c.list.Size().Width)
	var shown []string
	for _, o := range c.list.box.Objects {
		row := o.(*fileRowView)
		if row.row.parent {
			continue
		}
		var b strings.Builder
		visit(row, d.AbsolutePositionForObject(row).Subtract(row.Position()), func(o fyne.CanvasObject, pos fyne.Position) {
			if txt, ok := o.(*canvas.Text); ok && txt.Text != "" {
				b.WriteString(txt.Text)
				if end := pos.X + fyne.MeasureText(txt.Text, txt.TextSize, txt.TextStyle).Width; end > right+1 {
					t.Errorf("%q ends at %.0f, beyond what is seen of the list (%.0f)", txt.Text, end, right)
				}
			}
		})
		shown = append(shown, b.String())
	}
	if len(shown) != 2 || shown[0] == shown[1] {
		t.Fatalf("the names are shown as %q", shown)
	}
	for i, n := range names {
		if strings.ReplaceAll(shown[i], " ", "") != strings.ReplaceAll(n, " ", "") {
			t.Errorf("%q is shown as %q", n, shown[i])
		}
	}
}

// TestTheConflictDialogShowsTheLevelsWithTheirDescriptors: a rubric
// answer given differently by a form is shown as its level and what the
// level means, for what is held and what the form gives.
func TestTheConflictDialogShowsTheLevelsWithTheirDescriptors(t *testing.T) {
	for _, lang := range translations.Languages() {
		a := newTestApp(t, lang)
		openDemo(t, a)
		const id = "gastronomy.traditional_know_how"
		if a.value(id).Raw() != "3" {
			t.Fatalf("the demonstration's level is %s", a.value(id).Raw())
		}
		path := writtenForm(t, a)
		fillForm(t, path, map[string]any{id: 4})
		a.MergePath(path)
		text := dialogText(a)
		for _, want := range []string{"3 – " + a.t(id+".level3"), "4 – " + a.t(id+".level4")} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the conflict dialog lacks %q:\n%s", lang, want, text)
			}
		}
		closeDialogs(t, a)
	}
}
