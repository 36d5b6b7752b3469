package vnkey

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The composer types the keys of one word the way the reference engine
// (Unikey, with its default options: free marking, spelling check, Telex w
// alone for ư, classic tone placement) does: every letter typed records the
// shape of the word so far (consonants, vowels, final consonant), a key
// that marks the word applies only where the result can still be
// Vietnamese, and once the word cannot be Vietnamese any more, later keys
// are typed as letters.

// form is the shape of a word up to a letter.
type form uint8

const (
	formNonVn form = iota // cannot be Vietnamese
	formC                 // consonants only
	formV                 // vowels only
	formCV                // initial consonant and vowels
	formVC                // vowels and final consonant
	formCVC               // initial, vowels and final
)

// cell is one typed letter (or other key) of the word, with the shape of the
// word up to it. Offsets count back from the cell to the one that holds the
// initial consonant sequence (c1), the vowel sequence (v) or the final
// consonant sequence (c2); -1 when there is none.
type cell struct {
	key        rune // the key as typed
	sym        rune // the Vietnamese letter, lower case, without tone; 0 if none
	caps       bool
	tone       tone
	form       form
	c1, v, c2  int
	vseq, cseq int // the vowel or consonant sequence so far, -1 if none
}

type composer struct {
	method Method
	cells  []cell
	// single: after dd has made đ outside a syllable (in "QĐ"), a letter that
	// does not fit starts the syllable over instead of spoiling the word.
	single bool
	// wAsU: the last Telex w was typed as ư (the reference engine keeps this
	// across words; here it lasts for the word).
	wAsU bool
}

// compose returns the word that keys type.
func compose(m Method, keys []rune) *composer {
	c := &composer{method: m}
	for _, k := range keys {
		c.typeKey(k)
	}
	return c
}

// isVowel reports whether a lower-case letter (with its mark) is a vowel.
func isVowel(r rune) bool {
	switch r {
	case 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y':
		return true
	}
	return false
}

// isLetterKey reports whether key is a letter that may belong to a
// Vietnamese word: a-z except f, j and w, which the reference engine
// treats as foreign letters.
func isLetterKey(k rune) bool {
	l := unicode.ToLower(k)
	return 'a' <= l && l <= 'z' && l != 'f' && l != 'j' && l != 'w'
}

func (c *composer) last() *cell { return &c.cells[len(c.cells)-1] }

// typeKey applies one key.
func (c *composer) typeKey(k rune) {
	switch ev := c.event(k); ev.kind {
	case evTone:
		c.tone(k, ev.tone)
	case evRoof:
		c.roof(k, ev.target)
	case evHook, evHookUO, evBowl:
		c.hook(k, ev.kind)
	case evTelexW:
		c.telexW(k)
	case evDd:
		c.dd(k)
	default:
		c.appendKey(k)
	}
	if n := len(c.cells); n > 0 && c.cells[n-1].form == formNonVn && isLetterKey(k) && c.single {
		c.restart()
	}
}

// restart makes the last letter, which does not fit the word, the start of
// a new syllable (in single mode).
func (c *composer) restart() {
	e := c.last()
	e.c1, e.v, e.c2, e.vseq, e.cseq = -1, -1, -1, -1, -1
	if isVowel(e.sym) {
		e.form, e.v, e.vseq = formV, 0, lookupVowels(string(e.sym))
		return
	}
	e.form, e.c1, e.cseq = formC, 0, lookupConsonants(string(e.sym))
}

type eventKind uint8

const (
	evNormal eventKind = iota
	evTone
	evRoof
	evHook   // Telex w on a vowel: horn or breve
	evHookUO // VNI 7: horn
	evBowl   // VNI 8: breve
	evTelexW
	evDd
)

type event struct {
	kind   eventKind
	tone   tone
	target rune // for a Telex roof key: the vowel it marks
}

// event is what key does in the composer's method.
func (c *composer) event(k rune) event {
	if c.method == VNI {
		switch {
		case '0' <= k && k <= '5':
			return event{kind: evTone, tone: tone(k - '0')}
		case k == '6':
			return event{kind: evRoof}
		case k == '7':
			return event{kind: evHookUO}
		case k == '8':
			return event{kind: evBowl}
		case k == '9':
			return event{kind: evDd}
		}
		return event{}
	}
	switch l := unicode.ToLower(k); l {
	case 'z', 's', 'f', 'r', 'x', 'j':
		return event{kind: evTone, tone: map[rune]tone{'z': toneNone, 's': toneAcute, 'f': toneGrave,
			'r': toneHook, 'x': toneTilde, 'j': toneDot}[l]}
	case 'a':
		return event{kind: evRoof, target: 'â'}
	case 'e':
		return event{kind: evRoof, target: 'ê'}
	case 'o':
		return event{kind: evRoof, target: 'ô'}
	case 'w':
		return event{kind: evTelexW}
	case 'd':
		return event{kind: evDd}
	}
	return event{}
}

