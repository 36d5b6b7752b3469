package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"creativecity/translations"
)

// TestAStartWithoutAWindowSaysWhyAndLogs runs the real binary where no
// window can be made (no X display): it exits 1, prints in the user's
// language what happened and what to do, and writes the cause to a log
// file beside the autosave folder.
func TestAStartWithoutAWindowSaysWhyAndLogs(t *testing.T) {
	bin := buildApp(t)
	for _, lang := range translations.Languages() {
		home := t.TempDir()
		cmd := exec.Command(bin, "--lang", string(lang))
		cmd.Env = []string{"HOME=" + home, "PATH=" + os.Getenv("PATH")}
		out, err := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); code != 1 {
			t.Fatalf("%s: exit %d (%v):\n%s", lang, code, err, out)
		}
		loc := translations.New(lang)
		log := filepath.Join(home, ".config/fyne", AppID, startLogName)
		for _, want := range []string{loc.T("gui.startFailedTitle"), loc.T("gui.startFailed", map[string]any{"CLI": cliName}),
			loc.T("gui.startFailedLog", map[string]any{"Log": log}), "DISPLAY"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("%s: the message lacks %q:\n%s", lang, want, out)
			}
		}
		data, err := os.ReadFile(log)
		if err != nil || !strings.Contains(string(data), "DISPLAY") || !strings.Contains(string(data), AppID) {
			t.Errorf("%s: log %v:\n%s", lang, err, data)
		}
	}
}
