package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"creativecity/assessment/testkit"
)

// inetConnect matches a connect(2) call to an IPv4 or IPv6 address in an
// strace log; local sockets (X server, D-Bus) are AF_UNIX and allowed.
var inetConnect = regexp.MustCompile(`connect\(\d+, \{sa_family=AF_INET6?`)

// TestTheAppMakesNoNetworkConnection runs the real desktop binary (opening a
// file, rendering the results page) and the command-line tool (score,
// export, import, compare) in a network namespace without interfaces,
// under strace, and fails on any attempt to connect to an internet
// address.
func TestTheAppMakesNoNetworkConnection(t *testing.T) {
	testkit.Need(t, "xvfb-run", "strace", "unshare")
	if os.Geteuid() != 0 {
		t.Skip("a network namespace needs root (CI runs as root)")
	}
	dir := t.TempDir()
	app := buildApp(t)
	cli := filepath.Join(dir, "creativecity-cli")
	if out, err := exec.Command("go", "build", "-o", cli, "../creativecity-cli").CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	demo := demoFile(t)
	xlsx := filepath.Join(dir, "r.xlsx")
	runs := [][]string{
		{"xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "strace", "-f", "-qq", "-e", "trace=connect", "-o", filepath.Join(dir, "app.trace"),
			app, "--lang", "vi", "--open", demo, "--page", "results", "--screenshot", filepath.Join(dir, "s.png")},
		{"strace", "-f", "-qq", "-e", "trace=connect", "-o", filepath.Join(dir, "cli1.trace"), cli, "score", demo},
		{"strace", "-f", "-qq", "-e", "trace=connect", "-o", filepath.Join(dir, "cli2.trace"), cli, "export", "--lang", "vi", "-o", xlsx, demo},
		{"strace", "-f", "-qq", "-e", "trace=connect", "-o", filepath.Join(dir, "cli3.trace"), cli, "import", "-o", filepath.Join(dir, "b.ccsa"), xlsx},
		{"strace", "-f", "-qq", "-e", "trace=connect", "-o", filepath.Join(dir, "cli4.trace"), cli, "compare", "-o", filepath.Join(dir, "c.xlsx"), demo, xlsx},
	}
	for _, args := range runs {
		cmd := exec.Command("unshare", append([]string{"--net"}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args[len(args)-3:], err, out)
		}
	}
	traces, _ := filepath.Glob(filepath.Join(dir, "*.trace"))
	if len(traces) != len(runs) {
		t.Fatalf("%d traces for %d runs", len(traces), len(runs))
	}
	for _, tr := range traces {
		data, err := os.ReadFile(tr)
		if err != nil {
			t.Fatal(err)
		}
		if m := inetConnect.Find(data); m != nil {
			t.Errorf("%s: a network connection was attempted: %s", filepath.Base(tr), m)
		}
	}
}