// appendKey types k as itself.
func (c *composer) appendKey(k rune) {
	if !isLetterKey(k) {
		sym := rune(0)
		if unicode.IsLetter(k) && k < unicode.MaxASCII {
			sym = unicode.ToLower(k)
		}
		c.cells = append(c.cells, cell{key: k, sym: sym, caps: unicode.IsUpper(k),
			form: formNonVn, c1: -1, v: -1, c2: -1, vseq: -1, cseq: -1})
		return
	}
	c.appendLetter(k, unicode.ToLower(k), unicode.IsUpper(k))
}

// appendLetter appends a Vietnamese letter sym (lower case) typed with key.
func (c *composer) appendLetter(k, sym rune, caps bool) {
	if isVowel(sym) {
		if n := len(c.cells); n > 0 && c.cells[n-1].form == formC {
			cs := consName(c.cells[n-1].cseq)
			if (cs == "q" && sym == 'u') || (cs == "g" && sym == 'i') {
				c.appendConsonant(k, sym, caps) // qu and gi are consonants
				return
			}
		}
		c.appendVowel(k, sym, caps)
		return
	}
	c.appendConsonant(k, sym, caps)
}

// setNonVn marks the cell as not Vietnamese.
func (e *cell) setNonVn() {
	e.form, e.c1, e.v, e.c2 = formNonVn, -1, -1, -1
}

func (c *composer) appendVowel(k, sym rune, caps bool) {
	c.cells = append(c.cells, cell{key: k, sym: sym, caps: caps, c1: -1, v: -1, c2: -1, vseq: -1, cseq: -1})
	n := len(c.cells) - 1
	e := &c.cells[n]
	if n == 0 {
		e.form, e.v, e.vseq = formV, 0, lookupVowels(string(sym))
		return
	}
	prev := c.cells[n-1]
	switch prev.form {
	case formV, formCV:
		vs := vowelSeqs[prev.vseq]
		start := n - len(vs.v)
		oldTone := start + c.tonePosition(prev.vseq, true)
		newVs := -1
		if len(vs.v) < 3 {
			newVs = lookupVowels(string(vs.v) + string(sym))
		}
		if newVs >= 0 && prev.form == formCV && !validCV(c.cells[n-1-prev.c1].cseq, newVs) {
			newVs = -1
		}
		if newVs < 0 {
			e.setNonVn()
			return
		}
		e.form, e.v, e.vseq = prev.form, 0, newVs
		if prev.form == formCV {
			e.c1 = prev.c1 + 1
		}
		c.moveTone(oldTone, start+c.tonePosition(newVs, true))
	case formC:
		newVs := lookupVowels(string(sym))
		if !validCV(prev.cseq, newVs) {
			e.setNonVn()
			return
		}
		e.form, e.c1, e.v, e.vseq = formCV, 1, 0, newVs
		if consName(prev.cseq) == "gi" && prev.tone != toneNone {
			e.tone, c.cells[n-1].tone = prev.tone, toneNone // giá: the tone leaves the i
		}
	default:
		e.setNonVn()
	}
}

// moveTone moves a tone from one letter to another.
func (c *composer) moveTone(from, to int) {
	if from == to || from < 0 || to < 0 || from >= len(c.cells) || to >= len(c.cells) {
		return
	}
	if t := c.cells[from].tone; t != toneNone {
		c.cells[to].tone, c.cells[from].tone = t, toneNone
	}
}

func (c *composer) appendConsonant(k, sym rune, caps bool) {
	c.cells = append(c.cells, cell{key: k, sym: sym, caps: caps, c1: -1, v: -1, c2: -1, vseq: -1, cseq: -1})
	n := len(c.cells) - 1
	e := &c.cells[n]
	if n == 0 {
		e.form, e.c1, e.cseq = formC, 0, lookupConsonants(string(sym))
		return
	}
	prev := c.cells[n-1]
	switch prev.form {
	case formV, formCV:
		c.consonantAfterVowel(n, prev)
	case formC, formVC, formCVC:
		newCs := -1
		if prev.cseq >= 0 {
			newCs = lookupConsonants(consSeqs[prev.cseq] + string(sym))
		}
		if newCs >= 0 && prev.form != formC {
			c1 := -1
			if prev.c1 >= 0 {
				c1 = c.cells[n-1-prev.c1].cseq
			}
			if !validCVC(c1, c.cells[n-1-prev.v].vseq, newCs) {
				newCs = -1
			}
		}
		if newCs < 0 {
			e.setNonVn()
			return
		}
		e.form, e.cseq = prev.form, newCs
		switch prev.form {
		case formC:
			e.c1 = 0
		case formVC:
			e.c2, e.v = 0, prev.v+1
		default:
			e.c1, e.c2, e.v = prev.c1+1, 0, prev.v+1
		}
	default:
		e.setNonVn()
	}
}

