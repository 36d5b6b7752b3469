package document

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/testkit"
)

// crash ends a document as a killed process ends: nothing is removed, and
// the system releases the lock of its copy.
func crash(d *Document) {
	if d.slot != nil {
		d.slot.release()
		d.slot = nil
	}
}

// onlyOne returns the one copy offered.
func onlyOne(t *testing.T, rs []*Recovery) *Recovery {
	t.Helper()
	if len(rs) != 1 {
		t.Fatalf("%d copies offered, want 1", len(rs))
	}
	return rs[0]
}

// recoveryFolder lists the copies and lock files in the recovery folder.
func recoveryFolder(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// cities returns the city of each copy offered, in order.
func cities(rs []*Recovery) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.CityName())
	}
	return out
}

func TestCopyNamesNameTheTimeAndProcessAndNeverRepeat(t *testing.T) {
	form := regexp.MustCompile(`^20261123T\d{6}Z-` + strconv.Itoa(os.Getpid()) + `-[0-9a-f]{8}$`)
	seen := map[string]bool{}
	for range 1000 {
		id := newCopyID(fixedNow)
		if !form.MatchString(id) {
			t.Fatalf("copy name %q", id)
		}
		if seen[id] {
			t.Fatalf("%q given twice at the same time in one process", id)
		}
		seen[id] = true
	}
}

// TestTwoWindowsKeepTheirOwnCopies is issue 18 without a window: two
// documents (this year's and last year's assessment) autosave to the same
// folder; each has its own copy, and saving one or discarding the other
// never touches the other's.
func TestTwoWindowsKeepTheirOwnCopies(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	thisYear, lastYear := newDoc(t, recovery), newDoc(t, recovery)
	pathThis, pathLast := savedDemo(t), savedDemo(t)
	for d, p := range map[*Document]string{thisYear: pathThis, lastYear: pathLast} {
		if err := d.Open(p); err != nil {
			t.Fatal(err)
		}
	}
	thisYear.Edit(func(a *assessment.Assessment) { a.City.Name = "Hạ Long 2026" })
	lastYear.Edit(func(a *assessment.Assessment) { a.City.Name = "Hạ Long 2025" })
	for _, d := range []*Document{thisYear, lastYear, thisYear, lastYear} {
		if err := d.Autosave(); err != nil {
			t.Fatal(err)
		}
	}
	copyThis, copyLast := thisYear.RecoveryFile(), lastYear.RecoveryFile()
	if copyThis == "" || copyThis == copyLast || filepath.Dir(copyThis) != recovery || filepath.Dir(copyLast) != recovery {
		t.Fatalf("copies %q and %q", copyThis, copyLast)
	}
	if err := thisYear.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(copyThis); !os.IsNotExist(err) {
		t.Errorf("the saved window's copy is still there: %v", err)
	}
	if c := readCopy(t, copyLast); c.Path != pathLast || c.City != "Hạ Long 2025" {
		t.Fatalf("the other window's copy after a save: %+v", c.recoveryInfo)
	}
	// The other window is killed: its copy is the one offered, whole.
	crash(lastYear)
	next := newDoc(t, recovery)
	r := onlyOne(t, next.Pending())
	if r.CityName() != "Hạ Long 2025" || r.Path() != pathLast || r.CopyFile() != copyLast || r.FileState() != FileOlder {
		t.Fatalf("offered %q of %q in %q (%v)", r.CityName(), r.Path(), r.CopyFile(), r.FileState())
	}
	// Discarding in a third window leaves a fourth one's copy alone.
	r.Discard()
	fourth := newDoc(t, recovery)
	fourth.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế" })
	if err := fourth.Autosave(); err != nil {
		t.Fatal(err)
	}
	next.Edit(func(a *assessment.Assessment) { a.City.Name = "Đà Lạt" })
	if err := next.Autosave(); err != nil {
		t.Fatal(err)
	}
	next.Discard()
	if c := readCopy(t, fourth.RecoveryFile()); c.City != "Huế" {
		t.Errorf("a discard elsewhere touched the copy: %+v", c.recoveryInfo)
	}
}

