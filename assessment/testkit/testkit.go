// Package testkit is what the tests of every package share, and only
// tests import it: it finds the tools a test runs (and fails under CI
// when one is missing, since the Makefile installs them), starts private
// X servers, runs the Windows builds of the programs under Wine and types
// into them as Unikey does, has LibreOffice convert a workbook (to CSV
// rows by sheet, to PDF), bounds a call that could block, makes named
// pipes, reads files and makes the message files of a pseudo-language.
// Its testdata holds the test-only Windows programs the Makefile builds.
// It imports no package of the project, so that any package's tests,
// the domain's own included, can use it; helpers that need the domain
// are in its sub-package fixture.
package testkit

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Need finds programs a test runs. Under CI, where the Makefile installs
// them, a missing one fails the test; elsewhere the test is skipped and
// says so.
func Need(tb testing.TB, names ...string) {
	tb.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			Missing(tb, n+" is not installed (make test installs it)")
		}
	}
}

// Missing stops a test that lacks something `make test` provides: a
// failure under CI, a skip elsewhere.
func Missing(tb testing.TB, what string) {
	tb.Helper()
	if os.Getenv("CI") != "" {
		tb.Fatal(what)
	}
	tb.Skip(what)
}

// Root is the repository's top folder, the one holding go.mod.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// Xvfb starts a private X server with one screen of the given geometry
// (such as "1366x768x24") on a display number the server picks itself,
// and returns the display; the server stops when the test ends.
func Xvfb(tb testing.TB, screen string) string {
	tb.Helper()
	Need(tb, "Xvfb")
	r, w, err := os.Pipe()
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", screen, "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	w.Close()
	tb.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	// Xvfb writes the display number once it accepts connections.
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		tb.Fatalf("Xvfb did not start: %v", err)
	}
	return ":" + strings.TrimSpace(line)
}

// First is the first of two results, such as a value without its error
// or warnings.
func First[A, B any](a A, _ B) A { return a }
