package files

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"time"
)

// LockInfo says who has an assessment file open for editing, or is writing
// it. It is kept beside the file (so that it is seen across a shared
// folder) in a hidden file named like LibreOffice's: ".~lock.NAME#".
type LockInfo struct {
	User  string    `json:"user"`
	Host  string    `json:"host"`
	PID   int       `json:"pid"`
	Since time.Time `json:"since"`
}

// maxLockSize bounds what is read of a lock file: a lock is a few hundred bytes.
const maxLockSize = 64 << 10

// LockPath is the lock file of an assessment file.
func LockPath(path string) string {
	return filepath.Join(filepath.Dir(path), ".~lock."+filepath.Base(path)+"#")
}

func currentLock(now time.Time) LockInfo {
	host, _ := os.Hostname()
	name := ""
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	return LockInfo{User: name, Host: host, PID: os.Getpid(), Since: now.UTC().Truncate(time.Second)}
}

// Lock marks path as open for editing by this process. If another live
// process (here or on another computer) holds it, Lock leaves its lock in
// place and returns it, so that the caller can warn; a lock left by a
// process of this computer that no longer runs is taken over. Failing to
// write the lock (a read-only folder) is not an error: locking only warns.
// Neither is a lock that cannot be read (another user's, private): it is
// left in place, and there is no one to name in a warning.
func Lock(path string, now time.Time) (other *LockInfo) {
	held, _ := acquire(LockPath(path), currentLock(now), true)
	if held != nil && *held == (LockInfo{}) {
		return nil
	}
	return held
}

// ReadLock returns the lock of path, if any: a line in LibreOffice's
// format (ours or LibreOffice's own) or the JSON of earlier versions.
func ReadLock(path string) (LockInfo, bool) {
	data, err := ReadRegular(LockPath(path), maxLockSize)
	if err != nil {
		return LockInfo{}, false
	}
	return parseLock(data)
}

// HeldByOther returns the lock of path when another process holds it.
func HeldByOther(path string) *LockInfo {
	held, ok := ReadLock(path)
	if !ok {
		return nil
	}
	me := currentLock(time.Now())
	if mine(held, me) || stale(held, me) {
		return nil
	}
	return &held
}

// Unlock removes this process's lock of path (never another's).
func Unlock(path string) {
	held, ok := ReadLock(path)
	if ok && mine(held, currentLock(time.Now())) {
		os.Remove(LockPath(path))
	}
}

// mine reports whether held is the lock of this very process.
func mine(held, me LockInfo) bool { return held.Host == me.Host && held.PID == me.PID }

// stale reports whether held was left by a process of this computer that
// no longer runs. A lock without a process number (LibreOffice's) or of
// another computer is never stale: whether its holder still runs cannot
// be known from here.
func stale(held, me LockInfo) bool {
	return held.Host == me.Host && held.PID > 0 && held.PID != me.PID && !processAlive(held.PID)
}

// createLock creates the lock file lp with me's line, atomically: it fails
// with fs.ErrExist when any lock is there. A lock file that could not be
// written whole is removed again.
func createLock(lp string, me LockInfo) error {
	f, err := os.OpenFile(lp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(formatLock(me))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(lp)
	}
	return err
}

// errNoLockFile says that a lock file could not be made (a read-only
// folder, a full disk): no one else can lock there either, and the
// caller's own write is what reports the problem.
var errNoLockFile = errors.New("the lock file cannot be made")

// takeOverAttempts bounds how often acquire removes a stale lock and tries
// again, so that two processes taking over one lock never loop.
const takeOverAttempts = 4

