package xlsxkit

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// TestPageHeaderKeepsWithinExcelsLimit: a page header naming a city of
// any length is at most 255 UTF-16 units; a short name is whole, a long
// one cut at a letter with "…", never inside a doubled "&" or a surrogate
// pair.
func TestPageHeaderKeepsWithinExcelsLimit(t *testing.T) {
	app := "Tự đánh giá Thành phố Sáng tạo"
	if got, want := PageHeader("Hạ Long & Cẩm Phả", app), "&LHạ Long && Cẩm Phả&R"+app; got != want {
		t.Errorf("short: %q; want %q", got, want)
	}
	for _, unit := range []string{"Hạ Long ", "&", "𝒬", "a&", "𝒬&b"} {
		for n := 200; n <= 300; n++ {
			city := string([]rune(strings.Repeat(unit, 300))[:n])
			h := PageHeader(city, app)
			units := len(utf16.Encode([]rune(h)))
			if units > MaxHeaderFooter || !utf8.ValidString(h) || strings.ContainsRune(h, utf8.RuneError) {
				t.Fatalf("%q×%d: %d units: %q", unit, n, units, h)
			}
			left := strings.TrimSuffix(strings.TrimPrefix(h, "&L"), "&R"+app)
			whole := strings.ReplaceAll(city, "&", "&&")
			if left == whole {
				continue
			}
			cut, ok := strings.CutSuffix(left, "…")
			// Cut at a letter: the doubled "&" stay whole.
			if !ok || !strings.HasPrefix(whole, cut) || strings.Count(cut, "&")%2 != 0 || units < MaxHeaderFooter-4 {
				t.Fatalf("%q×%d: cut as %q (%d units)", unit, n, left, units)
			}
		}
	}
	// A name within the limit is kept whole, up to the last unit.
	fixed := len(utf16.Encode([]rune("&L&R" + app)))
	city := strings.Repeat("a", MaxHeaderFooter-fixed)
	if h := PageHeader(city, app); h != "&L"+city+"&R"+app {
		t.Errorf("a name that fits is cut: %q", h)
	}
	if h := PageHeader(city+"b", app); !strings.HasSuffix(h, "…&R"+app) {
		t.Errorf("a name one unit too long: %q", h)
	}
}

// TestTextWidthIsAtMostExcelsWidest: Excel refuses a column wider than
// 255 characters; a long text wraps in the widest column instead.
func TestTextWidthIsAtMostExcelsWidest(t *testing.T) {
	if w := TextWidth(strings.Repeat("Hạ Long ", 40), BoldCharUnits); w != MaxColumnWidth {
		t.Errorf("a 320-letter text needs %v", w)
	}
	if w := TextWidth("Hạ Long", CharUnits); w >= 20 {
		t.Errorf("a short name needs %v", w)
	}
	heads := HeaderWidths([]string{strings.Repeat("x", 300)}, []float64{10})
	if heads[0] != MaxColumnWidth {
		t.Errorf("a 300-letter word gives a column of %v", heads[0])
	}
}
