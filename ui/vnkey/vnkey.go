// Package vnkey is a Vietnamese typing engine for the Telex and VNI input
// methods, for text entries that compose Vietnamese themselves instead of
// relying on the system input method.
//
// # Contract
//
// The engine is stateless and works one word at a time. For every key the
// user types, the caller passes the word right before the caret, as it is
// shown (WordStart finds where it begins), and the key:
//
//	out, transformed := e.Type(word, key)
//
// If transformed is false, out is word followed by key: insert the key as
// usual. If transformed is true, replace the word with out (which is in NFC);
// the key has been consumed or the word adjusted. Because nothing is
// remembered between calls, moving the caret, deleting, pasting or text
// composed by another input method need no reset: the engine reads the
// displayed letters every time. Keys that are neither letters nor digits
// end the word: they come back as plain insertions, and the next word starts
// empty. A word with a digit in it is not Vietnamese and is left alone
// (Telex keys after "a1" or "U2" are letters). TypeString types a whole
// string key by key this way.
//
// # Keys
//
// Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ, dd đ; s sắc, f huyền,
// r hỏi, x ngã, j nặng, z removes the tone. VNI: 6 circumflex (â ê ô),
// 7 horn (ơ ư ươ), 8 breve (ă), 9 đ; 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng,
// 0 removes the tone. Keys work in upper or lower case; letters keep their
// own case (Aa and AA give Â, Dd and DD give Đ).
//
// Tones and VNI marks may be typed anywhere after the vowel, also after the
// final consonant ("Thanhf", "Thanh2", "pho61"), and so may Telex w
// ("nguoiw" gives "ngươi"). Telex aa, ee, oo and dd must be typed as
// doubled letters ("aa", not "ana"), which keeps words such as "banana" and
// "address" intact. For "ươ" in Telex, w after "uo" gives "ươ" when a letter
// follows, and "uơ" at the end of the word (thuở, huơ); "uwo" shows "ưo"
// until the next letter completes it ("uwon" gives "ươn").
//
// Typing the same transformation again undoes it and inserts the key as a
// letter, as Unikey does: Telex "aaa" gives "aa", "ass" gives "as", "ddd"
// gives "dd"; VNI "a11" gives "a1".
//
// # Tone placement
//
// Tones follow the classic ("old style") placement, not the "new style" of
// "hoà" and "thuỷ":
//
//   - on the vowel with a diacritic (â ă ê ô ơ ư), and on ơ in ươ: "tiếng",
//     "người", "cửa";
//   - otherwise, when a consonant ends the syllable, on the last vowel:
//     "toán", "hoàng", "huỳnh";
//   - otherwise on the first of two vowels and the middle of three: "mía",
//     "hòa", "thủy", "khỏe", "hoài", "khuỷu";
//   - "gi" and "qu" are initial consonants: "giá", "giờ", "quả", "quý" (but
//     "gì", "gìn", where i is the only vowel).
//
// The tone moves as letters arrive: "hoaf" shows "hòa", and then "n" makes it
// "hoàn". A tone that another input method placed differently (the "new
// style" "hoà", "thuỷ") is left where it is until a tone or mark key is
// typed on the word.
//
// # What is not transformed
//
// A key transforms a word only if the result can still be a Vietnamese
// syllable: an initial consonant, a vowel nucleus and a final consonant from
// the Vietnamese inventories (with k, for Central Highlands names such as
// Đắk Lắk), and a tone that suits the final (only sắc or nặng after c, ch,
// k, p and t). Otherwise the key is inserted as a plain letter, so words
// such as "email", "json", "www", "UNESCO", "Windows", "docx" or
// "Microsoft" come out as typed. Text that is not Vietnamese-shaped, has
// digits or foreign accents is never changed.
//
// What cannot be protected are foreign words whose beginning is a
// Vietnamese syllable followed by a key, since the engine does not see the
// rest of the word: Telex "Excel" (Ex gives Ẽ), "Google" (oo gives ô), "USA"
// and "ASEAN" (s gives sắc), "how" and "now" (ow gives ơ), "org" (or gives
// ỏ), "Office" and "coffee" (ff undoes the f tone, leaving one f), "DDR" (DD
// gives Đ); VNI letter-digit codes such as "A4" or "U23". Typing the key once
// more gives the plain letters: "Exxcel", "Gooogle", "USSA", "orrg",
// "Offfice", "A44". Names with consonant clusters foreign to Vietnamese
// (Krông, Plông) cannot be composed and are typed as plain letters.
package vnkey

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Method is a Vietnamese input method.
type Method int

// The supported input methods.
const (
	Telex Method = iota
	VNI
)

