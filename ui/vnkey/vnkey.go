// Package vnkey is a Vietnamese typing engine for the Telex and VNI input
// methods, for text entries that compose Vietnamese themselves instead of
// relying on the system input method. It types as Unikey does with its
// default options (free marking, spelling check on, Telex w alone gives ư,
// classic tone placement, non-Vietnamese words restored), re-implemented
// from a reading of its engine.
//
// # Contract
//
// The engine works one word at a time. For every key the user types, the
// caller passes the word right before the caret, as it is shown (WordStart
// finds where it begins), and the key:
//
//	out, transformed := e.Type(word, key)
//
// If transformed is false, out is word followed by key: insert the key as
// usual. If transformed is true, replace the word with out (which is in NFC).
// Type holds no state: it finds keys that type the shown word and types the
// key after them, so moving the caret, deleting, pasting or text composed by
// another input method need no reset. A caller that keeps a State per text
// box (TypeWord) gets what needs the keys actually typed: a word that is not
// Vietnamese is given back as typed when it ends, and Restore types the
// current word as is. TypeString types a whole string key by key this way.
//
// # Keys
//
// Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, w alone ư, uow ươ, dd đ; s
// sắc, f huyền, r hỏi, x ngã, j nặng, z removes the tone. VNI: 6 circumflex
// (â ê ô), 7 horn (ơ ư ươ), 8 breve (ă), 9 đ; 1 sắc, 2 huyền, 3 hỏi, 4 ngã,
// 5 nặng, 0 removes the tone. Keys work in upper or lower case; letters keep
// their own case.
//
// Marks may be typed anywhere after their vowel, also after the final
// consonant ("Thanhf", "Vieetj", "nguoiwf", "Thanh2"), and a circumflex key
// applies to an earlier vowel when the result can be Vietnamese ("tieng"
// then e gives "tiêng"). Typing the same mark again takes it back and
// inserts the key as a letter: Telex "ass" gives "as", "ww" gives "w", "ddd"
// gives "dd"; VNI "a11" gives "a1".
//
// # Tone placement
//
// Classic ("old style"): on the vowel with a diacritic (tiếng, người); with a
// final consonant, on the last vowel (toán, hoàng); otherwise on the first
// of two vowels and the middle of three (hòa, thủy, khỏe, hoài); gi and qu
// are consonants (giá, quả). The tone moves as letters arrive.
//
// # Spelling check
//
// A key marks a word only if the result can still be a Vietnamese syllable.
// Once a letter makes the word impossible, later keys are typed as letters
// ("Facebook", "UNESCO", "email" come out as typed). A word that already
// took a mark and then turns out not to be Vietnamese ("Carnaval" shows
// "Cẩnval" while typed) is given back as typed when a space or punctuation
// ends it, if the caller keeps a State. Telex dd (VNI d9) gives đ also
// after a consonant or digit outside a syllable, for abbreviations: QĐ,
// NĐ-CP, 838/QĐ-BXD; such a word is not checked. A and ă with a final k
// are accepted for Central Highlands names (Đắk Lắk), where Unikey refuses
// them.
package vnkey

import (
	"strings"
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

// State is what a text box remembers of the word being typed: the keys
// typed for it and the word they show. The zero State knows nothing, and
// the engine then reads the shown word.
type State struct {
	keys  []rune
	shown string
	asIs  bool // Restore was used: the rest of the word is typed as is
}

// Type applies key to word, the letters right before the caret as they are
// shown. If transformed is false, out is word followed by key, and the
// caller just inserts the key; if it is true, the caller replaces word with
// out, which is in NFC. See the package comment for the rules.
func (e *Engine) Type(word []rune, key rune) (out []rune, transformed bool) {
	var st State
	return e.TypeWord(&st, word, key)
}

// TypeWord is Type for a caller that keeps st for its text box: when word
// is what st last showed, the keys typed for it are used, which lets a
// word that is not Vietnamese be given back as typed when a space or
// punctuation ends it.
func (e *Engine) TypeWord(st *State, word []rune, key rune) (out []rune, transformed bool) {
	plain := make([]rune, 0, len(word)+1)
	plain = append(append(plain, word...), key)
	known := st.keys != nil && st.shown == string(word)
	if WordStart([]rune{key}) == 1 { // the key ends the word
		keys, asIs := st.keys, st.asIs
		*st = State{}
		if known && !asIs && isWordBreak(key) {
			if c := compose(e.method, keys); c.notVietnamese() && c.hasMarks() {
				return append(keys[:len(keys):len(keys)], key), true
			}
		}
		return plain, false
	}
	var keys []rune
	switch {
	case known && st.asIs:
		st.shown = string(plain)
		return plain, false
	case known:
		keys = st.keys
	default:
		var ok bool
		if keys, ok = keysFor(e.method, word); !ok {
			*st = State{}
			return plain, false
		}
	}
	keys = append(keys[:len(keys):len(keys)], key)
	shown := compose(e.method, keys).String()
	*st = State{keys: keys, shown: shown}
	if shown == norm.NFC.String(string(plain)) {
		st.shown = string(plain)
		return plain, false
	}
	return []rune(shown), true
}

// Restore gives back the word before the caret as its keys were typed
// ("Vieejt" for "Việt") and types the rest of the word as is, as Unikey's
// key restore does. Without the keys (the word was not typed with st),
// or when the word shows no mark, it reports false.
func (e *Engine) Restore(st *State, word []rune) (out []rune, ok bool) {
	if st.keys == nil || st.shown != string(word) || st.asIs {
		return nil, false
	}
	keys := st.keys
	if !compose(e.method, keys).hasMarks() {
		return nil, false
	}
	*st = State{keys: keys, shown: string(keys), asIs: true}
	return append([]rune(nil), keys...), true
}

// TypeString types s key by key with method m, the way a text entry using
// the engine does (keeping a State), and returns the text shown at the end.
func TypeString(m Method, s string) string {
	e := New(m)
	var st State
	var text []rune
	for _, key := range s {
		start := WordStart(text)
		out, _ := e.TypeWord(&st, text[start:], key)
		text = append(text[:start:start], out...)
	}
	return string(text)
}

// isWordBreak reports whether key is one of the punctuation keys after
// which the reference engine gives back a word that is not Vietnamese
// (a space, not a tab or a new line).
func isWordBreak(key rune) bool {
	return strings.ContainsRune(",;:.\"'!? <>=+-*/\\_@#$%&(){}[]|", key)
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
