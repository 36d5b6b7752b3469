package files

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"creativecity/assessment"
)

func TestAFileLockExcludesOthersUntilReleased(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.lock")
	l, err := TryLockFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if l.Path() != path {
		t.Errorf("path %q", l.Path())
	}
	if other, err := TryLockFile(path); !errors.Is(err, ErrLocked) {
		other.Unlock()
		t.Fatalf("a second holder got the lock: %v", err)
	}
	l.Unlock()
	l.Unlock() // twice is harmless
	again, err := TryLockFile(path)
	if err != nil {
		t.Fatalf("the lock was not released: %v", err)
	}
	again.Remove()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("Remove left the file: %v", err)
	}
}

func TestAFileLockCannotBeMadeInAMissingFolder(t *testing.T) {
	_, err := TryLockFile(filepath.Join(t.TempDir(), "gone", "a.lock"))
	var fe *assessment.FileError
	if !errors.As(err, &fe) || errors.Is(err, ErrLocked) {
		t.Errorf("err = %v, want a assessment.FileError", err)
	}
}

// TestAFileLockDiesWithItsProcess: a process that holds the lock and is
// killed (SIGKILL, no cleanup) leaves the lock free.
func TestAFileLockDiesWithItsProcess(t *testing.T) {
	if path := os.Getenv("CREATIVECITY_HOLD_LOCK"); path != "" {
		if _, err := TryLockFile(path); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("locked\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	path := filepath.Join(t.TempDir(), "a.lock")
	cmd := exec.Command(os.Args[0], "-test.run=^TestAFileLockDiesWithItsProcess$")
	cmd.Env = append(os.Environ(), "CREATIVECITY_HOLD_LOCK="+path)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "locked\n" {
		t.Fatalf("the helper process says %q", line)
	}
	if _, err := TryLockFile(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("the lock of a live process was taken: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	l, err := TryLockFile(path)
	if err != nil {
		t.Fatalf("the lock of a killed process is still held: %v", err)
	}
	l.Unlock()
}
