//go:build !windows

package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/testkit"
	"creativecity/assets"
)

// windowsApp is the Windows desktop app running under Wine on a private X
// server of an office laptop's screen, 1366×768.
type windowsApp struct {
	t       *testing.T
	wine    *testkit.Wine
	display string
	storage string // %APPDATA%\fyne\<app ID>, as a Unix path
	cmd     *exec.Cmd
	done    chan struct{}
}

func newWindowsApp(t *testing.T) *windowsApp {
	testkit.Need(t, "import", "xwininfo")
	w := testkit.NewWine(t)
	x := &windowsApp{t: t, wine: w, display: testkit.Xvfb(t, "1366x768x24"), storage: w.AppStorage(AppID)}
	t.Cleanup(x.stop)
	return x
}

// start runs the app with a fresh storage (no preferences, no autosave)
// unless keep is set.
func (x *windowsApp) start(keep bool, env []string, args ...string) {
	x.t.Helper()
	if !keep {
		os.RemoveAll(x.storage)
	}
	x.cmd = x.wine.Command(context.Background(), x.display, x.wine.Exe("creativecity.exe"), args...)
	x.cmd.Env = append(x.cmd.Env, env...)
	if err := x.cmd.Start(); err != nil {
		x.t.Fatal(err)
	}
	x.done = make(chan struct{})
	go func() { x.cmd.Wait(); close(x.done) }()
}

// stop kills the app, as a crash or a power cut would.
func (x *windowsApp) stop() {
	if x.cmd != nil && x.cmd.Process != nil {
		x.cmd.Process.Kill()
		<-x.done
		x.cmd = nil
	}
}

// exited waits for the app to end by itself and returns its exit status.
func (x *windowsApp) exited(within time.Duration) int {
	x.t.Helper()
	select {
	case <-x.done:
		code := x.cmd.ProcessState.ExitCode()
		x.cmd = nil
		return code
	case <-time.After(within):
		x.t.Fatalf("the app still runs after %v", within)
		return -1
	}
}

func (x *windowsApp) send(script ...string) {
	x.t.Helper()
	if err := x.wine.SendInput(x.display, script...); err != nil {
		x.t.Fatal(err)
	}
}

// screenshot takes an X screenshot of the whole screen and keeps it in
// bin/test-output for a person to look at.
func (x *windowsApp) screenshot(name string) string {
	x.t.Helper()
	dir := filepath.Join(testkit.Root(x.t), "bin", "test-output")
	os.MkdirAll(dir, 0o755)
	out := filepath.Join(dir, name)
	cmd := exec.Command("import", "-display", x.display, "-window", "root", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		x.t.Fatalf("import: %v: %s", err, b)
	}
	x.t.Logf("screenshot of the Windows app under Wine: %s", out)
	return out
}

// window is the title and geometry of the app's window.
type window struct {
	title               string
	x, y, width, height int
}

var windowLine = regexp.MustCompile(`"([^"]*Tự đánh giá Thành phố sáng tạo[^"]*|[^"]*Creative City Self-Assessment[^"]*)": \(.*\)\s+(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)`)

func (x *windowsApp) window() window {
	x.t.Helper()
	out, err := exec.Command("xwininfo", "-display", x.display, "-root", "-tree").CombinedOutput()
	if err != nil {
		x.t.Fatalf("xwininfo: %v: %s", err, out)
	}
	m := windowLine.FindStringSubmatch(string(out))
	if m == nil {
		x.t.Fatalf("no window of the app:\n%s", out)
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	return window{title: m[1], width: n(m[2]), height: n(m[3]), x: n(m[4]), y: n(m[5])}
}

// waitFor polls until ok holds.
func waitFor(t *testing.T, what string, within time.Duration, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(within); !ok(); time.Sleep(200 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("%s: not within %v", what, within)
		}
	}
}

// officeFolder is where an office keeps its assessment: a Windows user
// folder whose path has Vietnamese letters and spaces.
const officeFolder = `C:\Users\Nguyễn Văn An\Tài liệu\Hồ sơ UNESCO`

