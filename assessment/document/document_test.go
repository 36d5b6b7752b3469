package document

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
)

var fixedNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.Local)

// newDoc returns an empty document on a fixed clock that autosaves to
// recovery (a folder that need not exist yet).
func newDoc(t *testing.T, recovery string) *Document {
	t.Helper()
	return newDocAt(t, recovery, func() time.Time { return fixedNow })
}

func newDocAt(t *testing.T, recovery string, now func() time.Time) *Document {
	t.Helper()
	qn, err := assessment.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := New(qn, Options{Now: now, RecoveryDir: recovery})
	t.Cleanup(d.Close)
	return d
}

// savedDemo writes the demo to a new file and returns its path.
func savedDemo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "halong.ccsa")
	if err := files.Save(path, fixture.Demo(t)); err != nil {
		t.Fatal(err)
	}
	return path
}

// counter counts the change notifications of a document.
func counter(d *Document) *int {
	n := new(int)
	d.OnChange(func() { *n++ })
	return n
}

func setModTime(t *testing.T, path string, at time.Time) {
	t.Helper()
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
}

// holdByAnotherComputer rewrites the lock of path as another computer's
// editor would leave it. Two documents of one process share its lock (it
// is per process), so another editor is always another process or host.
func holdByAnotherComputer(t *testing.T, path, host string) {
	t.Helper()
	held, ok := files.ReadLock(path)
	if !ok {
		held = files.LockInfo{User: "lan", PID: 42, Since: fixedNow}
	}
	held.Host = host
	data, _ := json.Marshal(held)
	if err := os.WriteFile(files.LockPath(path), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func hasProblem(ps []assessment.Problem, code string) bool {
	return slices.ContainsFunc(ps, func(p assessment.Problem) bool { return p.Code == code })
}

func ourLock(path string) bool {
	held, ok := files.ReadLock(path)
	host, _ := os.Hostname()
	return ok && held.PID == os.Getpid() && held.Host == host
}

func TestANewDocumentIsEmptyAndNeverSaved(t *testing.T) {
	d := newDoc(t, "")
	if d.Path() != "" || d.Dirty() || !d.SavedAt().IsZero() || !d.AutosavedAt().IsZero() {
		t.Fatalf("path %q dirty %v saved %v autosaved %v", d.Path(), d.Dirty(), d.SavedAt(), d.AutosavedAt())
	}
	if d.Result() == nil || len(d.Assessment().Answers) != 0 {
		t.Fatal("not an empty, scored assessment")
	}
	if !hasProblem(d.Problems(), assessment.CodeCityNameMissing) {
		t.Errorf("problems %v lack the missing city name", d.Problems())
	}
}

func TestOpeningAFileLocksItAndRemembersWhenItWasSaved(t *testing.T) {
	path := savedDemo(t)
	d := newDoc(t, "")
	changes := counter(d)
	if err := d.Open(path); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if d.Path() != path || d.Dirty() || !d.SavedAt().Equal(info.ModTime()) {
		t.Fatalf("path %q dirty %v saved %v; file modified %v", d.Path(), d.Dirty(), d.SavedAt(), info.ModTime())
	}
	if d.Assessment().City.Name != "Hạ Long" || *changes != 1 {
		t.Errorf("city %q, %d notifications", d.Assessment().City.Name, *changes)
	}
	if !ourLock(path) || d.LockedBy() != nil {
		t.Errorf("lock: ours %v, held by %+v", ourLock(path), d.LockedBy())
	}
}

func TestOpeningQuicklyLeavesTheAnalysisToTheCaller(t *testing.T) {
	path := savedDemo(t)
	d := newDoc(t, "")
	changes := counter(d)
	if err := d.OpenQuick(path); err != nil {
		t.Fatal(err)
	}
	if d.Path() != path || d.Dirty() || !ourLock(path) || *changes != 1 {
		t.Fatalf("path %q dirty %v locked %v, %d notifications", d.Path(), d.Dirty(), ourLock(path), *changes)
	}
	if d.Result().Uncertainty != nil || d.Result().Recommendation.Field != "gastronomy" {
		t.Fatalf("not the quick score: %+v", d.Result().Recommendation)
	}
	job, version := d.Analysis()
	if job == nil || !d.ApplyAnalysis(version, job.Run()) || d.Result().Uncertainty == nil ||
		d.Result().Recommendation.Confidence != assessment.ConfidenceHigh {
		t.Errorf("the analysis was not completed: %+v", d.Result().Recommendation)
	}
}

func TestOpeningABadFileKeepsTheCurrentDocument(t *testing.T) {
	d := newDoc(t, "")
	d.Replace(fixture.Demo(t), "")
	d.Edit(func(a *assessment.Assessment) { a.City.Name += " (mới)" })
	before, changes := d.Assessment(), counter(d)
	bad := filepath.Join(t.TempDir(), "hong.ccsa")
	os.WriteFile(bad, []byte(`{"format":"creativecity-assessment","schemaVersion":99}`), 0o644)

	err := d.Open(bad)
	var fe *assessment.FileError
	if !errors.As(err, &fe) || fe.Code != assessment.CodeSchemaNewer || fe.Path != bad {
		t.Fatalf("error %v; want the newer schema of %s", err, bad)
	}
	if d.Assessment() != before || d.Path() != "" || !d.Dirty() || *changes != 0 {
		t.Errorf("the document changed: path %q dirty %v, %d notifications", d.Path(), d.Dirty(), *changes)
	}
	if _, ok := files.ReadLock(bad); ok {
		t.Error("a file that did not open was locked")
	}
}

func TestOpeningAnotherFileReleasesTheFirstLock(t *testing.T) {
	first, second := savedDemo(t), savedDemo(t)
	d := newDoc(t, "")
	if err := d.Open(first); err != nil {
		t.Fatal(err)
	}
	if err := d.Open(second); err != nil {
		t.Fatal(err)
	}
	if _, ok := files.ReadLock(first); ok {
		t.Error("the first file is still locked")
	}
	if !ourLock(second) {
		t.Error("the second file is not locked")
	}
	d.Replace(fixture.Demo(t), "")
	if _, ok := files.ReadLock(second); ok {
		t.Error("a new document kept the file locked")
	}
}

func TestEditingMarksUnsavedRescoresAndNotifies(t *testing.T) {
	d := newDoc(t, "")
	changes := counter(d)
	before, _ := d.Result().Field("gastronomy")
	d.Edit(func(a *assessment.Assessment) {
		a.City.Name, a.City.Population = "Huế", 300000 // restaurants count per inhabitant
		a.SetValue("gastronomy.traditional_restaurants", assessment.NumberValue(60))
	})
	after, _ := d.Result().Field("gastronomy")
	if !d.Dirty() || *changes != 1 {
		t.Fatalf("dirty %v, %d notifications", d.Dirty(), *changes)
	}
	if after.Score <= before.Score {
		t.Errorf("gastronomy score %v -> %v", before.Score, after.Score)
	}
	if hasProblem(d.Problems(), assessment.CodeCityNameMissing) {
		t.Error("problems not recomputed after naming the city")
	}
}

func TestSaveWritesTheFileAndBackupAndDiscardsTheAutosave(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	path := savedDemo(t)
	original := string(testkit.ReadFile(t, path))
	d := newDoc(t, recovery)
	if err := d.Open(path); err != nil {
		t.Fatal(err)
	}
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Hạ Long mới" })
	if err := d.Autosave(); err != nil {
		t.Fatal(err)
	}
	autosaved := d.RecoveryFile()
	changes := counter(d)
	if err := d.Save(); err != nil {
		t.Fatal(err)
	}
	if got, _ := files.Load(path); got.City.Name != "Hạ Long mới" {
		t.Errorf("file holds %q", got.City.Name)
	}
	if string(testkit.ReadFile(t, path+files.BackupSuffix)) != original {
		t.Error("the backup is not the previous version")
	}
	if d.Dirty() || !d.SavedAt().Equal(fixedNow) || !d.AutosavedAt().IsZero() || *changes != 1 {
		t.Errorf("dirty %v saved %v autosaved %v, %d notifications", d.Dirty(), d.SavedAt(), d.AutosavedAt(), *changes)
	}
	if _, err := os.Stat(autosaved); !os.IsNotExist(err) || d.RecoveryFile() != "" {
		t.Errorf("the recovery copy is still there: %v", err)
	}
	if left := recoveryFolder(t, recovery); len(left) != 0 {
		t.Errorf("the recovery folder still holds %v", left)
	}
	// Our own save is not someone else's change: the next save goes ahead.
	d.Edit(func(a *assessment.Assessment) { a.City.Province = "Quảng Ninh" })
	if err := d.Save(); err != nil {
		t.Errorf("second save: %v", err)
	}
}

func TestSavingWorkNeverSavedNeedsAFileName(t *testing.T) {
	d := newDoc(t, "")
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế" })
	if err := d.Save(); !errors.Is(err, ErrNoPath) {
		t.Fatalf("Save = %v; want ErrNoPath", err)
	}
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	if err := d.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if d.Path() != path || d.Dirty() || !ourLock(path) {
		t.Errorf("path %q dirty %v locked %v", d.Path(), d.Dirty(), ourLock(path))
	}
	if ps := d.Problems(); len(ps) > 0 && ps[0].Path != path {
		t.Errorf("problems name %q, not the new file", ps[0].Path)
	}
}

func TestSavingAsAnotherFileMovesTheLock(t *testing.T) {
	first := savedDemo(t)
	second := filepath.Join(t.TempDir(), "copy.ccsa")
	d := newDoc(t, "")
	if err := d.Open(first); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveAs(second); err != nil {
		t.Fatal(err)
	}
	if _, ok := files.ReadLock(first); ok || !ourLock(second) || d.Path() != second {
		t.Errorf("first locked %v, second ours %v, path %q", ok, ourLock(second), d.Path())
	}
}

func TestAFailedSaveKeepsTheWorkUnsaved(t *testing.T) {
	d := newDoc(t, "")
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế" })
	changes := counter(d)
	folder := t.TempDir()
	err := d.SaveAs(folder)
	var fe *assessment.FileError
	if !errors.As(err, &fe) || fe.Code != assessment.CodeIsDir {
		t.Fatalf("error %v; want a folder error", err)
	}
	if !d.Dirty() || d.Path() != "" || *changes != 0 {
		t.Errorf("dirty %v path %q, %d notifications", d.Dirty(), d.Path(), *changes)
	}
}

func TestSavingOverAFileChangedByOthersAsksFirst(t *testing.T) {
	path := savedDemo(t)
	d := newDoc(t, "")
	if err := d.Open(path); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	setModTime(t, path, later) // someone else saved it
	before := string(testkit.ReadFile(t, path))
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "X" })

	err := d.Save()
	var c *Conflict
	if !errors.Is(err, ErrChangedOnDisk) || !errors.As(err, &c) || c.Path != path || c.HeldBy != nil {
		t.Fatalf("Save = %v; want a changed-on-disk conflict", err)
	}
	if string(testkit.ReadFile(t, path)) != before || !d.Dirty() {
		t.Fatal("overwritten without asking")
	}
	if err := d.SaveOverwriting(c.Path); err != nil {
		t.Fatal(err)
	}
	if string(testkit.ReadFile(t, path)) == before || d.Dirty() {
		t.Error("the agreed overwrite did not save")
	}
	if err := d.Save(); err != nil {
		t.Errorf("saving again asks: %v", err)
	}
}

