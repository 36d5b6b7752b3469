package vnkey

import "strings"

// The syllable inventory the engine checks words against, as the reference
// engine (Unikey's) has it: vowel sequences, consonant sequences and which
// vowel sequence takes which final consonant.

// vowelSeq is a sequence of vowels, whole or still being typed.
type vowelSeq struct {
	v        []rune // the vowels, lower case, without tone
	complete bool   // a whole nucleus, not only the start of one ("uo", "ie")
	final    bool   // may be followed by a final consonant
	roofAt   int    // index of the vowel with a circumflex, -1 if none
	hookAt   int    // index of the first vowel with a horn or breve, -1 if none
	withRoof int    // the sequence a circumflex key makes of it, -1 if none
	withHook int    // the sequence a horn or breve key makes of it, -1 if none
}

// vowelSpecs lists the vowel sequences: the letters, flags (c complete, f
// takes a final consonant), the sequence with a circumflex and with a horn
// or breve ("-" for none).
var vowelSpecs = []string{
	"a cf â ă", "â cf - ă", "ă cf â -", "e cf ê -", "ê cf - -", "i cf - -",
	"o cf ô ơ", "ô cf - ơ", "ơ cf ô -", "u cf - ư", "ư cf - -", "y cf - -",
	"ai c - -", "ao c - -", "au c âu -", "ay c ây -", "âu c - -", "ây c - -",
	"eo c - -", "eu - êu -", "êu c - -", "ia c - -", "ie f iê -", "iê cf - -",
	"iu c - -", "oa cf - oă", "oă cf - -", "oe cf - -", "oi c ôi ơi", "ôi c - ơi",
	"ơi c ôi -", "ua cf uâ ưa", "uâ cf - -", "ue f uê -", "uê cf - -", "ui c - ưi",
	"uo f uô ưo", "uô cf - uơ", "uơ cf uô ươ", "uu - - ưu", "uy cf - -", "ưa c - -",
	"ưi c - -", "ưo f - ươ", "ươ cf - -", "ưu c - -", "ye f yê -", "yê cf - -",
	"ieu - iêu -", "iêu c - -", "oai c - -", "oay c - -", "oeo c - -", "uay - uây -",
	"uây c - -", "uoi - uôi ưoi", "uou - - ưou", "uôi c - uơi", "uơi - uôi ươi", "uơu - - ươu",
	"uya c - -", "uye f uyê -", "uyê cf - -", "uyu c - -", "ưoi - - ươi", "ưou - - ươu",
	"ươi c - -", "ươu c - -", "yeu - yêu -", "yêu c - -",
}

// consonantSpecs lists the consonant sequences; a trailing "+" marks those
// that may end a syllable.
var consonantSpecs = []string{
	"b", "c+", "ch+", "d", "đ", "dz", "g", "gh", "gi", "gin", "h", "k", "kh", "l", "m+",
	"n+", "ng+", "ngh", "nh+", "p+", "ph", "q", "qu", "r", "s", "t+", "th", "tr", "v", "x",
	"k+", // only after a and ă, for the names of the Central Highlands (Đắk Lắk)
}

// finals lists, for each vowel sequence that takes one, its final
// consonants.
var finals = map[string]string{
	"a": "c ch m n ng nh p t k", "â": "c m n ng p t", "ă": "c m n ng p t k",
	"e": "c ch m n ng nh p t", "ê": "c ch m n nh p t", "i": "c ch m n nh p t",
	"o": "c m n ng p t", "ô": "c m n ng p t", "ơ": "m n p t",
	"u": "c m n ng p t", "ư": "c m n ng t", "y": "t",
	"ie": "c m n ng p t", "iê": "c m n ng p t",
	"oa": "c ch m n ng nh p t", "oă": "c m n ng t", "oe": "n t",
	"ua": "n ng t", "uâ": "n ng t", "ue": "c ch n nh", "uê": "c ch n nh",
	"uo": "c m n ng p t", "uô": "c m n ng t", "ưo": "c m n ng p t", "ươ": "c m n ng p t",
	"uy": "c ch n nh p t", "ye": "m n ng p t", "yê": "m n ng t",
	"uye": "n t", "uyê": "n t",
}

