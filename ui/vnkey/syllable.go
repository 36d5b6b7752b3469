package vnkey

import (
	"sort"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// mark is the diacritic a letter carries, apart from the syllable's tone.
type mark uint8

const (
	noMark mark = iota
	hat         // circumflex: â ê ô
	breve       // ă
	horn        // ơ ư
	bar         // đ
)

// tone is one of the six Vietnamese tones; toneNone is the level tone
// (thanh ngang), which has no mark.
type tone uint8

const (
	toneNone  tone = iota
	toneAcute      // sắc
	toneGrave      // huyền
	toneHook       // hỏi
	toneTilde      // ngã
	toneDot        // nặng
)

// Combining characters, as NFD spells the Vietnamese diacritics.
const (
	combHat   = '\u0302'
	combBreve = '\u0306'
	combHorn  = '\u031B'
	combAcute = '\u0301'
	combGrave = '\u0300'
	combHook  = '\u0309'
	combTilde = '\u0303'
	combDot   = '\u0323'
)

var toneRunes = [...]rune{toneAcute: combAcute, toneGrave: combGrave, toneHook: combHook, toneTilde: combTilde, toneDot: combDot}

// letter is one Latin letter of a word: its lower-case base (a-z), its
// diacritic and its case.
type letter struct {
	base  rune
	mark  mark
	upper bool
}

func isVowel(b rune) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// word is a parsed word: its letters and its one tone, if any, on the letter
// at toneAt (-1 without a tone).
type word struct {
	letters []letter
	tone    tone
	toneAt  int
}

// parseWord reads runes in any normalization form. It fails on anything that
// is not a Latin letter carrying Vietnamese diacritics (digits, other
// scripts, other accents), on a diacritic that no Vietnamese letter has
// (such as ñ or î), and on more than one tone.
func parseWord(rs []rune) (word, bool) {
	w := word{toneAt: -1}
	for _, r := range norm.NFD.String(string(rs)) {
		last := len(w.letters) - 1
		switch {
		case r == 'đ' || r == 'Đ':
			w.letters = append(w.letters, letter{base: 'd', mark: bar, upper: r == 'Đ'})
		case 'a' <= r && r <= 'z':
			w.letters = append(w.letters, letter{base: r})
		case 'A' <= r && r <= 'Z':
			w.letters = append(w.letters, letter{base: unicode.ToLower(r), upper: true})
		case last < 0:
			return word{}, false
		default:
			l := &w.letters[last]
			var m mark
			t := toneNone
			switch r {
			case combHat:
				m = hat
			case combBreve:
				m = breve
			case combHorn:
				m = horn
			case combAcute:
				t = toneAcute
			case combGrave:
				t = toneGrave
			case combHook:
				t = toneHook
			case combTilde:
				t = toneTilde
			case combDot:
				t = toneDot
			default:
				return word{}, false
			}
			if t != toneNone {
				if w.tone != toneNone || !isVowel(l.base) {
					return word{}, false
				}
				w.tone, w.toneAt = t, last
				continue
			}
			if l.mark != noMark || !takesMark(l.base, m) {
				return word{}, false
			}
			l.mark = m
		}
	}
	return w, true
}

// takesMark reports whether Vietnamese puts diacritic m on base letter b.
func takesMark(b rune, m mark) bool {
	switch m {
	case hat:
		return b == 'a' || b == 'e' || b == 'o'
	case breve:
		return b == 'a'
	case horn:
		return b == 'o' || b == 'u'
	case bar:
		return b == 'd'
	}
	return m == noMark
}

func (w word) clone() word {
	w.letters = append([]letter(nil), w.letters...)
	return w
}

// String renders the word in NFC.
func (w word) String() string {
	rs := make([]rune, 0, 2*len(w.letters)+1)
	for i, l := range w.letters {
		r := l.base
		if l.mark == bar {
			r = 'đ'
		}
		if l.upper {
			r = unicode.ToUpper(r)
		}
		rs = append(rs, r)
		switch l.mark {
		case hat:
			rs = append(rs, combHat)
		case breve:
			rs = append(rs, combBreve)
		case horn:
			rs = append(rs, combHorn)
		}
		if i == w.toneAt && w.tone != toneNone {
			rs = append(rs, toneRunes[w.tone])
		}
	}
	return norm.NFC.String(string(rs))
}

// initials are the Vietnamese initial consonants, longest first so that
// "ngh" is tried before "ng" and "n", and "gi" before "g".
var initials = func() [][]letter {
	names := []string{"b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
		"ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"}
	sort.SliceStable(names, func(i, j int) bool { return len([]rune(names[i])) > len([]rune(names[j])) })
	return mustLetters(names)
}()

// rhymes are the Vietnamese rhymes (vần: vowel nucleus and final consonant)
// without tone, including a few found only after "qu" (quýt, quỳnh), in
// common loanwords (xoong, soóc) and, with a final k, in place names of the
// Central Highlands (Đắk Lắk, Đắk Nông).
var rhymes = mustLetters([]string{
	"a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
	"ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
	"âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
	"e", "ec", "em", "en", "eng", "eo", "ep", "et",
	"ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
	"i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
	"iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
	"o", "oc", "oi", "om", "on", "ong", "op", "ot", "ooc", "oong",
	"oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oap", "oat", "oay",
	"oăc", "oăm", "oăn", "oăng", "oăt",
	"oe", "oen", "oeo", "oet",
	"ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt",
	"ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
	"u", "ua", "uc", "ui", "um", "un", "ung", "up", "ut",
	"uân", "uâng", "uât", "uây",
	"uê", "uêch", "uênh",
	"uôc", "uôi", "uôm", "uôn", "uông", "uôt",
	"uơ",
	"uy", "uya", "uych", "uynh", "uyp", "uyt", "uyu", "uyên", "uyêt",
	"ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu",
	"ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
	"y", "ych", "ynh", "yt", "yêm", "yên", "yêt", "yêu",
	"ak", "ăk", "âk", "ek", "êk", "ik", "ok", "ôk", "ơk", "uk", "ưk",
})

func mustLetters(names []string) [][]letter {
	out := make([][]letter, len(names))
	for i, n := range names {
		w, ok := parseWord([]rune(n))
		if !ok {
			panic("vnkey: bad table entry " + n)
		}
		out[i] = w.letters
	}
	return out
}

// shape is how a word splits into initial consonant letters[:ini], vowel
// nucleus letters[ini:nucEnd] and final consonant letters[nucEnd:].
type shape struct{ ini, nucEnd int }

func (s shape) hasNucleus() bool { return s.nucEnd > s.ini }

// shape splits the word as a Vietnamese syllable, or the beginning of one as
// it is being typed: a (possibly partial) initial, then a prefix of a rhyme
// whose unmarked vowels may still get their marks. It reports false for
// anything else, which the engine then leaves alone.
func (w word) shape() (shape, bool) {
	ls := w.letters
	for _, in := range initials {
		if !hasPrefix(ls, in) {
			continue
		}
		rest := ls[len(in):]
		if len(rest) == 0 {
			if !isVowel(in[len(in)-1].base) {
				return shape{len(ls), len(ls)}, true // a bare initial: "b", "ngh"
			}
			continue // "gi", "qu": try "g" + "i"
		}
		if !isRhymePrefix(rest) {
			continue
		}
		end := len(in)
		for end < len(ls) && isVowel(ls[end].base) {
			end++
		}
		return shape{len(in), end}, true
	}
	if len(ls) == 0 {
		return shape{}, true
	}
	if isRhymePrefix(ls) {
		end := 0
		for end < len(ls) && isVowel(ls[end].base) {
			end++
		}
		return shape{0, end}, true
	}
	// "qu" alone: u is its vowel until another vowel comes, so that a tone
	// typed early ("qus" + "a") finds a place and then moves: "quá".
	if len(ls) == 2 && ls[0].base == 'q' && ls[1].base == 'u' && ls[1].mark == noMark {
		return shape{1, 2}, true
	}
	// The start of a longer initial: "q" of "qu".
	for _, in := range initials {
		if len(in) > len(ls) && hasPrefix(in, ls) {
			return shape{len(ls), len(ls)}, true
		}
	}
	return shape{}, false
}

// hasPrefix reports whether the letters ls start with the letters p, ignoring
// case; marks must match exactly.
func hasPrefix(ls, p []letter) bool {
	if len(p) > len(ls) {
		return false
	}
	for i := range p {
		if ls[i].base != p[i].base || ls[i].mark != p[i].mark {
			return false
		}
	}
	return true
}

// isRhymePrefix reports whether ls is the start of some rhyme, where an
// unmarked vowel in ls also matches the same vowel with a mark ("iet" is the
// start of "iêt", waiting for its circumflex).
func isRhymePrefix(ls []letter) bool {
	for _, r := range rhymes {
		if len(r) < len(ls) {
			continue
		}
		ok := true
		for i, l := range ls {
			if l.base != r[i].base || (l.mark != noMark && l.mark != r[i].mark) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// valid splits the word and checks its tone: a tone needs a vowel, and a
// syllable ending in a stop (c, ch, k, p, t) takes only sắc or nặng.
func (w word) valid() (shape, bool) {
	s, ok := w.shape()
	if !ok || w.tone == toneNone {
		return s, ok
	}
	if !s.hasNucleus() {
		return s, false
	}
	if s.nucEnd < len(w.letters) {
		switch w.letters[s.nucEnd].base {
		case 'c', 'k', 'p', 't':
			if w.tone != toneAcute && w.tone != toneDot {
				return s, false
			}
		}
	}
	return s, true
}

// tonePosition is the index of the letter that carries the tone, by the rule
// documented in the package comment.
func (w word) tonePosition(s shape) int {
	if !s.hasNucleus() {
		return w.toneAt
	}
	for i := s.nucEnd - 1; i >= s.ini; i-- {
		switch w.letters[i].mark {
		case hat, breve, horn:
			return i // ê, ơ, â, ô, ă, ư; for ươ the ơ
		}
	}
	if s.nucEnd < len(w.letters) {
		return s.nucEnd - 1 // toán, hoàng, huỳnh
	}
	if s.nucEnd-s.ini == 3 {
		return s.ini + 1 // hoài, khuỷu, ngoẹo
	}
	return s.ini // má, mía, hòa, thủy, khỏe
}

// normalizeUO completes a half-typed "ưo" or "uơ" into "ươ" once another
// letter follows it (tươi, thương), since only "uơ" (thuở, huơ) ends a
// syllable. It reports whether it changed anything.
func (w *word) normalizeUO(s shape) bool {
	changed := false
	for i := s.ini; i+1 < s.nucEnd; i++ {
		u, o := &w.letters[i], &w.letters[i+1]
		if u.base != 'u' || o.base != 'o' || i+2 >= len(w.letters) {
			continue
		}
		switch {
		case u.mark == horn && o.mark != horn:
			o.mark, changed = horn, true
		case u.mark == noMark && o.mark == horn:
			u.mark, changed = horn, true
		}
	}
	return changed
}