// TestASecondEditorIsWarnedAndAskedBeforeSaving: another computer has the
// file open (its lock beside the file); opening warns, and saving asks.
func TestASecondEditorIsWarnedAndAskedBeforeSaving(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	first := newDoc(t, "")
	first.Replace(fixture.Demo(t), "")
	if err := first.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	holdByAnotherComputer(t, path, "phong-van-hoa-2")

	second := newDoc(t, "")
	if err := second.Open(path); err != nil {
		t.Fatal(err)
	}
	if other := second.LockedBy(); other == nil || other.Host != "phong-van-hoa-2" {
		t.Fatalf("LockedBy = %+v; want the other computer", other)
	}
	before := string(testkit.ReadFile(t, path))
	second.Edit(func(a *assessment.Assessment) { a.City.Name = "Z" })
	err := second.Save()
	var c *Conflict
	if !errors.Is(err, ErrHeldByOther) || !errors.As(err, &c) || c.HeldBy == nil || c.HeldBy.Host != "phong-van-hoa-2" {
		t.Fatalf("Save = %v; want a held-by-other conflict", err)
	}
	if string(testkit.ReadFile(t, path)) != before {
		t.Fatal("saved over another editor without asking")
	}
	if err := second.SaveOverwriting(c.Path); err != nil || second.Dirty() {
		t.Fatalf("agreed overwrite: %v, dirty %v", err, second.Dirty())
	}
	if held, _ := files.ReadLock(path); held.Host != "phong-van-hoa-2" {
		t.Error("the other editor's lock was taken")
	}
	// They still have it open: every save asks again.
	second.Edit(func(a *assessment.Assessment) { a.City.Name = "Z2" })
	if err := second.Save(); !errors.Is(err, ErrHeldByOther) {
		t.Errorf("second save = %v; want it to ask again", err)
	}
}

