package translations

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template"
	"unicode"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"

	"creativecity/assessment/testkit"
)

func idsOf(t *testing.T, lang Lang) []string {
	t.Helper()
	ids, err := MessageIDs(lang)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) == 0 {
		t.Fatalf("no messages for %s", lang)
	}
	return ids
}

// consumers are the message files every language has, one per program
// or part that reads them.
var consumers = []string{"shared", "questionnaire", "report", "cli", "desktop"}

func TestTheAppShipsVietnameseFirstThenEnglish(t *testing.T) {
	if len(Languages()) < 2 || Languages()[0] != VI || Languages()[1] != EN {
		t.Errorf("languages %v", Languages())
	}
	if New(VI).Name() != "Tiếng Việt" || New(EN).Name() != "English" {
		t.Errorf("names %q, %q", New(VI).Name(), New(EN).Name())
	}
}

func TestEveryMessageExistsInEveryLanguage(t *testing.T) {
	en := idsOf(t, EN)
	for _, l := range Languages() {
		ids := idsOf(t, l)
		for _, id := range ids {
			if _, found := slices.BinarySearch(en, id); !found {
				t.Errorf("%q is in %s but not in English", id, l)
			}
		}
		for _, id := range en {
			if _, found := slices.BinarySearch(ids, id); !found {
				t.Errorf("%q is in English but not in %s", id, l)
			}
		}
	}
}

// TestEachMessageIsInTheSameFileInEveryLanguage: a message belongs to
// one consumer's file, the same in every language.
func TestEachMessageIsInTheSameFileInEveryLanguage(t *testing.T) {
	fileOf := map[string]string{}
	for _, name := range filesOf(t, EN) {
		for _, id := range messagesIn(t, name) {
			fileOf[id] = strings.TrimSuffix(name, ".en.toml")
		}
	}
	for _, l := range Languages() {
		for _, name := range filesOf(t, l) {
			consumer := strings.TrimSuffix(name, "."+string(l)+".toml")
			for _, id := range messagesIn(t, name) {
				if fileOf[id] != consumer {
					t.Errorf("%s: %s is in %s.en.toml", name, id, fileOf[id])
				}
			}
		}
	}
}

