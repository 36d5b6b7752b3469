package files

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A lock file holds one line in LibreOffice's format (svl's
// LockFileCommon), so that LibreOffice shows "locked by …" for a file the
// app holds and the app recognises a file LibreOffice holds:
//
//	AUTHOR,SYSUSER,HOST,DD.MM.YYYY HH:MM,URL;
//
// Fields are UTF-8, separated by commas and ended by a semicolon; a comma,
// a semicolon or a backslash inside a field is preceded by a backslash.
// The time is the holder's local time, to the minute. LibreOffice writes
// the name of its user in AUTHOR and its profile folder in URL.
//
// The app writes its user's name followed by lockMark and its process
// number in AUTHOR, "lan (Creative City Self-Assessment, PID 1234)", and
// leaves URL empty: LibreOffice shows who holds the file and with what,
// and the process number lets a lock left by a process that no longer runs
// be recognised as stale on the same computer. The mark is part of the
// format, not a translated text.
const lockMark = "Creative City Self-Assessment"

// lockTimeLayout is the time of a lock line.
const lockTimeLayout = "02.01.2006 15:04"

var lockAuthorPID = regexp.MustCompile(`\(` + regexp.QuoteMeta(lockMark) + `, PID ([0-9]{1,10})\)$`)

// formatLock is info's lock line.
func formatLock(info LockInfo) []byte {
	author := lockMark + ", PID " + strconv.Itoa(info.PID)
	if info.User != "" {
		author = info.User + " (" + author + ")"
	} else {
		author = "(" + author + ")"
	}
	fields := []string{author, info.User, info.Host, info.Since.Local().Format(lockTimeLayout), ""}
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(escapeLockField(f))
	}
	b.WriteByte(';')
	return []byte(b.String())
}

// escapeLockField puts a backslash before each comma, semicolon and
// backslash of s.
func escapeLockField(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ',' || c == ';' || c == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// splitLockLine reads the five fields of a lock line as LibreOffice does:
// what follows the semicolon is ignored; a backslash before any other
// character, a missing field or a missing semicolon make it no lock.
func splitLockLine(data []byte) ([]string, bool) {
	var fields []string
	var cur []byte
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\\':
			if i+1 >= len(data) || !strings.ContainsRune(",;\\", rune(data[i+1])) {
				return nil, false
			}
			i++
			cur = append(cur, data[i])
		case ',', ';':
			fields = append(fields, string(cur))
			cur = cur[:0]
			if c == ';' || len(fields) == 5 {
				return fields, c == ';' && len(fields) == 5
			}
		default:
			cur = append(cur, c)
		}
	}
	return nil, false
}

// parseLockLine reads a lock line. The holder's user is the AUTHOR that
// LibreOffice shows, or the system user when it is empty or the app's
// own; the process number is known only for the app's own lines.
func parseLockLine(data []byte) (LockInfo, bool) {
	f, ok := splitLockLine(data)
	if !ok {
		return LockInfo{}, false
	}
	info := LockInfo{User: f[0], Host: f[2]}
	if m := lockAuthorPID.FindStringSubmatch(f[0]); m != nil {
		info.PID, _ = strconv.Atoi(m[1])
		info.User = f[1]
	}
	if info.User == "" {
		info.User = f[1]
	}
	if since, err := time.ParseInLocation(lockTimeLayout, strings.TrimSpace(f[3]), time.Local); err == nil {
		info.Since = since
	}
	return info, true
}
