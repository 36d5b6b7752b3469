//go:build unix

package testkit

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Wine runs the Windows builds of the programs. `make test` builds them
// (make windows: the same files as a release) and prepares a Wine prefix in
// bin/wine (make wine-prefix): Wine's offers to download Mono and Gecko are
// declined, which would otherwise hang a headless run, and the test-only
// bcryptprimitives.dll (testdata/bcryptprimitives.c says why) is in its
// system folder. It hands both folders to the tests in CREATIVECITY_WINE
// and CREATIVECITY_DIST.
type Wine struct {
	Prefix string // WINEPREFIX
	Loader string // Wine's loader for 64-bit programs
	Tools  string // the test-only Windows programs (sendinput.exe)
	Dist   string // creativecity.exe and creativecity-cli.exe
}

// loader is where Debian's wine64 package puts the loader.
const loader = "/usr/lib/wine/wine64"

// NewWine finds what `make test` prepared, or skips (fails under CI).
func NewWine(tb testing.TB) *Wine {
	tb.Helper()
	dir, dist := os.Getenv("CREATIVECITY_WINE"), os.Getenv("CREATIVECITY_DIST")
	if dir == "" || dist == "" {
		Missing(tb, "the Windows programs and the Wine prefix come from make test (CREATIVECITY_WINE, CREATIVECITY_DIST)")
	}
	w := &Wine{Prefix: filepath.Join(dir, "prefix"), Loader: loader, Tools: dir, Dist: dist}
	w.lock(tb)
	for _, f := range []string{w.Loader, filepath.Join(w.Prefix, "drive_c/windows/system32/bcryptprimitives.dll"),
		filepath.Join(w.Tools, "sendinput.exe"), w.Exe("creativecity.exe"), w.Exe("creativecity-cli.exe")} {
		if _, err := os.Stat(f); err != nil {
			Missing(tb, "missing "+f+" (make test prepares it)")
		}
	}
	return w
}

// lock gives the test the prefix alone until it ends. go test runs the
// packages' tests side by side, and a window program starting while
// another test's programs start or end in the same prefix can fail to
// create its first window ("Failed to create helper window").
func (w *Wine) lock(tb testing.TB) {
	tb.Helper()
	f, err := os.OpenFile(filepath.Join(filepath.Dir(w.Prefix), "tests.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		tb.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		w.Stop() // no program of this test outlives it in the prefix
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	})
}

// Exe is the path of a program of the release.
func (w *Wine) Exe(name string) string { return filepath.Join(w.Dist, name) }

