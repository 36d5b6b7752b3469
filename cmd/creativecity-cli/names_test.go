package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badName is an output name that Windows cannot use, and what the tool
// says of it (in English and Vietnamese).
type badName struct {
	name   string
	en, vi string
}

// badNames are names of every kind that the tool refuses for -o, on every
// system: a workbook or assessment written under such a name on Linux
// could not be opened on the Windows computers the files go to.
var badNames = []badName{
	{"CON.xlsx", `Windows keeps the name “CON” for a device`, `Windows dành tên “CON” cho một thiết bị`},
	{"prn.ccsa", `Windows keeps the name “PRN” for a device`, `Windows dành tên “PRN” cho một thiết bị`},
	{"Nul.xlsx", `“NUL”`, `“NUL”`},
	{"aux.ccsa", `“AUX”`, `“AUX”`},
	{"COM1.xlsx", `“COM1”`, `“COM1”`},
	{"com9.ccsa", `“COM9”`, `“COM9”`},
	{"LPT1.xlsx", `“LPT1”`, `“LPT1”`},
	{"Lpt9.ccsa", `“LPT9”`, `“LPT9”`},
	{"báo cáo.xlsx.", "the name ends with a dot, which Windows drops", "tên tệp kết thúc bằng dấu chấm"},
	{"báo cáo.xlsx ", "the name ends with a space, which Windows drops", "tên tệp kết thúc bằng dấu cách"},
	{"Hạ Long.ccsa ", "ends with a space", "dấu cách"},
	{"Hạ Long: 2026.ccsa", "the name contains “:”", "tên tệp có ký tự “:”"},
}

// argsFor is a command line that writes name in dir: export for a
// workbook, import for an assessment file.
func argsFor(lang, name, dir, demo, report string) []string {
	out := filepath.Join(dir, name)
	if strings.Contains(strings.ToLower(name), ".xlsx") {
		return []string{"--lang", lang, "export", "-o", out, demo}
	}
	return []string{"--lang", lang, "import", "-o", out, report}
}

// TestOutputNamesWindowsCannotUseAreRefused: each command that writes a
// file refuses, before any work, an -o name Windows cannot use, with
// exit 1 and a message naming the file and saying what is wrong with the
// name; nothing is written.
func TestOutputNamesWindowsCannotUseAreRefused(t *testing.T) {
	demo := demoPath(t)
	report := filepath.Join(t.TempDir(), "report.xlsx")
	if code, _, errs := runCLI(t, "export", "--lang", "en", "-o", report, demo); code != 0 {
		t.Fatal(errs)
	}
	dir := t.TempDir()
	for _, b := range badNames {
		for _, lang := range []string{"en", "vi"} {
			want := b.en
			if lang == "vi" {
				want = b.vi
			}
			args := argsFor(lang, b.name, dir, demo, report)
			code, stdout, errs := runCLI(t, args...)
			if code != 1 || !strings.Contains(errs, filepath.Join(dir, b.name)+": ") || !strings.Contains(errs, want) || stdout != "" {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want 1 and %q", args, code, stdout, errs, want)
			}
		}
	}
	out := filepath.Join(dir, "CON.xlsx")
	for _, args := range [][]string{
		{"form", "--lang", "en", "-o", out},
		{"compare", "--lang", "en", "-o", out, demo},
		{"import", "--into", demo, "-o", filepath.Join(dir, "LPT1.ccsa"), report},
	} {
		if code, _, errs := runCLI(t, args...); code != 1 || !strings.Contains(errs, "for a device") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

// TestImportKeepsAReadOnlyAssessment: import -o over an assessment file
// marked read-only is refused (exit 1, naming the file); the file keeps
// its content and no backup is written. Before, the rename replaced it.
func TestImportKeepsAReadOnlyAssessment(t *testing.T) {
	demo := demoPath(t)
	dir := t.TempDir()
	report := filepath.Join(dir, "report.xlsx")
	if code, _, errs := runCLI(t, "export", "--lang", "en", "-o", report, demo); code != 0 {
		t.Fatal(errs)
	}
	target := filepath.Join(dir, "Hạ Long.ccsa")
	if err := os.WriteFile(target, []byte("keep me"), 0o444); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"import", "-o", target, report}, {"import", "--into", demo, "-o", target, report}} {
		code, _, errs := runCLI(t, append([]string{"--lang", "vi"}, args...)...)
		if code != 1 || !strings.Contains(errs, target+": ") || !strings.Contains(errs, "chỉ đọc") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
	if data, _ := os.ReadFile(target); string(data) != "keep me" {
		t.Errorf("the read-only file holds %q", data)
	}
	if _, err := os.Stat(target + ".bak"); !os.IsNotExist(err) {
		t.Errorf("a backup was written: %v", err)
	}
}
