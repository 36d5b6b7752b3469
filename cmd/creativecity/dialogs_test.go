//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/files"
)

// TestExportingBothLanguagesByKeyboardOnly exports the Vietnamese and the
// English report in the real window at 1366×768 with the keyboard alone:
// Ctrl+E, the language (Enter on the one offered; Down, Tab and Space for
// the other), Enter in the save dialog on the name it offers, Enter on
// the message that says it is written. The folder then holds two reports
// whose names carry their language and start with no space.
func TestExportingBothLanguagesByKeyboardOnly(t *testing.T) {
	demo, _ := assessment.Demo()
	dir := t.TempDir()
	path := filepath.Join(dir, "Hạ Long.ccsa")
	if err := files.Save(path, demo); err != nil {
		t.Fatal(err)
	}
	w := startRealWindow(t, nil, "--lang", "vi", path)
	w.settle()
	reports := func() []string {
		var out []string
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".xlsx") {
				out = append(out, e.Name())
			}
		}
		return out
	}
	for i, keys := range [][]string{{"Return"}, {"Down", "Tab", "space"}} {
		w.key("ctrl+e")
		w.settle()
		w.key(keys...)
		w.settle()
		if i == 1 {
			w.screenshot("save-dialog-vi.png")
		}
		w.key("Return")
		waitFor(t, "the report written", 60*time.Second, func() bool { return len(reports()) == i+1 })
		w.settle()
		w.key("Return") // closes the message that says where it is
	}
	want := []string{"Hạ Long - Báo cáo (en).xlsx", "Hạ Long - Báo cáo (vi).xlsx"}
	if got := reports(); !slices.Equal(got, want) {
		t.Errorf("the folder holds %q, want %q", got, want)
	}
}
