//go:build windows

package files

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockFile takes LockFileEx's exclusive lock of the first byte without
// waiting. Such locks belong to the handle, so two opens in one process
// exclude each other as two processes do.
func lockFile(f *os.File) error {
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY,
		0, 1, 0, new(windows.Overlapped))
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_SHARING_VIOLATION) {
		return ErrLocked
	}
	return err
}

func unlockFile(f *os.File) {
	_ = windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, new(windows.Overlapped))
}

// stillAt reports whether the open file f is still the one at path. It
// always is on Windows: a file open without delete sharing (as Go opens
// every file) cannot be removed or replaced until it is closed.
func stillAt(*os.File, string) bool { return true }
