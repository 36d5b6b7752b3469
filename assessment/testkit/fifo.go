//go:build unix

package testkit

import (
	"path/filepath"
	"syscall"
	"testing"
)

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
