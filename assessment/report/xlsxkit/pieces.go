package xlsxkit

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode/utf16"
)

// SplitCell cuts a text into pieces that each fit a cell (at most
// MaxCellChars UTF-16 units, as Excel counts), never inside a surrogate
// pair, for a hidden sheet that continues a long text over the cells that
// follow; "" is one empty piece. JoinCells puts the pieces back together.
func SplitCell(s string) []string {
	var out []string
	for {
		n, cut := 0, -1
		for i, r := range s {
			if n+utf16.RuneLen(r) > MaxCellChars {
				cut = i
				break
			}
			n += utf16.RuneLen(r)
		}
		if cut < 0 {
			return append(out, s)
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
}

// Digest is the fingerprint of a cell's text (64-bit FNV-1a, in hex): what
// a workbook keeps of a text it shows, to tell later whether the cell was
// edited.
func Digest(s string) string {
	h := fnv.New64a()
	h.Write([]byte(s))
	return fmt.Sprintf("%016x", h.Sum64())
}

// JoinCells is the text SplitCell cut into pieces.
func JoinCells(pieces []string) string { return strings.Join(pieces, "") }
