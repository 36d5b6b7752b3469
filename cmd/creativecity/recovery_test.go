//go:build !windows

package main

import (
	"encoding/json"
	"image"
	"image/color"
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
	"creativecity/assessment/testkit"
)

// appProcess is one run of the desktop app on a shared X server and HOME.
type appProcess struct {
	cmd    *exec.Cmd
	window string // X window ID
	done   chan struct{}
}

// startApp starts the app on the window's display with its HOME (so that
// every run shares the app's storage) and waits for its window.
func (w *realWindow) startApp(bin string, args ...string) *appProcess {
	w.t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+w.display, "HOME="+w.home)
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	p := &appProcess{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(p.done) }()
	w.t.Cleanup(func() { cmd.Process.Kill(); <-p.done })
	waitFor(w.t, "the window of process "+strconv.Itoa(cmd.Process.Pid), 60*time.Second, func() bool {
		out, _ := w.output("search", "--onlyvisible", "--pid", strconv.Itoa(cmd.Process.Pid))
		if ids := strings.Fields(out); len(ids) > 0 {
			p.window = ids[0]
			return true
		}
		return false
	})
	time.Sleep(2 * time.Second) // the first frames, and the page's cards added over them
	return p
}

// output runs xdotool on the display and returns what it prints.
func (w *realWindow) output(args ...string) (string, error) {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+w.display)
	out, err := cmd.Output()
	return string(out), err
}

// focus raises an app's window and gives it the keyboard.
func (w *realWindow) focus(p *appProcess) {
	w.xdotool("windowraise", p.window)
	w.xdotool("windowfocus", "--sync", p.window)
	time.Sleep(300 * time.Millisecond)
}

// title is the title of an app's window.
func (w *realWindow) title(p *appProcess) string {
	out, _ := w.output("getwindowname", p.window)
	return strings.TrimSpace(out)
}

// quit chooses File → Quit with the keyboard (F10 opens the File menu, Up
// goes to its last item) and waits for the process to end.
func (w *realWindow) quit(p *appProcess) {
	w.t.Helper()
	w.focus(p)
	w.key("F10", "Up", "Return")
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		w.t.Fatal("the app did not quit from its File menu")
	}
}

// clickPrimaryButton clicks the dialog's main button (drawn in the
// theme's primary colour), as a user does with the mouse, and moves the
// pointer away.
func (w *realWindow) clickPrimaryButton(primary color.RGBA) {
	w.t.Helper()
	img := w.grab("dialog.png")
	b := img.Bounds()
	solid := func(x, y int) bool { // a 9×9 square of the colour: a button, not a focus line
		for dy := -4; dy <= 4; dy++ {
			for dx := -4; dx <= 4; dx++ {
				r, g, bl, _ := img.At(x+dx, y+dy).RGBA()
				if uint8(r>>8) != primary.R || uint8(g>>8) != primary.G || uint8(bl>>8) != primary.B {
					return false
				}
			}
		}
		return true
	}
	var sum image.Point
	n := 0
	for y := b.Min.Y + 4; y < b.Max.Y-4; y += 2 {
		for x := b.Min.X + 4; x < b.Max.X-4; x += 2 {
			if solid(x, y) {
				sum, n = sum.Add(image.Pt(x, y)), n+1
			}
		}
	}
	if n == 0 {
		w.t.Fatal("no dialog button on the screen")
	}
	c := sum.Div(n)
	w.xdotool("mousemove", strconv.Itoa(c.X), strconv.Itoa(c.Y), "click", "1")
	w.xdotool("mousemove", strconv.Itoa(b.Max.X-5), strconv.Itoa(b.Max.Y-5))
	time.Sleep(time.Second)
}

// autosavedCopy is a window's copy in the recovery folder.
type autosavedCopy struct {
	file string
	Path string          `json:"path"`
	City string          `json:"city"`
	Work json.RawMessage `json:"assessment"`
}

// copies reads the autosaved copies in the app's storage.
func copies(t *testing.T, recovery string) []autosavedCopy {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(recovery, "*.json"))
	var out []autosavedCopy
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		c := autosavedCopy{file: n}
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out = append(out, c)
	}
	return out
}

// copyOf waits for the copy of the work on file that holds every text.
func copyOf(t *testing.T, recovery, file string, texts ...string) autosavedCopy {
	t.Helper()
	var found autosavedCopy
	waitFor(t, "the autosave of "+filepath.Base(file), 45*time.Second, func() bool {
		for _, c := range copies(t, recovery) {
			if c.Path == file && holdsAll(string(c.Work), texts) {
				found = c
				return true
			}
		}
		return false
	})
	return found
}

