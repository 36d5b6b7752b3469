// Package translations holds every user-facing text of the app in go-i18n
// message files and gives a Localizer per language. A language is data:
// it exists when its files do. Each language has one file per consumer:
//
//	shared.<lang>.toml         the language itself ([language]: its name,
//	                           number notation, date and time formats,
//	                           report font) and what every program says
//	                           (problems, reasons, confidence, units)
//	questionnaire.<lang>.toml  sections, questions, levels, criteria
//	report.<lang>.toml         the Excel report and the comparison workbook
//	cli.<lang>.toml            the command-line tool
//	desktop.<lang>.toml        the desktop app
//	fyne.<lang>.json           the toolkit's own strings (Fyne's format)
//
// The draft of the UNESCO application has languages of its own, those
// UNESCO accepts (English, French): dossier.<lang>.toml holds all its
// fixed text and its own [language] table. A application language is not an
// interface language; its file is read only by Application.
//
// The files are built into the programs. A folder of message files can
// be added at run time (AddFolder; both programs add the folder that
// CREATIVECITY_TRANSLATIONS names), a file there taking the place of the
// built-in one of its name: a translator tries a translation without
// building the programs.
//
// It is a leaf package.
package translations

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

//go:embed *.toml fyne.*.json
var embedded embed.FS

// Lang is a language code, as in the names of its message files.
type Lang string

// Languages the app ships. EN is also the fallback of Detect.
const (
	VI Lang = "vi"
	EN Lang = "en"
	// FR is a language of the draft application only, not of the interface.
	FR Lang = "fr"
)

// sharedFile names the file of a language that holds its [language] table.
func sharedFile(l Lang) string { return "shared." + string(l) + ".toml" }

var (
	mu      sync.Mutex
	sources = []fs.FS{embedded} // the embedded files, then any folders added
	// languages lists every language that has message files, in the
	// order their files give (Vietnamese first).
	languages  = discover()
	localizers = map[Lang]*Localizer{}
)

// Languages lists every language that has message files, in the order
// their files give (Vietnamese first).
func Languages() []Lang {
	mu.Lock()
	defer mu.Unlock()
	return slices.Clone(languages)
}

// FolderVariable is the environment variable that names a folder of
// message files for the programs to use besides their own (AddFolderFrom).
const FolderVariable = "CREATIVECITY_TRANSLATIONS"

// folder is the message files of a folder added by AddFolder.
type folder struct{ fs.FS }