func TestSavingAsAFileHeldByAnotherEditorAsks(t *testing.T) {
	path := savedDemo(t)
	holdByAnotherComputer(t, path, "phong-van-hoa-2")
	d := newDoc(t, "")
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế" })
	if err := d.SaveAs(path); !errors.Is(err, ErrHeldByOther) {
		t.Fatalf("SaveAs = %v; want a held-by-other conflict", err)
	}
	if d.Path() != "" || !d.Dirty() {
		t.Errorf("path %q dirty %v", d.Path(), d.Dirty())
	}
}

func TestAutosaveIsOfferedAtTheNextStartAndRestoresTheWork(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	path := savedDemo(t)
	d := newDoc(t, recovery)
	if err := d.Open(path); err != nil {
		t.Fatal(err)
	}
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Đà Lạt" })
	changes := counter(d)
	if err := d.Autosave(); err != nil {
		t.Fatal(err)
	}
	if !d.AutosavedAt().Equal(fixedNow) || *changes != 1 || !d.Dirty() {
		t.Fatalf("autosaved %v, %d notifications, dirty %v", d.AutosavedAt(), *changes, d.Dirty())
	}
	var members map[string]json.RawMessage
	json.Unmarshal(testkit.ReadFile(t, d.RecoveryFile()), &members)
	for _, k := range []string{"path", "city", "autosavedAt", "fileModTime", "assessment"} {
		if _, ok := members[k]; !ok {
			t.Errorf("the copy lacks %q", k)
		}
	}
	crash(d) // the app is killed: the next start finds the copy

	next := newDoc(t, recovery)
	r := onlyOne(t, next.Pending())
	if r.CityName() != "Đà Lạt" || r.Path() != path || !r.AutosavedAt().Equal(fixedNow) {
		t.Fatalf("offered %q of %q at %v", r.CityName(), r.Path(), r.AutosavedAt())
	}
	changes = counter(next)
	next.Restore(r)
	if next.Assessment().City.Name != "Đà Lạt" || !next.Dirty() || next.Path() != path || *changes != 1 {
		t.Fatalf("restored %q dirty %v path %q, %d notifications",
			next.Assessment().City.Name, next.Dirty(), next.Path(), *changes)
	}
	info, _ := os.Stat(path)
	if !ourLock(path) || !next.AutosavedAt().Equal(fixedNow) || !next.SavedAt().Equal(info.ModTime()) {
		t.Errorf("locked %v autosaved %v saved %v", ourLock(path), next.AutosavedAt(), next.SavedAt())
	}
	// Once saved, the autosave is gone.
	if err := next.Save(); err != nil {
		t.Fatal(err)
	}
	if rs := newDoc(t, recovery).Pending(); len(rs) != 0 {
		t.Error("recovery offered after saving")
	}
}

