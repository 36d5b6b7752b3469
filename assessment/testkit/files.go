package testkit

import (
	"os"
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
