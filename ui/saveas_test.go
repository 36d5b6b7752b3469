package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/translations"
)

// TestTheSaveDialogsWriterLeavesTheFileUntouched does what every save
// dialog of the app does once the user confirms a file: it asks the
// toolkit for a writer of it, and the app closes it unwritten. The file
// keeps its content (the toolkit's own writer truncates it at once), and
// a file that did not exist is not created; a writer that is written to
// still replaces the content.
func TestTheSaveDialogsWriterLeavesTheFileUntouched(t *testing.T) {
	newTestApp(t, translations.EN)
	dir := t.TempDir()
	existing := filepath.Join(dir, "halong.ccsa")
	if err := os.WriteFile(existing, []byte("previous content"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := storage.Writer(storage.NewFileURI(existing))
	if err != nil {
		t.Fatal(err)
	}
	if got := withExt(w, assessment.Extension); got != existing {
		t.Errorf("path %q", got)
	}
	if data, _ := os.ReadFile(existing); string(data) != "previous content" {
		t.Errorf("the chosen file holds %q after the dialog", data)
	}

	fresh := filepath.Join(dir, "new")
	w, err = storage.Writer(storage.NewFileURI(fresh))
	if err != nil {
		t.Fatal(err)
	}
	if got := withExt(w, ".xlsx"); got != fresh+".xlsx" {
		t.Errorf("path %q", got)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("the dialog created %s: %v", filepath.Base(fresh), err)
	}

	w, err = storage.Writer(storage.NewFileURI(existing))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(existing); string(data) != "new" {
		t.Errorf("a written writer left %q", data)
	}
}

// TestSaveAsOverAFileKeepsItsContentInTheBackup goes through the real save
// dialog: the user chooses an existing assessment file, confirms the
// overwrite, and the file gets the open work while its .bak holds exactly
// what it held before.
func TestSaveAsOverAFileKeepsItsContentInTheBackup(t *testing.T) {
	a := newTestApp(t, translations.EN)
	openDemo(t, a)
	dir := t.TempDir()
	a.addRecent(filepath.Join(dir, "other.ccsa")) // the dialog opens in dir
	target := filepath.Join(dir, a.cityName()+assessment.Extension)
	older, _ := assessment.Demo()
	older.City.Population = 123456
	if err := files.Save(target, older); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}

	a.SaveAsDialog()
	tapButton(t, a, "Save")
	tapButton(t, a, "Overwrite") // the file exists: the dialog asks first
	if a.doc.Path() != target || a.Dirty() {
		t.Fatalf("saved to %q, dirty %v", a.doc.Path(), a.Dirty())
	}
	bak, err := os.ReadFile(target + files.BackupSuffix)
	if err != nil || !bytes.Equal(bak, before) {
		t.Errorf("the backup holds %d bytes (%v), not the %d the file held", len(bak), err, len(before))
	}
	saved, err := files.Load(target)
	if err != nil {
		t.Fatal(err)
	}
	if saved.City.Population != a.Assessment().City.Population || saved.City.Population == older.City.Population {
		t.Errorf("the file holds population %v, the work %v", saved.City.Population, a.Assessment().City.Population)
	}
}
