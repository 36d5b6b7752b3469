package files

import (
	"os"
	"path/filepath"
	"testing"

	"creativecity/assessment"
	"creativecity/assessment/testkit/fixture"
)

// TestSavingKeepsAFileTheUserMayNotWrite: in a folder everyone may write
// (a shared folder), a file of another user that this user may read but
// not write is refused by Save and WriteWithBackup, and stays as it was,
// without a backup. A rename would replace it: the folder allows it. Root
// writes every file, so under root the saves run in a child process with
// the credentials of the unprivileged user "nobody".
func TestSavingKeepsAFileTheUserMayNotWrite(t *testing.T) {
	if path := os.Getenv("CCSA_NOT_WRITABLE"); path != "" {
		a, err := assessment.Demo()
		if err != nil {
			t.Fatal(err)
		}
		if err := Save(path, a); !fixture.HasCode(err, assessment.CodePermission) {
			t.Errorf("Save = %v; want %s", err, assessment.CodePermission)
		}
		if err := WriteWithBackup(path, []byte("new")); !fixture.HasCode(err, assessment.CodePermission) {
			t.Errorf("WriteWithBackup = %v; want %s", err, assessment.CodePermission)
		}
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root, to run the saves as another user than the file's owner")
	}
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared")
	if err := os.Mkdir(shared, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(shared, 0o777) // whatever the umask
	path := filepath.Join(shared, "Hạ Long.ccsa")
	if err := os.WriteFile(path, []byte("the owner's version"), 0o644); err != nil {
		t.Fatal(err)
	}
	runAsNobody(t, dir, "TestSavingKeepsAFileTheUserMayNotWrite", "CCSA_NOT_WRITABLE="+path)
	if got, _ := os.ReadFile(path); string(got) != "the owner's version" {
		t.Errorf("the file holds %q", got)
	}
	if entries, _ := os.ReadDir(shared); len(entries) != 1 {
		t.Errorf("files written beside it: %v", entries)
	}
}
