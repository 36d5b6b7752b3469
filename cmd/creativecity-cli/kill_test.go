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
	for _, name := range []string{"Phiên bản cũ", "Phiên bản mới"} {
		a, _ := assessment.Demo()
		a.City.Name = name
		x := filepath.Join(dir, name+".xlsx")
		if _, err := report.WriteFile(x, qn, a, nil, report.Options{Lang: translations.VI}); err != nil {
			t.Fatal(err)
		}
		reports = append(reports, x)
		versions[name] = x
	}
	out := filepath.Join(dir, "city.ccsa")
	if err := exec.Command(bin, "import", "-o", out, reports[0]).Run(); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	const iterations = 200
	seen := map[string]int{}
	for i := range iterations {
		cmd := exec.Command(bin, "import", "-o", out, reports[i%2])
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.IntN(80000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		a, err := files.Load(out)
		if err != nil {
			t.Fatalf("iteration %d: the file does not load after a kill: %v", i, err)
		}
		if _, ok := versions[a.City.Name]; !ok {
			t.Fatalf("iteration %d: unexpected content %q", i, a.City.Name)
		}
		seen[a.City.Name]++
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
