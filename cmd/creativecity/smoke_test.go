package main

import (
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"creativecity/assessment/testkit"
	"creativecity/assets"
)

// buildApp builds the real desktop binary once per test run.
func buildApp(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "creativecity")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// distinctColours counts the colours of an image (up to a limit): a blank
// or black frame has one or two.
func distinctColours(t *testing.T, path string) (image.Rectangle, int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(seen) < 500; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return b, len(seen)
}

// demoFile is a copy of the demonstration assessment in a temporary
// folder: the app marks a file it opens with a lock file beside it, which
// must not land in the source tree.
func demoFile(tb testing.TB) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), "demo-halong-gastronomy.ccsa")
	if err := os.WriteFile(p, assets.DemoCCSA, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestScreenshotOfTheResultsPage runs the real binary with --screenshot
// under Xvfb in both languages.
func TestScreenshotOfTheResultsPage(t *testing.T) {
	testkit.Need(t, "xvfb-run")
	bin := buildApp(t)
	for _, lang := range []string{"vi", "en"} {
		out := filepath.Join(t.TempDir(), "results-"+lang+".png")
		cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", bin, "--lang", lang,
			"--open", demoFile(t), "--page", "results", "--screenshot", out)
		cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, b)
		}
		bounds, colours := distinctColours(t, out)
		if bounds.Dx() != 1280 || bounds.Dy() != 800 || colours < 50 {
			t.Errorf("%s: %v with %d colours", lang, bounds, colours)
		}
	}
}

// TestRealWindowUnderXvfb starts the real GL window and takes an X
// screenshot of the root window.
func TestRealWindowUnderXvfb(t *testing.T) {
	testkit.Need(t, "xvfb-run", "import")
	bin := buildApp(t)
	out := filepath.Join(t.TempDir(), "window.png")
	script := `"$0" --lang vi --open "$1" --page gastronomy & pid=$!
for i in $(seq 1 40); do sleep 0.5; import -window root "$2" 2>/dev/null && [ $i -gt 6 ] && break; done
kill $pid; wait $pid 2>/dev/null; exit 0`
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", "-c", script, bin, demoFile(t), out)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	bounds, colours := distinctColours(t, out)
	if bounds.Dx() != 1280 || colours < 50 {
		t.Errorf("X screenshot %v with %d colours: blank", bounds, colours)
	}
}
