package document

import (
	"encoding/json"
	"time"

	"creativecity/assessment"
)

// recoveryCopy is the content of a copy's work file: the work and the
// facts needed to decide whether it is newer than its file, in one file
// written atomically, so that a kill at any moment leaves either the
// previous copy or the new one, never the work of one document paired with
// another's file name. Its JSON is the one earlier versions of the app
// wrote (plus the city), so that their copies stay readable.
type recoveryCopy struct {
	recoveryInfo
	Assessment json.RawMessage `json:"assessment"`
}

// recoveryInfo describes an autosaved copy.
type recoveryInfo struct {
	Path        string    `json:"path"`           // the file the work belongs to; "" if never saved
	City        string    `json:"city,omitempty"` // the city's name, for people and scripts reading the folder
	AutosavedAt time.Time `json:"autosavedAt"`
	// FileModTime is the modification time of Path when it was last opened
	// or saved by the app: if the file still has it, the autosave holds
	// later work whatever the clocks say.
	FileModTime time.Time `json:"fileModTime"`
}

// FileState says what the start found of the file a recovered copy
// belongs to.
type FileState int

const (
	// NeverSaved: the work has no file; the copy is all there is.
	NeverSaved FileState = iota
	// FileOlder: the file holds earlier work than the copy.
	FileOlder
	// FileGone: the file is no longer there; the copy is all there is.
	FileGone
	// FileUnreachable: the file cannot be checked now (access denied, a
	// network folder offline, a drive not mounted): the copy is offered
	// all the same, since it may hold the only version of the work.
	FileUnreachable
)

// Recovery is autosaved work that no running window holds, found at start
// for the view to offer. Until it is restored, discarded or kept, this
// document holds its lock, so that another window starting meanwhile does
// not offer it too.
type Recovery struct {
	doc   *assessment.Assessment
	info  recoveryInfo
	state FileState
	slot  *slot // nil once restored, discarded or kept
}

// CityName returns the name of the city of the recovered work ("" if it
// has none yet).
func (r *Recovery) CityName() string { return r.doc.City.Name }

// Path returns the file the work belongs to; "" if it was never saved.
func (r *Recovery) Path() string { return r.info.Path }

// AutosavedAt returns when the work was autosaved, in local time (the copy
// records it in UTC).
func (r *Recovery) AutosavedAt() time.Time { return r.info.AutosavedAt.Local() }

// FileState returns what the start found of the work's file.
func (r *Recovery) FileState() FileState { return r.state }

// CopyFile returns the copy's work file in the recovery folder.
func (r *Recovery) CopyFile() string {
	if r.slot == nil {
		return ""
	}
	return r.slot.file()
}

// Discard removes the copy: the user does not want the work back. It does
// nothing once the copy was restored, discarded or kept.
func (r *Recovery) Discard() {
	if r.slot != nil {
		r.slot.remove()
		r.slot = nil
	}
}

// Keep leaves the copy for a later start and lets other windows offer it.
// It does nothing once the copy was restored, discarded or kept.
func (r *Recovery) Keep() {
	if r.slot != nil {
		r.slot.release()
		r.slot = nil
	}
}

// RecoveryFile returns this document's own autosaved copy; "" if there is
// none (no unsaved changes autosaved, or autosave off).
func (d *Document) RecoveryFile() string {
	if d.slot == nil {
		return ""
	}
	return d.slot.file()
}

// Autosave copies unsaved changes to this document's own copy in the
// recovery folder, so that a crash or power cut loses at most the work
// since. The copy is made, under a new name and locked, at the first
// autosave; later ones replace it atomically. It does nothing when there
// are no unsaved changes or autosave is off. On failure the previous copy
// stays as it was.
func (d *Document) Autosave() error {
	if !d.dirty || d.opts.RecoveryDir == "" {
		return nil
	}
	at := d.opts.Now()
	data, err := d.recoveryData(at)
	if err != nil {
		return err
	}
	if d.slot == nil {
		s, err := newSlot(d.opts.RecoveryDir, at)
		if err != nil {
			return err
		}
		d.slot = s
	}
	if err := d.slot.write(data); err != nil {
		return err
	}
	d.autosavedAt = at
	d.notify()
	return nil
}

// recoveryData returns the content of the copy for the work as it is at
// time at. Encoding normalises text, so it works on a copy: the
// assessment being edited stays exactly as the user typed it.
func (d *Document) recoveryData(at time.Time) ([]byte, error) {
	doc, err := assessment.Encode(d.doc.Clone())
	if err != nil {
		return nil, err
	}
	return json.Marshal(recoveryCopy{
		recoveryInfo: recoveryInfo{Path: d.path, City: d.doc.City.Name, AutosavedAt: at.UTC(), FileModTime: d.seenModTime},
		Assessment:   doc,
	})
}

// Discard removes this document's copy, when the user discards the unsaved
// changes (saving removes it too).
func (d *Document) Discard() {
	d.discard()
	d.notify()
}

func (d *Document) discard() {
	if d.slot != nil {
		d.slot.remove()
		d.slot = nil
	}
	d.autosavedAt = time.Time{}
}

// Restore makes recovered work the document, with unsaved changes, on the
// file it belongs to (locked again). The document takes the copy over as
// its own: later autosaves replace it, and saving or discarding removes
// it. The file as the app last saw it is the one recorded in the copy, so
// that saving still asks if someone else changed the file since. A copy
// already restored, discarded or kept is not restored.
func (d *Document) Restore(r *Recovery) {
	if r.slot == nil {
		return
	}
	d.discard()
	d.slot, r.slot = r.slot, nil
	d.moveLock(r.info.Path)
	d.migrated = d.qn.Migrate(r.doc)
	d.doc, d.path, d.dirty = r.doc, r.info.Path, true
	d.autosavedAt = r.AutosavedAt()
	d.seenModTime, d.savedAt = r.info.FileModTime, r.info.FileModTime
	d.rescore()
	d.notify()
}
