package xlsxkit

import (
	"strings"
	"testing"
)

func TestSplitCellAtTheLimit(t *testing.T) {
	emoji := "😀" // two UTF-16 units, four bytes
	for _, tc := range []struct {
		name  string
		s     string
		sizes []int // UTF-16 units of each piece
	}{
		{"empty", "", []int{0}},
		{"exactly a cell", strings.Repeat("ệ", MaxCellChars), []int{MaxCellChars}},
		{"one unit over", strings.Repeat("a", MaxCellChars+1), []int{MaxCellChars, 1}},
		{"surrogate pair across the limit", strings.Repeat("a", MaxCellChars-1) + emoji + "b", []int{MaxCellChars - 1, 3}},
		{"surrogate pair ending at the limit", strings.Repeat("a", MaxCellChars-2) + emoji + "b", []int{MaxCellChars, 1}},
		{"three cells", strings.Repeat("ữ", 2*MaxCellChars) + strings.Repeat(emoji, 10), []int{MaxCellChars, MaxCellChars, 20}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := SplitCell(tc.s)
			if len(got) != len(tc.sizes) {
				t.Fatalf("%d pieces, want %d", len(got), len(tc.sizes))
			}
			for i, p := range got {
				if n := utf16Len(p); n != tc.sizes[i] {
					t.Errorf("piece %d: %d units, want %d", i, n, tc.sizes[i])
				}
				if strings.ContainsRune(p, '\uFFFD') {
					t.Errorf("piece %d holds half a surrogate pair", i)
				}
			}
			if JoinCells(got) != tc.s {
				t.Error("the pieces do not join back to the text")
			}
		})
	}
}
