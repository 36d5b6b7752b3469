//go:build !windows

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/testkit"
	"creativecity/ui/vnkey"
)

// realWindow is the desktop app in its real window on a private X server
// of an office laptop's screen, driven with xdotool.
type realWindow struct {
	t       *testing.T
	display string
	home    string
}

// startRealWindow starts the app with a HOME of its own whose preferences
// are given (such as the typing mode), and waits for its window.
func startRealWindow(t *testing.T, prefs map[string]any, args ...string) *realWindow {
	t.Helper()
	testkit.Need(t, "xdotool", "xwininfo", "import")
	bin := buildApp(t)
	w := &realWindow{t: t, display: testkit.Xvfb(t, "1366x768x24"), home: t.TempDir()}
	if len(prefs) > 0 {
		dir := filepath.Join(w.home, ".config/fyne", AppID)
		os.MkdirAll(dir, 0o755)
		data, _ := json.Marshal(prefs)
		os.WriteFile(filepath.Join(dir, "preferences.json"), data, 0o644)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+w.display, "HOME="+w.home)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	waitFor(t, "the window", 60*time.Second, func() bool {
		out, _ := exec.Command("xwininfo", "-display", w.display, "-root", "-tree").Output()
		return strings.Contains(string(out), "Tự đánh giá") || strings.Contains(string(out), "Creative City")
	})
	time.Sleep(2 * time.Second) // the first frames, and the page's cards added over them
	return w
}

// xdotool runs xdotool on the window's display.
func (w *realWindow) xdotool(args ...string) {
	w.t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+w.display)
	if out, err := cmd.CombinedOutput(); err != nil {
		w.t.Fatalf("xdotool %v: %v %s", args, err, out)
	}
}

// typeText types ASCII text at 20 ms a key, as a quick typist does.
func (w *realWindow) typeText(s string) { w.xdotool("type", "--delay", "20", s) }

// key presses keys, one after another.
func (w *realWindow) key(keys ...string) {
	for _, k := range keys {
		w.xdotool("key", k)
		time.Sleep(60 * time.Millisecond)
	}
}

// screenshot keeps a picture of the screen in bin/test-output.
func (w *realWindow) screenshot(name string) {
	w.t.Helper()
	dir := filepath.Join(testkit.Root(w.t), "bin", "test-output")
	os.MkdirAll(dir, 0o755)
	out := filepath.Join(dir, name)
	cmd := exec.Command("import", "-display", w.display, "-window", "root", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		w.t.Fatalf("import: %v %s", err, b)
	}
	w.t.Logf("screenshot of the real window: %s", out)
}

// savedFile waits until the file on disk satisfies ok and returns it.
func savedFile(t *testing.T, path string, ok func(*assessment.Assessment) bool) *assessment.Assessment {
	t.Helper()
	var a *assessment.Assessment
	waitFor(t, "the file saved", 20*time.Second, func() bool {
		var err error
		a, err = files.Load(path)
		return err == nil && ok(a)
	})
	return a
}

