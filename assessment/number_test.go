package assessment

import (
	"errors"
	"math"
	"testing"
)

func TestParseNumberAcceptsEachLanguagesNotation(t *testing.T) {
	tests := []struct {
		in   string
		lang string
		want float64
	}{
		{"1.234,5", "vi", 1234.5},
		{"1.234.567,89", "vi", 1234567.89},
		{"1.234", "vi", 1234},
		{"1234,5", "vi", 1234.5},
		{"1234.5", "vi", 1234.5}, // plain notation works in both languages
		{"0,5", "vi", 0.5},
		{",5", "vi", 0.5},
		{"1.5", "vi", 1.5}, // a lone dot that cannot group thousands is a decimal point
		{"1 234,5", "vi", 1234.5},
		{"1\u00a0234,5", "vi", 1234.5},
		{"  42 ", "vi", 42},
		{"-3", "vi", -3},
		{"1,234.5", "en", 1234.5},
		{"1,234,567.89", "en", 1234567.89},
		{"1234.5", "en", 1234.5},
		{"1,234", "en", 1234},
		{"0.5", "en", 0.5},
		{".5", "en", 0.5},
		{"1 234.5", "en", 1234.5},
		{"+7", "en", 7},
		{"300000", "en", 300000},
		{"300000", "vi", 300000},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in, notation(tt.lang))
		if err != nil || got != tt.want {
			t.Errorf("ParseNumber(%q, %s) = %v, %v; want %v", tt.in, tt.lang, got, err, tt.want)
		}
	}
}

func TestParseNumberRejectsGarbage(t *testing.T) {
	tests := []struct{ in, lang string }{
		{"", "vi"}, {" ", "en"}, {"abc", "en"}, {"12a", "vi"}, {"1,234.5", "vi"}, {"1.234,5", "en"},
		{"1,5", "en"}, {"1.23.4", "vi"}, {"1,23,4", "en"}, {"1e5", "en"}, {"NaN", "en"}, {"Inf", "vi"},
		{"--1", "en"}, {"1,", "vi"}, {"1.", "en"}, {"1,2,3", "vi"}, {"12,34,567", "en"}, {"0x10", "en"},
		{"١٢٣", "en"}, {"1.2345.678", "vi"}, {"-", "en"}, {"1_000", "en"},
	}
	for _, tt := range tests {
		if got, err := ParseNumber(tt.in, notation(tt.lang)); !errors.Is(err, ErrNotANumber) {
			t.Errorf("ParseNumber(%q, %s) = %v, %v; want ErrNotANumber", tt.in, tt.lang, got, err)
		}
	}
}

func TestFormatNumberUsesLocalSeparators(t *testing.T) {
	tests := []struct {
		f        float64
		lang     string
		decimals int
		want     string
	}{
		{1234567.891, "vi", 2, "1.234.567,89"},
		{1234567.891, "en", 2, "1,234,567.89"},
		{300000, "vi", 0, "300.000"},
		{72.5, "vi", 1, "72,5"},
		{72.0, "en", 1, "72"},
		{0, "en", 2, "0"},
		{-1234.5, "en", 1, "-1,234.5"},
		{-0.001, "vi", 1, "0"},
		{999, "vi", 0, "999"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.f, notation(tt.lang), tt.decimals); got != tt.want {
			t.Errorf("FormatNumber(%v, %s, %d) = %q; want %q", tt.f, tt.lang, tt.decimals, got, tt.want)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.234,5", "1,234.5", "1234.5", "-0", " 12 ", "1e9", "١", ",", ".", "1\u00a0000"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, vi bool) {
		lang := "en"
		if vi {
			lang = "vi"
		}
		v, err := ParseNumber(s, notation(lang))
		if err != nil {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseNumber(%q, %s) = %v", s, lang, v)
		}
		// What the app writes back must read again as the same number.
		back, err := ParseNumber(FormatNumber(v, notation(lang), 6), notation(lang))
		if err != nil || math.Abs(back-v) > 1e-6*math.Max(1, math.Abs(v)) {
			t.Fatalf("round trip of %q (%v) in %s gave %v, %v", s, v, lang, back, err)
		}
	})
}

// notation is the notation of a language the app ships.
func notation(lang string) Notation {
	if lang == "vi" {
		return CommaDecimal
	}
	return PointDecimal
}

// TestOneRoundingEverywhere: a half is rounded away from zero, as Excel's
// number formats and the report's sheets round it, so that a score of
// 67.25 reads 67.3 in the window, the command line and the workbook.
func TestOneRoundingEverywhere(t *testing.T) {
	vi := Notation{Decimal: ',', Thousands: '.'}
	for _, tt := range []struct {
		f    float64
		d    int
		want string
	}{
		{67.25, 1, "67,3"}, {-67.25, 1, "-67,3"}, {0.125, 2, "0,13"}, {2.5, 0, "3"}, {1234.45, 1, "1.234,5"}, {67.24, 1, "67,2"},
	} {
		if got := FormatNumber(tt.f, vi, tt.d); got != tt.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", tt.f, tt.d, got, tt.want)
		}
	}
}