func readCopy(t *testing.T, file string) recoveryCopy {
	t.Helper()
	var c recoveryCopy
	if err := json.Unmarshal(testkit.ReadFile(t, file), &c); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return c
}

// TestAutosaveReplacesTheCopyAtomically: each autosave writes a new file
// and renames it over the copy, so that a reader (or a power cut) sees the
// previous copy whole or the new one whole, and leaves no temporary file.
func TestAutosaveReplacesTheCopyAtomically(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	d := newDoc(t, recovery)
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế" })
	if err := d.Autosave(); err != nil {
		t.Fatal(err)
	}
	file := d.RecoveryFile()
	old, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	before, _ := old.Stat()
	d.Edit(func(a *assessment.Assessment) { a.City.Name = strings.Repeat("Thừa Thiên Huế ", 1000) })
	if err := d.Autosave(); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(file)
	if err != nil || d.RecoveryFile() != file {
		t.Fatalf("the copy moved: %v, %q", err, d.RecoveryFile())
	}
	if os.SameFile(before, after) {
		t.Error("the copy was written in place, not replaced")
	}
	var c recoveryCopy
	if err := json.NewDecoder(old).Decode(&c); err != nil || c.City != "Huế" {
		t.Errorf("the previous copy, read while replaced: %v, %q", err, c.City)
	}
	if c := readCopy(t, file); !strings.HasPrefix(c.City, "Thừa Thiên Huế") {
		t.Errorf("the new copy holds %q", c.City)
	}
	for _, name := range recoveryFolder(t, recovery) {
		if strings.HasSuffix(name, ".tmp") {
			t.Errorf("a temporary file is left: %s", name)
		}
	}
}

// TestACopyHeldByALiveWindowIsNotOffered: a window that is open holds its
// copy's lock, so that a window starting meanwhile does not offer its
// work; once it is gone without saving, its copy is offered.
func TestACopyHeldByALiveWindowIsNotOffered(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	_, path := editedAndAutosaved(t, recovery, "Đà Lạt")
	live := newDocAt(t, recovery, func() time.Time { return fixedNow.Add(time.Minute) })
	live.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế" })
	if err := live.Autosave(); err != nil {
		t.Fatal(err)
	}
	starting := newDoc(t, recovery)
	if r := onlyOne(t, starting.Pending()); r.Path() != path {
		t.Fatalf("offered the work of %q", r.Path())
	}
	// A third window starting while the second offers: nothing to offer,
	// neither the live window's copy nor the one being offered.
	if rs := newDoc(t, recovery).Pending(); len(rs) != 0 {
		t.Fatalf("offered %v", cities(rs))
	}
	starting.Close() // the offer is left unanswered: kept for later
	live.Close()     // closed with unsaved changes: its copy stays
	rs := newDoc(t, recovery).Pending()
	if got := cities(rs); !slices.Equal(got, []string{"Huế", "Đà Lạt"}) {
		t.Errorf("offered %v, newest first; want Huế then Đà Lạt", got)
	}
}

