//go:build linux

package files

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"creativecity/assessment"
	"creativecity/assessment/testkit/fixture"
)

// mountTmpfs mounts a small tmpfs at a new folder (root only: CI runs as
// root) and unmounts it at the end of the test.
func mountTmpfs(t *testing.T, options string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root (CI runs as root)")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, options); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

func bigAssessment(name string, evidence int) *assessment.Assessment {
	a := &assessment.Assessment{City: assessment.City{Name: name}, Answers: map[string]*assessment.Answer{}}
	a.SetEvidence("gastronomy.signature_dishes", strings.Repeat("ẩm thực ", evidence), "")
	return a
}

// TestAFullDiskKeepsThePreviousFileAndBackup fills a 1 MB disk: saving
// fails with the disk-full problem, the file and its backup are intact and
// no temporary file is left.
func TestAFullDiskKeepsThePreviousFileAndBackup(t *testing.T) {
	dir := mountTmpfs(t, "size=1m")
	path := filepath.Join(dir, "city.ccsa")
	if err := Save(path, bigAssessment("one", 10)); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, bigAssessment("two", 10)); err != nil {
		t.Fatal(err)
	}
	file, _ := os.ReadFile(path)
	bak, _ := os.ReadFile(path + BackupSuffix)
	err := Save(path, bigAssessment("three", 200000)) // about 2 MB
	if !fixture.HasCode(err, assessment.CodeDiskFull) {
		t.Fatalf("Save = %v; want %s", err, assessment.CodeDiskFull)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, file) {
		t.Error("the file changed")
	}
	if now, _ := os.ReadFile(path + BackupSuffix); !bytes.Equal(now, bak) && !bytes.Equal(now, file) {
		t.Error("the backup is neither the previous nor the current version")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if a, err := Load(path); err != nil || a.City.Name != "two" {
		t.Errorf("reload: %v", err)
	}
}

// TestAReadOnlyFolderRefusesTheSaveClearly: the save fails with a
// permission problem naming the file; nothing is written.
func TestAReadOnlyFolderRefusesTheSaveClearly(t *testing.T) {
	dir := mountTmpfs(t, "size=1m")
	path := filepath.Join(dir, "city.ccsa")
	if err := Save(path, bigAssessment("before", 1)); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	err := Save(path, bigAssessment("after", 1))
	var fe *assessment.FileError
	if !fixture.HasCode(err, assessment.CodeReadOnlyFS) {
		t.Fatalf("Save = %v (%T); want %s", err, fe, assessment.CodeReadOnlyFS)
	}
	if a, err := Load(path); err != nil || a.City.Name != "before" {
		t.Errorf("the file changed: %v", err)
	}
}
