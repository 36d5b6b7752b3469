package assessment

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// ErrNotANumber is returned by ParseNumber for text that is not a number
// in the given language's notation.
var ErrNotANumber = errors.New("not a number")

// Notation is how a language writes numbers: Vietnamese 1.234,5 has a
// decimal comma and a thousands dot, English 1,234.5 the reverse. It comes
// from the language's message files.
type Notation struct {
	Decimal, Thousands byte
}

// The two notations of the languages the app ships, for tests and defaults.
var (
	CommaDecimal = Notation{Decimal: ',', Thousands: '.'}
	PointDecimal = Notation{Decimal: '.', Thousands: ','}
)

// ParseNumber reads a number typed by a user. It accepts the notation's
// own form with or without thousands separators (vi "1.234,5",
// en "1,234.5"), plain "1234.5" in every notation, spaces (also
// non-breaking) as thousands separators, and a leading sign. Thousands
// groups must have three digits, so "1.23" with a thousands dot is 1.23
// and not a mistyped thousand. Anything else, including exponents, "NaN"
// and "Inf", is ErrNotANumber.
func ParseNumber(s string, n Notation) (float64, error) {
	dec, sep := n.Decimal, n.Thousands
	s = strings.TrimSpace(s)
	for _, space := range []string{" ", "\u00a0", "\u202f", "\u2009"} {
		s = strings.ReplaceAll(s, space, string(sep))
	}
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, ErrNotANumber
	}
	intPart, frac, hasDec := s, "", false
	switch {
	case strings.IndexByte(s, dec) >= 0:
		i := strings.IndexByte(s, dec)
		intPart, frac, hasDec = s[:i], s[i+1:], true
	case sep == '.' && strings.Count(s, ".") == 1 && !validGroups(s, '.'):
		// Plain "1234.5" where the dot groups thousands: a lone dot that
		// cannot be a thousands separator is a decimal point.
		i := strings.IndexByte(s, '.')
		intPart, frac, hasDec = s[:i], s[i+1:], true
	}
	if hasDec && (frac == "" || !allDigits(frac)) {
		return 0, ErrNotANumber
	}
	if strings.IndexByte(intPart, sep) >= 0 {
		if !validGroups(intPart, sep) {
			return 0, ErrNotANumber
		}
		intPart = strings.ReplaceAll(intPart, string(sep), "")
	}
	if intPart == "" {
		if !hasDec {
			return 0, ErrNotANumber
		}
		intPart = "0"
	}
	if !allDigits(intPart) {
		return 0, ErrNotANumber
	}
	text := intPart
	if hasDec {
		text += "." + frac
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, ErrNotANumber
	}
	if neg {
		f = -f
	}
	return f, nil
}

// validGroups reports whether s is digits grouped by sep in threes after
// a first group of one to three digits, like 1.234.567.
func validGroups(s string, sep byte) bool {
	groups := strings.Split(s, string(sep))
	if len(groups) < 2 || len(groups[0]) < 1 || len(groups[0]) > 3 || !allDigits(groups[0]) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// RoundHalfAway rounds f to the given decimals, a half away from zero,
// as Excel's number formats and the report's sheets do: every score the
// app displays, in the window, the command line or a workbook's text, is
// rounded this one way (strconv alone rounds an exact half to even, which
// showed 67.25 as 67.2 beside a sheet's 67.3).
func RoundHalfAway(f float64, decimals int) float64 {
	p := math.Pow10(decimals)
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f*p) >= 1e15 {
		return f
	}
	return math.Round(f*p) / p
}

// FormatNumber writes a number in a notation with up to decimals fraction
// digits (trailing zeros dropped) and thousands separators: vi 1.234,5;
// en 1,234.5.
func FormatNumber(f float64, n Notation, decimals int) string {
	dec, sep := n.Decimal, n.Thousands
	s := strconv.FormatFloat(RoundHalfAway(f, decimals), 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	var b strings.Builder
	if neg && strings.Trim(intPart+frac, "0") != "" {
		b.WriteByte('-')
	}
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteByte(intPart[i])
	}
	if frac != "" {
		b.WriteByte(dec)
		b.WriteString(frac)
	}
	return b.String()
}
