package translations

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"text/template"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
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

func TestEveryMessageExistsInBothLanguages(t *testing.T) {
	vi, en := idsOf(t, VI), idsOf(t, EN)
	for _, id := range vi {
		if _, found := slices.BinarySearch(en, id); !found {
			t.Errorf("%q is in Vietnamese but not in English", id)
		}
	}
	for _, id := range en {
		if _, found := slices.BinarySearch(vi, id); !found {
			t.Errorf("%q is in English but not in Vietnamese", id)
		}
	}
}

func TestEachDomainHasBothLanguageFiles(t *testing.T) {
	for _, domain := range []string{"ui", "questionnaire"} {
		for _, l := range Languages {
			if _, err := files.ReadFile(domain + "." + string(l) + ".toml"); err != nil {
				t.Errorf("missing %s.%s.toml", domain, l)
			}
		}
	}
}

func TestNoMessageIsEmptyOrBroken(t *testing.T) {
	for _, l := range Languages {
		names, _ := filesOf(l)
		for _, name := range names {
			data, _ := files.ReadFile(name)
			mf, err := i18n.ParseMessageFileBytes(data, name, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
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

func filesOf(l Lang) ([]string, error) {
	return []string{"ui." + string(l) + ".toml", "questionnaire." + string(l) + ".toml"}, nil
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
	for _, l := range Languages {
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
	for _, l := range Languages {
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
