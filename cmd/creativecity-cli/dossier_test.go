package main

import (
	"archive/zip"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// TestDossierCommandWritesADraftInTheLanguageAsked: --lang chooses the draft's
// language among those UNESCO accepts, French included, while the
// messages stay in an interface language; a language the draft cannot be
// written in, a wrong extension or a negative rate is a usage error.
func TestDossierCommandWritesADraftInTheLanguageAsked(t *testing.T) {
	dir := t.TempDir()
	for lang, want := range map[string]string{"en": "Gastronomy", "fr": "Gastronomie"} {
		out := filepath.Join(dir, "Hạ Long "+lang+".docx")
		code, stdout, errs := runCLI(t, "dossier", "--lang", lang, "--rate-usd", "25400", "-o", out, demoPath(t))
		if code != exitOK || !strings.Contains(stdout, out) {
			t.Fatalf("%s: exit %d, %q, %q", lang, code, stdout, errs)
		}
		text := docxBody(t, out)
		if !strings.Contains(text, want) || !strings.Contains(text, "USD") || strings.Contains(text, "EUR<") {
			t.Errorf("%s: the draft lacks %q or the USD column, or has a EUR column", lang, want)
		}
	}
	// The messages follow the interface's --lang given first; the draft
	// the dossier's.
	code, stdout, _ := runCLI(t, "--lang", "vi", "dossier", "--lang", "fr", "-o", filepath.Join(dir, "vi.docx"), demoPath(t))
	if code != exitOK || !strings.Contains(stdout, "Đã ghi bản thảo") {
		t.Errorf("exit %d, %q", code, stdout)
	}
	for name, args := range map[string][]string{
		"Vietnamese draft": {"dossier", "--lang", "vi", "-o", filepath.Join(dir, "x.docx"), demoPath(t)},
		"unknown language": {"dossier", "--lang", "de", "-o", filepath.Join(dir, "x.docx"), demoPath(t)},
		"not .docx":        {"dossier", "-o", filepath.Join(dir, "x.xlsx"), demoPath(t)},
		"negative rate":    {"dossier", "--rate-eur", "-1", "-o", filepath.Join(dir, "x.docx"), demoPath(t)},
		"no input":         {"dossier", "-o", filepath.Join(dir, "x.docx")},
	} {
		if code, _, errs := runCLI(t, args...); code != exitUsage || errs == "" {
			t.Errorf("%s: exit %d, %q", name, code, errs)
		}
	}
	if code, _, _ := runCLI(t, "dossier", "-o", filepath.Join(dir, "y.docx"), filepath.Join(dir, "missing.ccsa")); code != exitInput {
		t.Errorf("a missing input: exit %d", code)
	}
}

// docxBody is the XML of a .docx's body.
func docxBody(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}
