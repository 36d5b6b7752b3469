//go:build linux

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/files"
)

// killRun is what the driven app reported before it was killed.
type killRun struct {
	first      string // "recovered N dirty=true" or "no-recovery N"
	saved      int    // the last population reported saved (0: none)
	autosaved  int    // the last population reported autosaved (0: none)
	inProgress string // "saving N" or "autosaving N" when killed in the middle
}

// TestKillingTheAppWhileItSavesLosesNothing runs the real desktop app (its
// GL window on a private X server), driven by a build-tagged user who edits
// and alternately saves and autosaves without pause (half the saves as
// Save As does when the same file is chosen in its dialog: the dialog's
// writer of the file, then the save), and kills it with SIGKILL at random
// moments, 200 times. After each kill: the file and its
// .bak load, each as the last saved or the in-progress version; the
// recovery copy is the last autosaved or the in-progress one; and the next
// start offers and restores the recovery exactly when it holds later work
// than the file. Nothing reported saved or autosaved is ever lost.
func TestKillingTheAppWhileItSavesLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("kills the real app 200 times")
	}
	display := startXvfb(t)
	bin := filepath.Join(t.TempDir(), "creativecity")
	if out, err := exec.Command("go", "build", "-tags", "faultdrive", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	home := t.TempDir()
	file := filepath.Join(t.TempDir(), "halong.ccsa")
	doc, err := assessment.Demo()
	if err != nil {
		t.Fatal(err)
	}
	doc.City.Population = 100000
	if err := files.Save(file, doc); err != nil {
		t.Fatal(err)
	}

	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 8))
	const iterations = 200
	var duringSave, duringAutosave int
	floor := 100000 // the latest work reported saved or autosaved
	for i := 0; i <= iterations; i++ {
		want, before := expectedStart(t, home, file)
		run := runAndKill(t, bin, display, home, file, time.Duration(r.IntN(250))*time.Millisecond)
		if run.first != want {
			t.Fatalf("iteration %d: the app started with %q, want %q", i, run.first, want)
		}
		if started := atoi(t, strings.Join(strings.Fields(run.first)[:2], " ")); started < floor {
			t.Fatalf("iteration %d: the app started with %d, but %d was saved or autosaved: work lost", i, started, floor)
		}
		if i == iterations {
			break // the last start only checks the recovery of the last kill
		}
		checkFilesAfterKill(t, i, home, file, before, run)
		floor = max(floor, run.saved, run.autosaved)
		switch {
		case strings.HasPrefix(run.inProgress, "saving"):
			duringSave++
		case strings.HasPrefix(run.inProgress, "autosaving"):
			duringAutosave++
		}
	}
	t.Logf("%d kills of the real app, 0 losses: %d during a save, %d during an autosave, %d between them; every restart restored the latest work",
		iterations, duringSave, duringAutosave, iterations-duringSave-duringAutosave)
}

// runAndKill starts the driven app, waits until it edits, lets it work for
// a while and kills it.
func runAndKill(t *testing.T, bin, display, home, file string, after time.Duration) killRun {
	t.Helper()
	cmd := exec.Command(bin, "--lang", "en", "--open", file, "--page", "profile")
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1<<16)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var run killRun
	apply := func(line string) {
		switch {
		case strings.HasPrefix(line, "recovered ") || strings.HasPrefix(line, "no-recovery "):
			run.first = line
		case strings.HasPrefix(line, "error "):
			t.Fatalf("the driven app failed: %s", line)
		case strings.HasPrefix(line, "saving ") || strings.HasPrefix(line, "autosaving "):
			run.inProgress = line
		case strings.HasPrefix(line, "saved "):
			run.saved, run.inProgress = atoi(t, line), ""
		case strings.HasPrefix(line, "autosaved "):
			run.autosaved, run.inProgress = atoi(t, line), ""
		}
	}
	timeout := time.After(60 * time.Second)
