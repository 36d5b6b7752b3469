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

// BenchmarkStartup measures process start to first frame of the app with
// the demo on its results page, and of a minimal Fyne window, on the same
// X server; it reports both medians and their ratio (target ≤ 1.3).
func BenchmarkStartup(b *testing.B) {
	display := startXvfb(b)
	bin := b.TempDir() + "/creativecity"
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	demo := demoFile(b)
	var app, minimal []float64
	for b.Loop() {
		minimal = append(minimal, startupMillis(b, bin, display, "--minimal-window"))
		app = append(app, startupMillis(b, bin, display, "--lang", "vi", "--open", demo, "--page", "results"))
	}
	ma, mm := median(app), median(minimal)
	b.ReportMetric(ma, "ms-app")
	b.ReportMetric(mm, "ms-minimal")
	b.ReportMetric(ma/mm, "ratio")
}

// BenchmarkIdleRSS reports the resident memory of the app, idle on the
// results page of the demo after 5 seconds (target ≤ 150 MB), and of a
// minimal Fyne window on the same X server for reference.
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
	var app, minimal []float64
	for b.Loop() {
		app = append(app, idle("--lang", "vi", "--open", demoFile(b), "--page", "results"))
		minimal = append(minimal, idle("--minimal-window"))
	}
	b.ReportMetric(median(app), "MB-rss")
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
