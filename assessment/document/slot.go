package document

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"creativecity/assessment/files"
)

// A window's autosaved copy is the pair <id>.json (the work) and <id>.lock
// (locked by the operating system while the window lives) in the recovery
// folder. The id is new for every copy and names the time, the process
// and random bytes, so that two windows, in one process or two, never
// write, offer or remove each other's copy.
const (
	copyExt = ".json"
	lockExt = ".lock"
)

// LegacyRecoveryFile is the one copy that earlier versions of the app
// shared between all their windows. It is taken over at start and offered
// like any other copy.
const LegacyRecoveryFile = "recovery.json"

// slot is one copy: its files and the lock that marks it as held.
type slot struct {
	dir, id string
	lock    *files.FileLock
}

// newCopyID returns a fresh copy name: UTC time, process ID, 32 random bits.
func newCopyID(now time.Time) string {
	var b [4]byte
	rand.Read(b[:])
	return now.UTC().Format("20060102T150405Z") + "-" + strconv.Itoa(os.Getpid()) + "-" + hex.EncodeToString(b[:])
}

// newSlot makes the folder if needed and takes a new copy name, locked.
func newSlot(dir string, now time.Time) (*slot, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	for range 3 {
		s, err := lockSlot(dir, newCopyID(now))
		if !errors.Is(err, files.ErrLocked) {
			return s, err
		}
	}
	return nil, files.ErrLocked
}

// lockSlot locks the copy id; files.ErrLocked if a live window holds it.
func lockSlot(dir, id string) (*slot, error) {
	l, err := files.TryLockFile(filepath.Join(dir, id+lockExt))
	if err != nil {
		return nil, err
	}
	return &slot{dir: dir, id: id, lock: l}, nil
}

// file is the copy's work file.
func (s *slot) file() string { return filepath.Join(s.dir, s.id+copyExt) }

// write replaces the copy atomically (temporary file, fsync, rename).
func (s *slot) write(data []byte) error { return files.WritePrivateFileAtomic(s.file(), data) }

// remove deletes the copy and then its lock: the work was saved or
// discarded. The lock goes last, so that no one offers the copy meanwhile.
func (s *slot) remove() {
	os.Remove(s.file())
	s.lock.Remove()
}

// release lets the lock go and leaves the copy for the next start.
func (s *slot) release() { s.lock.Unlock() }