func messagesIn(t *testing.T, name string) []string {
	t.Helper()
	data, err := fs.ReadFile(Files(), name)
	if err != nil {
		t.Fatal(err)
	}
	mf, err := i18n.ParseMessageFileBytes(data, "x.en.toml", map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range mf.Messages {
		ids = append(ids, m.ID)
	}
	return ids
}

func TestNoMessageIsEmptyOrBroken(t *testing.T) {
	for _, l := range Languages() {
		for _, name := range filesOf(t, l) {
			data, _ := fs.ReadFile(Files(), name)
			mf, err := i18n.ParseMessageFileBytes(data, "x."+New(l).T("language.tag")+".toml", map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range mf.Messages {
				if strings.TrimSpace(m.Other) == "" {
					t.Errorf("%s: %s is empty", name, m.ID)
				}
				if _, err := template.New(m.ID).Parse(m.Other); err != nil {
					t.Errorf("%s: %s: %v", name, m.ID, err)
				}
			}
		}
	}
}

// filesOf lists a language's message files, failing when one of the
// consumers' files is missing.
func filesOf(t *testing.T, l Lang) []string {
	t.Helper()
	var names []string
	for _, c := range consumers {
		name := c + "." + string(l) + ".toml"
		if _, err := fs.Stat(Files(), name); err != nil {
			t.Errorf("%s has no %s", l, name)
			continue
		}
		names = append(names, name)
	}
	return names
}

// TestVietnameseIsWrittenWithDiacritics guards against text typed without
// its accents: most Vietnamese sentences have several marked letters.
func TestVietnameseIsWrittenWithDiacritics(t *testing.T) {
	loc := New(VI)
	for _, id := range idsOf(t, VI) {
		s := loc.T(id)
		if strings.Contains(s, "<no value>") { // a template: its words are the data
			continue
		}
		words := strings.Fields(s)
		if len(words) < 6 {
			continue
		}
		marked := 0
		for _, r := range s {
			if r > unicode.MaxASCII && unicode.IsLetter(r) {
				marked++
			}
		}
		if marked < len(words)/4 {
			t.Errorf("%s looks unaccented: %q", id, s)
		}
	}
}

func TestTemplatesAreFilled(t *testing.T) {
	for _, l := range Languages() {
		got := New(l).T("problem.inFile", map[string]any{"File": "hue.ccsa", "Severity": "x", "Message": "y"})
		if !strings.Contains(got, "hue.ccsa") || strings.Contains(got, "{{") {
			t.Errorf("%s: %q", l, got)
		}
	}
	if got := New(VI).T("confidence.high"); got != "cao" {
		t.Errorf("vi confidence.high = %q", got)
	}
	if got := New(EN).T("confidence.high"); got != "high" {
		t.Errorf("en confidence.high = %q", got)
	}
	if got := New(EN).T("no.such.message"); got != "no.such.message" {
		t.Errorf("missing message = %q", got)
	}
}

func TestDetectPrefersVietnameseOnAVietnameseSystem(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{"LANG": "vi_VN.UTF-8"}, VI},
		{map[string]string{"LANG": "en_US.UTF-8"}, EN},
		{map[string]string{"LANG": "C"}, EN},
		{map[string]string{}, EN},
		{map[string]string{"LC_ALL": "vi_VN", "LANG": "en_US"}, VI},
		{map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN"}, EN},
		{map[string]string{"LANGUAGE": "vi:en"}, VI},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, EN},
	}
	for _, tt := range tests {
		if got := Detect(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("Detect(%v) = %s; want %s", tt.env, got, tt.want)
		}
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"vi": VI, "VI": VI, "vi-VN": VI, "en": EN, "en_GB.UTF-8": EN} {
		if got, ok := ParseLang(in); !ok || got != want {
			t.Errorf("ParseLang(%q) = %s, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "fr", "vietnamese", "e"} {
		if _, ok := ParseLang(in); ok {
			t.Errorf("ParseLang(%q) accepted", in)
		}
	}
}

func TestToolkitStringsExistInBothLanguages(t *testing.T) {
	keys := map[Lang]map[string]any{}
	for _, l := range Languages() {
		data, err := FyneJSON(l)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		keys[l] = m
	}
	for k := range keys[EN] {
		if _, ok := keys[VI][k]; !ok {
			t.Errorf("toolkit string %q has no Vietnamese translation", k)
		}
	}
	for k, v := range keys[VI] {
		if _, ok := keys[EN][k]; !ok {
			t.Errorf("toolkit string %q is only in Vietnamese", k)
		}
		if s, ok := v.(string); ok && s == keys[EN][k] && k != "OK" {
			t.Errorf("toolkit string %q is not translated: %q", k, s)
		}
	}
	if len(keys[EN]) < 40 {
		t.Errorf("only %d toolkit strings", len(keys[EN]))
	}
}

// TestALanguageIsItsFilesAlone adds a pseudo-language from files only: it
// is found, named, parsed and complete.
func TestALanguageIsItsFilesAlone(t *testing.T) {
	dir := t.TempDir()
	if err := testkit.Pseudo(Files(), "xx", string(EN), dir); err != nil {
		t.Fatal(err)
	}
	remove, err := AddFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		remove()
		if _, ok := ParseLang("xx"); ok {
			t.Error("the language stayed after its files were removed")
		}
	}()
	l, ok := ParseLang("xx")
	if !ok || Languages()[len(Languages())-1] != "xx" {
		t.Fatalf("languages %v", Languages())
	}
	loc := New(l)
	if loc.Name() != "⟦Pseudo xx⟧" || loc.Setting("decimalSeparator") != "." {
		t.Errorf("name %q, decimal %q", loc.Name(), loc.Setting("decimalSeparator"))
	}
	if got := loc.T("problem.inFile", map[string]any{"File": "hue.ccsa", "Severity": "x", "Message": "y"}); got != "⟦hue.ccsa: x: y⟧" {
		t.Errorf("template: %q", got)
	}
	if got := loc.T("confidence.medium"); got != "⟦mediummed⟧" {
		t.Errorf("confidence.medium: %q", got)
	}
	xx, en := idsOf(t, "xx"), idsOf(t, EN)
	if !slices.Equal(xx, en) {
		t.Errorf("%d messages, English has %d", len(xx), len(en))
	}
	if data, err := FyneJSON("xx"); err != nil || !strings.Contains(string(data), "⟦") {
		t.Errorf("toolkit strings: %v", err)
	}
}

// historicalMentions are the messages allowed to name the district level
// or its offices, abolished on 1 July 2025: each says that they were.
var historicalMentions = map[string]bool{}

// TestNoMessageDescribesTheAbolishedDistrictLevel: since 1 July 2025
// Vietnam has two levels of local government (province, then ward or
// commune); no text may describe districts or their culture offices as if
// they existed, except the few that say they were abolished.
func TestNoMessageDescribesTheAbolishedDistrictLevel(t *testing.T) {
	forbidden := map[Lang][]string{
		VI: {"phòng văn hóa và thông tin", "phòng văn hoá và thông tin", "cấp huyện", "quận, huyện", "huyện, xã", "quận/huyện", "huyện/xã"},
		EN: {"district level", "district-level", "office of culture and information", "districts and communes", "district people's committee"},
	}
	abolished := []string{"bãi bỏ", "không còn", "abolished", "no longer"}
	for _, l := range Languages() {
		loc := New(l)
		for _, id := range idsOf(t, l) {
			text := strings.ToLower(loc.T(id))
			for _, phrase := range forbidden[l] {
				if !strings.Contains(text, phrase) {
					continue
				}
				says := slices.ContainsFunc(abolished, func(w string) bool { return strings.Contains(text, w) })
				if !historicalMentions[id] || !says {
					t.Errorf("%s %s names %q as if it existed: %q", l, id, phrase, loc.T(id))
				}
			}
		}
	}
}

// messageLiteral is a string literal of Go code that looks like a message
// ID: a known prefix, a dot, and a name that does not end in a dot (a
// prefix completed at run time).
var messageLiteral = regexp.MustCompile(`"((?:gui|report|form|cli|compare|problem|unit|member|reason|confidence|severity|questionType|language|app|result|usage|migration)\.[A-Za-z0-9_.]*[A-Za-z0-9_])"`)

// TestEveryMessageTheCodeNamesExists: a message ID written in the code
// (not in a test) exists in every language, so that a merge or a rename
// of the message files cannot leave the window showing an ID.
func TestEveryMessageTheCodeNamesExists(t *testing.T) {
	ids := messageLiteral.FindAllStringSubmatch(goSources(t), -1)
	for _, m := range ids {
		for _, l := range Languages() {
			if !New(l).Has(m[1]) {
				t.Errorf("the code names %s, which %s lacks", m[1], l)
			}
		}
	}
	if len(ids) < 100 {
		t.Errorf("only %d message IDs found in the code: is the pattern right?", len(ids))
	}
}

// pluralCall is a message the code asks for with a count (Localizer.N).
var pluralCall = regexp.MustCompile(`\.N\("([^"]+)"`)

// TestEveryPluralMessageHasTheFormsItsLanguageNeeds: a message with plural
// forms in some language, or asked for with a count by the code, renders
// in every language for counts that take each of its plural forms
// (go-i18n follows CLDR, which gives Vietnamese "one" for 0 and 1).
func TestEveryPluralMessageHasTheFormsItsLanguageNeeds(t *testing.T) {
	plural := map[string]bool{}
	for _, l := range Languages() {
		for _, name := range filesOf(t, l) {
			for _, m := range parsedMessages(t, l, name) {
				if m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "" {
					plural[m.ID] = true
				}
			}
		}
	}
	for _, m := range pluralCall.FindAllStringSubmatch(goSources(t), -1) {
		plural[m[1]] = true
	}
	for _, l := range Languages() {
		loc := New(l)
		for id := range plural {
			for _, n := range []int{0, 1, 2, 3, 5, 11, 21, 101} {
				if _, err := loc.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: n,
					TemplateData: map[string]any{"Count": n}}); err != nil {
					t.Errorf("%s %s, count %d: %v", l, id, n, err)
					break
				}
			}
		}
	}
	if len(plural) < 3 {
		t.Errorf("only %d plural messages found", len(plural))
	}
}

