//go:build unix

package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// wantMode checks the permission bits of a file.
func wantMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s: mode %o, want %o", filepath.Base(path), got, want)
	}
}

// TestNewFilesFollowTheUmaskAndReplacedFilesKeepTheirMode: a file a
// command writes anew has the mode the umask gives (0664 under 002, for a
// shared folder), not 0600; a file it replaces keeps its mode, and so
// does its .bak, whatever the umask.
func TestNewFilesFollowTheUmaskAndReplacedFilesKeepTheirMode(t *testing.T) {
	old := syscall.Umask(0o002)
	defer syscall.Umask(old)
	dir := t.TempDir()
	demo := demoPath(t)
	report := filepath.Join(dir, "report.xlsx")
	for _, args := range [][]string{
		{"export", "-o", report, demo},
		{"form", "-o", filepath.Join(dir, "form.xlsx"), demo},
		{"compare", "-o", filepath.Join(dir, "compare.xlsx"), demo},
		{"dossier", "-o", filepath.Join(dir, "dossier.docx"), demo},
		{"import", "-o", filepath.Join(dir, "new.ccsa"), report},
	} {
		if code, _, errs := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, errs)
		}
		wantMode(t, args[2], 0o664)
	}
	syscall.Umask(0o077)
	shared := filepath.Join(dir, "new.ccsa")
	if err := os.Chmod(shared, 0o660); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "import", "-o", shared, report); code != 0 {
		t.Fatalf("exit %d, %s", code, errs)
	}
	wantMode(t, shared, 0o660)
	wantMode(t, shared+".bak", 0o660)
	if code, _, errs := runCLI(t, "export", "-o", report, demo); code != 0 {
		t.Fatalf("exit %d, %s", code, errs)
	}
	wantMode(t, report, 0o664)
	wantMode(t, report+".bak", 0o664)
}

// TestTheBackupOfAHugeTargetIsStreamed: import -o over a 256 MB file keeps
// it as .bak without reading it into memory.
func TestTheBackupOfAHugeTargetIsStreamed(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "report.xlsx")
	if code, _, errs := runCLI(t, "export", "-o", report, demoPath(t)); code != 0 {
		t.Fatal(errs)
	}
	huge := filepath.Join(dir, "huge.ccsa")
	const size = 256 << 20
	if err := os.WriteFile(huge, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, size); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code, _, errs := runCLI(t, "import", "-o", huge, report)
	runtime.ReadMemStats(&after)
	if code != 0 {
		t.Fatalf("exit %d, %s", code, errs)
	}
	if info, err := os.Stat(huge + ".bak"); err != nil || info.Size() != size {
		t.Fatalf("the old target is not kept whole as .bak: %v", err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("import allocated %d MB", alloc>>20)
	if alloc > 128<<20 {
		t.Errorf("the backup read %d MB into memory", alloc>>20)
	}
}