// TestWindowsAppUnderWine runs the Windows desktop app, as released, under
// Wine on a 1366×768 screen: it opens a file given as its argument, fits
// the screen, saves with a backup beside a file in a Vietnamese folder,
// autosaves to %APPDATA%, and takes Vietnamese typed the way Unikey types.
func TestWindowsAppUnderWine(t *testing.T) {
	x := newWindowsApp(t)
	folder := x.wine.Drive(officeFolder)
	os.RemoveAll(folder)
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	file := officeFolder + `\Hạ Long.ccsa`
	if err := os.WriteFile(x.wine.Drive(file), assets.DemoCCSA, 0o644); err != nil {
		t.Fatal(err)
	}
	lock := x.wine.Drive(officeFolder + `\.~lock.Hạ Long.ccsa#`)

	t.Run("opens the file given as argument on the results page", func(t *testing.T) {
		x.start(false, nil, "--lang", "vi", "--page", "results", file)
		x.send("wait-window 90")
		// The first frames are painted within seconds, more on a loaded
		// machine: look again until the window shows, at most 30 s.
		var colours int
		for end := time.Now().Add(30 * time.Second); ; time.Sleep(time.Second) {
			_, colours = distinctColours(t, x.screenshot("windows-results-vi.png"))
			if colours >= 50 || time.Now().After(end) {
				break
			}
		}
		if colours < 50 {
			t.Errorf("the screen has %d colours: the window is blank", colours)
		}
		win := x.window()
		if !strings.HasPrefix(win.title, "Hạ Long — Tự đánh giá") {
			t.Errorf("title %q: the file was not opened, or not in Vietnamese", win.title)
		}
		if win.width > 1280 || win.height > 680 || win.y+win.height > 768 {
			t.Errorf("window %dx%d at +%d+%d: does not fit a 1366×768 screen", win.width, win.height, win.x, win.y)
		}
		if _, err := os.Stat(lock); err != nil {
			t.Errorf("no lock file beside the open file: %v", err)
		}
		x.stop()
	})

	t.Run("Unikey typing, save with backup, autosave, reopen", func(t *testing.T) {
		os.Remove(lock)
		x.start(false, nil, "--lang", "vi", file)
		// The profile page opens with the city name focused: select it,
		// type the new name as Unikey does, save with Ctrl+S.
		name := "Thành phố Hạ Long — Quảng Ninh"
		script := append([]string{"wait-window 90", "sleep 1500", "key 41 ctrl"}, testkit.Unikey(name)...)
		x.send(append(script, "sleep 500", "key 53 ctrl")...)
		var saved *assessment.Assessment
		waitFor(t, "the file saved with the new name", 20*time.Second, func() bool {
			a, err := files.Load(x.wine.Drive(file))
			saved = a
			return err == nil && a.City.Name != "Hạ Long"
		})
		if saved.City.Name != name {
			t.Errorf("saved city name %q, want %q", saved.City.Name, name)
		}
		if bak, err := files.Load(x.wine.Drive(file + ".bak")); err != nil || bak.City.Name != "Hạ Long" {
			t.Errorf("the backup does not hold the previous version: %v", err)
		}
		if _, err := os.Stat(lock); err != nil {
			t.Errorf("no lock file while the file is open: %v", err)
		}
		// Unsaved work is autosaved to %APPDATA% within 30 seconds.
		draft := "Hạ Long (bản nháp chưa lưu)"
		x.send(append([]string{"wait-window 10", "key 41 ctrl"}, testkit.Unikey(draft)...)...)
		var copy struct {
			Path       string          `json:"path"`
			Assessment json.RawMessage `json:"assessment"`
		}
		waitFor(t, "the autosave in %APPDATA%", 45*time.Second, func() bool {
			copies, _ := filepath.Glob(filepath.Join(x.storage, "recovery", "*.json"))
			for _, c := range copies {
				data, err := os.ReadFile(c)
				if err == nil && json.Unmarshal(data, &copy) == nil && strings.Contains(string(copy.Assessment), draft) {
					return true
				}
			}
			return false
		})
		if copy.Path != file {
			t.Errorf("the autosave belongs to %q, want %q", copy.Path, file)
		}
		if title := x.window().title; !strings.HasPrefix(title, "* "+draft) {
			t.Errorf("title %q does not show the unsaved draft", title)
		}
		x.stop() // a power cut
		// The next start reopens the file and offers the autosaved work.
		x.start(true, nil, "--lang", "vi", file)
		x.send("wait-window 90")
		time.Sleep(2 * time.Second)
		x.screenshot("windows-recovery-vi.png")
		if a, err := files.Load(x.wine.Drive(file)); err != nil || a.City.Name != name {
			t.Errorf("reopened file: %v", err)
		}
		x.stop()
		report := officeFolder + `\Báo cáo Hạ Long.xlsx`
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cli := x.wine.Command(ctx, "", x.wine.Exe("creativecity-cli.exe"), "export", "--lang", "vi", "-o", report, file)
		if err := cli.Run(); err != nil {
			t.Fatalf("export: %v", err)
		}
		if _, err := os.Stat(x.wine.Drive(report)); err != nil {
			t.Errorf("no report: %v", err)
		}
	})

	t.Run("no OpenGL 2.1: a message box in the user's language and a log", func(t *testing.T) {
		// Mesa then offers OpenGL 1.4 only, as an old driver or a remote
		// desktop session does.
		x.start(false, []string{"MESA_GL_VERSION_OVERRIDE=1.4"}, "--lang", "vi", file)
		x.send("wait-window 90 #32770")
		x.screenshot("windows-no-opengl-vi.png")
		x.send("wait-window 10 #32770", "key 0D")
		if code := x.exited(30 * time.Second); code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
		log, err := os.ReadFile(filepath.Join(x.storage, startLogName))
		if err != nil || !strings.Contains(string(log), "OpenGL") {
			t.Errorf("start log: %v\n%s", err, log)
		}
	})
}
