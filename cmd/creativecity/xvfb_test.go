package main

import (
	"testing"

	"creativecity/assessment/testkit"
)

// startXvfb starts a private X server for the test or benchmark and
// returns its display. The screen is large enough that the pointer, which
// X puts at its centre, lies outside the 1280×680 window: with Fyne 2.7, a
// pointer event that arrives just after the app quits can dereference the
// destroyed window (fyne-io/fyne#5981), and the start-up benchmarks quit
// right after the first frame.
func startXvfb(tb testing.TB) string {
	tb.Helper()
	return testkit.Xvfb(tb, "2600x1700x24")
}
