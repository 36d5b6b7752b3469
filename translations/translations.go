// Package translations holds every user-facing text of the app in
// go-i18n message files, one per language and domain (ui, questionnaire),
// and gives a Localizer per language. It is a leaf package.
package translations

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed *.toml
var files embed.FS

// fyneFiles are the toolkit's own strings (dialog buttons, the file
// dialog), in the toolkit's JSON format.
//
//go:embed fyne.*.json
var fyneFiles embed.FS

// Lang is a language the app speaks.
type Lang string

// The languages, Vietnamese first.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Languages lists every supported language.
var Languages = []Lang{VI, EN}

// ParseLang reads a language code such as "vi", "en", "vi_VN.UTF-8" or "en-GB".
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, l := range Languages {
		if s == string(l) || strings.HasPrefix(s, string(l)+"_") || strings.HasPrefix(s, string(l)+"-") || strings.HasPrefix(s, string(l)+".") {
			return l, true
		}
	}
	return "", false
}

// Detect chooses the language from the environment's locale variables
// (LC_ALL, LC_MESSAGES, LANG, LANGUAGE, in POSIX precedence) and, where
// they say nothing (as on Windows), from the system's user locale:
// Vietnamese on a Vietnamese system, otherwise English.
func Detect(getenv func(string) string) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if l, ok := ParseLang(v); ok {
				return l
			}
			break
		}
	}
	for _, part := range strings.Split(getenv("LANGUAGE"), ":") {
		if l, ok := ParseLang(part); ok {
			return l
		}
	}
	if l, ok := ParseLang(systemLocale()); ok {
		return l
	}
	return EN
}

var (
	bundleMu sync.Mutex
	bundle   *i18n.Bundle
	loaded   = map[Lang][]string{} // message IDs of each language parsed so far
)

// Bundle returns the go-i18n bundle (its files are parsed by the first
// Localizer).
func Bundle() *i18n.Bundle {
	bundleMu.Lock()
	defer bundleMu.Unlock()
	return bundleLocked()
}

func bundleLocked() *i18n.Bundle {
	if bundle == nil {
		bundle = i18n.NewBundle(language.English)
		bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	}
	return bundle
}

// load parses the message files of every language into the bundle, once
// (so that no goroutine reads the bundle while another adds to it), and
// returns the message IDs of one language, sorted.
func load(lang Lang) ([]string, error) {
	bundleMu.Lock()
	defer bundleMu.Unlock()
	if len(loaded) == 0 {
		b := bundleLocked()
		for _, l := range Languages {
			names, err := fs.Glob(files, "*."+string(l)+".toml")
			if err != nil {
				return nil, err
			}
			var ids []string
			for _, name := range names {
				data, err := files.ReadFile(name)
				if err != nil {
					return nil, err
				}
				mf, err := b.ParseMessageFileBytes(data, path.Base(name))
				if err != nil {
					return nil, fmt.Errorf("translations %s: %w", name, err)
				}
				for _, m := range mf.Messages {
					ids = append(ids, m.ID)
				}
			}
			sort.Strings(ids)
			loaded[l] = ids
		}
	}
	ids, ok := loaded[lang]
	if !ok {
		return nil, fmt.Errorf("translations: no language %q", lang)
	}
	return ids, nil
}

// Localizer gives the texts of one language.
type Localizer struct {
	lang Lang
	loc  *i18n.Localizer
	ids  map[string]bool
}

var (
	locMu      sync.Mutex
	localizers = map[Lang]*Localizer{}
)

// New returns the localizer of a language (shared, safe for concurrent use).
// It panics if the embedded message files are broken, which the package's
// tests rule out.
func New(lang Lang) *Localizer {
	locMu.Lock()
	defer locMu.Unlock()
	if l := localizers[lang]; l != nil {
		return l
	}
	ids, err := load(lang)
	if err != nil {
		panic(err)
	}
	b := Bundle()
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	l := &Localizer{lang: lang, loc: i18n.NewLocalizer(b, string(lang)), ids: set}
	localizers[lang] = l
	return l
}

// Lang returns the localizer's language.
func (l *Localizer) Lang() Lang { return l.lang }

// Has reports whether the language has a message with this ID.
func (l *Localizer) Has(id string) bool { return l.ids[id] }

// T returns the message id filled with data. A missing message yields the
// ID itself, so that a gap shows instead of crashing; tests forbid gaps.
func (l *Localizer) T(id string, data ...map[string]any) string {
	cfg := &i18n.LocalizeConfig{MessageID: id}
	if len(data) > 0 {
		cfg.TemplateData = data[0]
	}
	return l.localize(cfg, id)
}

// N returns the plural form of message id for count n; data may add fields
// and Count is set to n.
func (l *Localizer) N(id string, n int, data map[string]any) string {
	td := map[string]any{"Count": n}
	for k, v := range data {
		td[k] = v
	}
	return l.localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: n, TemplateData: td}, id)
}

func (l *Localizer) localize(cfg *i18n.LocalizeConfig, id string) string {
	if !l.ids[id] {
		return id
	}
	s, err := l.loc.Localize(cfg)
	if err != nil {
		return id
	}
	return s
}

// MessageIDs returns every message ID defined for a language, sorted.
func MessageIDs(lang Lang) ([]string, error) {
	ids, err := load(lang)
	return slices.Clone(ids), err
}

// Files returns the embedded message files (for tests and tools).
func Files() fs.FS { return files }

// FyneJSON returns the toolkit's own strings in a language, for
// fyne.io/fyne/v2/lang.AddTranslationsForLocale.
func FyneJSON(l Lang) ([]byte, error) {
	return fyneFiles.ReadFile("fyne." + string(l) + ".json")
}