func holdsAll(s string, texts []string) bool {
	for _, text := range texts {
		if !strings.Contains(s, text) {
			return false
		}
	}
	return true
}

// TestTwoAppsKeepTheirUnsavedWorkApart runs two real app processes on one
// screen and one user's storage, this year's and last year's assessment.
// Each types unsaved work; the first autosaves on a page change, the
// second on its 30-second timer. The first saves and quits; the second is
// killed with SIGKILL, as in a power cut. The next start offers the killed
// window's work, whole, and restoring and saving it puts it in its file.
// With one shared recovery copy the second window's autosave overwrote the
// first's, and the first's save deleted the second's.
func TestTwoAppsKeepTheirUnsavedWorkApart(t *testing.T) {
	testkit.Need(t, "xdotool", "import")
	bin := buildApp(t)
	w := &realWindow{t: t, display: testkit.Xvfb(t, "1366x768x24"), home: t.TempDir()}
	recovery := filepath.Join(w.home, ".config/fyne", AppID, "recovery")
	dir := t.TempDir()
	thisYear, lastYear := filepath.Join(dir, "Hạ Long 2026.ccsa"), filepath.Join(dir, "Hạ Long 2025.ccsa")
	for path, name := range map[string]string{thisYear: "Hạ Long 2026", lastYear: "Hạ Long 2025"} {
		demo, _ := assessment.Demo()
		demo.City.Name = name
		if err := files.Save(path, demo); err != nil {
			t.Fatal(err)
		}
	}
	const nameA, nameB, typeB = "Ha Long 2026 draft", "Ha Long 2025 draft", "Urban area of Quang Ninh, revised"

	a := w.startApp(bin, "--lang", "en", "--page", "profile", thisYear)
	w.focus(a)
	w.key("ctrl+a", "BackSpace") // the city name has the focus
	w.typeText(nameA)
	w.key("ctrl+Next") // a page change autosaves
	copyA := copyOf(t, recovery, thisYear, nameA)

	b := w.startApp(bin, "--lang", "en", "--page", "profile", lastYear)
	w.focus(b)
	w.key("ctrl+a", "BackSpace")
	w.typeText(nameB)
	w.key("Tab", "ctrl+a", "BackSpace") // the type of candidate, a text answer
	w.typeText(typeB)
	copyB := copyOf(t, recovery, lastYear, nameB, typeB) // the timer
	if copyB.file == copyA.file {
		t.Fatalf("both windows autosave to %s", copyA.file)
	}
	if now := copyOf(t, recovery, thisYear, nameA); now.file != copyA.file {
		t.Fatalf("the first window's copy moved to %s", now.file)
	}
	w.screenshot("recovery-two-windows.png")

	w.focus(a)
	w.key("ctrl+s")
	savedFile(t, thisYear, func(x *assessment.Assessment) bool { return x.City.Name == nameA })
	w.quit(a)
	if _, err := os.Stat(copyA.file); !os.IsNotExist(err) {
		t.Errorf("the saved window's copy is still there: %v", err)
	}
	if left := copies(t, recovery); len(left) != 1 || left[0].file != copyB.file || !holdsAll(string(left[0].Work), []string{nameB, typeB}) {
		t.Fatalf("after the first window saved and quit, the storage holds %+v", left)
	}

	b.cmd.Process.Signal(syscall.SIGKILL) // a power cut
	<-b.done

	c := w.startApp(bin, "--lang", "en")
	w.screenshot("recovery-offer-after-kill.png")
	if title := w.title(c); strings.HasPrefix(title, "*") {
		t.Fatalf("the work was restored without asking: %q", title)
	}
	w.clickPrimaryButton(color.RGBA{41, 111, 246, 255}) // Restore
	waitFor(t, "the restored work in the title", 10*time.Second, func() bool {
		return strings.HasPrefix(w.title(c), "* "+nameB+" — ")
	})
	w.screenshot("recovery-restored.png")
	w.key("ctrl+s")
	saved := savedFile(t, lastYear, func(x *assessment.Assessment) bool { return x.City.Name == nameB })
	if data, _ := assessment.Encode(saved); !strings.Contains(string(data), typeB) {
		t.Errorf("the restored work lacks the text typed last before the kill: %s", typeB)
	}
	if a, _ := files.Load(thisYear); a.City.Name != nameA {
		t.Errorf("this year's file holds %q", a.City.Name)
	}
	if left := copies(t, recovery); len(left) != 0 {
		t.Errorf("copies left after the restored work was saved: %+v", left)
	}
}