func TestAutosaveWritesNothingWithoutUnsavedChanges(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	d := newDoc(t, recovery)
	d.Replace(fixture.Demo(t), "")
	if err := d.Autosave(); err != nil || !d.AutosavedAt().IsZero() {
		t.Fatalf("Autosave = %v at %v", err, d.AutosavedAt())
	}
	if _, err := os.Stat(recovery); !os.IsNotExist(err) {
		t.Error("a recovery copy of unchanged work")
	}
	off := newDoc(t, "")
	off.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế" })
	if err := off.Autosave(); err != nil || !off.AutosavedAt().IsZero() {
		t.Errorf("autosave off: %v at %v", err, off.AutosavedAt())
	}
	if rs := off.Pending(); len(rs) != 0 {
		t.Error("autosave off offers a recovery")
	}
}

func TestAFileSavedAfterTheAutosaveIsNotOffered(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	_, path := editedAndAutosaved(t, recovery, "Đà Lạt")
	setModTime(t, path, fixedNow.Add(time.Hour)) // someone saved the file since
	if rs := newDoc(t, recovery).Pending(); len(rs) != 0 {
		t.Error("an autosave older than the file was offered")
	}
	if left := recoveryFolder(t, recovery); len(left) != 0 {
		t.Errorf("a copy older than its file is kept: %v", left)
	}
}

