package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creativecity/assessment/files"
)

// readBytes reads a file the test expects to exist.
func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestAnOutputNamingAnInputIsRefused: export, form, compare and dossier
// refuse an -o that is one of their inputs, under its own name, another
// path, a symbolic link or a hard link, or inside a folder compared:
// exit 1, a translated message naming it, and the input untouched.
func TestAnOutputNamingAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.ccsa")
	if err := os.WriteFile(demo, readBytes(t, demoPath(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	received := filepath.Join(dir, "received.xlsx")
	if code, _, errs := runCLI(t, "export", "-o", received, demo); code != 0 {
		t.Fatal(errs)
	}
	link := filepath.Join(dir, "link.xlsx")
	hard := filepath.Join(dir, "hard.xlsx")
	docx := filepath.Join(dir, "demo.docx")
	if os.Symlink(demo, link) != nil || os.Link(demo, hard) != nil || os.Symlink(demo, docx) != nil {
		t.Skip("no links on this file system")
	}
	before, report := readBytes(t, demo), readBytes(t, received)
	for _, c := range []struct {
		args  []string
		input string
	}{
		{[]string{"compare", "-o", received, received, demo}, received},
		{[]string{"compare", "-o", filepath.Join(dir, ".", "received.xlsx"), dir}, received},
		{[]string{"export", "-o", hard, demo}, demo},
		{[]string{"form", "-o", link, demo}, demo},
		{[]string{"dossier", "-o", docx, demo}, demo},
	} {
		code, _, errs := runCLI(t, c.args...)
		if code != 1 || !strings.Contains(errs, "is one of the inputs") || !strings.Contains(errs, c.input) {
			t.Errorf("%v: exit %d, %s", c.args, code, errs)
		}
	}
	if !bytes.Equal(readBytes(t, demo), before) || !bytes.Equal(readBytes(t, received), report) {
		t.Error("an input was changed")
	}
	for _, bak := range []string{demo, received, hard, link, docx} {
		if _, err := os.Lstat(bak + ".bak"); err == nil {
			t.Errorf("%s.bak written", bak)
		}
	}
}

// TestMergingIntoTheBaseInPlaceStaysAllowed: import --into X -o X writes X,
// keeping its previous version as X.bak.
func TestMergingIntoTheBaseInPlaceStaysAllowed(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.ccsa")
	if err := os.WriteFile(base, readBytes(t, demoPath(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	form := filepath.Join(dir, "form.xlsx")
	if code, _, errs := runCLI(t, "form", "--sections", "gastronomy", "-o", form, base); code != 0 {
		t.Fatal(errs)
	}
	before := readBytes(t, base)
	if code, _, errs := runCLI(t, "import", "--into", base, "-o", base, form); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !bytes.Equal(readBytes(t, base+".bak"), before) {
		t.Error("the base's previous version is not its .bak")
	}
}

// TestAnExistingWorkbookOrDocumentIsKeptAsBak: a workbook or a document
// that export, form, compare or dossier writes over is kept as .bak, as an
// assessment file is.
func TestAnExistingWorkbookOrDocumentIsKeptAsBak(t *testing.T) {
	dir := t.TempDir()
	demo := demoPath(t)
	for _, c := range []struct {
		cmd, name string
	}{{"export", "r.xlsx"}, {"form", "f.xlsx"}, {"compare", "c.xlsx"}, {"dossier", "d.docx"}} {
		out := filepath.Join(dir, c.name)
		old := []byte("a department's returned workbook")
		if err := os.WriteFile(out, old, 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, errs := runCLI(t, c.cmd, "-o", out, demo); code != 0 {
			t.Fatalf("%s: exit %d: %s", c.cmd, code, errs)
		}
		bak, err := os.ReadFile(out + ".bak")
		if err != nil || !bytes.Equal(bak, old) {
			t.Errorf("%s: the replaced file is not kept as .bak (%v)", c.cmd, err)
		}
		if bytes.Equal(readBytes(t, out), old) {
			t.Errorf("%s: nothing written", c.cmd)
		}
	}
}

// TestImportDoesNotReplaceAnotherCitysAssessment: import -o (and a merge's
// -o) over an existing assessment of another city is refused naming both
// cities, the file untouched, unless --force, which keeps it as .bak; over
// the same city's file it writes as before.
func TestImportDoesNotReplaceAnotherCitysAssessment(t *testing.T) {
	dir := t.TempDir()
	demo := demoPath(t)
	report, form := reportAndForm(t, dir, demo)
	hue, _ := files.Load(demo)
	hue.City.Name, hue.City.Province = "Huế", "Thành phố Huế"
	target := filepath.Join(dir, "hue.ccsa")
	if err := files.Save(target, hue); err != nil {
		t.Fatal(err)
	}
	before := readBytes(t, target)
	for _, args := range [][]string{
		{"import", "-o", target, report},
		{"import", "-o", target, report},
		{"import", "--into", demo, "-o", target, form},
	} {
		code, _, errs := runCLI(t, args...)
		if code != 1 || !strings.Contains(errs, "“Huế (Thành phố Huế)”") || !strings.Contains(errs, "“Hạ Long (Quảng Ninh)”") ||
			!strings.Contains(errs, "--force") {
			t.Errorf("%v: exit %d, %s", args, code, errs)
		}
	}
	if !bytes.Equal(readBytes(t, target), before) {
		t.Error("Huế's file was replaced")
	}
	if _, err := os.Stat(target + ".bak"); err == nil {
		t.Error("a backup was written though nothing was")
	}
	if code, _, errs := runCLI(t, "import", "--force", "-o", target, report); code != 0 {
		t.Fatalf("--force: exit %d, %s", code, errs)
	}
	if !bytes.Equal(readBytes(t, target+".bak"), before) {
		t.Error("the replaced city is not kept as .bak")
	}
	if a, err := files.Load(target); err != nil || a.City.Name != "Hạ Long" {
		t.Errorf("--force did not write the report's city: %v", err)
	}
	if code, _, errs := runCLI(t, "import", "-o", target, report); code != 0 {
		t.Errorf("over the same city: exit %d, %s", code, errs)
	}
}

// TestImportAndMergeNeverOverwriteANewerSchema: import -o and a merge's -o
// refuse a target written by a newer schema, which stays as it was.
func TestImportAndMergeNeverOverwriteANewerSchema(t *testing.T) {
	dir := t.TempDir()
	demo := demoPath(t)
	report, form := reportAndForm(t, dir, demo)
	newer := bytes.Replace(readBytes(t, demo), []byte(`"schemaVersion": 1`), []byte(`"schemaVersion": 2, "futureMember": {"kept": true}`), 1)
	if bytes.Equal(newer, readBytes(t, demo)) {
		t.Fatal("no schema version to change in the demo")
	}
	target := filepath.Join(dir, "newer.ccsa")
	if err := os.WriteFile(target, newer, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"import", "-o", target, report},
		{"import", "--force", "-o", target, report},
		{"import", "--into", demo, "-o", target, form},
	} {
		if code, _, errs := runCLI(t, args...); code != 1 || !strings.Contains(errs, target) || !strings.Contains(errs, "2") {
			t.Errorf("%v: exit %d, %s", args, code, errs)
		}
	}
	if !bytes.Equal(readBytes(t, target), newer) {
		t.Error("the newer file was overwritten")
	}
}

// reportAndForm writes, in dir, the report of the assessment file from and
// a form of the gastronomy section prefilled from it.
func reportAndForm(t *testing.T, dir, from string) (report, form string) {
	t.Helper()
	report, form = filepath.Join(dir, "report.xlsx"), filepath.Join(dir, "form.xlsx")
	if code, _, errs := runCLI(t, "export", "-o", report, from); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := runCLI(t, "form", "--sections", "gastronomy", "-o", form, from); code != 0 {
		t.Fatal(errs)
	}
	return report, form
}