// kVowels are the vowel sequences that may follow the initial k.
var kVowels = "e i y ê eo eu êu ia ie iê ieu iêu"

var (
	vowelSeqs  []vowelSeq
	vowelIndex = map[string]int{}
	consSeqs   []string
	consIndex  = map[string]int{}
	consFinal  = map[string]bool{}
)

func init() {
	for i, spec := range vowelSpecs {
		vowelIndex[strings.Fields(spec)[0]] = i
	}
	for _, spec := range vowelSpecs {
		f := strings.Fields(spec)
		vs := vowelSeq{v: []rune(f[0]), complete: strings.Contains(f[1], "c"),
			final: strings.Contains(f[1], "f"), roofAt: -1, hookAt: -1,
			withRoof: lookupVowels(f[2]), withHook: lookupVowels(f[3])}
		for i, r := range vs.v {
			switch r {
			case 'â', 'ê', 'ô':
				vs.roofAt = i
			case 'ă', 'ơ', 'ư':
				if vs.hookAt < 0 {
					vs.hookAt = i
				}
			}
		}
		vowelSeqs = append(vowelSeqs, vs)
	}
	for _, spec := range consonantSpecs {
		name := strings.TrimSuffix(spec, "+")
		if _, ok := consIndex[name]; !ok {
			consIndex[name] = len(consSeqs)
			consSeqs = append(consSeqs, name)
		}
		if strings.HasSuffix(spec, "+") {
			consFinal[name] = true
		}
	}
}

// lookupVowels returns the index of a vowel sequence, -1 if there is none.
func lookupVowels(s string) int {
	if i, ok := vowelIndex[s]; ok {
		return i
	}
	return -1
}

// lookupConsonants returns the index of a consonant sequence, -1 if there
// is none.
func lookupConsonants(s string) int {
	if i, ok := consIndex[s]; ok {
		return i
	}
	return -1
}

func vowelName(vs int) string {
	if vs < 0 {
		return ""
	}
	return string(vowelSeqs[vs].v)
}

func consName(cs int) string {
	if cs < 0 {
		return ""
	}
	return consSeqs[cs]
}

// validCV reports whether the initial consonant c may precede vowel
// sequence v (-1 stands for none).
func validCV(c, v int) bool {
	if c < 0 || v < 0 {
		return true
	}
	first := vowelSeqs[v].v[0]
	switch consSeqs[c] {
	case "gi":
		return first != 'i'
	case "qu":
		return first != 'u'
	case "k":
		return containsWord(kVowels, vowelName(v))
	}
	return true
}

// validVC reports whether vowel sequence v may take final consonant c.
func validVC(v, c int) bool {
	if v < 0 || c < 0 {
		return true
	}
	if !vowelSeqs[v].final || !consFinal[consSeqs[c]] {
		return false
	}
	return containsWord(finals[vowelName(v)], consSeqs[c])
}

// validCVC reports whether initial c1, vowels v and final c2 make a
// syllable, with the exceptions quyn, quynh, giêng and gieng.
func validCVC(c1, v, c2 int) bool {
	if v < 0 {
		return c1 < 0 || c2 >= 0
	}
	if c1 < 0 {
		return validVC(v, c2)
	}
	if c2 < 0 {
		return validCV(c1, v)
	}
	okCV, okVC := validCV(c1, v), validVC(v, c2)
	if okCV && okVC {
		return true
	}
	if !okVC {
		c1n, vn, c2n := consSeqs[c1], vowelName(v), consSeqs[c2]
		if c1n == "qu" && vn == "y" && (c2n == "n" || c2n == "nh") {
			return true
		}
		if c1n == "gi" && (vn == "e" || vn == "ê") && (c2n == "n" || c2n == "ng") {
			return true
		}
	}
	return false
}

func containsWord(list, w string) bool {
	for _, f := range strings.Fields(list) {
		if f == w {
			return true
		}
	}
	return false
}
