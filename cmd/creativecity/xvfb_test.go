package main

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// startXvfb starts a private X server for the test or benchmark, on a
// display number the server picks itself, and returns the display. The
// screen is large enough that the pointer, which X puts at its centre,
// lies outside the 1280×800 window: with Fyne 2.7, a pointer event that
// arrives just after the app quits can dereference the destroyed window
// (fyne-io/fyne#5981), and the start-up benchmarks quit right after the
// first frame.
func startXvfb(tb testing.TB) string {
	tb.Helper()
	need(tb, "Xvfb")
	r, w, err := os.Pipe()
	if err != nil {
		tb.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "2600x1700x24", "-nolisten", "tcp")
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
