package files

import (
	"encoding/json"
	"os"
	"os/user"
	"path/filepath"
	"time"
)

// LockInfo says who has an assessment file open for editing. It is kept
// beside the file (so that it is seen across a shared folder) in a hidden
// file named like LibreOffice's: ".~lock.NAME#".
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
func Lock(path string, now time.Time) (other *LockInfo) {
	me := currentLock(now)
	if held, ok := ReadLock(path); ok && !(held.Host == me.Host && held.PID == me.PID) {
		if held.Host != me.Host || processAlive(held.PID) {
			return &held
		}
	}
	data, _ := json.Marshal(me)
	_ = WritePrivateFileAtomic(LockPath(path), data)
	return nil
}

// ReadLock returns the lock of path, if any.
func ReadLock(path string) (LockInfo, bool) {
	var info LockInfo
	data, err := ReadRegular(LockPath(path), maxLockSize)
	if err != nil || json.Unmarshal(data, &info) != nil {
		return info, false
	}
	return info, true
}

// HeldByOther returns the lock of path when another process holds it.
func HeldByOther(path string) *LockInfo {
	held, ok := ReadLock(path)
	if !ok {
		return nil
	}
	me := currentLock(time.Now())
	if held.Host == me.Host && (held.PID == me.PID || !processAlive(held.PID)) {
		return nil
	}
	return &held
}

// Unlock removes this process's lock of path (never another's).
func Unlock(path string) {
	held, ok := ReadLock(path)
	me := currentLock(time.Now())
	if ok && held.Host == me.Host && held.PID == me.PID {
		os.Remove(LockPath(path))
	}
}
