package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/report"
	"creativecity/translations"
)

// holdReport makes the report's writes fail as Windows fails them while
// Excel has the workbook open, for as long as *held is true.
func holdReport(t *testing.T, held *bool) {
	t.Helper()
	real := writeReport
	t.Cleanup(func() { writeReport = real })
	writeReport = func(path string, qn *assessment.Questionnaire, a *assessment.Assessment, res *assessment.Result, opts report.Options) ([]assessment.Problem, error) {
		if *held {
			return nil, &assessment.FileError{Problem: assessment.Problem{Severity: assessment.Error, Path: path, Code: assessment.CodeHeldOpen}}
		}
		return real(path, qn, a, res, opts)
	}
}

// exportAndWait exports and waits until the export is over.
func exportAndWait(t *testing.T, a *App, path string, lang translations.Lang) error {
	t.Helper()
	done := make(chan error, 1)
	a.Export(path, lang, func(err error) { done <- err })
	return waitDone(t, done)
}

func waitDone(t *testing.T, done chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatal("the export did not finish")
	}
	return nil
}

// waitForFile waits until a workbook is at path.
func waitForFile(t *testing.T, path string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if data, err := os.ReadFile(path); err == nil && bytes.HasPrefix(data, []byte("PK")) {
			return
		}
	}
	t.Fatalf("no workbook at %s", path)
}

// TestExportOverAWorkbookOpenInExcelOffersRetryAndAnotherName: the
// export fails as on Windows while Excel shows the workbook. The window
// says so, naming the file, in the interface's language, and offers Retry
// and Save under another name; the workbook and the work are untouched.
// Retry, once Excel let go, writes it; Save under another name asks for
// another file and writes that one.
func TestExportOverAWorkbookOpenInExcelOffersRetryAndAnotherName(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	a.doc.Edit(func(doc *assessment.Assessment) { doc.City.Population = 333333 })
	dir := t.TempDir()
	a.addRecent(filepath.Join(dir, "other.ccsa")) // the file dialogs open in dir
	held := true
	holdReport(t, &held)
	path := filepath.Join(dir, "Báo cáo đang mở.xlsx")
	if err := os.WriteFile(path, []byte("the workbook Excel shows"), 0o644); err != nil {
		t.Fatal(err)
	}

	if err := exportAndWait(t, a, path, translations.VI); err == nil {
		t.Fatal("the export did not fail")
	}
	want := path + ": error: the file is open in another program (for example Excel): close it and try again, or save under another name."
	if text := dialogText(a); !strings.Contains(text, want) {
		t.Errorf("the window says %q; want %q", text, want)
	}
	if b := buttons(a); !slices.Contains(b, "Retry") || !slices.Contains(b, "Save under another name…") || !slices.Contains(b, "Cancel") {
		t.Errorf("buttons %q", b)
	}
	if data, _ := os.ReadFile(path); string(data) != "the workbook Excel shows" {
		t.Errorf("the workbook holds %q", data)
	}
	if !a.Dirty() || a.Assessment().City.Population != 333333 {
		t.Errorf("the work changed: dirty %v, population %v", a.Dirty(), a.Assessment().City.Population)
	}

	// Excel closed the workbook: Retry writes it.
	held = false
	done := make(chan error, 1)
	real := writeReport
	writeReport = func(p string, qn *assessment.Questionnaire, doc *assessment.Assessment, res *assessment.Result, opts report.Options) ([]assessment.Problem, error) {
		w, err := real(p, qn, doc, res, opts)
		done <- err
		return w, err
	}
	tapButton(t, a, "Retry")
	if err := waitDone(t, done); err != nil {
		t.Fatalf("retry: %v", err)
	}
	waitForFile(t, path)
	writeReport = real

	// Excel holds it again: Save under another name writes the file the
	// save dialog offers beside it.
	held = true
	if err := exportAndWait(t, a, path, translations.VI); err == nil {
		t.Fatal("the second export did not fail")
	}
	held = false
	tapButton(t, a, "Save under another name…")
	tapButton(t, a, "Save") // the file dialog, on the name it offers
	waitForFile(t, filepath.Join(dir, a.fileName("gui.reportFileName", translations.VI, ".xlsx")))
	if !a.Dirty() {
		t.Error("exporting marked the work saved")
	}
}

// TestTheHeldOpenMessageIsVietnamese: in Vietnamese, the same problem and
// its choices.
func TestTheHeldOpenMessageIsVietnamese(t *testing.T) {
	a := newTestApp(t, translations.VI)
	openDemo(t, a)
	held := true
	holdReport(t, &held)
	path := filepath.Join(t.TempDir(), "Báo cáo.xlsx")
	exportAndWait(t, a, path, translations.VI)
	want := path + ": lỗi: tệp đang được mở trong một chương trình khác (ví dụ Excel): hãy đóng tệp ở đó rồi thử lại, hoặc lưu với tên khác."
	if text := dialogText(a); !strings.Contains(text, want) {
		t.Errorf("the window says %q; want %q", text, want)
	}
	if b := buttons(a); !slices.Contains(b, "Thử lại") || !slices.Contains(b, "Lưu với tên khác…") {
		t.Errorf("buttons %q", b)
	}
}

