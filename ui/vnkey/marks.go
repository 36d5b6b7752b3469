package vnkey

// The keys that mark a word: tones, circumflex, horn and breve, đ.

// tone is one of the six Vietnamese tones; toneNone is the level tone
// (thanh ngang), which has no mark. The numbers are the VNI keys.
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

// tone applies a tone key (toneNone removes the tone).
func (c *composer) tone(k rune, t tone) {
	if len(c.cells) == 0 {
		c.appendKey(k)
		return
	}
	n := len(c.cells) - 1
	e := c.cells[n]
	if cs := consName(e.cseq); e.form == formC && (cs == "gi" || cs == "gin") {
		p := n // gì, gìn: the i of gi takes the tone
		if cs == "gin" {
			p = n - 1
		}
		c.setTone(k, p, t)
		return
	}
	if e.v < 0 {
		c.appendKey(k)
		return
	}
	if e.form == formVC || e.form == formCVC {
		if stopFinal(consName(e.cseq)) && t != toneAcute && t != toneDot && t != toneNone {
			c.appendKey(k) // c, ch, k, p, t take only sắc and nặng
			return
		}
	}
	_, _, _, pos := c.vowelSpan()
	c.setTone(k, pos, t)
}

// setTone puts tone t on the letter at p; the same tone again takes it
// back and types the key.
func (c *composer) setTone(k rune, p int, t tone) {
	switch cur := c.cells[p].tone; {
	case cur == toneNone && t == toneNone:
		c.appendKey(k)
	case cur == t:
		c.cells[p].tone = toneNone
		c.undoWith(k)
	default:
		c.cells[p].tone = t
	}
}

// stopFinal reports whether a final consonant is a stop, which takes only
// sắc and nặng.
func stopFinal(cs string) bool {
	return cs == "c" || cs == "ch" || cs == "p" || cs == "t" || cs == "k"
}

// roof applies a circumflex key; target is the vowel a Telex key marks
// (â for a), 0 for VNI 6, which marks any.
func (c *composer) roof(k, target rune) {
	if len(c.cells) == 0 || c.last().v < 0 {
		c.appendKey(k)
		return
	}
	end, vs, start, curTone := c.vowelSpan()
	info := vowelSeqs[vs]
	newVs, double := info.withRoof, false
	switch vowelName(vs) {
	case "ưo", "ươ", "ưoi", "ươi": // ư and ơ lose their horns: uô, uôi
		rest := ""
		if len(info.v) == 3 {
			rest = string(info.v[2])
		}
		newVs, double = lookupVowels("uô"+rest), true
	}
	removed := false
	if newVs < 0 {
		if info.roofAt < 0 {
			c.appendKey(k)
			return
		}
		p := start + info.roofAt
		cur := c.cells[p].sym
		if target != 0 && cur != target {
			c.appendKey(k)
			return
		}
		c.cells[p].sym = map[rune]rune{'â': 'a', 'ê': 'e', 'ô': 'o'}[cur]
		newVs, removed = c.vowelsAt(start, len(info.v)), true
	} else {
		ni := vowelSeqs[newVs]
		c1, c2 := c.consonants()
		if (target != 0 && ni.v[ni.roofAt] != target) || !validCVC(c1, newVs, c2) {
			c.appendKey(k)
			return
		}
		if double {
			c.cells[start].sym, c.cells[start+1].sym = 'u', 'ô'
		} else {
			c.cells[start+ni.roofAt].sym = ni.v[ni.roofAt]
		}
	}
	c.finishMark(k, end, start, curTone, newVs, removed)
}

// vowelsAt looks up the vowel sequence of the n letters from start.
func (c *composer) vowelsAt(start, n int) int {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = c.cells[start+i].sym
	}
	return lookupVowels(string(rs))
}

// finishMark records the new vowel sequence, moves the tone to its place
// and, if the key took a mark back, types the key as a letter.
func (c *composer) finishMark(k rune, end, start, curTone, newVs int, removed bool) {
	if newVs < 0 {
		return
	}
	c.updateVowels(start, newVs)
	c.moveTone(curTone, start+c.tonePosition(newVs, end == len(c.cells)-1))
	if removed {
		c.undoWith(k)
	}
}

// hook applies Telex w (kind evHook) or VNI 7 (evHookUO, horn) or 8
// (evBowl, breve).
func (c *composer) hook(k rune, kind eventKind) bool {
	if len(c.cells) == 0 || c.last().v < 0 {
		c.appendKey(k)
		return false
	}
	end, vs, start, curTone := c.vowelSpan()
	info := vowelSeqs[vs]
	if v := info.v; len(v) > 1 && kind != evBowl && (v[0] == 'u' || v[0] == 'ư') && (v[1] == 'o' || v[1] == 'ơ' || v[1] == 'ô') {
		c.hookUO(k, end, vs, start, curTone)
		return true
	}
	newVs, removed := info.withHook, false
	if newVs < 0 {
		if info.hookAt < 0 {
			c.appendKey(k)
			return false
		}
		p := start + info.hookAt
		cur := c.cells[p].sym
		if (kind == evBowl && cur != 'ă') || (kind == evHookUO && cur == 'ă') {
			c.appendKey(k)
			return false
		}
		c.cells[p].sym = map[rune]rune{'ă': 'a', 'ư': 'u', 'ơ': 'o'}[cur]
		newVs, removed = c.vowelsAt(start, len(info.v)), true
	} else {
		ni := vowelSeqs[newVs]
		ch := ni.v[ni.hookAt]
		c1, c2 := c.consonants()
		if (kind == evBowl && ch != 'ă') || (kind == evHookUO && ch == 'ă') || !validCVC(c1, newVs, c2) {
			c.appendKey(k)
			return false
		}
		c.cells[start+ni.hookAt].sym = ch
	}
	c.finishMark(k, end, start, curTone, newVs, removed)
	return true
}