// parsedMessages parses one message file of a language.
func parsedMessages(t *testing.T, l Lang, name string) []*i18n.Message {
	t.Helper()
	data, _ := fs.ReadFile(Files(), name)
	mf, err := i18n.ParseMessageFileBytes(data, "x."+New(l).T("language.tag")+".toml", map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		t.Fatal(err)
	}
	return mf.Messages
}

// goSources is the text of the project's Go code, tests excepted.
func goSources(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && d.Name() != "..") {
			return filepath.SkipDir
		}
		// The packages only tests import (testkit, reporttest, as Go's
		// own httptest) are test code too.
		if d.IsDir() && (d.Name() == "testkit" || strings.HasSuffix(d.Name(), "test")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		b.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTheApplicationLanguagesAreCompleteAndApart: the draft application's
// message files (dossier.<lang>.toml) have the same messages in every
// application language, none empty or broken, every dossier message the code
// names exists, and French stays a application language, not an interface one.
func TestTheApplicationLanguagesAreCompleteAndApart(t *testing.T) {
	langs := ApplicationLanguages()
	if !slices.Equal(langs, []Lang{EN, FR}) {
		t.Fatalf("dossier languages %v", langs)
	}
	if _, ok := ParseLang("fr"); ok || slices.Contains(Languages(), FR) {
		t.Error("French became an interface language")
	}
	en, err := Application(EN)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range langs {
		loc, err := Application(l)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(loc.ids, en.ids) {
			for _, id := range en.ids {
				if !loc.Has(id) {
					t.Errorf("%s lacks %s", l, id)
				}
			}
			for _, id := range loc.ids {
				if !en.Has(id) {
					t.Errorf("%s has %s, English does not", l, id)
				}
			}
		}
		for _, id := range loc.ids {
			s := loc.T(id)
			if s == "" || s == id || (strings.TrimSpace(s) == "" && id != "language.thousandsSeparator") {
				t.Errorf("%s %s is empty", l, id)
			}
		}
		if loc.Setting("tag") == "" || loc.Setting("decimalSeparator") == "" || len(strings.Split(loc.Setting("months"), ",")) != 12 {
			t.Errorf("%s: [language] table incomplete", l)
		}
	}
	for _, m := range regexp.MustCompile(`"(dossier\.[A-Za-z0-9_.]*[A-Za-z0-9_])"`).FindAllStringSubmatch(goSources(t), -1) {
		for _, l := range langs {
			if loc, _ := Application(l); !loc.Has(m[1]) {
				t.Errorf("the code names %s, which the %s dossier lacks", m[1], l)
			}
		}
	}
	// The interface's messages do not take the dossier's.
	for _, l := range Languages() {
		if New(l).Has("dossier.title") {
			t.Errorf("%s interface messages include the dossier's", l)
		}
	}
}