// TestRecoveryIsOfferedWhenTheClockWentBackwards: the file was saved by a
// clock that was then set back, so the autosave says an earlier time than
// the file; the file is unchanged since, so the autosave is still newer.
func TestRecoveryIsOfferedWhenTheClockWentBackwards(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	path := savedDemo(t)
	future := time.Now().Add(time.Hour)
	setModTime(t, path, future)
	clock := fixedNow
	d := newDocAt(t, recovery, func() time.Time { return clock })
	if err := d.Open(path); err != nil {
		t.Fatal(err)
	}
	d.Edit(func(a *assessment.Assessment) { a.City.Name += " (mới)" })
	clock = future.Add(-2 * time.Hour) // the clock went back
	if err := d.Autosave(); err != nil {
		t.Fatal(err)
	}
	crash(d)
	next := newDoc(t, recovery)
	r := onlyOne(t, next.Pending())
	if !r.AutosavedAt().Before(future) {
		t.Fatalf("autosaved at %v, not before the file's %v", r.AutosavedAt(), future)
	}
	next.Restore(r)
	if !strings.Contains(next.Assessment().City.Name, "(mới)") || next.Path() != path {
		t.Errorf("restored %q from %q", next.Assessment().City.Name, next.Path())
	}
	// Someone saves the file later: the old autosave is no longer offered.
	crash(next)
	setModTime(t, path, future.Add(time.Hour))
	if rs := newDoc(t, recovery).Pending(); len(rs) != 0 {
		t.Error("an autosave older than the file was offered")
	}
}

func TestRecoveryOfWorkNeverSaved(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	d := newDoc(t, recovery)
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Vũng Tàu" })
	if err := d.Autosave(); err != nil {
		t.Fatal(err)
	}
	crash(d)
	next := newDoc(t, recovery)
	r := onlyOne(t, next.Pending())
	if r.Path() != "" || r.FileState() != NeverSaved {
		t.Fatalf("offered work of %q, file %v", r.Path(), r.FileState())
	}
	next.Restore(r)
	if next.Assessment().City.Name != "Vũng Tàu" || !next.Dirty() || next.Path() != "" || !next.SavedAt().IsZero() {
		t.Errorf("restored %q dirty %v path %q saved %v",
			next.Assessment().City.Name, next.Dirty(), next.Path(), next.SavedAt())
	}
	if err := next.Save(); !errors.Is(err, ErrNoPath) {
		t.Errorf("Save = %v; want ErrNoPath", err)
	}
}

