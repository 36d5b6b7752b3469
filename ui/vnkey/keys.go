package vnkey

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letter is one letter of a shown word: its base (a-z, case kept), its
// diacritic and its tone.
type letter struct {
	base rune
	mark rune // one of the comb* diacritics, 'đ' for the bar, 0 for none
	tone tone
}

// parseShown splits a shown word, in any normalization form, into letters.
// It fails on anything but Latin letters with Vietnamese diacritics and
// digits.
func parseShown(rs []rune) ([]letter, bool) {
	var ls []letter
	for _, r := range norm.NFD.String(string(rs)) {
		last := len(ls) - 1
		switch {
		case r == 'đ' || r == 'Đ':
			ls = append(ls, letter{base: map[rune]rune{'đ': 'd', 'Đ': 'D'}[r], mark: 'đ'})
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			ls = append(ls, letter{base: r})
		case last < 0:
			return nil, false
		case r == combHat || r == combBreve || r == combHorn:
			if ls[last].mark != 0 || !takesMark(unicode.ToLower(ls[last].base), r) {
				return nil, false
			}
			ls[last].mark = r
		default:
			t := toneOf(r)
			if t == toneNone || ls[last].tone != toneNone || !strings.ContainsRune("aeiouyAEIOUY", ls[last].base) {
				return nil, false
			}
			ls[last].tone = t
		}
	}
	return ls, true
}

// takesMark reports whether Vietnamese puts diacritic m on letter b.
func takesMark(b, m rune) bool {
	switch m {
	case combHat:
		return b == 'a' || b == 'e' || b == 'o'
	case combBreve:
		return b == 'a'
	}
	return b == 'o' || b == 'u'
}

func toneOf(r rune) tone {
	for t, c := range toneRunes {
		if c == r && t != 0 {
			return tone(t)
		}
	}
	return toneNone
}

// markKeys are the keys that put a diacritic on base in method m.
func markKeys(m Method, base, mark rune) string {
	if m == VNI {
		return map[rune]string{combHat: "6", combBreve: "8", combHorn: "7", 'đ': "9"}[mark]
	}
	switch mark {
	case combHat:
		return string(base)
	case combBreve, combHorn:
		return "w"
	case 'đ':
		return string(base)
	}
	return ""
}

func toneKey(m Method, t tone) string {
	if t == toneNone {
		return ""
	}
	if m == VNI {
		return string(rune('0' + t))
	}
	return string("zsfrxj"[t])
}

// spell writes keys for letters: each letter with its diacritic key, and
// its tone key right after it (toneLast: at the end of the word); with
// doubleW, a plain Telex w is typed twice (w alone would give ư).
func spell(m Method, ls []letter, toneLast, doubleW bool) []rune {
	var b strings.Builder
	last := ""
	for _, l := range ls {
		b.WriteRune(l.base)
		if doubleW && m == Telex && l.mark == 0 && (l.base == 'w' || l.base == 'W') {
			b.WriteRune(l.base)
		}
		b.WriteString(markKeys(m, l.base, l.mark))
		if toneLast {
			last += toneKey(m, l.tone)
		} else {
			b.WriteString(toneKey(m, l.tone))
		}
	}
	b.WriteString(last)
	return []rune(b.String())
}

// keysFor finds keys that type the shown word: keys whose result is the
// word itself, or else, for a Vietnamese word whose tone another input
// method placed elsewhere ("hoà"), keys that give it with the tone where
// this engine puts it. It reports false for anything else, which the
// engine then leaves alone.
func keysFor(m Method, word []rune) ([]rune, bool) {
	if len(word) == 0 {
		return nil, true
	}
	ls, ok := parseShown(word)
	if !ok {
		return nil, false
	}
	want := norm.NFC.String(string(word))
	for _, toneLast := range []bool{false, true} {
		for _, doubleW := range []bool{false, true} {
			keys := spell(m, ls, toneLast, doubleW)
			if compose(m, keys).String() == want {
				return keys, true
			}
		}
	}
	keys := spell(m, ls, true, false)
	if c := compose(m, keys); !c.notVietnamese() && stripTones(c.String()) == stripTones(want) {
		return keys, true
	}
	return nil, false
}

// stripTones removes the tones of a word, keeping its other diacritics.
func stripTones(s string) string {
	return norm.NFC.String(strings.Map(func(r rune) rune {
		if toneOf(r) != toneNone {
			return -1
		}
		return r
	}, norm.NFD.String(s)))
}
