package document

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"creativecity/assessment"
)

// RecoveryFile is the name of the autosaved copy in Options.RecoveryDir:
// the work and the facts needed to decide whether it is newer than its
// file, in one file written atomically, so that a kill at any moment
// leaves either the previous copy or the new one, never the work of one
// document paired with another's file name.
const RecoveryFile = "recovery.json"

// recoveryCopy is the content of the recovery file. Its JSON is the one
// earlier versions of the app wrote, so that their copies stay readable.
type recoveryCopy struct {
	recoveryInfo
	Assessment json.RawMessage `json:"assessment"`
}

// recoveryInfo describes an autosaved copy.
type recoveryInfo struct {
	Path        string    `json:"path"` // the file the work belongs to; "" if never saved
	AutosavedAt time.Time `json:"autosavedAt"`
	// FileModTime is the modification time of Path when it was last opened
	// or saved by the app: if the file still has it, the autosave holds
	// later work whatever the clocks say.
	FileModTime time.Time `json:"fileModTime"`
}

// Recovery is autosaved work found at start, for the view to offer.
type Recovery struct {
	doc  *assessment.Assessment
	info recoveryInfo
}

// CityName returns the name of the city of the recovered work ("" if it
// has none yet).
func (r *Recovery) CityName() string { return r.doc.City.Name }

// Path returns the file the work belongs to; "" if it was never saved.
func (r *Recovery) Path() string { return r.info.Path }

// AutosavedAt returns when the work was autosaved, in local time (the copy
// records it in UTC).
func (r *Recovery) AutosavedAt() time.Time { return r.info.AutosavedAt.Local() }

// recoveryPath returns the recovery file; "" when autosave is off.
func (d *Document) recoveryPath() string {
	if d.opts.RecoveryDir == "" {
		return ""
	}
	return filepath.Join(d.opts.RecoveryDir, RecoveryFile)
}

// Autosave copies unsaved changes to the recovery folder, so that a crash
// or power cut loses at most the work since. It does nothing when there
// are no unsaved changes or autosave is off. On failure the previous copy
// stays as it was.
func (d *Document) Autosave() error {
	file := d.recoveryPath()
	if !d.dirty || file == "" {
		return nil
	}
	at := d.opts.Now()
	data, err := d.recoveryData(at)
	if err == nil {
		err = os.MkdirAll(d.opts.RecoveryDir, 0o700)
	}
	if err == nil {
		err = assessment.WriteFileAtomic(file, data)
	}
	if err != nil {
		return err
	}
	d.autosavedAt = at
	d.notify()
	return nil
}

// recoveryData returns the content of the recovery file for the work as
// it is at time at. Encoding normalises text, so it works on a copy: the
// assessment being edited stays exactly as the user typed it.
func (d *Document) recoveryData(at time.Time) ([]byte, error) {
	doc, err := assessment.Encode(d.doc.Clone())
	if err != nil {
		return nil, err
	}
	return json.Marshal(recoveryCopy{
		recoveryInfo: recoveryInfo{Path: d.path, AutosavedAt: at.UTC(), FileModTime: d.seenModTime},
		Assessment:   doc,
	})
}

// Discard removes the recovery copy, when the user discards the unsaved
// changes (saving removes it too).
func (d *Document) Discard() {
	d.discard()
	d.notify()
}

func (d *Document) discard() {
	if file := d.recoveryPath(); file != "" {
		os.Remove(file)
	}
	d.autosavedAt = time.Time{}
}

// Pending returns the autosaved work worth offering at start: work never
// saved, or work newer than its file. A copy that cannot be read is not
// offered (and is left in place).
func (d *Document) Pending() (*Recovery, bool) {
	rc, ok := d.readRecovery()
	if !ok {
		return nil, false
	}
	doc, err := assessment.Decode(rc.Assessment, d.recoveryPath())
	if err != nil || !newerThanFile(rc.recoveryInfo) {
		return nil, false
	}
	return &Recovery{doc: doc, info: rc.recoveryInfo}, true
}

// readRecovery reads the recovery file, refusing one too large to be an
// assessment's copy.
func (d *Document) readRecovery() (recoveryCopy, bool) {
	var rc recoveryCopy
	file := d.recoveryPath()
	if file == "" {
		return rc, false
	}
	data, err := assessment.ReadRegular(file, assessment.MaxFileSize)
	if err != nil || json.Unmarshal(data, &rc) != nil {
		return rc, false
	}
	return rc, true
}

// newerThanFile reports whether an autosaved copy holds later work than
// its file. The file's modification time decides first, because clocks
// can go backwards; the autosave time only when the file was changed.
func newerThanFile(info recoveryInfo) bool {
	if info.Path == "" {
		return true // never saved: the autosave is all there is
	}
	st, err := os.Stat(info.Path)
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return false // the file cannot be examined (a drive not mounted yet)
	case err != nil:
		return true // the file is gone: the autosave is all there is
	case st.ModTime().Equal(info.FileModTime):
		return true // the file is as the app last saw it, whatever the clock says
	default:
		return st.ModTime().Before(info.AutosavedAt) // false: saved after the autosave
	}
}

// Restore makes recovered work the document, with unsaved changes, on the
// file it belongs to (locked again). The file as the app last saw it is
// the one recorded in the copy, so that saving still asks if someone else
// changed the file since. r must not be restored twice.
func (d *Document) Restore(r *Recovery) {
	d.moveLock(r.info.Path)
	d.migrated = d.qn.Migrate(r.doc)
	d.doc, d.path, d.dirty = r.doc, r.info.Path, true
	d.autosavedAt = r.AutosavedAt()
	d.seenModTime, d.savedAt = r.info.FileModTime, r.info.FileModTime
	d.rescore()
	d.notify()
}
