package testkit

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Within runs fn and fails the test when it has not returned after limit,
// so that a regression blocking on a named pipe or another special file
// fails instead of hanging the tests.
func Within(tb testing.TB, limit time.Duration, what string, fn func()) {
	tb.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(limit):
		tb.Fatalf("%s: still blocked after %v (on a named pipe?)", what, limit)
	}
}

// Mkfifo makes the named pipe dir/name with no writer (opening it for
// reading waits for one) and returns its path.
func Mkfifo(tb testing.TB, dir, name string) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// ReadFile returns the content of a file, failing the test when it
// cannot be read.
func ReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// Soffice finds LibreOffice. Under CI, where the Makefile installs it, a
// missing LibreOffice fails the test instead of skipping it.
func Soffice(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(tb, "LibreOffice is not installed (make test installs libreoffice-calc-nogui and libreoffice-writer-nogui)")
	return ""
}