// TestFillingAFieldWithTheKeyboardOnly fills every question of the
// gastronomy section in the real window at 1366×768 with the keyboard
// alone: rubric levels by their number keys, numbers, yes by its letter,
// text answers and evidence in Vietnamese (the built-in Telex mode), Tab
// from each box to the next, and Ctrl+S pressed inside an entry.
func TestFillingAFieldWithTheKeyboardOnly(t *testing.T) {
	qn, _ := assessment.Default()
	demo, _ := assessment.Demo()
	field, _ := qn.Section("gastronomy")
	for _, q := range field.Questions {
		delete(demo.Answers, q.ID)
	}
	path := filepath.Join(t.TempDir(), "Hạ Long.ccsa")
	if err := files.Save(path, demo); err != nil {
		t.Fatal(err)
	}
	w := startRealWindow(t, map[string]any{"typingMode": "telex"}, "--lang", "vi", "--page", "gastronomy", path)
	const evidence, source = "Soos lieeuj cuar Sowr", "So Van hoa"
	want := map[string]assessment.Value{}
	for i, q := range field.Questions {
		switch q.Type {
		case assessment.Rubric:
			level := (i + 1) % 5
			w.key(fmt.Sprint(level))
			want[q.ID] = assessment.NumberValue(float64(level))
		case assessment.Number:
			w.typeText("12")
			want[q.ID] = assessment.NumberValue(12)
		case assessment.Boolean:
			w.key("c") // Có
			want[q.ID] = assessment.BoolValue(true)
		case assessment.Text:
			w.typeText("Banhs mif Quangr")
			want[q.ID] = assessment.StringValue("Bánh mì Quảng")
		}
		w.key("Tab")
		w.typeText(evidence)
		w.key("Tab")
		w.typeText(source)
		if i < len(field.Questions)-1 {
			w.key("Tab")
		}
	}
	w.key("ctrl+s")
	saved := savedFile(t, path, func(a *assessment.Assessment) bool {
		return a.Answer(field.Questions[len(field.Questions)-1].ID) != nil
	})
	w.screenshot("keyboard-gastronomy-vi.png")
	for _, q := range field.Questions {
		ans := saved.Answer(q.ID)
		switch {
		case ans == nil:
			t.Errorf("%s: no answer", q.ID)
		case ans.Value.Raw() != want[q.ID].Raw():
			t.Errorf("%s: value %s, want %s", q.ID, ans.Value.Raw(), want[q.ID].Raw())
		case ans.Evidence != vnkey.TypeString(vnkey.Telex, evidence) || ans.Source != source:
			t.Errorf("%s: evidence %q, source %q", q.ID, ans.Evidence, ans.Source)
		case strings.Contains(ans.Evidence+ans.Source, "\t"):
			t.Errorf("%s: a tab character was typed into the text", q.ID)
		}
	}
	if got := vnkey.TypeString(vnkey.Telex, evidence); got != "Số liệu của Sở" {
		t.Errorf("the evidence typed reads %q", got)
	}
}

// TestTelexAndVNIInTheRealWindow types with the built-in mode, no input
// method, into the city name and a multi-line evidence box.
func TestTelexAndVNIInTheRealWindow(t *testing.T) {
	for mode, keys := range map[string][3]string{
		"telex": {"Thanhf phoos Haj Long", "Phoos coor Hooij An", "Banhs mif Quangr"},
		"vni":   {"Tha2nh pho61 Ha5 Long", "Pho61 co63 Ho65i An", "Ba1nh mi2 Qua3ng"},
	} {
		t.Run(mode, func(t *testing.T) {
			demo, _ := assessment.Demo()
			path := filepath.Join(t.TempDir(), "thu.ccsa")
			if err := files.Save(path, demo); err != nil {
				t.Fatal(err)
			}
			w := startRealWindow(t, map[string]any{"typingMode": mode}, "--lang", "vi", path)
			w.key("ctrl+a", "BackSpace") // the city name has the focus
			w.typeText(keys[0])
			w.key("ctrl+Next") // readiness, built over a few frames
			w.settle()
			w.key("Tab") // from its first rubric to its evidence
			w.key("ctrl+a", "BackSpace")
			w.typeText(keys[1])
			w.key("Return")
			w.typeText(keys[2])
			w.key("ctrl+s")
			first := qnFirstQuestion(t, "readiness")
			saved := savedFile(t, path, func(a *assessment.Assessment) bool { return a.City.Name != demo.City.Name })
			if saved.City.Name != "Thành phố Hạ Long" {
				t.Errorf("city name %q", saved.City.Name)
			}
			if ev := saved.Answer(first).Evidence; ev != "Phố cổ Hội An\nBánh mì Quảng" {
				t.Errorf("evidence %q", ev)
			}
			w.screenshot("typing-" + mode + "-vi.png")
		})
	}
}

func qnFirstQuestion(t *testing.T, section string) string {
	qn, _ := assessment.Default()
	s, _ := qn.Section(section)
	return s.Questions[0].ID
}

// grab takes a screenshot of the display into the test's folder.
func (w *realWindow) grab(name string) image.Image {
	w.t.Helper()
	out := filepath.Join(w.t.TempDir(), name)
	cmd := exec.Command("import", "-display", w.display, "-window", "root", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		w.t.Fatalf("import: %v %s", err, b)
	}
	f, err := os.Open(out)
	if err != nil {
		w.t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		w.t.Fatal(err)
	}
	return img
}

// settle waits until the window stops changing (a page built over several
// frames is complete), at most 15 s: keys sent earlier could reach a
// page still being built, slower on a loaded machine. A blinking cursor
// changes less than the threshold.
func (w *realWindow) settle() {
	w.t.Helper()
	prev := w.grab("settle.png")
	for end := time.Now().Add(15 * time.Second); time.Now().Before(end); {
		time.Sleep(250 * time.Millisecond)
		cur := w.grab("settle.png")
		if changed(prev, cur, cur.Bounds()) < 0.002 {
			return
		}
		prev = cur
	}
	w.t.Log("the window kept changing for 15 s")
}

