package files

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"creativecity/assessment"
)

// Windows error numbers that the syscall package does not name.
const (
	errorSharingViolation syscall.Errno = 32   // ERROR_SHARING_VIOLATION
	errorLockViolation    syscall.Errno = 33   // ERROR_LOCK_VIOLATION
	errorUserMappedFile   syscall.Errno = 1224 // ERROR_USER_MAPPED_FILE
	accessDelete                        = 0x00010000
)

// systemCode is the problem code of a Windows error about path: another
// program holding the file open (Excel holds a workbook it shows, shared
// for reading only, so that it can be neither written nor replaced), or
// a file marked read-only. Windows refuses replacing either with
// ERROR_ACCESS_DENIED, the error of a file the user has no right to, so
// that one is told apart by looking at the file. "" when the error is none
// of these.
func systemCode(path string, err error) string {
	switch {
	case errors.Is(err, errorSharingViolation), errors.Is(err, errorLockViolation), errors.Is(err, errorUserMappedFile):
		return assessment.CodeHeldOpen
	case errors.Is(err, syscall.ERROR_ACCESS_DENIED):
		if info, serr := os.Stat(path); serr == nil && info.Mode().IsRegular() {
			if info.Mode().Perm()&0o222 == 0 {
				return assessment.CodeReadOnly
			}
			if heldOpen(path) {
				return assessment.CodeHeldOpen
			}
		}
	}
	return ""
}

// replaceable refuses, as CodeHeldOpen, a file that another program has
// open without letting it be replaced, even when it lets others write
// it: the save would write its backup, then fail at the rename.
func replaceable(path string) error {
	if heldOpen(path) {
		return assessment.NewFileError(path, assessment.CodeHeldOpen, nil, nil)
	}
	return nil
}

// heldOpen reports whether another program has the file open without
// letting others delete or replace it: asking for the right to delete it,
// which a replacement needs, then fails with a sharing violation. Nothing
// is deleted or changed.
func heldOpen(path string) bool {
	name, err := syscall.UTF16PtrFromString(longPath(path))
	if err != nil {
		return false
	}
	h, err := syscall.CreateFile(name, accessDelete, syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE|syscall.FILE_SHARE_DELETE,
		nil, syscall.OPEN_EXISTING, syscall.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		return errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation)
	}
	syscall.CloseHandle(h)
	return false
}

// longPath gives an absolute path the \\?\ prefix that lifts the limit
// of 260 characters, as the os package does for its own calls.
func longPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	switch {
	case strings.HasPrefix(path, `\\?\`):
		return path
	case strings.HasPrefix(path, `\\`):
		return `\\?\UNC\` + path[2:]
	case len(path) >= 3 && path[1] == ':':
		return `\\?\` + path
	}
	return path
}

// deviceName replaces the error of reading a file whose name is a device
// name (CON.ccsa opens the console; the system's errors about it, such as
// "Invalid handle", explain nothing) with CodeNameReserved.
func deviceName(path string, err error) error {
	if device := ReservedName(filepath.Base(path)); device != "" {
		return assessment.NewFileError(path, assessment.CodeNameReserved, assessment.Args{"Name": assessment.TextArg(device)}, err)
	}
	return err
}
