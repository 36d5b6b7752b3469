//go:build !windows

package files

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes flock's exclusive lock without waiting. flock locks
// belong to the open file, so two opens in one process exclude each other
// as two processes do.
func lockFile(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return ErrLocked
	}
	return err
}

func unlockFile(f *os.File) { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// stillAt reports whether the open file f is still the one at path: a
// file can be removed (and made anew) while open.
func stillAt(f *os.File, path string) bool {
	held, err := f.Stat()
	if err != nil {
		return false
	}
	now, err := os.Stat(path)
	return err == nil && os.SameFile(held, now)
}
