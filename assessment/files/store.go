// Package files is where assessment files meet the file system: loading
// and saving .ccsa files (atomically, keeping the previous version as a
// backup), reading only regular files and never blocking on a pipe or a
// device, checking a target before writing over it (a folder, a file
// marked read-only or held by another program, a name Windows refuses),
// the lock file that warns a second editor, and the operating system's
// lock on the app's own storage. Every program and package that reads or
// writes a file the user chose goes through here.
//
// The file format itself (Decode, Encode, Unicode normalisation) and the
// FileError every function here returns belong to package assessment,
// which does not import this one.
package files

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"creativecity/assessment"
)

// MaxFileSize is the largest assessment file Load reads. A full assessment
// with generous evidence is well under 1 MiB; 8 MiB leaves room for texts
// far longer than any form asks, while every limit of reading a workbook
// (xlsxkit) is derived from it: a report of the largest file accepted must
// still import, within bounded memory.
const MaxFileSize = 8 << 20

// BackupSuffix is appended to a file's name for the copy of its previous version.
const BackupSuffix = ".bak"

// Load reads an assessment file. It never modifies the file. The error,
// if any, is a *assessment.FileError naming the file and the problem.
func Load(path string) (*assessment.Assessment, error) {
	data, err := ReadRegular(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return assessment.Decode(data, path)
}

// Save writes the assessment to path atomically: the content goes to a
// temporary file in the same folder, is flushed to disk and renamed over
// the target, so that a crash leaves either the old or the new file. The
// previous version is kept as path + ".bak". A target written by a newer
// schema, a folder or anything else but a regular file, a file marked
// read-only or one another program holds open (see CheckWritable) is
// refused, never overwritten. Save sets UpdatedAt.
func Save(path string, a *assessment.Assessment) error {
	if err := CheckWritable(path); err != nil {
		return err
	}
	previous := a.UpdatedAt
	a.UpdatedAt = time.Now().UTC().Truncate(time.Second)
	data, err := assessment.Encode(a)
	if err != nil {
		a.UpdatedAt = previous
		return assessment.NewFileError(path, assessment.CodeWriteFailed, assessment.Args{"Detail": assessment.TextArg(err.Error())}, err)
	}
	if err := CheckSize(path, data); err != nil {
		// The entries stay in the window (and its recovery copy) until
		// the texts are shortened.
		a.UpdatedAt = previous
		return err
	}
	if err := WriteWithBackup(path, data); err != nil {
		a.UpdatedAt = previous
		return err
	}
	return nil
}

// CheckSize refuses the encoded assessment data when it is larger than
// Load accepts: written to path, it could not be opened again.
func CheckSize(path string, data []byte) error {
	if len(data) <= MaxFileSize {
		return nil
	}
	return assessment.NewFileError(path, assessment.CodeTooLargeToSave, assessment.Args{
		"Size": assessment.CountArg(len(data)), "Limit": assessment.CountArg(int64(MaxFileSize))}, nil)
}

// MaxRecoverySize bounds a recovery copy read back. The copy is the app's
// own private file and may hold work grown past MaxFileSize, which Save
// refuses until its texts are shortened: that work is still recovered.
const MaxRecoverySize = 4 * MaxFileSize

// WriteWithBackup keeps the current content of path, if any, as
// path + ".bak", then writes data to path atomically. A target that
// CheckWritable refuses (a file marked read-only, one another program
// holds open) or an assessment file of a newer schema (refuseNewer: every
// writer, not Save alone) is left untouched, and so is its backup.
func WriteWithBackup(path string, data []byte) error {
	if err := CheckWritable(path); err != nil {
		return err
	}
	if err := refuseNewer(path); err != nil {
		return err
	}
	if err := backup(path); err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// refuseNewer refuses a target that a newer version of the app wrote
// (assessment.CheckOverwrite). A target that cannot be read is left to the
// write's own checks.
func refuseNewer(path string) error {
	old, err := ReadRegular(path, MaxFileSize)
	if err != nil {
		return nil
	}
	return assessment.CheckOverwrite(path, old)
}

// backup copies the current content of path, if any, to path + ".bak",
// itself atomically and with the mode of the file it copies. The copy
// streams: however large the old target, reading it costs a buffer, never
// its size in memory. An empty file is no version worth keeping: it never
// replaces a backup. Anything but a regular file is refused.
func backup(path string) error {
	old, info, err := OpenRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer old.Close()
	if info.Size() == 0 {
		return nil
	}
	return writeAtomic(path+BackupSuffix, 0o666, info.Mode().Perm(), func(tmp *os.File) error {
		if _, err := io.Copy(tmp, old); err != nil {
			return ioError(path, err, assessment.CodeReadFailed)
		}
		return nil
	})
}

// WriteFileAtomic writes data to path through a synced temporary file in
// the same folder and a rename. On failure the target is untouched and the
// temporary file removed. A target that is not a regular file (a folder, a
// device, a pipe) is refused. A new file gets the mode the user's umask
// gives (0666 less the umask, as any program's new file), a replaced file
// keeps its own, so that a file shared with a group stays shared. The
// error is a *assessment.FileError.
func WriteFileAtomic(path string, data []byte) error {
	perm := fs.FileMode(0)
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
		perm = info.Mode().Perm()
	}
	return writeAtomic(path, 0o666, perm, writeData(data))
}

// WritePrivateFileAtomic is WriteFileAtomic for a file only its owner may
// read, whatever the umask: the autosaved work, the recovery record, a
// lock.
func WritePrivateFileAtomic(path string, data []byte) error {
	return writeAtomic(path, 0o600, 0, writeData(data))
}

// writeData fills a temporary file with data.
func writeData(data []byte) func(*os.File) error {
	return func(tmp *os.File) error {
		if _, err := tmp.Write(data); err != nil {
			return err
		}
		return nil
	}
}

// writeAtomic fills a new temporary file beside path (created with
// O_EXCL and mode create, which the umask reduces; then given mode perm
// unless perm is 0), flushes it and renames it over path.
func writeAtomic(path string, create, perm fs.FileMode, fill func(*os.File) error) (err error) {
	if err := checkTarget(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, filepath.Base(path), create)
	if err != nil {
		return ioError(path, err, assessment.CodeWriteFailed)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if perm != 0 {
		if err = tmp.Chmod(perm); err != nil {
			return ioError(path, err, assessment.CodeWriteFailed)
		}
	}
	if err = fill(tmp); err != nil {
		var fe *assessment.FileError
		if errors.As(err, &fe) {
			return err
		}
		return ioError(path, err, assessment.CodeWriteFailed)
	}
	if err = tmp.Sync(); err != nil {
		return ioError(path, err, assessment.CodeWriteFailed)
	}
	if err = tmp.Close(); err != nil {
		return ioError(path, err, assessment.CodeWriteFailed)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return ioError(path, err, assessment.CodeWriteFailed)
	}
	syncDir(dir)
	removeStaleTemps(dir, filepath.Base(path))
	return nil
}

// createTemp creates a new file named ".BASE.RANDOM.tmp" in dir,
// exclusively (O_EXCL: never one that exists, nor through a link put
// there) and with mode perm before the umask.
func createTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	var b [8]byte
	for try := 0; ; try++ {
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(b[:])+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil || !errors.Is(err, fs.ErrExist) || try == 100 {
			return f, err
		}
	}
}

// staleTempAge is how old a temporary file of an interrupted save must be
// before a later save removes it (younger ones may belong to a save under way).
const staleTempAge = 10 * time.Minute

// removeStaleTemps removes temporary files that saves of the same file left
// when they were interrupted (a crash, a power cut).
func removeStaleTemps(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*.tmp"))
	for _, m := range matches {
		if info, err := os.Stat(m); err == nil && time.Since(info.ModTime()) > staleTempAge {
			os.Remove(m)
		}
	}
}

// globEscape quotes the pattern characters of a file name.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// syncDir flushes a folder's entries so that a rename survives a power
// cut. Not every system can open a folder for that; the rename stands anyway.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// ioError classifies an operating-system error into an assessment.FileError.
func ioError(path string, err error, fallback string) *assessment.FileError {
	if code := systemCode(path, err); code != "" {
		return assessment.NewFileError(path, code, nil, err)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return assessment.NewFileError(path, assessment.CodeNotFound, nil, err)
	case errors.Is(err, fs.ErrPermission):
		return assessment.NewFileError(path, assessment.CodePermission, nil, err)
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EFBIG):
		return assessment.NewFileError(path, assessment.CodeDiskFull, nil, err)
	case errors.Is(err, syscall.EISDIR):
		return assessment.NewFileError(path, assessment.CodeIsDir, nil, err)
	case errors.Is(err, syscall.EROFS):
		return assessment.NewFileError(path, assessment.CodeReadOnlyFS, nil, err)
	}
	detail := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		detail = pe.Err.Error()
	}
	return assessment.NewFileError(path, fallback, assessment.Args{"Detail": assessment.TextArg(detail)}, fmt.Errorf("%w", err))
}
