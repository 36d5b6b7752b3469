package translations

import (
	"encoding/json"
	"io/fs"
	"math"
	"regexp"
	"strings"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

// Pseudo makes the message files of a pseudo-language from those of a real
// one: every message wrapped in ⟦ ⟧ and its words made 40% longer, its
// templates kept. Added with AddFiles, it shows in a test, without any
// change of code, that a new language needs only its files: no text stays
// untranslated (it would lack the brackets), and longer text still fits.
// Its [language] table is the source's, with its own name, order and tag.
func Pseudo(code, from Lang) (fstest.MapFS, error) {
	src := sourceOf(from)
	out := fstest.MapFS{}
	names, err := fs.Glob(src, "*."+string(from)+".toml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		var doc map[string]any
		data, err := fs.ReadFile(src, name)
		if err == nil {
			err = toml.Unmarshal(data, &doc)
		}
		if err != nil {
			return nil, err
		}
		for key, v := range doc {
			if key == "language" {
				info := v.(map[string]any)
				info["name"], info["order"], info["tag"] = "⟦Pseudo "+string(code)+"⟧", "99", "en-XA"
				continue
			}
			doc[key] = pseudoValue(v)
		}
		data, err = toml.Marshal(doc)
		if err != nil {
			return nil, err
		}
		out[strings.TrimSuffix(name, string(from)+".toml")+string(code)+".toml"] = &fstest.MapFile{Data: data}
	}
	fyne, err := fs.ReadFile(src, "fyne."+string(from)+".json")
	if err != nil {
		return nil, err
	}
	var strs map[string]any
	if err := json.Unmarshal(fyne, &strs); err != nil {
		return nil, err
	}
	fyneOut, _ := json.Marshal(pseudoValue(strs))
	out["fyne."+string(code)+".json"] = &fstest.MapFile{Data: fyneOut}
	return out, nil
}

// pseudoValue transforms the strings of a message tree.
func pseudoValue(v any) any {
	switch t := v.(type) {
	case string:
		return pseudoText(t)
	case map[string]any:
		for k, x := range t {
			t[k] = pseudoValue(x)
		}
	}
	return v
}

var templateAction = regexp.MustCompile(`\{\{[^}]*\}\}`)

// pseudoText wraps a message and lengthens its words, leaving template
// actions as they are.
func pseudoText(s string) string {
	var b strings.Builder
	b.WriteString("⟦")
	last := 0
	for _, m := range templateAction.FindAllStringIndex(s, -1) {
		b.WriteString(longerWords(s[last:m[0]]))
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(longerWords(s[last:]))
	b.WriteString("⟧")
	return b.String()
}

// longerWords adds to each word 40% of its letters again.
func longerWords(s string) string {
	var b strings.Builder
	word := []rune{}
	flush := func() {
		b.WriteString(string(word))
		extra := int(math.Ceil(0.4 * float64(len(word))))
		for i := range extra {
			b.WriteRune(unicode.ToLower(word[i%len(word)]))
		}
		word = word[:0]
	}
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if unicode.IsLetter(r) {
			word = append(word, r)
			continue
		}
		if len(word) > 0 {
			flush()
		}
		b.WriteRune(r)
	}
	if len(word) > 0 {
		flush()
	}
	return b.String()
}
