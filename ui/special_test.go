//go:build !windows

package ui

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"creativecity/assessment"
	"creativecity/assessment/testkit"
	"creativecity/assets"
	"creativecity/translations"
)

// pipeMessage is what the window says of a named pipe, in English.
func pipeMessage(path string) string {
	return path + ": error: this is a named pipe (FIFO), not an ordinary file"
}

// TestStartingOnANamedPipeShowsTheError: creativecity --open pipe.ccsa
// (or the pipe as the argument) builds the window at once, on the start
// page, with an error naming the pipe; nothing is opened.
func TestStartingOnANamedPipeShowsTheError(t *testing.T) {
	fifo := testkit.Mkfifo(t, t.TempDir(), "pipe.ccsa")
	fa := test.NewTempApp(t)
	qn, err := assessment.Default()
	if err != nil {
		t.Fatal(err)
	}
	var a *App
	testkit.Within(t, 2*time.Second, "starting with --open on a pipe", func() {
		a = New(fa, qn, Options{Lang: translations.EN, Open: fifo, Now: func() time.Time { return fixedNow },
			RecoveryDir: t.TempDir()})
	})
	if text := dialogText(a); !strings.Contains(text, pipeMessage(fifo)) {
		t.Errorf("the window says %q", text)
	}
	if a.doc.Path() != "" || a.page != StartPage {
		t.Errorf("file %q, page %s", a.doc.Path(), a.page)
	}
	if recent := a.recentFiles(); len(recent) != 0 {
		t.Errorf("the pipe went into the recent files: %v", recent)
	}
}

// TestOpeningANamedPipeKeepsTheWorkAndSaysWhy: a pipe opened from the
// recent files, the open dialog or dropped on the window is refused at
// once, named; the open work stays.
func TestOpeningANamedPipeKeepsTheWorkAndSaysWhy(t *testing.T) {
	dir := t.TempDir()
	fifo := testkit.Mkfifo(t, dir, "pipe.ccsa")
	a := newTestApp(t, translations.EN)
	good := filepath.Join(dir, "Hạ Long.ccsa")
	if err := os.WriteFile(good, assets.DemoCCSA, 0o644); err != nil {
		t.Fatal(err)
	}
	a.OpenPath(good)
	a.addRecent(fifo)
	a.showPage(StartPage)

	ways := []struct {
		name string
		open func()
	}{
		{"the recent files", func() { tapRecent(t, a, fifo) }},
		{"the open dialog", func() {
			// What the open dialog does with the file chosen: a reader of
			// it, of which the app takes the path.
			r, err := storage.Reader(storage.NewFileURI(fifo))
			if err != nil {
				t.Errorf("the dialog's reader: %v", err)
				return
			}
			path := r.URI().Path()
			r.Close()
			a.OpenPath(path)
		}},
		{"a drop on the window", func() { a.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(fifo)}) }},
	}
	for _, w := range ways {
		clearOverlays(a)
		testkit.Within(t, 2*time.Second, w.name, w.open)
		if text := dialogText(a); !strings.Contains(text, pipeMessage(fifo)) {
			t.Errorf("%s: the window says %q", w.name, text)
		}
		if a.doc.Path() != good || a.Assessment().City.Name != "Hạ Long" {
			t.Errorf("%s: the open work was replaced by %q", w.name, a.doc.Path())
		}
	}
}

// tapRecent taps the start page's entry of a recent file.
func tapRecent(t *testing.T, a *App, path string) {
	t.Helper()
	var found fyne.Tappable
	walk(a.chrome.body, func(o fyne.CanvasObject) {
		if b, ok := o.(*button); ok && strings.HasPrefix(b.Text, filepath.Base(path)+" — ") {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no recent entry for %s", path)
	}
	test.Tap(found)
}

func clearOverlays(a *App) {
	for a.win.Canvas().Overlays().Top() != nil {
		a.win.Canvas().Overlays().Remove(a.win.Canvas().Overlays().Top())
	}
}

// TestTheFileDialogsNeverOpenAPipe: the toolkit's file dialog guesses the
// type of a file of unknown extension by reading its start, and gives the
// file chosen as a reader; with a pipe, both returned at once, and the
// reader's reads fail with the reason instead of waiting for a writer.
func TestTheFileDialogsNeverOpenAPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := testkit.Mkfifo(t, dir, "pipe")
	newTestApp(t, translations.EN)
	testkit.Within(t, 2*time.Second, "the type of a pipe", func() {
		if m := storage.NewFileURI(fifo).MimeType(); m != "text/plain" {
			t.Errorf("type %q", m)
		}
	})
	testkit.Within(t, 2*time.Second, "reading a pipe", func() {
		r, err := storage.Reader(storage.NewFileURI(fifo))
		if err != nil {
			t.Fatalf("reader: %v", err)
		}
		defer r.Close()
		if _, err := io.ReadAll(r); err == nil || !strings.Contains(err.Error(), assessment.CodeNotRegular) {
			t.Errorf("read: %v", err)
		}
		if ok, err := storage.CanRead(storage.NewFileURI(fifo)); ok || err != nil {
			t.Errorf("CanRead %v, %v", ok, err)
		}
		if ok, err := storage.CanWrite(storage.NewFileURI(fifo)); ok || err != nil {
			t.Errorf("CanWrite %v, %v", ok, err)
		}
	})
	// A regular file reads as before.
	good := filepath.Join(dir, "notes")
	os.WriteFile(good, []byte("ghi chú"), 0o644)
	r, err := storage.Reader(storage.NewFileURI(good))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(r)
	r.Close()
	if err != nil || string(data) != "ghi chú" {
		t.Errorf("a regular file reads %q, %v", data, err)
	}
	if _, err := storage.Reader(storage.NewFileURI(filepath.Join(dir, "missing"))); !os.IsNotExist(err) {
		t.Errorf("a missing file: %v", err)
	}
}

// TestTheComparisonPageSkipsAPipe: a folder holding a good assessment and
// a pipe named like one, added on the comparison page, compares the good
// one and lists the pipe as skipped, with the reason.
func TestTheComparisonPageSkipsAPipe(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "halong.ccsa"), assets.DemoCCSA, 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := testkit.Mkfifo(t, dir, "pipe.ccsa")
	a := newTestApp(t, translations.EN)
	ready := make(chan struct{})
	a.CompareAdd([]string{dir}, func() { close(ready) })
	select {
	case <-ready:
	case <-time.After(2 * time.Second):
		t.Fatal("the comparison is still loading after 2 s (blocked on the pipe?)")
	}
	res := a.compare.result
	if len(res.Cities) != 1 || len(res.Skipped) != 1 || res.Skipped[0].Path != fifo ||
		res.Skipped[0].Problem.Code != assessment.CodeNotRegular {
		t.Fatalf("%d cities, skipped %+v", len(res.Cities), res.Skipped)
	}
	if text := pageText(a); !strings.Contains(text, fifo+": error: this is a named pipe (FIFO), not an ordinary file") {
		t.Errorf("the page says %q", text)
	}
}