// hookUO puts horns on a vowel sequence starting with u or ư followed by
// o, ô or ơ: uo gives ươ (thuơ after th, as in thuở), and ươ loses both.
func (c *composer) hookUO(k rune, end, vs, start, curTone int) {
	info := vowelSeqs[vs]
	v := info.v
	n := len(c.cells) - 1
	var newVs int
	removed := false
	switch {
	case v[0] == 'u' && v[1] != 'ơ':
		name := vowelName(vs)
		if (name == "uo" || name == "uô") && end == n && c.cells[n].form == formCV && consName(c.cells[n-2].cseq) == "th" {
			newVs = lookupVowels("uơ")
			c.cells[start+1].sym = 'ơ'
			break
		}
		newVs = vowelSeqs[info.withHook].withHook
		c.cells[start].sym, c.cells[start+1].sym = 'ư', 'ơ'
	case v[0] == 'u': // uơ
		newVs = info.withHook
		c.cells[start].sym = 'ư'
	case v[1] == 'o': // ưo
		newVs = info.withHook
		c.cells[start+1].sym = 'ơ'
	default: // ươ: back to uo
		rest := ""
		if len(v) == 3 {
			rest = string(v[2])
		}
		newVs, removed = lookupVowels("uo"+rest), true
		c.cells[start].sym, c.cells[start+1].sym = 'u', 'o'
	}
	c.finishMark(k, end, start, curTone, newVs, removed)
}

// telexW applies Telex w: a horn or breve on the vowels, or else ư; w
// after a w typed as ư takes it back.
func (c *composer) telexW(k rune) {
	caps := k == 'W'
	if c.wAsU {
		if c.mapU(k, caps) {
			return
		}
		c.cells = c.cells[:len(c.cells)-1]
		c.wAsU = false
		c.hook(k, evHook)
		return
	}
	if c.hook(k, evHook) {
		return
	}
	c.cells = c.cells[:len(c.cells)-1]
	c.wAsU = true
	c.mapU(k, caps)
}

// mapU types ư for key k. It reports false when ư cannot follow the
// word: k is then appended as a letter.
func (c *composer) mapU(k rune, caps bool) bool {
	c.appendVowel(k, 'ư', caps)
	if c.last().form != formNonVn {
		return true
	}
	c.cells = c.cells[:len(c.cells)-1]
	undo := false
	if n := len(c.cells) - 1; n >= 0 && c.cells[n].form != formNonVn && c.cells[n].sym == 'ư' && c.cells[n].caps == caps {
		if c.cells[n].form != formC {
			_, _, start, curTone := c.vowelSpan()
			t := c.cells[curTone].tone
			c.cells[curTone].tone = toneNone
			c.cells = c.cells[:n]
			if t != toneNone && n > 0 && (c.cells[n-1].form == formV || c.cells[n-1].form == formCV) {
				c.cells[start+c.tonePosition(c.cells[n-1].vseq, true)].tone = t
			} else if curTone < n {
				c.cells[curTone].tone = t
			}
		} else {
			c.cells = c.cells[:n]
		}
		undo = true
	}
	c.appendKey(k)
	if undo {
		c.single = false
		return true
	}
	return false
}

// dd applies Telex d or VNI 9: đ after d at the start of a syllable, and
// also after a consonant or a digit outside one, as abbreviations need
// (QĐ, NĐ-CP). đ and the key again give back dd.
func (c *composer) dd(k rune) {
	n := len(c.cells) - 1
	if n < 0 {
		c.appendKey(k)
		return
	}
	e := &c.cells[n]
	if e.form == formNonVn && e.sym == 'd' && (n == 0 || c.cells[n-1].sym == 0 || !isVowel(c.cells[n-1].sym)) {
		c.single = true
		e.sym, e.cseq, e.form, e.c1, e.c2, e.v = 'đ', lookupConsonants("đ"), formC, 0, -1, -1
		return
	}
	if e.c1 < 0 {
		c.appendKey(k)
		return
	}
	p := n - e.c1
	switch consName(c.cells[p].cseq) {
	case "d":
		c.cells[p].sym, c.cells[p].cseq = 'đ', lookupConsonants("đ")
		c.single = true // a word starting with đ is never checked: ĐHQG
	case "đ":
		c.cells[p].sym, c.cells[p].cseq = 'd', lookupConsonants("d")
		c.undoWith(k)
	default:
		c.appendKey(k)
	}
}

// notVietnamese reports whether the word cannot be Vietnamese as it
// stands: a word with a letter that does not fit, a vowel sequence that is
// only the start of one, a wrong final or a tone a stop does not take.
func (c *composer) notVietnamese() bool {
	if len(c.cells) == 0 {
		return false
	}
	e := c.cells[len(c.cells)-1]
	switch e.form {
	case formNonVn:
		return true
	case formC:
		return false
	case formV, formCV:
		return !vowelSeqs[e.vseq].complete
	}
	_, vs, start, _ := c.vowelSpan()
	c1, _ := c.consonants()
	if !vowelSeqs[vs].complete || !validCVC(c1, vs, e.cseq) {
		return true
	}
	t := c.cells[start+c.tonePosition(vs, false)].tone
	return stopFinal(consName(e.cseq)) && (t == toneGrave || t == toneHook || t == toneTilde)
}

// hasMarks reports whether the word shows a tone or a diacritic.
func (c *composer) hasMarks() bool {
	for _, e := range c.cells {
		if e.tone != toneNone || (e.sym != 0 && e.sym > 'z') {
			return true
		}
	}
	return false
}