// acquire creates the lock file lp for me. It returns the holder when
// someone else holds it: another computer, a live process, LibreOffice, or
// (unless ownOK) this very process; a stale lock of this computer is
// removed and the creation tried again. An unreadable lock (no permission)
// is held by someone unknown: a zero LockInfo.
func acquire(lp string, me LockInfo, ownOK bool) (*LockInfo, error) {
	held := &LockInfo{}
	for range takeOverAttempts {
		err := createLock(lp, me)
		if err == nil {
			return nil, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, errors.Join(errNoLockFile, err)
		}
		data, info, state := readSettled(lp)
		switch state {
		case lockGone:
			continue
		case lockUnreadable:
			return &LockInfo{}, nil
		case lockValid:
			if ownOK && mine(info, me) {
				return nil, nil
			}
			if !stale(info, me) {
				return &info, nil
			}
			held = &info
		}
		takeOver(lp, data)
	}
	return held, nil
}

// What readSettled found at a lock path.
const (
	lockValid      = iota // a lock, parsed
	lockGone              // no file any more
	lockUnreadable        // a file this user may not read: held, by someone unknown
	lockGarbage           // a file that is no lock, even after its writer had time to finish
)

// readSettled reads the lock file lp. A file that does not parse may be
// one being written right now (created empty, then written): it is read
// again for up to half a second before it counts as garbage, left by a
// writer that died between the two steps.
func readSettled(lp string) ([]byte, LockInfo, int) {
	for try := 0; ; try++ {
		data, err := ReadRegular(lp, maxLockSize)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, LockInfo{}, lockGone
		}
		if err != nil {
			return nil, LockInfo{}, lockUnreadable
		}
		if info, ok := parseLock(data); ok {
			return data, info, lockValid
		}
		if try == 25 {
			return data, LockInfo{}, lockGarbage
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// takeOver removes the lock file lp if it still holds seen, a stale lock
// or garbage. Two processes may find the same stale lock: an
// operating-system lock on a guard file beside it lets one at a time
// compare and remove, so that one never removes the lock the other has
// just made in its place.
func takeOver(lp string, seen []byte) {
	guard, err := TryLockFile(lp + ".take")
	if err != nil {
		time.Sleep(20 * time.Millisecond) // another process is taking it over
		return
	}
	defer guard.Remove()
	if data, err := ReadRegular(lp, maxLockSize); err == nil && bytes.Equal(data, seen) {
		os.Remove(lp)
	}
}

// HeldError is what LockForWriting returns when someone else holds the
// file: Holder names them (zero when their lock cannot be read).
type HeldError struct {
	Path   string
	Holder LockInfo
}

func (e *HeldError) Error() string {
	return e.Path + ": " + "the file is locked by " + e.Holder.User + " on " + e.Holder.Host
}

// WriteLock is an exclusive lock taken for writing a file.
type WriteLock struct {
	path string
	me   LockInfo
}

// LockForWriting takes path's lock for a writer that must be alone: its
// lock file is created atomically, in the format LibreOffice reads, and
// any live holder (the window, another writer, LibreOffice, another
// computer, even this process) makes it return a *HeldError. A stale lock
// of this computer is taken over. A folder where no lock file can be made
// is one no one can write to: LockForWriting then returns a nil lock and
// no error, and the writer's own write reports the problem.
func LockForWriting(path string, now time.Time) (*WriteLock, error) {
	me := currentLock(now)
	held, err := acquire(LockPath(path), me, false)
	if errors.Is(err, errNoLockFile) {
		return nil, nil
	}
	if held != nil {
		return nil, &HeldError{Path: path, Holder: *held}
	}
	return &WriteLock{path: path, me: me}, err
}

// Release removes the lock if it is still this writer's. It does nothing
// on a nil lock.
func (l *WriteLock) Release() {
	if l == nil {
		return
	}
	lp := LockPath(l.path)
	if data, err := ReadRegular(lp, maxLockSize); err == nil && bytes.Equal(data, formatLock(l.me)) {
		os.Remove(lp)
	}
}

// parseLock reads a lock file's content: LibreOffice's line, or the JSON
// object of earlier versions of this app.
func parseLock(data []byte) (LockInfo, bool) {
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '{' {
		var info LockInfo
		if json.Unmarshal(trimmed, &info) != nil {
			return LockInfo{}, false
		}
		return info, true
	}
	return parseLockLine(data)
}
