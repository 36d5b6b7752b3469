package testkit

import (
	"encoding/json"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
)

// Pseudo writes into the folder dir the message files of a pseudo-language
// code, made from those of the language from in src (the files of package
// translations): every message wrapped in ⟦ ⟧ and its words made 40%
// longer, its templates kept. Loaded as a folder of message files, it
// shows without any change of code that a new language needs only its
// files: no text stays untranslated (it would lack the brackets), and
// longer text still fits. Its [language] table is the source's, with its
// own name, order and tag.
func Pseudo(src fs.FS, code, from, dir string) error {
	names, err := fs.Glob(src, "*."+from+".toml")
	if err != nil {
		return err
	}
	for _, name := range names {
		data, err := pseudoTOML(src, name, code)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, strings.TrimSuffix(name, from+".toml")+code+".toml"), data, 0o644)
		}
		if err != nil {
			return err
		}
	}
	fyne, err := fs.ReadFile(src, "fyne."+from+".json")
	if err != nil {
		return err
	}
	var strs map[string]any
	if err := json.Unmarshal(fyne, &strs); err != nil {
		return err
	}
	fyneOut, _ := json.Marshal(pseudoValue(strs))
	return os.WriteFile(filepath.Join(dir, "fyne."+code+".json"), fyneOut, 0o644)
}

// pseudoTOML is the pseudo-language's version of one message file.
func pseudoTOML(src fs.FS, name, code string) ([]byte, error) {
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
			info["name"], info["order"], info["tag"] = "⟦Pseudo "+code+"⟧", "99", "en-XA"
			continue
		}
		doc[key] = pseudoValue(v)
	}
	return toml.Marshal(doc)
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