// Command runs a Windows program under Wine, on the X display given ("" for
// none: console programs need none). Its output must go to files or
// buffers: Wine's server outlives the program and would hold a pipe open.
func (w *Wine) Command(ctx context.Context, display, exe string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, w.Loader, append([]string{exe}, args...)...)
	cmd.Env = append(os.Environ(),
		"WINEPREFIX="+w.Prefix,
		"WINEDEBUG=-all",
		"WINEDLLOVERRIDES=mscoree,mshtml=",
		"DISPLAY="+display,
		// Wine turns the Unix arguments and file names into Windows ones
		// through the locale's character set.
		"LC_ALL=C.UTF-8",
	)
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// Drive is the Unix path of a path on Wine's drive C: ("C:\Users\…").
// Windows names are not case-sensitive: each part of the path takes the
// spelling of a folder that exists ("Users" is Wine's "users").
func (w *Wine) Drive(windowsPath string) string {
	rest, ok := strings.CutPrefix(windowsPath, `C:\`)
	if !ok {
		panic("not a path on drive C: " + windowsPath)
	}
	path := filepath.Join(w.Prefix, "drive_c")
	for _, part := range strings.Split(rest, `\`) {
		entries, _ := os.ReadDir(path)
		for _, e := range entries {
			if strings.EqualFold(e.Name(), part) {
				part = e.Name()
				break
			}
		}
		path = filepath.Join(path, part)
	}
	return path
}

// WindowsPath is how a Windows program sees a Unix path: Wine maps the Unix
// root to drive Z:.
func WindowsPath(unixPath string) string {
	return `Z:` + strings.ReplaceAll(unixPath, "/", `\`)
}

// AppStorage is the Unix path of the desktop app's own storage in the
// prefix, %APPDATA%\fyne\<app ID> (preferences, autosaved work).
func (w *Wine) AppStorage(appID string) string {
	name := "root"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	return filepath.Join(w.Prefix, "drive_c/users", name, "AppData/Roaming/fyne", appID)
}

// Stop ends every program still running in the prefix.
func (w *Wine) Stop() {
	cmd := exec.Command(filepath.Join(filepath.Dir(w.Loader), "wineserver"), "-k")
	cmd.Env = append(os.Environ(), "WINEPREFIX="+w.Prefix)
	cmd.Run()
}

// SendInput runs sendinput.exe (testdata/sendinput.c) with a script, on
// the display of the app it types into.
func (w *Wine) SendInput(display string, script ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := w.Command(ctx, display, filepath.Join(w.Tools, "sendinput.exe"))
	cmd.Stdin = strings.NewReader(strings.Join(script, "\n") + "\n")
	out, err := os.CreateTemp("", "sendinput-*.txt")
	if err != nil {
		return err
	}
	defer os.Remove(out.Name())
	defer out.Close()
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Run(); err != nil {
		msg, _ := os.ReadFile(out.Name())
		return fmt.Errorf("sendinput: %v: %s", err, msg)
	}
	return nil
}

// BuildTool builds a test-only Windows program written in Go, the package
// assessment/testkit/<name>, and returns the path of the .exe.
func (w *Wine) BuildTool(tb testing.TB, name string) string {
	tb.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		gobin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	out := filepath.Join(tb.TempDir(), name+".exe")
	cmd := exec.Command(gobin, "build", "-o", out, "./assessment/testkit/"+name)
	cmd.Dir = Root(tb)
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("building %s for Windows: %v\n%s", name, err, msg)
	}
	return out
}

// HoldOpen keeps a file open in a Windows program, as Excel holds a
// workbook it shows (holdopen/main.go: shared for reading only, or with
// shareWrite for writing too, never for deletion or replacement), until
// the function it returns is called or the test ends.
func (w *Wine) HoldOpen(tb testing.TB, holdopen, unixPath string, shareWrite bool) func() {
	tb.Helper()
	dir := tb.TempDir()
	releaseFile := filepath.Join(dir, "release")
	args := []string{WindowsPath(unixPath), WindowsPath(releaseFile)}
	if shareWrite {
		args = append([]string{"-share-write"}, args...)
	}
	out, err := os.Create(filepath.Join(dir, "out"))
	if err != nil {
		tb.Fatal(err)
	}
	defer out.Close()
	cmd := w.Command(context.Background(), "", holdopen, args...)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	stop := func() {
		os.WriteFile(releaseFile, nil, 0o644)
		select {
		case <-done:
		case <-time.After(time.Minute):
			cmd.Process.Kill()
		}
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
		text, _ := os.ReadFile(out.Name())
		if strings.Contains(string(text), "held") {
			break
		}
		select {
		case err := <-done:
			tb.Fatalf("holdopen ended before holding %s: %v: %s", unixPath, err, text)
		default:
		}
		if time.Now().After(deadline) {
			stop()
			tb.Fatalf("holdopen did not hold %s: %s", unixPath, text)
		}
	}
	var once sync.Once
	tb.Cleanup(func() { once.Do(stop) })
	return func() { once.Do(stop) }
}

// Attrib runs Windows' attrib in the prefix on a file, such as
// Attrib(path, "+r") to mark it read-only as Explorer's Properties do
// (Wine keeps the mark as the Unix file's write permissions).
func (w *Wine) Attrib(tb testing.TB, unixPath string, flags ...string) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := os.CreateTemp("", "attrib-*.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer os.Remove(out.Name())
	defer out.Close()
	cmd := w.Command(ctx, "", "cmd", append(append([]string{"/c", "attrib"}, flags...), WindowsPath(unixPath))...)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Run(); err != nil {
		msg, _ := os.ReadFile(out.Name())
		tb.Fatalf("attrib %v %s: %v: %s", flags, unixPath, err, msg)
	}
}