// TestACopyOfAKilledProcessIsOffered runs a real second process that
// autosaves and then is killed with SIGKILL: while it runs its copy is not
// offered; once it is dead the system has released its lock and the copy
// is offered, complete.
func TestACopyOfAKilledProcessIsOffered(t *testing.T) {
	if dir := os.Getenv("CREATIVECITY_AUTOSAVE_IN"); dir != "" {
		d := newDoc(t, dir)
		if err := d.Open(os.Getenv("CREATIVECITY_AUTOSAVE_FILE")); err != nil {
			t.Fatal(err)
		}
		d.Edit(func(a *assessment.Assessment) { a.City.Name = "Cần Thơ"; a.City.Population = 1250000 })
		if err := d.Autosave(); err != nil {
			t.Fatal(err)
		}
		os.Stdout.WriteString("autosaved\n")
		time.Sleep(time.Minute)
		return
	}
	recovery := filepath.Join(t.TempDir(), "recovery")
	path := savedDemo(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestACopyOfAKilledProcessIsOffered$")
	cmd.Env = append(os.Environ(), "CREATIVECITY_AUTOSAVE_IN="+recovery, "CREATIVECITY_AUTOSAVE_FILE="+path)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "autosaved\n" {
		t.Fatalf("the other process says %q", line)
	}
	if rs := newDoc(t, recovery).Pending(); len(rs) != 0 {
		t.Fatalf("the copy of a running process is offered: %v", cities(rs))
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	next := newDoc(t, recovery)
	next.Restore(onlyOne(t, next.Pending()))
	if a := next.Assessment(); a.City.Name != "Cần Thơ" || a.City.Population != 1250000 || next.Path() != path {
		t.Errorf("restored %q, %v, of %q", a.City.Name, a.City.Population, next.Path())
	}
}

// TestACopyWhoseFileCannotBeCheckedIsStillOffered: a file that cannot be
// examined now (access denied, a network folder offline that does not
// answer, a drive not connected) does not hide its autosaved work: the
// copy is offered and says so.
func TestACopyWhoseFileCannotBeCheckedIsStillOffered(t *testing.T) {
	defer func(s func(string) (fs.FileInfo, error), d time.Duration) { statFile, fileCheckTimeout = s, d }(statFile, fileCheckTimeout)
	fileCheckTimeout = 200 * time.Millisecond
	hang := make(chan struct{})
	defer close(hang)
	for name, c := range map[string]struct {
		stat func(path, file string) (fs.FileInfo, error)
		want FileState
	}{
		"access denied": {func(path, file string) (fs.FileInfo, error) {
			if path == file {
				return nil, &fs.PathError{Op: "stat", Path: path, Err: syscall.EACCES}
			}
			return os.Stat(path)
		}, FileUnreachable},
		"no answer": {func(path, file string) (fs.FileInfo, error) {
			if path == file {
				<-hang
			}
			return os.Stat(path)
		}, FileUnreachable},
		"folder not connected": {func(path, file string) (fs.FileInfo, error) {
			if path == file || path == filepath.Dir(file) {
				return nil, &fs.PathError{Op: "stat", Path: path, Err: syscall.ENOENT}
			}
			return os.Stat(path)
		}, FileUnreachable},
		"file deleted": {func(path, file string) (fs.FileInfo, error) {
			if path == file {
				return nil, &fs.PathError{Op: "stat", Path: path, Err: syscall.ENOENT}
			}
			return os.Stat(path)
		}, FileGone},
		"file as it was": {func(path, _ string) (fs.FileInfo, error) { return os.Stat(path) }, FileOlder},
	} {
		t.Run(name, func(t *testing.T) {
			recovery := filepath.Join(t.TempDir(), "recovery")
			_, path := editedAndAutosaved(t, recovery, "Đà Lạt")
			statFile = func(p string) (fs.FileInfo, error) { return c.stat(p, path) }
			start := time.Now()
			r := onlyOne(t, newDoc(t, recovery).Pending())
			if r.FileState() != c.want || r.Path() != path || r.CityName() != "Đà Lạt" {
				t.Errorf("offered %q of %q, file %v; want %v", r.CityName(), r.Path(), r.FileState(), c.want)
			}
			if waited := time.Since(start); waited > 2*time.Second {
				t.Errorf("the start waited %v for the file", waited)
			}
		})
	}
}

// TestACopyWhoseFolderCannotBeExaminedIsOffered: the same on a real path
// that the system refuses to examine (its folder was replaced by a file).
func TestACopyWhoseFolderCannotBeExaminedIsOffered(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	_, path := editedAndAutosaved(t, recovery, "Đà Lạt")
	dir := filepath.Dir(path)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(dir, []byte("not a folder"), 0o644)
	if r := onlyOne(t, newDoc(t, recovery).Pending()); r.FileState() != FileUnreachable || r.Path() != path {
		t.Errorf("offered the work of %q, file %v", r.Path(), r.FileState())
	}
}

// TestRestoringOneOfSeveralCopies: restored, a copy becomes the window's
// own (its later autosaves replace it, its save removes it); the copies
// kept are offered again at the next start, the one discarded is gone.
func TestRestoringOneOfSeveralCopies(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	clock := fixedNow
	for _, name := range []string{"Huế", "Đà Lạt", "Cần Thơ"} {
		d := newDocAt(t, recovery, func() time.Time { return clock })
		d.Edit(func(a *assessment.Assessment) { a.City.Name = name })
		if err := d.Autosave(); err != nil {
			t.Fatal(err)
		}
		crash(d)
		clock = clock.Add(time.Minute)
	}
	next := newDoc(t, recovery)
	rs := next.Pending()
	if got := cities(rs); !slices.Equal(got, []string{"Cần Thơ", "Đà Lạt", "Huế"}) {
		t.Fatalf("offered %v", got)
	}
	restored := rs[1].CopyFile()
	next.Restore(rs[1])
	rs[0].Discard()
	rs[2].Keep()
	if next.RecoveryFile() != restored || next.Assessment().City.Name != "Đà Lạt" {
		t.Fatalf("restored %q into %q", next.Assessment().City.Name, next.RecoveryFile())
	}
	next.Edit(func(a *assessment.Assessment) { a.City.Province = "Lâm Đồng" })
	if err := next.Autosave(); err != nil || next.RecoveryFile() != restored {
		t.Fatalf("autosave %v into %q", err, next.RecoveryFile())
	}
	if c := readCopy(t, restored); c.City != "Đà Lạt" || !strings.Contains(string(c.Assessment), "Lâm Đồng") {
		t.Errorf("the restored copy was not replaced: %s", c.Assessment)
	}
	if got := cities(newDoc(t, recovery).Pending()); !slices.Equal(got, []string{"Huế"}) {
		t.Errorf("the next start offers %v; want the copy kept", got)
	}
	if err := next.SaveAs(filepath.Join(t.TempDir(), "dalat.ccsa")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(restored); !os.IsNotExist(err) {
		t.Errorf("saving left the restored copy: %v", err)
	}
}

// TestClosingEndsTheCopy: a window closed with everything saved leaves
// nothing; one closed with unsaved changes (the system ends the app
// without asking) leaves its copy for the next start.
func TestClosingEndsTheCopy(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	d := newDoc(t, recovery)
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế" })
	if err := d.Autosave(); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveAs(filepath.Join(t.TempDir(), "hue.ccsa")); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if left := recoveryFolder(t, recovery); len(left) != 0 {
		t.Errorf("a clean close left %v", left)
	}
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế mới" })
	if err := d.Autosave(); err != nil {
		t.Fatal(err)
	}
	d.Close()
	d.Close()
	if r := onlyOne(t, newDoc(t, recovery).Pending()); r.CityName() != "Huế mới" {
		t.Errorf("offered %q", r.CityName())
	}
}

// TestLeftoversOfKilledWindowsAreRemoved: a lock file without its copy
// (a kill between removing the two) and old temporary files go; a copy
// and the lock of a live window stay.
func TestLeftoversOfKilledWindowsAreRemoved(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	live := newDoc(t, recovery)
	live.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế" })
	if err := live.Autosave(); err != nil {
		t.Fatal(err)
	}
	orphan := filepath.Join(recovery, "20261123T023000Z-1-0badc0de"+lockExt)
	oldTemp := filepath.Join(recovery, ".20261123T023000Z-1-0badc0de.json.123.tmp")
	newTemp := filepath.Join(recovery, ".20261123T023000Z-1-0badc0df.json.456.tmp")
	for _, f := range []string{orphan, oldTemp, newTemp} {
		os.WriteFile(f, nil, 0o600)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(oldTemp, old, old)
	newDoc(t, recovery).Pending()
	got := recoveryFolder(t, recovery)
	id := strings.TrimSuffix(filepath.Base(live.RecoveryFile()), copyExt)
	want := []string{filepath.Base(newTemp), id + copyExt, id + lockExt}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the folder holds %v; want %v", got, want)
	}
}
