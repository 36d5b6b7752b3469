package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// startupMillis runs the binary until its first frame and returns the
// milliseconds it reported.
func startupMillis(b *testing.B, bin, display string, args ...string) float64 {
	cmd := exec.Command(bin, append(args, "--quit-when-shown")...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+b.TempDir())
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("%v: %s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "started-ms "); ok {
			ms, _ := strconv.ParseFloat(v, 64)
			return ms
		}
	}
	b.Fatalf("no start-up time in %q", out)
	return 0
}

// startSamples is how many starts of each kind one benchmark iteration
// makes, so that the medians rest on several runs at any -benchtime.
const startSamples = 7

// BenchmarkStartup measures process start to first frame on the same X
// server: a minimal Fyne window (the baseline), the app as it opens (a new
// assessment on the profile page), the demo on its results page, and the
// demo on a field page (the heaviest page: every card and its evidence).
// It reports the medians and the ratios to the minimal window (target ≤ 1.3).
func BenchmarkStartup(b *testing.B) {
	display := startXvfb(b)
	bin := b.TempDir() + "/creativecity"
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	demo := demoFile(b)
	var minimal, empty, results, field []float64
	for b.Loop() {
		for range startSamples {
			minimal = append(minimal, startupMillis(b, bin, display, "--minimal-window"))
			empty = append(empty, startupMillis(b, bin, display, "--lang", "vi"))
			results = append(results, startupMillis(b, bin, display, "--lang", "vi", "--open", demo, "--page", "results"))
			field = append(field, startupMillis(b, bin, display, "--lang", "vi", "--open", demo, "--page", "gastronomy"))
		}
	}
	mm := median(minimal)
	b.ReportMetric(mm, "ms-minimal")
	for _, m := range []struct {
		name string
		ms   []float64
	}{{"new", empty}, {"results", results}, {"field", field}} {
		b.ReportMetric(median(m.ms), "ms-"+m.name)
		b.ReportMetric(median(m.ms)/mm, "ratio-"+m.name)
	}
}

// BenchmarkIdleRSS reports the resident memory of the app, idle after 5
// seconds on the results page of the demo (target ≤ 150 MB) and on a field
// page, and of a minimal Fyne window on the same X server for reference.
func BenchmarkIdleRSS(b *testing.B) {
	display := startXvfb(b)
	bin := b.TempDir() + "/creativecity"
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	idle := func(args ...string) float64 {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+b.TempDir())
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		defer func() { cmd.Process.Kill(); cmd.Wait() }()
		time.Sleep(5 * time.Second)
		return residentMB(b, cmd.Process.Pid)
	}
	var app, field, minimal []float64
	for b.Loop() {
		for range 3 {
			app = append(app, idle("--lang", "vi", "--open", demoFile(b), "--page", "results"))
			field = append(field, idle("--lang", "vi", "--open", demoFile(b), "--page", "gastronomy"))
			minimal = append(minimal, idle("--minimal-window"))
		}
	}
	b.ReportMetric(median(app), "MB-rss")
	b.ReportMetric(median(field), "MB-rss-field")
	b.ReportMetric(median(minimal), "MB-rss-minimal")
}

func residentMB(b *testing.B, pid int) float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	b.Fatal("no VmRSS")
	return 0
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
