//go:build !windows

package files

import (
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
)

// unixSocket makes a listening Unix socket in a short folder (socket
// paths are limited to about 100 bytes).
func unixSocket(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "ccsa")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "s.ccsa")
	l, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return path
}

// wantRefused checks that err is the FileError code for path, and for
// CodeNotRegular that it names the kind of file.
func wantRefused(t *testing.T, what string, err error, path, code, kind string) {
	t.Helper()
	fe, ok := err.(*assessment.FileError)
	if !ok || fe.Code != code || fe.Path != path || fe.Severity != assessment.Error {
		t.Fatalf("%s: %v, want %s naming %s", what, err, code, path)
	}
	if kind != "" && fe.Args["Kind"] != assessment.NotesArg(kind) {
		t.Errorf("%s: kind %v, want %s", what, fe.Args["Kind"], kind)
	}
}

// TestSpecialFilesAreRefusedWithoutBlocking: a named pipe, a character
// device, a Unix socket and a folder are refused by every reader at once,
// with the file and its kind named; nothing is read from them.
func TestSpecialFilesAreRefusedWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.ccsa")
	fifo := testkit.Mkfifo(t, dir, "pipe.ccsa")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, path, code, kind string }{
		{"fifo", fifo, assessment.CodeNotRegular, "problem.fileKind.pipe"},
		{"link to a fifo", link, assessment.CodeNotRegular, "problem.fileKind.pipe"},
		{"character device", os.DevNull, assessment.CodeNotRegular, "problem.fileKind.device"},
		{"socket", unixSocket(t), assessment.CodeNotRegular, "problem.fileKind.socket"},
		{"folder", t.TempDir(), assessment.CodeIsDir, ""},
	}
	for _, c := range cases {
		testkit.Within(t, 2*time.Second, c.name, func() {
			f, _, err := OpenRegular(c.path)
			if f != nil {
				f.Close()
			}
			wantRefused(t, c.name+": OpenRegular", err, c.path, c.code, c.kind)
			_, err = Load(c.path)
			wantRefused(t, c.name+": Load", err, c.path, c.code, c.kind)
			_, err = ReadRegular(c.path, 0)
			wantRefused(t, c.name+": ReadRegular", err, c.path, c.code, c.kind)
		})
	}
}

// TestAFifoSwappedInAfterTheCheckIsRefused: the open itself never waits
// for a writer, and the open file is checked again, so a pipe put in place
// of the file between the check and the open is refused too.
func TestAFifoSwappedInAfterTheCheckIsRefused(t *testing.T) {
	fifo := testkit.Mkfifo(t, t.TempDir(), "swapped.ccsa")
	testkit.Within(t, 2*time.Second, "the open of a fifo", func() {
		f, err := openNoBlock(fifo)
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		wantRefused(t, "the open fifo", CheckRegular(fifo, info), fifo, assessment.CodeNotRegular, "problem.fileKind.pipe")
	})
}

// TestARegularFileStillReadsThroughItsLink: the guard refuses kinds, not
// links; the size limit stays.
func TestARegularFileStillReadsThroughItsLink(t *testing.T) {
	path := writeFile(t, "hue.ccsa", sampleFile)
	link := filepath.Join(filepath.Dir(path), "link.ccsa")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	a, err := Load(link)
	if err != nil || a.City.Name != "Hạ Long" {
		t.Fatalf("Load through a link: %v", err)
	}
	if _, err := ReadRegular(path, 10); !fixture.HasCode(err, assessment.CodeTooLarge) {
		t.Errorf("a file over the limit: %v", err)
	}
}

// TestWritingOverASpecialFileIsRefused: saving, writing atomically or
// checking a target never replaces or opens a pipe or a device, and
// returns at once.
func TestWritingOverASpecialFileIsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := testkit.Mkfifo(t, dir, "out.ccsa")
	a, _ := assessment.Demo()
	testkit.Within(t, 2*time.Second, "writing over a fifo", func() {
		wantRefused(t, "Save", Save(fifo, a), fifo, assessment.CodeNotRegular, "problem.fileKind.pipe")
		wantRefused(t, "WriteWithBackup", WriteWithBackup(fifo, []byte("{}")), fifo, assessment.CodeNotRegular, "problem.fileKind.pipe")
		wantRefused(t, "WriteFileAtomic", WriteFileAtomic(fifo, []byte("{}")), fifo, assessment.CodeNotRegular, "problem.fileKind.pipe")
		wantRefused(t, "CheckWritable", CheckWritable(fifo), fifo, assessment.CodeNotRegular, "problem.fileKind.pipe")
		wantRefused(t, "CheckWritable of a device", CheckWritable(os.DevNull), os.DevNull, assessment.CodeNotRegular, "problem.fileKind.device")
	})
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the fifo was replaced: %v %v", info, err)
	}
	if _, err := os.Stat(fifo + BackupSuffix); err == nil {
		t.Error("a backup of the fifo was written")
	}
}
