package document

import (
	"os"
	"path/filepath"
	"testing"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/testkit/fixture"
)

// TestSaveAsRefusesANameWindowsCannotUse: Save As to a device name or a
// name ending in a dot writes nothing; the work stays open, unsaved, with
// its file. Saving again to the document's own file is not checked: it
// keeps the name it has.
func TestSaveAsRefusesANameWindowsCannotUse(t *testing.T) {
	d := newDoc(t, "")
	d.Replace(fixture.Demo(t), "")
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Hạ Long (mới)" })
	dir := t.TempDir()
	for name, code := range map[string]string{"CON.ccsa": assessment.CodeNameReserved, "lpt1.ccsa": assessment.CodeNameReserved,
		"Hạ Long.ccsa.": assessment.CodeNameTrailing, "Hạ Long: 2026.ccsa": assessment.CodeNameCharacter} {
		if err := d.SaveAs(filepath.Join(dir, name)); !fixture.HasCode(err, code) {
			t.Errorf("SaveAs(%q) = %v; want %s", name, err, code)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
	if d.Path() != "" || !d.Dirty() || d.Assessment().City.Name != "Hạ Long (mới)" {
		t.Errorf("path %q dirty %v city %q", d.Path(), d.Dirty(), d.Assessment().City.Name)
	}

	// A file of such a name made elsewhere (Linux allows it) saves in place.
	odd := filepath.Join(dir, "Hạ Long: 2026.ccsa")
	if err := files.Save(odd, fixture.Demo(t)); err != nil {
		t.Fatal(err)
	}
	if err := d.Open(odd); err != nil {
		t.Fatal(err)
	}
	d.Edit(func(a *assessment.Assessment) { a.City.Population++ })
	if err := d.Save(); err != nil || d.Dirty() {
		t.Errorf("saving the open file: %v, dirty %v", err, d.Dirty())
	}
}
