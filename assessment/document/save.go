package document

import (
	"errors"
	"os"

	"creativecity/assessment/files"
)

// The conditions that stop a save. ErrNoPath means the view must ask for
// a file name; the others come wrapped in a *Conflict.
var (
	ErrNoPath        = errors.New("the assessment was never saved: a file name is needed")
	ErrHeldByOther   = errors.New("the file is open in another editor")
	ErrChangedOnDisk = errors.New("the file was changed by someone else since it was opened or saved")
)

// Conflict is what Save and SaveAs return instead of overwriting a file
// that someone else holds or has changed: another user's work would be
// lost silently. The view asks the user and, if they agree, calls
// SaveOverwriting(Path). errors.Is(err, ErrHeldByOther) and
// errors.Is(err, ErrChangedOnDisk) tell the two apart.
type Conflict struct {
	Path   string
	Reason error           // ErrHeldByOther or ErrChangedOnDisk
	HeldBy *files.LockInfo // the other editor, for ErrHeldByOther
}

func (c *Conflict) Error() string { return c.Path + ": " + c.Reason.Error() }

// Unwrap returns the reason, for errors.Is.
func (c *Conflict) Unwrap() error { return c.Reason }

// Save writes the assessment to its file. It returns ErrNoPath for work
// never saved, a *Conflict rather than overwrite a file held or changed by
// someone else, or the store's *assessment.FileError.
func (d *Document) Save() error {
	if d.path == "" {
		return ErrNoPath
	}
	return d.SaveAs(d.path)
}

// SaveAs writes the assessment to path, which becomes the document's file.
// Like Save, it returns a *Conflict rather than overwrite a file another
// editor holds, or the current file if it changed on disk since last seen.
//
// A new file name (not the document's own file) that Windows cannot use is
// refused with the *assessment.FileError of files.CheckName, so that
// the file can be opened on any computer.
func (d *Document) SaveAs(path string) error {
	if path != d.path {
		if err := files.CheckName(path); err != nil {
			return err
		}
	}
	if err := d.conflict(path); err != nil {
		return err
	}
	return d.SaveOverwriting(path)
}

// SaveOverwriting writes the assessment to path without the checks of
// SaveAs: call it once the user agreed to overwrite. The write is atomic
// and keeps the previous version as a .bak; on failure the document is
// unchanged. On success the recovery copy is discarded, since the file
// now holds the work.
func (d *Document) SaveOverwriting(path string) error {
	if path == "" {
		return ErrNoPath
	}
	if err := files.Save(path, d.doc); err != nil {
		return err
	}
	moved := path != d.path
	if moved {
		d.moveLock(path)
	}
	d.path, d.dirty = path, false
	d.savedAt = d.opts.Now()
	d.seenModTime = modTime(path)
	d.discard()
	if moved {
		d.rescore() // the problems name the new file
	}
	d.notify()
	return nil
}

// conflict returns why saving to path would overwrite someone else's
// work, if it would. Only the current file has a last-seen time to
// compare with; any file can be held by another editor.
func (d *Document) conflict(path string) error {
	if other := files.HeldByOther(path); other != nil {
		return &Conflict{Path: path, Reason: ErrHeldByOther, HeldBy: other}
	}
	if path == d.path && d.changedOnDisk() {
		return &Conflict{Path: path, Reason: ErrChangedOnDisk}
	}
	return nil
}

// changedOnDisk reports whether the file was modified since this document
// last read or wrote it. A file that is gone is not "changed": saving
// writes it anew.
func (d *Document) changedOnDisk() bool {
	if d.path == "" || d.seenModTime.IsZero() {
		return false
	}
	info, err := os.Stat(d.path)
	return err == nil && !info.ModTime().Equal(d.seenModTime)
}