func TestRecoveryIsOfferedWhenItsFileIsGone(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	_, path := editedAndAutosaved(t, recovery, "Đà Lạt")
	os.Remove(path)
	if r := onlyOne(t, newDoc(t, recovery).Pending()); r.Path() != path || r.FileState() != FileGone {
		t.Errorf("offered the work of %q, file %v", r.Path(), r.FileState())
	}
}

// TestRestoredWorkAsksBeforeOverwritingAFileChangedSince: the copy records
// the file as the app last saw it, so a change made while the app was
// down is noticed when the restored work is saved.
func TestRestoredWorkAsksBeforeOverwritingAFileChangedSince(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	d, path := editedAndAutosaved(t, recovery, "Đà Lạt")
	d.Close()
	next := newDoc(t, recovery)
	next.Restore(onlyOne(t, next.Pending()))
	setModTime(t, path, time.Now().Add(-time.Hour)) // changed, yet before the autosave's clock
	if err := next.Save(); !errors.Is(err, ErrChangedOnDisk) {
		t.Errorf("Save = %v; want a changed-on-disk conflict", err)
	}
}

// TestARecoveryCopyOfEarlierVersionsIsTakenOver: the one copy that earlier
// versions shared between their windows, recovery.json, is renamed to a
// copy of its own and offered; a second window starting meanwhile does not
// offer it too, and restoring it makes it the window's own copy.
func TestARecoveryCopyOfEarlierVersionsIsTakenOver(t *testing.T) {
	recovery := t.TempDir()
	work, err := assessment.Encode(fixture.Demo(t))
	if err != nil {
		t.Fatal(err)
	}
	data := `{"path":"","autosavedAt":"2026-11-23T02:30:00Z","fileModTime":"0001-01-01T00:00:00Z","assessment":` +
		string(work) + `}`
	legacy := filepath.Join(recovery, LegacyRecoveryFile)
	os.WriteFile(legacy, []byte(data), 0o600)
	next := newDoc(t, recovery)
	r := onlyOne(t, next.Pending())
	if r.CityName() != "Hạ Long" || !r.AutosavedAt().Equal(time.Date(2026, 11, 23, 2, 30, 0, 0, time.UTC)) {
		t.Fatalf("offered %+v", r)
	}
	if _, err := os.Stat(legacy); !os.IsNotExist(err) || filepath.Base(r.CopyFile()) == LegacyRecoveryFile {
		t.Errorf("the legacy copy was not taken over: %v, offered %s", err, r.CopyFile())
	}
	if rs := newDoc(t, recovery).Pending(); len(rs) != 0 {
		t.Errorf("a second window offers the copy being offered: %d", len(rs))
	}
	copyFile := r.CopyFile()
	next.Restore(r)
	if next.RecoveryFile() != copyFile {
		t.Errorf("the restored copy %q is not the window's own %q", copyFile, next.RecoveryFile())
	}
	next.Discard()
	if left := recoveryFolder(t, recovery); len(left) != 0 {
		t.Errorf("discarding left %v", left)
	}
}

func TestAnUnreadableRecoveryCopyIsNotOffered(t *testing.T) {
	for name, write := range map[string]func(file string) error{
		"not JSON":     func(file string) error { return os.WriteFile(file, []byte("{"), 0o600) },
		"no work":      func(file string) error { return os.WriteFile(file, []byte(`{"path":""}`), 0o600) },
		"far too long": func(file string) error { return os.Truncate(file, files.MaxFileSize+1) },
	} {
		t.Run(name, func(t *testing.T) {
			recovery := t.TempDir()
			file := filepath.Join(recovery, "20261123T023000Z-1-0badc0de.json")
			os.WriteFile(file, nil, 0o600)
			if err := write(file); err != nil {
				t.Fatal(err)
			}
			if rs := newDoc(t, recovery).Pending(); len(rs) != 0 {
				t.Error("offered")
			}
			if _, err := os.Stat(file); err != nil {
				t.Errorf("an unreadable copy was removed: %v", err)
			}
		})
	}
}