// String returns the method's usual name.
func (m Method) String() string {
	switch m {
	case Telex:
		return "Telex"
	case VNI:
		return "VNI"
	}
	return "Method(?)"
}

// Engine composes Vietnamese words for one input method. It holds no state
// between calls and is safe for concurrent use.
type Engine struct {
	method Method
}

// New returns an engine for the input method m.
func New(m Method) *Engine { return &Engine{method: m} }

// Method returns the engine's input method.
func (e *Engine) Method() Method { return e.method }

// Type applies key to word, the letters right before the caret as they are
// shown. If transformed is false, out is word followed by key, and the
// caller just inserts the key; if it is true, the caller replaces word with
// out, which is in NFC. See the package comment for the rules.
func (e *Engine) Type(word []rune, key rune) (out []rune, transformed bool) {
	plain := make([]rune, 0, len(word)+1)
	plain = append(append(plain, word...), key)
	w, ok := parseWord(word)
	if !ok {
		return plain, false
	}
	s, ok := w.valid()
	if !ok {
		return plain, false
	}
	if a, ok := e.action(key); ok {
		if out, ok := w.apply(s, a, key); ok {
			return []rune(out), true
		}
	}
	return typeLetter(w, s, plain)
}

// TypeString types s key by key with method m, the way a text entry using
// the engine does, and returns the text shown at the end.
func TypeString(m Method, s string) string {
	e := New(m)
	var text []rune
	for _, key := range s {
		start := WordStart(text)
		out, _ := e.Type(text[start:], key)
		text = append(text[:start:start], out...)
	}
	return string(text)
}

// WordStart returns the index in text (the text before the caret) where the
// word being composed begins: the trailing run of letters, combining marks
// and digits. Digits are part of the word so that codes such as "U2" are
// recognised as not Vietnamese.
func WordStart(text []rune) int {
	i := len(text)
	for i > 0 {
		r := text[i-1]
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) {
			break
		}
		i--
	}
	return i
}

type actionKind uint8

const (
	setTone        actionKind = iota // tone (toneNone removes it)
	addHat                           // circumflex; Telex names the vowel in base
	addHornOrBreve                   // Telex w
	addHorn                          // VNI 7
	addBreve                         // VNI 8
	addBar                           // đ
)

type action struct {
	kind     actionKind
	tone     tone
	base     rune // for Telex addHat: the vowel the key doubles
	anywhere bool // for addBar: after any letters (VNI 9), not just "d" (Telex dd)
}

// action returns what key does in the engine's method, if anything.
func (e *Engine) action(key rune) (action, bool) {
	if e.method == VNI {
		switch key {
		case '1':
			return action{kind: setTone, tone: toneAcute}, true
		case '2':
			return action{kind: setTone, tone: toneGrave}, true
		case '3':
			return action{kind: setTone, tone: toneHook}, true
		case '4':
			return action{kind: setTone, tone: toneTilde}, true
		case '5':
			return action{kind: setTone, tone: toneDot}, true
		case '0':
			return action{kind: setTone, tone: toneNone}, true
		case '6':
			return action{kind: addHat}, true
		case '7':
			return action{kind: addHorn}, true
		case '8':
			return action{kind: addBreve}, true
		case '9':
			return action{kind: addBar, anywhere: true}, true
		}
		return action{}, false
	}
	switch k := unicode.ToLower(key); k {
	case 's':
		return action{kind: setTone, tone: toneAcute}, true
	case 'f':
		return action{kind: setTone, tone: toneGrave}, true
	case 'r':
		return action{kind: setTone, tone: toneHook}, true
	case 'x':
		return action{kind: setTone, tone: toneTilde}, true
	case 'j':
		return action{kind: setTone, tone: toneDot}, true
	case 'z':
		return action{kind: setTone, tone: toneNone}, true
	case 'a', 'e', 'o':
		return action{kind: addHat, base: k}, true
	case 'w':
		return action{kind: addHornOrBreve}, true
	case 'd':
		return action{kind: addBar}, true
	}
	return action{}, false
}