// AddFolder adds the message files of a folder to the built-in ones, as
// if they had been in this package's folder when the program was built:
// a file of the same name as a built-in one takes its place, and a
// language whose files are all in the folder is a new language. This is
// how a translator tries a new or changed translation without building
// the programs. Every language the folder has files of must read without
// error (names, parsing, the [language] table); otherwise nothing is
// added. remove takes the folder's files away again.
func AddFolder(dir string) (remove func(), err error) {
	langs, err := folderLanguages(dir)
	if err != nil {
		return nil, err
	}
	if len(langs) == 0 {
		return nil, fmt.Errorf("%s: no message files (<file>.<language>.toml, fyne.<language>.json)", dir)
	}
	src := &folder{os.DirFS(dir)}
	mu.Lock()
	defer mu.Unlock()
	sources = append(slices.Clone(sources), src)
	refresh()
	for _, l := range langs {
		if err = check(l); err != nil {
			removeSource(src)
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
	}
	return func() {
		mu.Lock()
		defer mu.Unlock()
		removeSource(src)
	}, nil
}

// AddFolderFrom adds the folder named by FolderVariable, if the
// environment that getenv reads names one. remove is never nil: it does
// nothing when no folder was added.
func AddFolderFrom(getenv func(string) string) (remove func(), err error) {
	dir := getenv(FolderVariable)
	if dir == "" {
		return func() {}, nil
	}
	if remove, err = AddFolder(dir); err != nil {
		return func() {}, err
	}
	return remove, nil
}

// removeSource takes a folder's files away (mu held).
func removeSource(src fs.FS) {
	sources = slices.DeleteFunc(slices.Clone(sources), func(s fs.FS) bool { return s == src })
	refresh()
}

// refresh finds the languages again and forgets the localizers read
// before the files changed (mu held).
func refresh() {
	languages = discover()
	clear(localizers)
	clear(applicationLocalizers)
}

// messageFile is the name of a message file: <file>.<language>.toml or
// fyne.<language>.json.
var messageFile = regexp.MustCompile(`^(?:[a-z]+\.([A-Za-z-]+)\.toml|fyne\.([A-Za-z-]+)\.json)$`)

// folderLanguages lists the languages a folder has message files of.
func folderLanguages(dir string) ([]Lang, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var langs []Lang
	for _, e := range entries {
		m := messageFile.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		if l := Lang(m[1] + m[2]); !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	return langs, nil
}

// check reads every file of a language, as the programs will (mu held).
func check(l Lang) error {
	all := files()
	if _, err := fs.Stat(all, applicationPrefix+string(l)+".toml"); err == nil {
		if _, err := application(l); err != nil {
			return err
		}
	}
	if _, err := fs.Stat(all, sharedFile(l)); err != nil {
		if isApplicationOnly(all, l) {
			return nil
		}
		return fmt.Errorf("language %q has no %s", l, sharedFile(l))
	}
	if _, err := load(l); err != nil {
		return err
	}
	fyne, err := fs.ReadFile(all, "fyne."+string(l)+".json")
	if err == nil && !json.Valid(fyne) {
		err = fmt.Errorf("fyne.%s.json is not valid JSON", l)
	}
	return err
}

// isApplicationOnly tells a language whose only file is its application file.
func isApplicationOnly(all fs.FS, l Lang) bool {
	names, _ := fs.Glob(all, "*."+string(l)+".*")
	return len(names) == 1 && names[0] == applicationPrefix+string(l)+".toml"
}

// languageInfo is a language's [language] table: its name, order, tag,
// number notation, date and time formats and report font.
type languageInfo map[string]string

// discover lists the languages that have a shared file, in their order
// (mu held, or at start).
func discover() []Lang {
	var langs []Lang
	order := map[Lang]float64{}
	all := files()
	names, _ := fs.Glob(all, "shared.*.toml")
	for _, name := range names {
		l := Lang(strings.TrimSuffix(strings.TrimPrefix(name, "shared."), ".toml"))
		info, err := readInfo(all, l)
		if err != nil {
			continue
		}
		langs = append(langs, l)
		order[l], _ = strconv.ParseFloat(info["order"], 64)
	}
	slices.SortStableFunc(langs, func(a, b Lang) int {
		if order[a] != order[b] {
			if order[a] < order[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(string(a), string(b))
	})
	return langs
}

func readInfo(src fs.FS, l Lang) (languageInfo, error) {
	var doc struct {
		Language languageInfo `toml:"language"`
	}
	data, err := fs.ReadFile(src, sharedFile(l))
	if err == nil {
		err = toml.Unmarshal(data, &doc)
	}
	return doc.Language, err
}

// Codes lists the language codes for a usage message, as "vi|en".
func Codes() string {
	mu.Lock()
	defer mu.Unlock()
	codes := make([]string, len(languages))
	for i, l := range languages {
		codes[i] = string(l)
	}
	return strings.Join(codes, "|")
}

// ParseLang reads a language code such as "vi", "en", "vi_VN.UTF-8" or "en-GB".
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, l := range Languages() {
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

// Localizer gives the texts of one language.
type Localizer struct {
	lang Lang
	loc  *i18n.Localizer
	ids  []string     // sorted
	info languageInfo // the [language] table
}

// New returns the localizer of a language (shared, safe for concurrent
// use). Only that language's files are read, once. It panics if they are
// missing or broken, which the package's tests rule out.
func New(lang Lang) *Localizer {
	mu.Lock()
	defer mu.Unlock()
	if l := localizers[lang]; l != nil {
		return l
	}
	l, err := load(lang)
	if err != nil {
		panic(err)
	}
	localizers[lang] = l
	return l
}

// load parses every message file of one language into a bundle of its own,
// under the language's tag (its plural rules).
func load(lang Lang) (*Localizer, error) {
	src := files()
	if _, err := fs.Stat(src, sharedFile(lang)); err != nil {
		return nil, fmt.Errorf("translations: no language %q", lang)
	}
	info, err := readInfo(src, lang)
	if err != nil {
		return nil, fmt.Errorf("translations %s: %w", sharedFile(lang), err)
	}
	names, _ := fs.Glob(src, "*."+string(lang)+".toml")
	names = slices.DeleteFunc(names, isApplicationFile)
	return bundle(src, lang, names, info)
}

// isApplicationFile tells the files of the application's languages apart.
func isApplicationFile(name string) bool { return strings.HasPrefix(name, applicationPrefix) }

const applicationPrefix = "dossier."

// bundle parses the message files of one language, under its tag.
func bundle(src fs.FS, lang Lang, names []string, info languageInfo) (*Localizer, error) {
	tag, err := language.Parse(info["tag"])
	if err != nil {
		return nil, fmt.Errorf("translations %s: language.tag %q: %w", lang, info["tag"], err)
	}
	b := i18n.NewBundle(tag)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	var ids []string
	for _, name := range names {
		data, err := fs.ReadFile(src, name)
		if err != nil {
			return nil, err
		}
		// The file is parsed as of the language's tag, whatever its code.
		mf, err := b.ParseMessageFileBytes(data, path.Base(strings.TrimSuffix(name, string(lang)+".toml")+tag.String()+".toml"))
		if err != nil {
			return nil, fmt.Errorf("translations %s: %w", name, err)
		}
		for _, m := range mf.Messages {
			ids = append(ids, m.ID)
		}
	}
	slices.Sort(ids)
	return &Localizer{lang: lang, loc: i18n.NewLocalizer(b, tag.String()), ids: ids, info: info}, nil
}

// Lang returns the localizer's language.
func (l *Localizer) Lang() Lang { return l.lang }

// Name is the language's name in itself ("Tiếng Việt", "English").
func (l *Localizer) Name() string { return l.info["name"] }

// Setting is a value of the language's [language] table: "tag",
// "decimalSeparator", "thousandsSeparator", "date", "time", "dateTime",
// "dateExcel", "reportFont" ("" if the file lacks it).
func (l *Localizer) Setting(key string) string { return l.info[key] }

// Has reports whether the language has a message with this ID.
func (l *Localizer) Has(id string) bool {
	_, found := slices.BinarySearch(l.ids, id)
	return found
}

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
	if !l.Has(id) {
		return id
	}
	s, err := l.loc.Localize(cfg)
	if err != nil && s == "" {
		return id
	}
	// A plural form the file lacks falls back to "other" (go-i18n fills
	// s with it and reports the gap; a test makes every file complete).
	return s
}

// MessageIDs returns every message ID defined for a language, sorted.
func MessageIDs(lang Lang) ([]string, error) {
	mu.Lock()
	defer mu.Unlock()
	if l := localizers[lang]; l != nil {
		return slices.Clone(l.ids), nil
	}
	l, err := load(lang)
	if err != nil {
		return nil, err
	}
	return l.ids, nil
}

// Files returns the message files of every language (for tests and tools):
// the built-in ones and those of the folders added.
func Files() fs.FS {
	mu.Lock()
	defer mu.Unlock()
	return files()
}

// files is Files with mu held: a file of an added folder takes the place
// of a built-in one of the same name.
func files() fs.FS { return overlay(slices.Clone(sources)) }

// overlay reads a file from the last file system that has it.
type overlay []fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	for _, src := range slices.Backward(o) {
		if f, err := src.Open(name); err == nil {
			return f, nil
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir lists a folder of every file system, each name once.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	var out []fs.DirEntry
	seen := map[string]bool{}
	for _, src := range o {
		entries, err := fs.ReadDir(src, name)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// FyneJSON returns the toolkit's own strings in a language, for
// fyne.io/fyne/v2/lang.AddTranslationsForLocale.
func FyneJSON(l Lang) ([]byte, error) {
	mu.Lock()
	defer mu.Unlock()
	src := files()
	if _, err := fs.Stat(src, sharedFile(l)); err != nil {
		return nil, fmt.Errorf("translations: no language %q", l)
	}
	return fs.ReadFile(src, "fyne."+string(l)+".json")
}

// ApplicationLanguages lists the languages the draft application can be
// written in: those with a dossier.<lang>.toml file, in their order.
func ApplicationLanguages() []Lang {
	mu.Lock()
	defer mu.Unlock()
	var langs []Lang
	names, _ := fs.Glob(files(), applicationPrefix+"*.toml")
	for _, name := range names {
		langs = append(langs, Lang(strings.TrimSuffix(strings.TrimPrefix(name, applicationPrefix), ".toml")))
	}
	slices.Sort(langs)
	return langs
}

// ParseApplicationLang reads a application language code ("en", "fr", "fr-FR").
func ParseApplicationLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, l := range ApplicationLanguages() {
		if s == string(l) || strings.HasPrefix(s, string(l)+"_") || strings.HasPrefix(s, string(l)+"-") {
			return l, true
		}
	}
	return "", false
}

var applicationLocalizers = map[Lang]*Localizer{}

// Application returns the localizer of the draft application in a language:
// the messages of dossier.<lang>.toml alone, with its [language] table.
func Application(lang Lang) (*Localizer, error) {
	mu.Lock()
	defer mu.Unlock()
	return application(lang)
}

// application is Application with mu held.
func application(lang Lang) (*Localizer, error) {
	if l := applicationLocalizers[lang]; l != nil {
		return l, nil
	}
	name := applicationPrefix + string(lang) + ".toml"
	src := files()
	data, err := fs.ReadFile(src, name)
	if err != nil {
		return nil, fmt.Errorf("translations: no dossier language %q", lang)
	}
	var doc struct {
		Language languageInfo `toml:"language"`
	}
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("translations %s: %w", name, err)
	}
	l, err := bundle(src, lang, []string{name}, doc.Language)
	if err != nil {
		return nil, err
	}
	applicationLocalizers[lang] = l
	return l, nil
}
