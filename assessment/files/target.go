package files

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"creativecity/assessment"
)

// checkTarget refuses to write over anything at path but a regular file:
// a rename would replace a device or a pipe, and reading one for the
// backup would block. Nothing at path is fine.
func checkTarget(path string) error {
	if info, err := os.Stat(path); err == nil {
		if err := CheckRegular(path, info); err != nil {
			return err
		}
	}
	return nil
}

// CheckWritable refuses, before any work, a target that a write would
// fail on or should not replace: a folder, anything else but a regular
// file, an existing file marked read-only (a rename would replace it
// regardless of its permissions) or one another program holds (on
// Windows, one open in Excel: CodeHeldOpen). Nothing at path is fine.
// The error is a *assessment.FileError.
func CheckWritable(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return assessment.NewFileError(path, assessment.CodePermission, nil, err)
	}
	if err := CheckRegular(path, info); err != nil {
		return err
	}
	if info.Mode().Perm()&0o222 == 0 {
		return assessment.NewFileError(path, assessment.CodeReadOnly, nil, nil)
	}
	f, err := openWriteNoBlock(path)
	if err != nil {
		if code := systemCode(path, err); code != "" {
			return assessment.NewFileError(path, code, nil, err)
		}
		switch {
		case errors.Is(err, fs.ErrPermission):
			return assessment.NewFileError(path, assessment.CodePermission, nil, err)
		case errors.Is(err, syscall.EROFS):
			return assessment.NewFileError(path, assessment.CodeReadOnlyFS, nil, err)
		}
		return assessment.NewFileError(path, assessment.CodeInUse, nil, err)
	}
	f.Close()
	return replaceable(path)
}
