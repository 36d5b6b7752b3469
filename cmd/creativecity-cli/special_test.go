//go:build !windows

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creativecity/assessment/testkit"
)

// runCLIWithin runs the tool and fails the test when it has not finished
// within two seconds, so that a command blocked on a named pipe fails
// instead of hanging the tests.
func runCLIWithin(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	testkit.Within(t, 2*time.Second, fmt.Sprint(args), func() { code, stdout, stderr = runCLI(t, args...) })
	return code, stdout, stderr
}

// TestEveryCommandRefusesANamedPipeAtOnce: validate, score, export, import
// and compare, given a named pipe (with no writer) as input or as output,
// finish at once, exit 1 and name the pipe with the translated reason;
// they never read from it nor write over it.
func TestEveryCommandRefusesANamedPipeAtOnce(t *testing.T) {
	dir := t.TempDir()
	good := demoPath(t)
	report := filepath.Join(dir, "report.xlsx")
	if code, _, errs := runCLI(t, "export", "--lang", "en", "-o", report, good); code != 0 {
		t.Fatal(errs)
	}
	pipeCCSA, pipeXLSX := testkit.Mkfifo(t, dir, "pipe.ccsa"), testkit.Mkfifo(t, dir, "pipe.xlsx")
	out := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name    string
		args    []string
		pipe    string // the pipe the message names
		written string // an output that must not appear
	}{
		{"validate", []string{"validate", pipeCCSA}, pipeCCSA, ""},
		{"validate among good files", []string{"validate", good, pipeCCSA}, pipeCCSA, ""},
		{"score", []string{"score", pipeCCSA}, pipeCCSA, ""},
		{"score --json", []string{"score", "--json", pipeCCSA}, pipeCCSA, ""},
		{"export from a pipe", []string{"export", "-o", out("a.xlsx"), pipeCCSA}, pipeCCSA, out("a.xlsx")},
		{"export to a pipe", []string{"export", "-o", pipeXLSX, good}, pipeXLSX, ""},
		{"import from a pipe", []string{"import", "-o", out("b.ccsa"), pipeXLSX}, pipeXLSX, out("b.ccsa")},
		{"import to a pipe", []string{"import", "-o", pipeCCSA, report}, pipeCCSA, ""},
		{"import into a pipe", []string{"import", "--into", pipeCCSA, "-o", out("c.ccsa"), report}, pipeCCSA, out("c.ccsa")},
		{"merge a pipe", []string{"import", "--into", good, "-o", out("d.ccsa"), pipeXLSX}, pipeXLSX, out("d.ccsa")},
		{"compare to a pipe", []string{"compare", "-o", pipeXLSX, good}, pipeXLSX, ""},
	}
	for _, tt := range tests {
		code, _, errs := runCLIWithin(t, append([]string{"--lang", "en"}, tt.args...)...)
		if code != exitInput || !strings.Contains(errs, tt.pipe+": error: this is a named pipe (FIFO), not an ordinary file") {
			t.Errorf("%s: exit %d, stderr %q", tt.name, code, errs)
		}
		if tt.written != "" {
			if _, err := os.Stat(tt.written); err == nil {
				t.Errorf("%s: %s was written", tt.name, filepath.Base(tt.written))
			}
		}
	}
	for _, p := range []string{pipeCCSA, pipeXLSX} {
		if info, err := os.Lstat(p); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("%s was replaced", filepath.Base(p))
		}
	}
	code, _, errs := runCLIWithin(t, "--lang", "vi", "validate", pipeCCSA)
	if code != exitInput || !strings.Contains(errs, pipeCCSA+": lỗi: đây là một đường ống có tên (FIFO), không phải tệp thông thường") {
		t.Errorf("validate in Vietnamese: exit %d, stderr %q", code, errs)
	}
}

// TestCompareSkipsANamedPipeAndComparesTheRest: a folder holding a good
// assessment and a named pipe named like one gives the comparison of the
// good file, with the pipe listed as skipped and why.
func TestCompareSkipsANamedPipeAndComparesTheRest(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(demoPath(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.ccsa"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := testkit.Mkfifo(t, dir, "pipe.ccsa")
	out := filepath.Join(t.TempDir(), "cmp.xlsx")
	code, stdout, errs := runCLIWithin(t, "compare", "--lang", "en", "-o", out, dir)
	if code != exitOK || !strings.Contains(stdout, "Comparison of 1 city written to "+out+". 1 input was skipped.") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	if !strings.Contains(errs, pipe+": error: this is a named pipe (FIFO), not an ordinary file") {
		t.Errorf("the pipe is not named as skipped: %q", errs)
	}
	if info, err := os.Stat(out); err != nil || info.Size() == 0 {
		t.Errorf("no comparison written: %v", err)
	}
}