// consonantAfterVowel handles the final consonant's first letter at n.
func (c *composer) consonantAfterVowel(n int, prev cell) {
	e := &c.cells[n]
	vs := prev.vseq
	newVs := vs
	if name := vowelName(vs); name == "uơ" || name == "ưo" {
		newVs = lookupVowels("ươ")
	}
	c1 := -1
	if prev.c1 >= 0 {
		c1 = c.cells[n-1-prev.c1].cseq
	}
	newCs := lookupConsonants(string(e.sym))
	if !validCVC(c1, newVs, newCs) {
		e.setNonVn()
		return
	}
	switch vowelName(vs) {
	case "ưo": // ưo and uơ become ươ before a final consonant
		c.cells[n-1].sym, c.cells[n-1].vseq = 'ơ', newVs
	case "uơ":
		c.cells[n-2].sym, c.cells[n-2].vseq = 'ư', lookupVowels("ư")
		c.cells[n-1].vseq = newVs
	}
	e.form, e.c2, e.v, e.cseq = formVC, 0, 1, newCs
	if prev.form == formCV {
		e.form, e.c1 = formCVC, prev.c1+1
	}
	old := n - 1 - (len(vowelSeqs[vs].v) - 1) + c.tonePosition(vs, true)
	c.moveTone(old, n-1-(len(vowelSeqs[newVs].v)-1)+c.tonePosition(newVs, false))
}

// tonePosition is the index, within vowel sequence vs, of the vowel that
// takes the tone; terminated tells that no final consonant follows. This
// is the classic placement: hòa, thủy, but hoàn, quyết.
func (c *composer) tonePosition(vs int, terminated bool) int {
	info := vowelSeqs[vs]
	switch {
	case len(info.v) == 1:
		return 0
	case info.roofAt >= 0:
		return info.roofAt
	case info.hookAt >= 0:
		if info.v[0] == 'ư' && info.v[1] == 'ơ' {
			return 1
		}
		return info.hookAt
	case len(info.v) == 3:
		return 1
	case terminated:
		return 0
	}
	return 1
}

// vowelSpan returns where the vowel sequence of the word ends, the
// sequence, where it starts, and the index of the letter that takes its
// tone.
func (c *composer) vowelSpan() (end, vs, start, tonePos int) {
	n := len(c.cells) - 1
	end = n - c.cells[n].v
	vs = c.cells[end].vseq
	start = end - (len(vowelSeqs[vs].v) - 1)
	return end, vs, start, start + c.tonePosition(vs, end == n)
}

// consonants returns the initial and final consonant sequences at the
// last letter.
func (c *composer) consonants() (c1, c2 int) {
	n := len(c.cells) - 1
	e := c.cells[n]
	c1, c2 = -1, -1
	if e.c1 >= 0 {
		c1 = c.cells[n-e.c1].cseq
	}
	if e.c2 >= 0 {
		c2 = c.cells[n-e.c2].cseq
	}
	return c1, c2
}

// updateVowels records vowel sequence vs on the letters from start on.
func (c *composer) updateVowels(start, vs int) {
	v := vowelSeqs[vs].v
	for i := range v {
		c.cells[start+i].vseq = lookupVowels(string(v[:i+1]))
	}
}

// undoWith appends the key as a letter after a mark was taken back.
func (c *composer) undoWith(k rune) {
	c.single = false
	c.appendKey(k)
}

// String renders the word in NFC.
func (c *composer) String() string {
	rs := make([]rune, 0, 2*len(c.cells))
	for _, e := range c.cells {
		if e.sym == 0 {
			rs = append(rs, e.key)
			continue
		}
		r := e.sym
		if e.caps {
			r = unicode.ToUpper(r)
		}
		rs = append(rs, r)
		if e.tone != toneNone {
			rs = append(rs, toneRunes[e.tone])
		}
	}
	return norm.NFC.String(string(rs))
}
