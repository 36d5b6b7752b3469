package files

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func writeLock(t *testing.T, path string, info LockInfo) {
	t.Helper()
	data, _ := json.Marshal(info)
	if err := os.WriteFile(LockPath(path), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestASecondEditorIsWarned(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if other := Lock(path, now); other != nil {
		t.Fatalf("a free file is held by %+v", other)
	}
	if other := Lock(path, now); other != nil {
		t.Fatal("our own lock counted as another's")
	}
	// Someone on another computer holds it.
	writeLock(t, path, LockInfo{User: "lan", Host: "may-so-2", PID: 42, Since: now})
	other := Lock(path, now)
	if other == nil || other.User != "lan" || other.Host != "may-so-2" {
		t.Fatalf("Lock = %+v; want the other editor", other)
	}
	if held, _ := ReadLock(path); held.Host != "may-so-2" {
		t.Error("the other editor's lock was replaced")
	}
	if HeldByOther(path) == nil {
		t.Error("HeldByOther = nil")
	}
	Unlock(path) // not ours: stays
	if _, ok := ReadLock(path); !ok {
		t.Error("Unlock removed another's lock")
	}
}

func TestAStaleLockIsTakenOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	host, _ := os.Hostname()
	writeLock(t, path, LockInfo{User: "x", Host: host, PID: 1 << 30, Since: time.Now()}) // no such process
	if other := Lock(path, time.Now()); other != nil {
		t.Fatalf("a lock of a dead process was honoured: %+v", other)
	}
	if held, _ := ReadLock(path); held.PID != os.Getpid() {
		t.Error("the stale lock was not taken over")
	}
	Unlock(path)
	if _, err := os.Stat(LockPath(path)); !os.IsNotExist(err) {
		t.Error("our lock was not removed")
	}
}
