//go:build !windows

package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/report"
	"creativecity/translations"
)

// TestKillingTheCLIWhileItWritesLosesNothing runs the real command-line
// tool writing an assessment file (import) and kills it with SIGKILL at
// random moments, 200 times: the file on disk always loads, as the old or
// the new version.
func TestKillingTheCLIWhileItWritesLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("kills the real tool 200 times")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "creativecity-cli")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	qn, _ := assessment.Default()
	versions := map[string]string{}
	var reports []string
	// The two versions are of one city (an import never replaces another
	// city's file); their assessors tell them apart.
	for _, name := range []string{"Phiên bản cũ", "Phiên bản mới"} {
		a, _ := assessment.Demo()
		a.City.Assessor = name
		x := filepath.Join(dir, name+".xlsx")
		if _, err := report.WriteFile(x, qn, a, nil, report.Options{Lang: translations.VI}); err != nil {
			t.Fatal(err)
		}
		reports = append(reports, x)
		versions[name] = x
	}
	out := filepath.Join(dir, "city.ccsa")
	start := time.Now()
	if msg, err := exec.Command(bin, "import", "-o", out, reports[0]).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, msg)
	}
	// Kills fall anywhere in one and a half times what a whole import
	// takes on this machine: some imports finish, most are cut.
	span := int64(time.Since(start)*3/2) + 1
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	const iterations = 200
	seen := map[string]int{}
	for i := range iterations {
		cmd := exec.Command(bin, "import", "-o", out, reports[i%2])
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.Int64N(span)))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		a, err := files.Load(out)
		if err != nil {
			t.Fatalf("iteration %d: the file does not load after a kill: %v", i, err)
		}
		if _, ok := versions[a.City.Assessor]; !ok {
			t.Fatalf("iteration %d: unexpected content %q", i, a.City.Assessor)
		}
		seen[a.City.Assessor]++
	}
	// A kill between taking the lock and releasing it leaves the lock of
	// a process gone, which the next import takes over: had it not, the
	// file would hold one version only.
	if len(seen) != len(versions) {
		t.Errorf("after %d kills the file held only %v: no import got through", iterations, seen)
	}
	entries, _ := os.ReadDir(dir)
	tmp := 0
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".tmp" {
			tmp++
		}
	}
	t.Logf("%d kills, 0 losses; versions on disk: %v; temporary files left by kills: %d", iterations, seen, tmp)
}
