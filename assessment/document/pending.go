package document

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/files"
)

// fileCheckTimeout is how long the start waits for the file of a copy to
// answer: a file on a network folder that went offline can keep the
// system busy for a minute, and the window must not wait for it.
var fileCheckTimeout = 3 * time.Second

// statFile examines a file (tests replace it with failures and delays).
var statFile = os.Stat

// Pending returns, newest first, the autosaved copies worth offering at
// start: those that no running window holds (their window ended without
// saving or discarding its work: a crash, a kill, a power cut) holding
// work never saved, newer than its file, whose file is gone, or whose file
// cannot be checked now (FileState tells which). A copy left by an earlier
// version of the app is taken over and offered too.
//
// The document holds the locks of the copies offered until each is
// restored, discarded or kept; Close and a later Pending keep those left.
// A copy older than its file is removed, since the file holds later work;
// a copy that cannot be read is neither offered nor removed.
func (d *Document) Pending() []*Recovery {
	d.keepOffered()
	dir := d.opts.RecoveryDir
	if dir == "" {
		return nil
	}
	takeOverLegacy(dir, d.opts.Now())
	removeLeftovers(dir)
	names, _ := filepath.Glob(filepath.Join(dir, "*"+copyExt))
	var found []*Recovery
	for _, name := range names {
		id := strings.TrimSuffix(filepath.Base(name), copyExt)
		if d.slot != nil && id == d.slot.id {
			continue
		}
		s, err := lockSlot(dir, id)
		if err != nil {
			continue // a running window holds it
		}
		if r, ok := readRecovery(s); ok {
			found = append(found, r)
		}
	}
	offer := checkFiles(found)
	var offered []*Recovery
	for i, r := range found {
		if offer[i] {
			offered = append(offered, r)
		} else {
			r.Discard()
		}
	}
	slices.SortStableFunc(offered, func(a, b *Recovery) int { return b.info.AutosavedAt.Compare(a.info.AutosavedAt) })
	d.offered = offered
	return offered
}

// keepOffered keeps the copies offered and not yet answered.
func (d *Document) keepOffered() {
	for _, r := range d.offered {
		r.Keep()
	}
	d.offered = nil
}

// readRecovery reads a locked copy, refusing one too large to be an
// assessment's copy or that does not decode; it releases the lock of a
// copy it cannot offer, and removes the lock of a copy that is gone.
func readRecovery(s *slot) (*Recovery, bool) {
	file := s.file()
	st, err := os.Stat(file)
	if errors.Is(err, fs.ErrNotExist) {
		s.lock.Remove() // its window saved or discarded the work meanwhile
		return nil, false
	}
	if err != nil || st.Size() > files.MaxRecoverySize {
		s.release()
		return nil, false
	}
	var rc recoveryCopy
	data, err := files.ReadRegular(file, files.MaxRecoverySize)
	if err == nil {
		err = json.Unmarshal(data, &rc)
	}
	var doc *assessment.Assessment
	if err == nil {
		doc, err = assessment.Decode(rc.Assessment, file)
	}
	if err != nil {
		s.release()
		return nil, false
	}
	return &Recovery{doc: doc, info: rc.recoveryInfo, slot: s}, true
}

// checkFiles finds the FileState of each copy's file, all at once, and
// says which copies to offer. A file that does not answer within
// fileCheckTimeout counts as unreachable.
func checkFiles(rs []*Recovery) []bool {
	type result struct {
		i     int
		state FileState
		offer bool
	}
	answers := make(chan result, len(rs))
	offer := make([]bool, len(rs))
	stat := statFile
	for i, r := range rs {
		r.state, offer[i] = FileUnreachable, true
		info := r.info
		go func() {
			state, ok := fileState(info, stat)
			answers <- result{i, state, ok}
		}()
	}
	timeout := time.After(fileCheckTimeout)
	for range rs {
		select {
		case a := <-answers:
			rs[a.i].state, offer[a.i] = a.state, a.offer
		case <-timeout:
			return offer
		}
	}
	return offer
}

// fileState examines the file of a copy and says whether the copy holds
// later work. The file's modification time decides first, because clocks
// can go backwards; the autosave time only when the file was changed. A
// file that is missing from a folder that is there is gone; one whose
// folder cannot be reached (a drive or network folder not connected)
// cannot be checked.
func fileState(info recoveryInfo, stat func(string) (fs.FileInfo, error)) (FileState, bool) {
	if info.Path == "" {
		return NeverSaved, true // the autosave is all there is
	}
	st, err := stat(info.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, err := stat(filepath.Dir(info.Path)); err == nil {
			return FileGone, true
		}
		return FileUnreachable, true
	case err != nil:
		return FileUnreachable, true
	case st.ModTime().Equal(info.FileModTime):
		return FileOlder, true // the file is as the app last saw it, whatever the clock says
	default:
		return FileOlder, st.ModTime().Before(info.AutosavedAt) // false: saved after the autosave
	}
}

// takeOverLegacy gives the copy of an earlier version of the app a name
// of its own, so that it is offered, restored and removed like the others.
func takeOverLegacy(dir string, now time.Time) {
	legacy := filepath.Join(dir, LegacyRecoveryFile)
	if _, err := os.Stat(legacy); err != nil {
		return
	}
	s, err := newSlot(dir, now)
	if err != nil {
		return
	}
	if err := os.Rename(legacy, s.file()); err != nil {
		s.lock.Remove() // another window took it over first
		return
	}
	syncDir(dir)
	s.release()
}

// staleTempAge is how old a temporary file of an interrupted autosave
// must be before the start removes it (younger ones may be being written).
const staleTempAge = 10 * time.Minute

// removeLeftovers removes what killed windows leave besides their copies:
// lock files that no window holds and whose copy is gone (a kill between
// removing a copy and its lock), and old temporary files of autosaves
// under way.
func removeLeftovers(dir string) {
	locks, _ := filepath.Glob(filepath.Join(dir, "*"+lockExt))
	for _, l := range locks {
		id := strings.TrimSuffix(filepath.Base(l), lockExt)
		if exists(filepath.Join(dir, id+copyExt)) {
			continue
		}
		s, err := lockSlot(dir, id)
		if err != nil {
			continue
		}
		if exists(s.file()) {
			s.release()
		} else {
			s.lock.Remove()
		}
	}
	temps, _ := filepath.Glob(filepath.Join(dir, ".*"+copyExt+".*.tmp"))
	for _, t := range temps {
		if st, err := os.Stat(t); err == nil && time.Since(st.ModTime()) > staleTempAge {
			os.Remove(t)
		}
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// syncDir flushes a folder's entries so that a rename survives a power cut.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}