func TestDiscardRemovesTheRecoveryCopy(t *testing.T) {
	recovery := filepath.Join(t.TempDir(), "recovery")
	d := newDoc(t, recovery)
	d.Edit(func(a *assessment.Assessment) { a.City.Name = "Huế" })
	if err := d.Autosave(); err != nil {
		t.Fatal(err)
	}
	changes := counter(d)
	d.Discard()
	if left := recoveryFolder(t, recovery); len(left) != 0 || d.RecoveryFile() != "" {
		t.Errorf("the recovery copy is still there: %v", left)
	}
	if !d.AutosavedAt().IsZero() || *changes != 1 {
		t.Errorf("autosaved %v, %d notifications", d.AutosavedAt(), *changes)
	}
	if rs := newDoc(t, recovery).Pending(); len(rs) != 0 {
		t.Error("discarded work offered")
	}
}

func TestCloseReleasesTheLock(t *testing.T) {
	path := savedDemo(t)
	d := newDoc(t, "")
	if err := d.Open(path); err != nil {
		t.Fatal(err)
	}
	if !ourLock(path) {
		t.Fatal("not locked")
	}
	d.Close()
	if _, err := os.Stat(files.LockPath(path)); !os.IsNotExist(err) {
		t.Errorf("the lock is still there: %v", err)
	}
}

// editedAndAutosaved opens a saved copy of the demo, renames its city and
// autosaves, as a user whose power then goes (the copy's lock is released
// as the system releases a dead process's).
func editedAndAutosaved(t *testing.T, recovery, name string) (*Document, string) {
	t.Helper()
	path := savedDemo(t)
	d := newDoc(t, recovery)
	if err := d.Open(path); err != nil {
		t.Fatal(err)
	}
	d.Edit(func(a *assessment.Assessment) { a.City.Name = name })
	if err := d.Autosave(); err != nil {
		t.Fatal(err)
	}
	crash(d)
	return d, path
}

// TestAFileOfQuestionnaire2026OpensAndSavesInTheCurrentVersion: the
// 2026.1 demo kept in the test data opens with the migration told, and
// saving writes it for the current version with every answer, those of
// removed questions included.
func TestAFileOfQuestionnaire2026OpensAndSavesInTheCurrentVersion(t *testing.T) {
	data, err := os.ReadFile("../testdata/v2026.1/demo-halong-gastronomy.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.ccsa")
	os.WriteFile(path, data, 0o644)
	original, err := assessment.Decode(data, path)
	if err != nil || original.QuestionnaireVersion != "2026.1" {
		t.Fatalf("fixture: %v, version %q", err, original.QuestionnaireVersion)
	}
	d := newDoc(t, "")
	if err := d.Open(path); err != nil {
		t.Fatal(err)
	}
	current := d.Questionnaire().Version
	if current != "2026.1" && !hasProblem(d.Migrated(), assessment.CodeMigrated) {
		t.Errorf("opening a 2026.1 file tells nothing: %+v", d.Migrated())
	}
	if slices.ContainsFunc(d.Problems(), func(p assessment.Problem) bool { return p.Severity == assessment.Error }) {
		t.Errorf("a 2026.1 file has errors: %+v", d.Problems())
	}
	if now, _ := os.ReadFile(path); string(now) != string(data) {
		t.Error("opening changed the file")
	}
	d.Edit(func(a *assessment.Assessment) { a.City.Assessor = "Nguyễn Thị Hoa" })
	if err := d.Save(); err != nil {
		t.Fatal(err)
	}
	saved, err := files.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if saved.QuestionnaireVersion != current {
		t.Errorf("saved as %q, want %q", saved.QuestionnaireVersion, current)
	}
	if len(saved.Answers) != len(original.Answers) {
		t.Errorf("%d answers saved of %d", len(saved.Answers), len(original.Answers))
	}
	d2 := newDoc(t, "")
	if err := d2.Open(path); err != nil || len(d2.Migrated()) != 0 {
		t.Errorf("the saved file is migrated again: %v %+v", err, d2.Migrated())
	}
}
