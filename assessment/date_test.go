package assessment

import (
	"testing"
	"time"
)

func TestParseDateReadsDayMonthYearAndISO(t *testing.T) {
	want := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"27/11/2026", "27-11-2026", "27.11.2026", " 27 / 11 / 2026 ", "2026-11-27"} {
		if got, err := ParseDate(s); err != nil || !got.Equal(want) {
			t.Errorf("%q: %v, %v", s, got, err)
		}
	}
	if got, err := ParseDate("7/1/2026"); err != nil || got != time.Date(2026, 1, 7, 0, 0, 0, 0, time.UTC) {
		t.Errorf("7/1/2026: %v, %v", got, err)
	}
	for _, s := range []string{"", "hôm qua", "31/02/2026", "11/27/2026", "27/11/26", "2026/11/27x", "0/1/2026"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("%q was read as a date", s)
		}
	}
}

func TestEmailAndPhoneChecks(t *testing.T) {
	for s, want := range map[string]bool{"vanhoa@quangninh.gov.vn": true, "a.b@c.vn": true, "vanhoa-halong": false,
		"vanhoa@halong": false, "x y@z.vn": false, "@z.vn": false} {
		if ValidEmail(s) != want {
			t.Errorf("email %q: %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"0203 3000 000": true, "+84 203 3825 123": true, "(0203) 3.825.123": true,
		"0912-345-678": true, "12345": false, "gọi 0912345678": false, "0912345678901234": false} {
		if ValidPhone(s) != want {
			t.Errorf("phone %q: %v", s, !want)
		}
	}
}
