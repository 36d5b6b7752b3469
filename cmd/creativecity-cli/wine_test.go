//go:build !windows

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment/testkit"
	"creativecity/assets"
)

// windowsCLI runs dist/creativecity-cli.exe under Wine, with its output in
// files (Wine's server outlives the program and would hold a pipe open).
//
// The tool never fails without a word: every exit other than 0 comes with
// a message on stderr. A failure with no output at all is Wine failing to
// start the program (seen once in CI, on a machine loaded with the other
// packages' tests), so that run is repeated, at most twice; a tool that
// really failed silently would do so every time and still fail the test.
func windowsCLI(t *testing.T, w *testkit.Wine, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	for attempt := 1; ; attempt++ {
		code, stdout, stderr = windowsCLIOnce(t, w, args...)
		if code == 0 || stdout != "" || stderr != "" || attempt == 3 {
			return code, stdout, stderr
		}
		t.Logf("%v: exit %d with no output (attempt %d); running it again", args, code, attempt)
	}
}

func windowsCLIOnce(t *testing.T, w *testkit.Wine, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	outFile, _ := os.Create(filepath.Join(dir, "stdout"))
	errFile, _ := os.Create(filepath.Join(dir, "stderr"))
	defer outFile.Close()
	defer errFile.Close()
	cmd := w.Command(ctx, "", w.Exe("creativecity-cli.exe"), args...)
	cmd.Stdout, cmd.Stderr = outFile, errFile
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%v: timed out", args)
	}
	code = cmd.ProcessState.ExitCode()
	if err != nil && code < 0 {
		t.Fatalf("%v: %v", args, err)
	}
	o, _ := os.ReadFile(outFile.Name())
	e, _ := os.ReadFile(errFile.Name())
	return code, string(o), string(e)
}

