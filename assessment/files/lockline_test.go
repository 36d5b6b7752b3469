package files

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"
)

func TestALockLineEscapesAndReadsBack(t *testing.T) {
	since := time.Date(2026, 12, 7, 9, 5, 0, 0, time.Local)
	info := LockInfo{User: `lan,van;a\b`, Host: "may;1", PID: 4321, Since: since}
	got := string(formatLock(info))
	want := `lan\,van\;a\\b (Creative City Self-Assessment\, PID 4321),lan\,van\;a\\b,may\;1,07.12.2026 09:05,;`
	if got != want {
		t.Fatalf("line\n%s\nwant\n%s", got, want)
	}
	back, ok := parseLock([]byte(got))
	if !ok || back.User != info.User || back.Host != info.Host || back.PID != 4321 || !back.Since.Equal(since) {
		t.Fatalf("read back %+v, %v", back, ok)
	}
}

func TestLibreOfficesLockLinesAreRead(t *testing.T) {
	for _, c := range []struct {
		line, user, host string
	}{
		{`,lan,may-so-2,07.12.2026 10:37,file:///home/lan/.config/libreoffice/4;`, "lan", "may-so-2"},
		{`Nguyễn Văn Lan,lan,may-so-2,07.12.2026 10:37,file:///C:/Users/lan/AppData/Roaming/LibreOffice/4;` + "\n", "Nguyễn Văn Lan", "may-so-2"},
		{`Lan\, phòng VH,lan,pc\;2,07.12.2026 10:37,;trailing`, "Lan, phòng VH", "pc;2"},
	} {
		info, ok := parseLock([]byte(c.line))
		if !ok || info.User != c.user || info.Host != c.host || info.PID != 0 ||
			info.Since.Format(lockTimeLayout) != "07.12.2026 10:37" {
			t.Errorf("%q: %+v, %v", c.line, info, ok)
		}
	}
	for _, bad := range []string{``, `a,b,c,d;`, `a,b,c,d,e`, `a,b,c,d,e,f;`, `a\x,b,c,d,e;`, `a,b,c,d,e\`} {
		if info, ok := parseLock([]byte(bad)); ok {
			t.Errorf("%q read as a lock: %+v", bad, info)
		}
	}
}

func TestOurLockIsALibreOfficeLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	if other := Lock(path, time.Now()); other != nil {
		t.Fatal(other)
	}
	data, err := os.ReadFile(LockPath(path))
	if err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	re := regexp.MustCompile(`^[^,;]*\(Creative City Self-Assessment\\, PID ` + strconv.Itoa(os.Getpid()) +
		`\),[^,;]*,` + regexp.QuoteMeta(escapeLockField(host)) + `,\d\d\.\d\d\.\d{4} \d\d:\d\d,;$`)
	if !re.Match(data) {
		t.Errorf("lock line %q", data)
	}
}

func TestLockForWritingIsExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	l, err := LockForWriting(path, time.Now())
	if err != nil || l == nil {
		t.Fatalf("a free file: %v, %v", l, err)
	}
	_, err = LockForWriting(path, time.Now())
	var held *HeldError
	if !errors.As(err, &held) || held.Holder.PID != os.Getpid() {
		t.Fatalf("a second writer of this process: %v", err)
	}
	if Lock(path, time.Now()) != nil {
		t.Error("the window of this process is warned of its own writer")
	}
	l.Release()
	if _, err := os.Stat(LockPath(path)); !os.IsNotExist(err) {
		t.Fatal("the lock is left after Release")
	}
	// LibreOffice on another computer: never taken, left as it is.
	line := []byte(`,lan,may-so-2,07.12.2026 10:37,file:///home/lan/.config/libreoffice/4;`)
	os.WriteFile(LockPath(path), line, 0o644)
	_, err = LockForWriting(path, time.Now())
	if !errors.As(err, &held) || held.Holder.User != "lan" || held.Holder.Host != "may-so-2" {
		t.Fatalf("LibreOffice's lock: %v", err)
	}
	if data, _ := os.ReadFile(LockPath(path)); string(data) != string(line) {
		t.Errorf("LibreOffice's lock became %q", data)
	}
	if other := Lock(path, time.Now()); other == nil || other.User != "lan" {
		t.Errorf("the window is not warned of LibreOffice: %+v", other)
	}
}

func TestAStaleLockIsTakenOverForWritingAndOthersAreNot(t *testing.T) {
	host, _ := os.Hostname()
	dead := LockInfo{User: "x", Host: host, PID: 1 << 30, Since: time.Now()}
	for name, content := range map[string][]byte{"line": formatLock(dead), "json": []byte(`{"user":"x","host":"` + host + `","pid":1073741824}`), "empty": nil} {
		path := filepath.Join(t.TempDir(), "hue.ccsa")
		os.WriteFile(LockPath(path), content, 0o600)
		l, err := LockForWriting(path, time.Now())
		if err != nil || l == nil {
			t.Errorf("%s: a stale lock was not taken over: %v", name, err)
			continue
		}
		if held, _ := ReadLock(path); held.PID != os.Getpid() {
			t.Errorf("%s: the lock holds %+v", name, held)
		}
		l.Release()
	}
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	elsewhere := dead
	elsewhere.Host = "may-so-2"
	os.WriteFile(LockPath(path), formatLock(elsewhere), 0o600)
	if _, err := LockForWriting(path, time.Now()); err == nil {
		t.Error("a lock of another computer was taken")
	}
}

// TestOneTakerOfAStaleLockWins: writers that find the same stale lock at
// once never both get it.
func TestOneTakerOfAStaleLockWins(t *testing.T) {
	host, _ := os.Hostname()
	for round := range 20 {
		path := filepath.Join(t.TempDir(), "hue.ccsa")
		os.WriteFile(LockPath(path), formatLock(LockInfo{Host: host, PID: 1 << 30}), 0o600)
		var wg sync.WaitGroup
		var mu sync.Mutex
		won := 0
		for range 8 {
			wg.Go(func() {
				if l, err := LockForWriting(path, time.Now()); err == nil && l != nil {
					mu.Lock()
					won++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if won != 1 {
			t.Fatalf("round %d: %d writers got the lock", round, won)
		}
	}
}

// TestAnUnreadableLockIsHeld: a lock this user may not read (another
// user's, private) is held by someone unknown, never taken over.
func TestAnUnreadableLockIsHeld(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	path := filepath.Join(t.TempDir(), "hue.ccsa")
	os.WriteFile(LockPath(path), formatLock(LockInfo{User: "lan", Host: "may-so-2"}), 0o000)
	_, err := LockForWriting(path, time.Now())
	var held *HeldError
	if !errors.As(err, &held) || held.Holder != (LockInfo{}) {
		t.Fatalf("LockForWriting = %v", err)
	}
	if other := Lock(path, time.Now()); other != nil {
		t.Errorf("the window is warned of no one: %+v", other)
	}
	if _, err := os.Stat(LockPath(path)); err != nil {
		t.Error("the unreadable lock was removed")
	}
}

// TestALibreOfficeLockOfThisComputerIsHeld: LibreOffice's lock carries no
// process number, so that whether its holder still runs cannot be told:
// on this very computer too, a save asks before overwriting the file
// (HeldByOther), as opening warns (Lock) and a writer stops
// (LockForWriting). Before, HeldByOther took a lock without a process
// number for one whose process had ended.
func TestALibreOfficeLockOfThisComputerIsHeld(t *testing.T) {
	path := filepath.Join(t.TempDir(), "Hạ Long.ccsa")
	host, _ := os.Hostname()
	line := ",lan," + host + ",07.12.2026 10:37,file:///home/lan/.config/libreoffice/4;"
	if err := os.WriteFile(LockPath(path), []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if held := HeldByOther(path); held == nil || held.User != "lan" || held.Host != host {
		t.Errorf("HeldByOther = %+v", held)
	}
	if held := Lock(path, time.Now()); held == nil || held.User != "lan" {
		t.Errorf("Lock = %+v", held)
	}
	if _, err := LockForWriting(path, time.Now()); err == nil {
		t.Error("LockForWriting took the lock")
	}
	Unlock(path)
	if data, _ := os.ReadFile(LockPath(path)); string(data) != line {
		t.Errorf("the lock now holds %q", data)
	}
}
