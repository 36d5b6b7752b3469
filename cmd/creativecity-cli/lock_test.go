package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"creativecity/assessment/files"
)

// libreOfficeLock is the lock line LibreOffice writes for a file it has
// open, here on another computer.
const libreOfficeLock = `Nguyễn Văn Lan,lan,may-so-2,07.12.2026 10:37,file:///C:/Users/lan/AppData/Roaming/LibreOffice/4;`

// TestALibreOfficeLockStopsImport: a file LibreOffice (or anyone) holds
// open is neither replaced by import -o nor merged into, whether it is the
// output or the base; the message names the holder; nothing is written.
func TestALibreOfficeLockStopsImport(t *testing.T) {
	dir := t.TempDir()
	demo := demoPath(t)
	report, form := reportAndForm(t, dir, demo)
	target := filepath.Join(dir, "target.ccsa")
	other := filepath.Join(dir, "other.ccsa")
	before := readBytes(t, demo)
	os.WriteFile(target, before, 0o644)
	os.WriteFile(files.LockPath(target), []byte(libreOfficeLock), 0o644)
	for _, args := range [][]string{
		{"import", "-o", target, report},
		{"import", "--into", target, "-o", target, form},
		{"import", "--into", demo, "-o", target, form},
		{"import", "--into", target, "-o", other, form},
	} {
		code, out, errs := runCLI(t, append([]string{"--lang", "en"}, args...)...)
		if code != 1 || out != "" || !strings.Contains(errs, target+" is open or being written by Nguyễn Văn Lan on may-so-2 since 10:37 07/12/2026") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	if !bytes.Equal(readBytes(t, target), before) || string(readBytes(t, files.LockPath(target))) != libreOfficeLock {
		t.Error("the held file or its lock was changed")
	}
	for _, p := range []string{target + ".bak", other, files.LockPath(demo), files.LockPath(other)} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s written", p)
		}
	}
	code, _, errs := runCLI(t, "--lang", "vi", "import", "-o", target, report)
	if code != 1 || !strings.Contains(errs, "tệp "+target+" đang được Nguyễn Văn Lan mở hoặc ghi trên máy may-so-2 từ 10:37 07/12/2026") {
		t.Errorf("vi: exit %d, %q", code, errs)
	}
	// Once LibreOffice has closed it, import writes and leaves no lock.
	os.Remove(files.LockPath(target))
	if code, _, errs := runCLI(t, "import", "--into", target, "-o", target, form); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Lstat(files.LockPath(target)); err == nil {
		t.Error("import left its lock")
	}
}

// TestTwoMergesAtOnceNeverLoseAForm runs two merges of different forms
// into the same file in parallel, as two processes of the real tool, ten
// times: either both forms' answers are in the result, or one merge
// stopped (exit 1) saying who holds the file and the other's answers are
// in. Before, both said "done" and one form's answers were lost.
func TestTwoMergesAtOnceNeverLoseAForm(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "creativecity-cli")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	demo := demoPath(t)
	sections := []string{"gastronomy", "crafts"}
	formsOf := map[string]string{}
	for _, s := range sections {
		formsOf[s] = filepath.Join(dir, s+".xlsx")
		if code, _, errs := runCLI(t, "form", "--sections", s, "-o", formsOf[s], demo); code != 0 {
			t.Fatal(errs)
		}
	}
	base := withoutSections(t, demo, sections)
	race := filepath.Join(dir, "race.ccsa")
	refused := 0
	for round := range 10 {
		os.WriteFile(race, base, 0o644)
		codes, errs := map[string]int{}, map[string]string{}
		cmds := map[string]*exec.Cmd{}
		stderrs := map[string]*bytes.Buffer{}
		for _, s := range sections {
			cmds[s] = exec.Command(bin, "--lang", "en", "import", "--into", race, "-o", race, formsOf[s])
			stderrs[s] = &bytes.Buffer{}
			cmds[s].Stderr = stderrs[s]
		}
		for _, s := range sections {
			if err := cmds[s].Start(); err != nil {
				t.Fatal(err)
			}
		}
		for _, s := range sections {
			cmds[s].Wait()
			codes[s], errs[s] = cmds[s].ProcessState.ExitCode(), stderrs[s].String()
		}
		got := sectionsIn(t, race, sections)
		for _, s := range sections {
			switch {
			case codes[s] == 0 && !got[s]:
				t.Errorf("round %d: the %s merge said done and its answers are lost (exit codes %v)", round, s, codes)
			case codes[s] == 1 && (got[s] || !strings.Contains(errs[s], race+" is open or being written by")):
				t.Errorf("round %d: the %s merge failed without saying the file is held, or wrote: %q", round, s, errs[s])
			case codes[s] == 1:
				refused++
			case codes[s] != 0:
				t.Errorf("round %d: the %s merge: exit %d: %s", round, s, codes[s], errs[s])
			}
		}
		if codes[sections[0]] != 0 && codes[sections[1]] != 0 {
			t.Errorf("round %d: both merges stopped: %v", round, errs)
		}
		if _, err := os.Lstat(files.LockPath(race)); err == nil {
			t.Errorf("round %d: a lock was left", round)
		}
	}
	t.Logf("10 rounds: %d merges stopped because the other held the file", refused)
}

// withoutSections is the assessment at path without the answers of sections.
func withoutSections(t *testing.T, path string, sections []string) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(readBytes(t, path), &doc); err != nil {
		t.Fatal(err)
	}
	answers := doc["answers"].(map[string]any)
	for id := range answers {
		for _, s := range sections {
			if strings.HasPrefix(id, s+".") {
				delete(answers, id)
			}
		}
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sectionsIn reports which of sections have answers in the file at path.
func sectionsIn(t *testing.T, path string, sections []string) map[string]bool {
	t.Helper()
	a, err := files.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for id := range a.Answers {
		for _, s := range sections {
			if strings.HasPrefix(id, s+".") {
				got[s] = true
			}
		}
	}
	return got
}