// apply performs a on the valid word w of shape s. It reports false when a
// does not apply, and the key is then typed as a letter.
func (w word) apply(s shape, a action, key rune) (string, bool) {
	ls := w.letters
	switch a.kind {
	case setTone:
		switch {
		case a.tone == toneNone:
			if w.tone == toneNone {
				return "", false
			}
			n := w.clone()
			n.tone, n.toneAt = toneNone, -1
			return n.String(), true
		case !s.hasNucleus():
			return "", false
		case w.tone == a.tone:
			n := w.clone()
			n.tone, n.toneAt = toneNone, -1
			return n.undo(key), true
		}
		n := w.clone()
		n.tone = a.tone
		return n.commit()

	case addHat:
		if a.base != 0 { // Telex: only a doubled vowel ("aa")
			i := len(ls) - 1
			if i < s.ini || i >= s.nucEnd || ls[i].base != a.base {
				return "", false
			}
			n := w.clone()
			if ls[i].mark == hat {
				n.letters[i].mark = noMark
				return n.undo(key), true
			}
			n.letters[i].mark = hat
			return n.commit()
		}
		for i := s.ini; i < s.nucEnd; i++ {
			if ls[i].mark == hat {
				n := w.clone()
				n.letters[i].mark = noMark
				return n.undo(key), true
			}
		}
		for i := s.nucEnd - 1; i >= s.ini; i-- {
			if takesMark(ls[i].base, hat) {
				n := w.clone()
				n.letters[i].mark = hat
				if out, ok := n.commit(); ok {
					return out, true
				}
			}
		}
		return "", false

	case addHornOrBreve, addHorn, addBreve:
		return w.hook(s, a.kind, key)

	case addBar:
		if len(ls) == 0 || ls[0].base != 'd' || (!a.anywhere && len(ls) != 1) {
			return "", false
		}
		n := w.clone()
		if ls[0].mark == bar {
			n.letters[0].mark = noMark
			return n.undo(key), true
		}
		n.letters[0].mark = bar
		return n.commit()
	}
	return "", false
}

// hook adds a horn or a breve: Telex w (either), VNI 7 (horn), VNI 8 (breve).
func (w word) hook(s shape, kind actionKind, key rune) (string, bool) {
	ls := w.letters
	markFor := func(base rune) mark {
		switch {
		case kind != addBreve && (base == 'u' || base == 'o'):
			return horn
		case kind != addHorn && base == 'a':
			return breve
		}
		return noMark
	}
	// Complete a half-typed "ưo": "dduwow" gives "đươ".
	if kind != addBreve {
		for i := s.ini; i+1 < s.nucEnd; i++ {
			if ls[i].base == 'u' && ls[i].mark == horn && ls[i+1].base == 'o' && ls[i+1].mark != horn {
				n := w.clone()
				n.letters[i+1].mark = horn
				if out, ok := n.commit(); ok {
					return out, true
				}
			}
		}
	}
	// Undo: the key again removes the marks it makes.
	undone := w.clone()
	found := false
	for i := s.ini; i < s.nucEnd; i++ {
		if m := ls[i].mark; (m == horn || m == breve) && m == markFor(ls[i].base) {
			undone.letters[i].mark = noMark
			found = true
		}
	}
	if found {
		return undone.undo(key), true
	}
	// "uo" takes the horn on both letters ("ươ") when a letter follows, on
	// the o alone ("uơ") at the end of the word.
	if kind != addBreve {
		for i := s.ini; i+1 < s.nucEnd; i++ {
			if ls[i].base == 'u' && ls[i].mark == noMark && ls[i+1].base == 'o' {
				n := w.clone()
				n.letters[i+1].mark = horn
				if i+2 < len(ls) {
					n.letters[i].mark = horn
				}
				if out, ok := n.commit(); ok {
					return out, true
				}
			}
		}
	}
	for i := s.ini; i < s.nucEnd; i++ {
		if m := markFor(ls[i].base); m != noMark {
			n := w.clone()
			n.letters[i].mark = m
			if out, ok := n.commit(); ok {
				return out, true
			}
		}
	}
	return "", false
}

// commit checks that the transformed word can still be Vietnamese, then
// completes "ươ" and places the tone.
func (w word) commit() (string, bool) {
	s, ok := w.valid()
	if !ok {
		return "", false
	}
	w.normalizeUO(s)
	if w.tone != toneNone {
		w.toneAt = w.tonePosition(s)
	}
	return w.String(), true
}

// undo renders the word whose mark was just removed, followed by the key as
// a letter. The result need not be Vietnamese.
func (w word) undo(key rune) string {
	return w.String() + string(key)
}

// typeLetter handles a key typed as itself after the valid word w of shape
// s: it completes "ươ" and moves the tone that the new letter displaces
// ("hòa" + n gives "hoàn"), if the tone was where this engine puts it.
func typeLetter(w word, s shape, plain []rune) ([]rune, bool) {
	n, ok := parseWord(plain)
	if !ok {
		return plain, false
	}
	ns, ok := n.valid()
	if !ok {
		return plain, false
	}
	n.normalizeUO(ns)
	if w.tone != toneNone && w.toneAt == w.tonePosition(s) {
		n.toneAt = n.tonePosition(ns)
	}
	out := n.String()
	if out == norm.NFC.String(string(plain)) {
		return plain, false
	}
	return []rune(out), true
}
