//go:build unix

package files

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"creativecity/assessment"
	"creativecity/assessment/testkit/fixture"
)

// TestLoadRefusesAnUnreadableFile checks a file without read permission.
// Root reads every file, so under root the check runs in a child process
// with the credentials of the unprivileged user "nobody".
func TestLoadRefusesAnUnreadableFile(t *testing.T) {
	if path := os.Getenv("CCSA_UNREADABLE"); path != "" {
		_, err := Load(path)
		if !fixture.HasCode(err, assessment.CodePermission) {
			t.Fatalf("Load = %v; want %s", err, assessment.CodePermission)
		}
		return
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o755)
	path := filepath.Join(dir, "secret.ccsa")
	if err := os.WriteFile(path, []byte(sampleFile), 0o000); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		if _, err := Load(path); !fixture.HasCode(err, assessment.CodePermission) {
			t.Fatalf("Load = %v; want %s", err, assessment.CodePermission)
		}
		return
	}
	runAsNobody(t, dir, "TestLoadRefusesAnUnreadableFile", "CCSA_UNREADABLE="+path)
}

// runAsNobody runs the test named test again, with env added to its
// environment, in a child process with the credentials of the
// unprivileged user "nobody": from a copy of the test binary in dir,
// every folder above which "nobody" may walk through. It fails when the
// child fails.
func runAsNobody(t *testing.T, dir, test, env string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "test.bin")
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	for p := dir; p != "/"; p = filepath.Dir(p) {
		if info, err := os.Stat(p); err == nil && info.Mode().Perm()&0o001 == 0 {
			os.Chmod(p, info.Mode().Perm()|0o001) // let "nobody" walk to the file
		}
	}
	cmd := exec.Command(bin, "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
}
