//go:build unix

package files

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestPrivateFilesStayPrivateWhateverTheUmask: a lock and a private file
// (the autosaved work, the recovery record) are 0600 under umask 002,
// while a file written for the user follows the umask.
func TestPrivateFilesStayPrivateWhateverTheUmask(t *testing.T) {
	old := syscall.Umask(0o002)
	defer syscall.Umask(old)
	dir := t.TempDir()
	doc := filepath.Join(dir, "x.ccsa")
	if err := WriteFileAtomic(doc, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	Lock(doc, time.Now())
	defer Unlock(doc)
	private := filepath.Join(dir, "recovery.json")
	if err := WritePrivateFileAtomic(private, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{doc: 0o664, LockPath(doc): 0o600, private: 0o600} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want %o", filepath.Base(path), info.Mode(), err, want)
		}
	}
}