// TestSavingOverAReadOnlyFileKeepsTheWorkAndOffersRetry: the open file was
// marked read-only; Save refuses it, naming it, and keeps the work unsaved
// and the file as it was. Once the mark is removed, Retry saves.
func TestSavingOverAReadOnlyFileKeepsTheWorkAndOffersRetry(t *testing.T) {
	a := newTestApp(t, translations.EN)
	dir := t.TempDir()
	path := filepath.Join(dir, "Hạ Long.ccsa")
	demo, _ := assessment.Demo()
	if err := files.Save(path, demo); err != nil {
		t.Fatal(err)
	}
	a.OpenPath(path)
	a.doc.Edit(func(doc *assessment.Assessment) { doc.City.Population = 444444 })
	before, _ := os.ReadFile(path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}

	a.Save()
	want := path + ": error: the file is marked read-only; it was not replaced."
	if text := dialogText(a); !strings.Contains(text, want) {
		t.Errorf("the window says %q; want %q", text, want)
	}
	if b := buttons(a); !slices.Contains(b, "Retry") || !slices.Contains(b, "Save under another name…") {
		t.Errorf("buttons %q", b)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the read-only file changed")
	}
	if _, err := os.Stat(path + files.BackupSuffix); !os.IsNotExist(err) {
		t.Errorf("a backup was written: %v", err)
	}
	if !a.Dirty() || a.Assessment().City.Population != 444444 {
		t.Fatalf("the work changed: dirty %v, population %v", a.Dirty(), a.Assessment().City.Population)
	}

	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	tapButton(t, a, "Retry")
	if a.Dirty() {
		t.Fatal("Retry did not save")
	}
	if saved, err := files.Load(path); err != nil || saved.City.Population != 444444 {
		t.Errorf("the file holds %v (%v)", saved, err)
	}
}

// TestSaveAsADeviceNameAsksForAnotherName: Save As to CON.ccsa (chosen in
// the save dialog) is refused on every system, naming the file and the
// reason; nothing is written and Retry is not offered, only another name,
// which saves.
func TestSaveAsADeviceNameAsksForAnotherName(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	dir := t.TempDir()
	a.addRecent(filepath.Join(dir, "other.ccsa"))
	con := filepath.Join(dir, "CON.ccsa")
	a.saveAsChosen(nil)(storage.Writer(storage.NewFileURI(con)))
	want := con + ": error: Windows keeps the name “CON” for a device, whatever the extension"
	if text := dialogText(a); !strings.Contains(text, want) {
		t.Errorf("the window says %q; want %q", text, want)
	}
	if b := buttons(a); slices.Contains(b, "Retry") || !slices.Contains(b, "Save under another name…") {
		t.Errorf("buttons %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
	if a.doc.Path() != "" {
		t.Errorf("the work belongs to %q", a.doc.Path())
	}
	tapButton(t, a, "Save under another name…")
	tapButton(t, a, "Save") // the file dialog, on the name it offers
	if want := filepath.Join(dir, a.cityName()+assessment.Extension); a.doc.Path() != want || a.Dirty() {
		t.Errorf("saved to %q, dirty %v; want %q", a.doc.Path(), a.Dirty(), want)
	}
}

// TestSavingWorkGrownPastTheFileLimitKeepsItInTheWindow: work whose file
// would be larger than an assessment file may be (saved, it could not be
// opened again) is not saved; the window says so with both sizes, the
// file stays as it was, and the work stays in the window, unsaved, until
// the texts are shortened, when saving works.
func TestSavingWorkGrownPastTheFileLimitKeepsItInTheWindow(t *testing.T) {
	a := newTestApp(t, translations.VI)
	path := filepath.Join(t.TempDir(), "Hạ Long.ccsa")
	demo, _ := assessment.Demo()
	if err := files.Save(path, demo); err != nil {
		t.Fatal(err)
	}
	a.OpenPath(path)
	const id = "gastronomy.traditional_know_how"
	long := strings.Repeat("Nghệ nhân làng chài Hạ Long. ", files.MaxFileSize/20)
	a.doc.Edit(func(doc *assessment.Assessment) { doc.Answer(id).Evidence = long })
	before, _ := os.ReadFile(path)
	a.Save()
	if text := dialogText(a); !strings.Contains(text, path+": lỗi: bản đánh giá chiếm") || !strings.Contains(text, "8.388.608 byte") {
		t.Errorf("the window says %q", text)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the file changed")
	}
	if !a.Dirty() || a.Assessment().Answer(id).Evidence != long {
		t.Fatal("the work is not kept")
	}
	closeDialogs(t, a)
	a.doc.Edit(func(doc *assessment.Assessment) { doc.Answer(id).Evidence = "Nghệ nhân làng chài Hạ Long." })
	a.Save()
	if saved, err := files.Load(path); a.Dirty() || err != nil || saved.Answer(id).Evidence != "Nghệ nhân làng chài Hạ Long." {
		t.Errorf("the shortened work was not saved: dirty %v, %v", a.Dirty(), err)
	}
}
