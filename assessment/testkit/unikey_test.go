package testkit

import (
	"slices"
	"testing"
)

func TestUnikeyScriptTypesTheText(t *testing.T) {
	for _, text := range []string{"Hạ Long", "Thừa Thiên Huế", "Đà Lạt — phố cổ Hội An", "NGUYỄN VĂN AN", "ươ ỷ ữ"} {
		lines := Unikey(text)
		if got := Typed(lines); got != text {
			t.Errorf("%q typed as %q", text, got)
		}
	}
}

func TestUnikeyComposesWithBackSpaces(t *testing.T) {
	want := []string{"type 0065", "key 08", "unicode 00EA", "key 08", "unicode 1EC7"}
	if got := Unikey("ệ"); !slices.Equal(got, want) {
		t.Errorf("ệ: %q, want %q", got, want)
	}
	if got := Unikey("đ"); !slices.Equal(got, []string{"type 0064", "key 08", "unicode 0111"}) {
		t.Errorf("đ: %q", got)
	}
}
