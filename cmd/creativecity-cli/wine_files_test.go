//go:build !windows

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creativecity/assessment/testkit"
	"creativecity/assets"
)

// TestWindowsFileNamesAndLocksUnderWine runs the Windows build of the
// tool, as released, on what Windows does differently with files: device
// names and names ending in a dot or a space, paths longer than 260
// characters, files marked read-only, and a workbook that another program
// (Excel) holds open. Each is refused with a message naming the file, the
// file there before is left as it was, or (long paths) it simply works.
func TestWindowsFileNamesAndLocksUnderWine(t *testing.T) {
	w := testkit.NewWine(t)
	win := testkit.WindowsPath
	dir := t.TempDir()
	demo := filepath.Join(dir, assets.DemoName)
	if err := os.WriteFile(demo, assets.DemoCCSA, 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "report.xlsx")
	if code, _, stderr := windowsCLI(t, w, "export", "--lang", "en", "-o", win(report), win(demo)); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}

	t.Run("names Windows cannot use", func(t *testing.T) {
		// Before the check, Windows answered CON.xlsx with "permission
		// denied", NUL.xlsx with "this is a device", prn.ccsa with "Bad
		// device type" and a name ending in a dot with "must end in .xlsx".
		out := t.TempDir()
		for _, b := range badNames {
			args := argsFor("en", b.name, out, demo, report)
			for i, a := range args {
				if strings.HasPrefix(a, "/") {
					args[i] = win(a)
				}
			}
			code, stdout, stderr := windowsCLI(t, w, args...)
			if code != 1 || !strings.Contains(stderr, win(filepath.Join(out, b.name))+": error: ") || !strings.Contains(stderr, b.en) {
				t.Errorf("%s: exit %d, stdout %q, stderr %q; want 1 and %q", b.name, code, stdout, stderr, b.en)
			}
		}
		if entries, _ := os.ReadDir(out); len(entries) != 0 {
			t.Errorf("files written: %v", entries)
		}
		// A file of such a name made on Linux (or on a share a Linux
		// server offers) is refused when read too: before, Windows opened
		// the console and the tool said "Invalid handle".
		for _, name := range []string{"CON.ccsa", "com1.ccsa"} {
			file := filepath.Join(out, name)
			os.WriteFile(file, assets.DemoCCSA, 0o644)
			code, _, stderr := windowsCLI(t, w, "validate", win(file))
			if code != 1 || !strings.Contains(stderr, win(file)+": error: Windows keeps the name “"+strings.ToUpper(strings.TrimSuffix(name, ".ccsa"))+"” for a device") {
				t.Errorf("validate %s: exit %d, %q", name, code, stderr)
			}
		}
	})

	t.Run("a path longer than 260 characters", func(t *testing.T) {
		// Go's os package gives a long absolute path the \\?\ prefix
		// itself (fixLongPath), which lifts Windows' limit of 260.
		folder := filepath.Join(t.TempDir(), "Hồ sơ thành phố sáng tạo UNESCO "+strings.Repeat("a", 60),
			"Lĩnh vực ẩm thực "+strings.Repeat("b", 90), "Báo cáo tiền khả thi "+strings.Repeat("c", 90))
		if err := os.MkdirAll(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		file, workbook := filepath.Join(folder, "Hạ Long.ccsa"), filepath.Join(folder, "Hạ Long - Báo cáo.xlsx")
		if n := len([]rune(win(workbook))); n <= 300 {
			t.Fatalf("the path has only %d characters", n)
		}
		for i := range 2 { // the second import keeps the first as .bak
			if code, _, stderr := windowsCLI(t, w, "import", "-o", win(file), win(report)); code != 0 {
				t.Fatalf("import %d: exit %d: %s", i, code, stderr)
			}
		}
		if _, err := os.Stat(file + ".bak"); err != nil {
			t.Errorf("no backup: %v", err)
		}
		if code, stdout, stderr := windowsCLI(t, w, "validate", win(file)); code != 0 || !strings.Contains(stdout, win(file)) {
			t.Errorf("validate: exit %d: %s %s", code, stdout, stderr)
		}
		if code, stdout, stderr := windowsCLI(t, w, "export", "--lang", "vi", "-o", win(workbook), win(file)); code != 0 || !strings.Contains(stdout, win(workbook)) {
			t.Fatalf("export: exit %d: %s %s", code, stdout, stderr)
		}
		if data, err := os.ReadFile(workbook); err != nil || !bytes.HasPrefix(data, []byte("PK")) {
			t.Errorf("no workbook at the long path: %v", err)
		}
		if saved, want := testkit.ReadFile(t, file), testkit.ReadFile(t, demo); !bytes.Contains(saved, []byte(`"name": "Hạ Long"`)) || len(saved) < len(want)/2 {
			t.Errorf("the file at the long path holds %.200s", saved)
		}
	})

	t.Run("a file marked read-only", func(t *testing.T) {
		// Before, import -o replaced a read-only assessment file.
		out := t.TempDir()
		workbook, file := filepath.Join(out, "Báo cáo.xlsx"), filepath.Join(out, "Hạ Long.ccsa")
		os.WriteFile(workbook, []byte("the workbook as it was"), 0o644)
		os.WriteFile(file, []byte("the assessment as it was"), 0o644)
		w.Attrib(t, workbook, "+r")
		w.Attrib(t, file, "+r")
		for _, args := range [][]string{
			{"export", "--lang", "en", "-o", win(workbook), win(demo)},
			{"import", "-o", win(file), win(report)},
			{"import", "--into", win(demo), "-o", win(file), win(report)},
		} {
			target := args[len(args)-2]
			code, _, stderr := windowsCLI(t, w, args...)
			if code != 1 || !strings.Contains(stderr, target+": error: the file is marked read-only") {
				t.Errorf("%v: exit %d, %q", args[0], code, stderr)
			}
		}
		if got := string(testkit.ReadFile(t, workbook)); got != "the workbook as it was" {
			t.Errorf("the read-only workbook holds %q", got)
		}
		if got := string(testkit.ReadFile(t, file)); got != "the assessment as it was" {
			t.Errorf("the read-only assessment holds %q", got)
		}
		if entries, _ := os.ReadDir(out); len(entries) != 2 {
			t.Errorf("files written beside them: %v", entries)
		}
	})

	t.Run("a file another program holds open", func(t *testing.T) {
		holdopen := w.BuildTool(t, "holdopen")
		for _, shareWrite := range []bool{false, true} {
			out := t.TempDir()
			workbook, file := filepath.Join(out, "Báo cáo.xlsx"), filepath.Join(out, "Hạ Long.ccsa")
			os.WriteFile(workbook, testkit.ReadFile(t, report), 0o644)
			os.WriteFile(file, []byte("the assessment as it was"), 0o644)
			os.WriteFile(file+".bak", []byte("the version before"), 0o644)
			releaseWorkbook := w.HoldOpen(t, holdopen, workbook, shareWrite)
			releaseFile := w.HoldOpen(t, holdopen, file, shareWrite)
			for _, lang := range []string{"en", "vi"} {
				want := map[string]string{
					"en": ": error: the file is open in another program (for example Excel): close it and try again, or save under another name.",
					"vi": ": lỗi: tệp đang được mở trong một chương trình khác (ví dụ Excel): hãy đóng tệp ở đó rồi thử lại, hoặc lưu với tên khác.",
				}[lang]
				for _, args := range [][]string{
					{"--lang", lang, "export", "-o", win(workbook), win(demo)},
					{"--lang", lang, "import", "-o", win(file), win(report)},
				} {
					target := args[len(args)-2]
					code, _, stderr := windowsCLI(t, w, args...)
					if code != 1 || !strings.Contains(stderr, target+want) {
						t.Errorf("shared for writing %v: %v: exit %d, %q", shareWrite, args[2], code, stderr)
					}
				}
			}
			if !bytes.Equal(testkit.ReadFile(t, workbook), testkit.ReadFile(t, report)) {
				t.Error("the held workbook changed")
			}
			if got := string(testkit.ReadFile(t, file)); got != "the assessment as it was" {
				t.Errorf("the held assessment holds %q", got)
			}
			if got := string(testkit.ReadFile(t, file+".bak")); got != "the version before" {
				t.Errorf("its backup holds %q", got)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 3 {
				t.Errorf("files left beside them: %v", entries)
			}
			// Once the other program lets go, the same command works.
			releaseWorkbook()
			releaseFile()
			if code, _, stderr := windowsCLI(t, w, "export", "--lang", "en", "-o", win(workbook), win(demo)); code != 0 {
				t.Errorf("export once released: exit %d: %s", code, stderr)
			}
			if code, _, stderr := windowsCLI(t, w, "import", "-o", win(file), win(report)); code != 0 {
				t.Errorf("import once released: exit %d: %s", code, stderr)
			}
			if got := string(testkit.ReadFile(t, file+".bak")); got != "the assessment as it was" {
				t.Errorf("once released, the backup holds %q", got)
			}
		}
	})
}