// changed is the share of the pixels of a rectangle that differ.
func changed(a, b image.Image, r image.Rectangle) float64 {
	diff := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				diff++
			}
		}
	}
	return float64(diff) / float64(r.Dx()*r.Dy())
}

// TestF10F1AndEscInTheRealWindow: F10 (and Alt) opens the menu while an
// entry has the focus, Esc closes it; F1 opens the guide, Esc closes it. (The
// toolkit's test driver has no menu bar: this is checked on the screen.)
func TestF10F1AndEscInTheRealWindow(t *testing.T) {
	demo, _ := assessment.Demo()
	path := filepath.Join(t.TempDir(), "f10.ccsa")
	if err := files.Save(path, demo); err != nil {
		t.Fatal(err)
	}
	w := startRealWindow(t, nil, "--lang", "vi", path)
	w.settle()
	before := w.grab("before.png")
	menu := image.Rect(8, 30, 180, 380)      // where the File menu opens
	dialog := image.Rect(400, 200, 900, 500) // the middle of the window
	for _, step := range []struct {
		key  string
		area image.Rectangle
	}{{"F10", menu}, {"alt", menu}, {"F1", dialog}} {
		w.key(step.key)
		if share := w.waitArea(before, step.area, func(s float64) bool { return s >= 0.2 }); share < 0.2 {
			t.Errorf("%s: %.0f%% of the area changed: nothing opened", step.key, 100*share)
		}
		w.key("Escape")
		if share := w.waitArea(before, step.area, func(s float64) bool { return s <= 0.02 }); share > 0.02 {
			t.Errorf("%s then Esc: %.0f%% of the area still differs: not closed", step.key, 100*share)
		}
	}
}

// waitArea grabs the screen until the share of an area that differs from
// before satisfies done, at most 10 s (a loaded machine can take seconds
// to draw a menu or a dialog), and returns the last share seen.
func (w *realWindow) waitArea(before image.Image, area image.Rectangle, done func(float64) bool) float64 {
	w.t.Helper()
	share := 0.0
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		if share = changed(before, w.grab("area.png"), area); done(share) || time.Now().After(end) {
			return share
		}
	}
}

// TestTabCrossesTheToolbarInTheRealWindow goes round the Tab cycle in the
// real window at 1366×768: from the first input of a field page, Shift+Tab
// goes back across the toolbar's nine stops to the navigation, and Tab
// comes forward across them again to the page, where the next key
// answers the first question (no tooltip or pop-up catches the keys on
// the way). It keeps screenshots of three Tab stops of the page: an
// evidence box just entered, a card further down, and a toolbar button
// with its words in the status line.
func TestTabCrossesTheToolbarInTheRealWindow(t *testing.T) {
	qn, _ := assessment.Default()
	demo, _ := assessment.Demo()
	field, _ := qn.Section("gastronomy")
	first := field.Questions[0]
	level, _ := demo.Value(first.ID).Number()
	want := float64((int(level) + 2) % 5) // a level other than the demo's
	path := filepath.Join(t.TempDir(), "Hạ Long.ccsa")
	if err := files.Save(path, demo); err != nil {
		t.Fatal(err)
	}
	w := startRealWindow(t, nil, "--lang", "vi", "--page", "gastronomy", path)
	w.settle()
	w.key("Tab") // the first question's evidence
	w.settle()
	w.screenshot("tab-stop-evidence-vi.png")
	for range 12 {
		w.key("Tab")
	}
	w.settle()
	w.screenshot("tab-stop-card-vi.png")
	for range 13 {
		w.key("shift+Tab") // back to the first question's answer
	}
	for range 9 {
		w.key("shift+Tab") // the language, the typing, the seven buttons
	}
	w.settle()
	w.screenshot("tab-stop-toolbar-vi.png")
	w.key("shift+Tab") // the navigation
	for range 10 {
		w.key("Tab") // the toolbar's nine stops, then the page's first input
	}
	w.key(fmt.Sprint(want), "ctrl+s")
	savedFile(t, path, func(a *assessment.Assessment) bool {
		n, ok := a.Value(first.ID).Number()
		return ok && n == want
	})
}
