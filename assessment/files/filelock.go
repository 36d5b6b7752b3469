package files

import (
	"errors"
	"os"

	"creativecity/assessment"
)

// ErrLocked is what TryLockFile returns when another holder, in this
// process or another, has the file locked.
var ErrLocked = errors.New("the file is locked by another holder")

// FileLock is an operating-system lock on a file: exclusive, held until
// Unlock, and released by the system when the process ends however it
// ends (a crash, a kill, a power cut), so that a lock never outlives its
// holder. Unlike Lock, which only warns and is seen across computers, it
// is meant for files of this computer only (the app's own storage).
type FileLock struct {
	f    *os.File
	path string
}

// TryLockFile creates path if needed and locks it without waiting. It
// returns ErrLocked when someone else holds the lock, or the store's
// *assessment.FileError when the file cannot be made.
func TryLockFile(path string) (*FileLock, error) {
	for range 3 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, ioError(path, err, assessment.CodeWriteFailed)
		}
		if err := lockFile(f); err != nil {
			f.Close()
			if errors.Is(err, ErrLocked) {
				return nil, ErrLocked
			}
			return nil, ioError(path, err, assessment.CodeWriteFailed)
		}
		// The holder may have removed the file between our open and our
		// lock: a lock on a file no longer at path protects nothing, so
		// open the path again.
		if stillAt(f, path) {
			return &FileLock{f: f, path: path}, nil
		}
		f.Close()
	}
	return nil, ErrLocked
}

// Path returns the locked file.
func (l *FileLock) Path() string { return l.path }

// Unlock releases the lock and leaves the file in place. It does nothing
// on a nil or released lock.
func (l *FileLock) Unlock() {
	if l == nil || l.f == nil {
		return
	}
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
}

// Remove deletes the lock file and releases the lock. Where the system
// allows it the file goes first, while still held, so that no one locks
// it in between; elsewhere (Windows) it goes once released, if no one has
// opened it meanwhile.
func (l *FileLock) Remove() {
	if l == nil || l.f == nil {
		return
	}
	removed := os.Remove(l.path) == nil
	l.Unlock()
	if !removed {
		os.Remove(l.path)
	}
}