// sheetValues reads every sheet of a workbook as text rows, with the
// Windows form of a folder's paths, wherever they are in a cell, given
// back their Unix form.
func sheetValues(t *testing.T, path string, unixDir string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	winDir := testkit.WindowsPath(unixDir)
	sheets := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for i, v := range row {
				if strings.Contains(v, winDir) {
					row[i] = strings.ReplaceAll(strings.ReplaceAll(v, winDir, unixDir), `\`, "/")
				}
			}
		}
		sheets[name] = rows
	}
	return sheets
}

// sameWorkbook compares two workbooks sheet by sheet, cell by cell.
func sameWorkbook(t *testing.T, name, windows, linux, dir string) {
	t.Helper()
	got, want := sheetValues(t, windows, dir), sheetValues(t, linux, dir)
	if len(got) != len(want) {
		t.Errorf("%s: %d sheets from Windows, %d from Linux", name, len(got), len(want))
	}
	for sheet, rows := range want {
		for r, row := range rows {
			if r >= len(got[sheet]) || !slices.Equal(got[sheet][r], row) {
				var g []string
				if r < len(got[sheet]) {
					g = got[sheet][r]
				}
				t.Errorf("%s: sheet %q row %d:\nwindows %q\nlinux   %q", name, sheet, r+1, g, row)
				return
			}
		}
	}
}

// TestWindowsCLIUnderWine runs the Windows build of the command-line tool,
// as released, under Wine: every command gives what the Linux build gives.
func TestWindowsCLIUnderWine(t *testing.T) {
	w := testkit.NewWine(t)
	dir := t.TempDir()
	demo := filepath.Join(dir, assets.DemoName)
	if err := os.WriteFile(demo, assets.DemoCCSA, 0o644); err != nil {
		t.Fatal(err)
	}
	win := testkit.WindowsPath
	// The release build carries the version of FyneApp.toml; the report
	// names it, so the Linux side of the comparison takes it too.
	_, version, _ := windowsCLI(t, w, "version")
	defer func(v string) { Version = v }(Version)
	Version = strings.TrimSpace(version)

	t.Run("questions, validate and score", func(t *testing.T) {
		for _, args := range [][]string{
			{"questions", "--json"},
			{"--lang", "vi", "questions", "--json"},
			{"score", "--json", demo},
			{"--lang", "vi", "score", demo},
			{"validate", demo},
		} {
			linux := slices.Clone(args)
			args[len(args)-1] = strings.Replace(args[len(args)-1], demo, win(demo), 1)
			code, stdout, stderr := windowsCLI(t, w, args...)
			stdout = strings.ReplaceAll(stdout, win(demo), demo)
			lcode, lout, _ := runCLI(t, linux...)
			if code != lcode || stdout != lout {
				t.Errorf("%v: exit %d (Linux %d), output differs:\n%.300s\n--- Linux:\n%.300s\n%s", args, code, lcode, stdout, lout, stderr)
			}
		}
		bad := filepath.Join(dir, "hỏng.ccsa")
		os.WriteFile(bad, []byte(`{"format":"creativecity-assessment","schemaVersion":1,"answers":{"film.screens":{"value":-3}}}`), 0o644)
		code, _, stderr := windowsCLI(t, w, "--lang", "vi", "validate", win(bad))
		if code != 1 || !strings.Contains(stderr, win(bad)) || !strings.Contains(stderr, "film.screens") {
			t.Errorf("validate of a bad file: exit %d, %q", code, stderr)
		}
	})

	t.Run("export, import and compare", func(t *testing.T) {
		for _, lang := range []string{"vi", "en"} {
			out, lout := filepath.Join(dir, "báo cáo "+lang+".xlsx"), filepath.Join(dir, "linux-"+lang+".xlsx")
			if code, _, stderr := windowsCLI(t, w, "export", "--lang", lang, "-o", win(out), win(demo)); code != 0 {
				t.Fatalf("export %s: exit %d: %s", lang, code, stderr)
			}
			if code, _, stderr := runCLI(t, "export", "--lang", lang, "-o", lout, demo); code != 0 {
				t.Fatal(stderr)
			}
			sameWorkbook(t, "export "+lang, out, lout, dir)
		}
		back, lback := filepath.Join(dir, "nhập lại.ccsa"), filepath.Join(dir, "linux.ccsa")
		if code, _, stderr := windowsCLI(t, w, "import", "-o", win(back), win(filepath.Join(dir, "báo cáo vi.xlsx"))); code != 0 {
			t.Fatalf("import: exit %d: %s", code, stderr)
		}
		runCLI(t, "import", "-o", lback, filepath.Join(dir, "linux-vi.xlsx"))
		if got, want := testkit.ReadFile(t, back), testkit.ReadFile(t, lback); !bytes.Equal(got, want) {
			t.Errorf("import: the Windows build wrote a different file:\n%.400s\n--- Linux:\n%.400s", got, want)
		}
		cmp, lcmp := filepath.Join(dir, "so sánh.xlsx"), filepath.Join(t.TempDir(), "linux-compare.xlsx")
		inputs := []string{demo, filepath.Join(dir, "báo cáo en.xlsx"), filepath.Join(dir, "hỏng.ccsa")}
		var winInputs []string
		for _, in := range inputs {
			winInputs = append(winInputs, win(in))
		}
		code, _, stderr := windowsCLI(t, w, append([]string{"compare", "--lang", "vi", "-o", win(cmp)}, winInputs...)...)
		if code != 0 || !strings.Contains(stderr, "hỏng.ccsa") {
			t.Fatalf("compare: exit %d: %s", code, stderr)
		}
		runCLI(t, append([]string{"compare", "--lang", "vi", "-o", lcmp}, inputs...)...)
		sameWorkbook(t, "compare", cmp, lcmp, dir)
	})

	t.Run("a folder with Vietnamese letters and spaces", func(t *testing.T) {
		folder := `C:\Users\Nguyễn Văn An\Tài liệu\Hồ sơ UNESCO\Dòng lệnh`
		os.RemoveAll(w.Drive(folder))
		if err := os.MkdirAll(w.Drive(folder), 0o755); err != nil {
			t.Fatal(err)
		}
		file, report := folder+`\Hạ Long.ccsa`, folder+`\Báo cáo Hạ Long.xlsx`
		// import writes the file; a second import keeps the first as .bak.
		for i := range 2 {
			if code, _, stderr := windowsCLI(t, w, "import", "-o", file, win(filepath.Join(dir, "báo cáo vi.xlsx"))); code != 0 {
				t.Fatalf("import %d: exit %d: %s", i, code, stderr)
			}
		}
		if _, err := os.Stat(w.Drive(file + ".bak")); err != nil {
			t.Errorf("no backup beside the file: %v", err)
		}
		if code, _, stderr := windowsCLI(t, w, "validate", file); code != 0 {
			t.Errorf("validate: exit %d: %s", code, stderr)
		}
		if code, stdout, stderr := windowsCLI(t, w, "export", "--lang", "vi", "-o", report, file); code != 0 || !strings.Contains(stdout, report) {
			t.Fatalf("export: exit %d: %s %s", code, stdout, stderr)
		}
		sameWorkbook(t, "export from the Vietnamese folder", w.Drive(report), filepath.Join(dir, "linux-vi.xlsx"), dir)
	})
}
