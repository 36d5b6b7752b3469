package assessment

import (
	"errors"
	"regexp"
	"strconv"
	"time"
)

// ISODate is the layout of dates in the file: 2006-01-02.
const ISODate = "2006-01-02"

// ErrNotADate is returned by ParseDate for text that is not a date.
var ErrNotADate = errors.New("not a date")

var dayMonthYear = regexp.MustCompile(`^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$`)

// ParseDate reads a date typed by a user: day, month and year as
// Vietnamese and British English write them (27/11/2026, 7/1/2026,
// 27-11-2026, 27.11.2026), or the file's own ISO form (2026-11-27). Any
// other text, or a day that does not exist, is ErrNotADate.
func ParseDate(s string) (time.Time, error) {
	if t, err := time.Parse(ISODate, s); err == nil {
		return t, nil
	}
	m := dayMonthYear.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, ErrNotADate
	}
	day, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || int(t.Month()) != month {
		return time.Time{}, ErrNotADate
	}
	return t, nil
}

var (
	emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$`)
	phoneAllowed = regexp.MustCompile(`^\+?[0-9 ().\-]+$`)
)

// ValidEmail reports whether s looks like an e-mail address: a name, @, and
// a domain with a dot.
func ValidEmail(s string) bool { return emailPattern.MatchString(s) }

// ValidPhone reports whether s looks like a telephone number: digits (8 to
// 15 of them, as Vietnamese landlines with their area code and mobiles
// have), with spaces, dots, dashes, brackets and a leading +.
func ValidPhone(s string) bool {
	if !phoneAllowed.MatchString(s) {
		return false
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 8 && digits <= 15
}