wait:
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				cmd.Wait()
				t.Fatalf("the app ended before it was ready: %s", stderr.String())
			}
			apply(line)
			if line == "ready" {
				break wait
			}
		case <-timeout:
			cmd.Process.Kill()
			t.Fatalf("the app was not ready after 60 s: %s", stderr.String())
		}
	}
	time.Sleep(after)
	cmd.Process.Signal(syscall.SIGKILL)
	for line := range lines {
		apply(line)
	}
	cmd.Wait()
	return run
}

func atoi(t *testing.T, line string) int {
	t.Helper()
	_, v, _ := strings.Cut(line, " ")
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("bad report %q", line)
	}
	return n
}

// population loads an assessment file and returns its population.
func population(t *testing.T, i int, path string) int {
	t.Helper()
	a, err := files.Load(path)
	if err != nil {
		t.Fatalf("iteration %d: %s does not load after a kill: %v", i, filepath.Base(path), err)
	}
	return int(a.City.Population)
}

// recoveryCopy reads the app's autosaved copy, as the app writes it (the
// work with the file it belongs to), and returns its population and file.
// The one window of each run has at most one copy: the one it restored
// and took over, or its own.
func recoveryCopy(t *testing.T, home string) (pop int, path string, ok bool) {
	t.Helper()
	matches := recoveryCopies(home)
	if len(matches) > 1 {
		t.Fatalf("%d recovery copies of one window: %v", len(matches), matches)
	}
	if len(matches) == 0 {
		return 0, "", false
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Path       string          `json:"path"`
		Assessment json.RawMessage `json:"assessment"`
	}
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("the recovery copy does not load after a kill: %v", err)
	}
	a, err := assessment.Decode(c.Assessment, matches[0])
	if err != nil {
		t.Fatalf("the recovery copy does not load after a kill: %v", err)
	}
	return int(a.City.Population), c.Path, true
}

// checkFilesAfterKill checks every file on disk against what the app
// reported before the kill; before is the file's population at the start.
func checkFilesAfterKill(t *testing.T, i int, home, file string, before int, run killRun) {
	t.Helper()
	op, v, _ := strings.Cut(run.inProgress, " ")
	inProgress, _ := strconv.Atoi(v)
	lastSaved := before
	if run.saved > 0 {
		lastSaved = run.saved
	}
	f := population(t, i, file)
	savedNow := op == "saving" && f == inProgress // the save in progress had completed
	if f != lastSaved && !savedNow {
		t.Fatalf("iteration %d: the file holds %d, neither the last saved %d nor the in-progress %q", i, f, lastSaved, run.inProgress)
	}
	if _, err := os.Stat(file + ".bak"); err == nil {
		if b := population(t, i, file+".bak"); b > f {
			t.Fatalf("iteration %d: the backup (%d) is newer than the file (%d)", i, b, f)
		}
	}
	if run.autosaved > run.saved && !savedNow {
		// The last completed step was an autosave and no save replaced
		// it: the copy holds it, or the autosave in progress.
		pop, _, ok := recoveryCopy(t, home)
		if !ok || (pop != run.autosaved && !(op == "autosaving" && pop == inProgress)) {
			t.Fatalf("iteration %d: the recovery copy (present %v, %d) is not the last autosaved %d", i, ok, pop, run.autosaved)
		}
	}
}

// expectedStart is what the next start must do given the files on disk:
// restore the recovery copy when it holds later work than the file (the
// populations only grow), otherwise open the file as it is.
// It also returns the file's population.
func expectedStart(t *testing.T, home, file string) (string, int) {
	t.Helper()
	f := population(t, -1, file)
	if pop, path, ok := recoveryCopy(t, home); ok && pop > f {
		if path != file {
			t.Fatalf("the recovery copy belongs to %q, not %q", path, file)
		}
		return fmt.Sprintf("recovered %d dirty=true", pop), f
	}
	return fmt.Sprintf("no-recovery %d", f), f
}

// recoveryCopies lists the autosaved copies in the app's storage under
// home, one a window (recovery/<id>.json).
func recoveryCopies(home string) []string {
	matches, _ := filepath.Glob(filepath.Join(home, ".config", "fyne", "*", "recovery", "*.json"))
	return matches
}
