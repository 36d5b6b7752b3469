package assessment

import (
	"bytes"
	"os"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to the file decoder: it must never
// panic, and whatever it accepts must survive an encode/decode round trip.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(sampleFile))
	f.Add([]byte(`{"format":"creativecity-assessment","schemaVersion":1}`))
	f.Add([]byte(`{"format":"creativecity-assessment","schemaVersion":1,"answers":{"a.b":{"value":1e400}}}`))
	f.Add([]byte(`{"format":"creativecity-assessment","schemaVersion":1,"answers":{"a.b":[1]},"city":null}`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Add([]byte(`{"format":"creativecity-assessment","schemaVersion":1.5}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Decode(data, "fuzz.ccsa")
		if err != nil {
			return
		}
		qn, qerr := Default()
		if qerr == nil {
			Validate(qn, a, "fuzz.ccsa")
			Score(qn, a)
		}
		first, err := Encode(a)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		b, err := Decode(first, "again.ccsa")
		if err != nil {
			t.Fatalf("re-decode of %s: %v", first, err)
		}
		second, err := Encode(b)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("round trip differs:\n%s\n%s", first, second)
		}
	})
}

// FuzzParseQuestionnaire feeds arbitrary text to the questionnaire loader:
// it must never panic, and what it accepts must be consistent.
func FuzzParseQuestionnaire(f *testing.F) {
	f.Add(string(mustShipped()))
	f.Add("questionnaireVersion = \"x\"\n[[sections]]\nid = \"profile\"\nkind = \"profile\"\n")
	f.Add("[[sections]]\n[[sections.questions]]\nid = 1\n")
	f.Add("questionnaireVersion = [")
	f.Fuzz(func(t *testing.T, src string) {
		q, err := ParseQuestionnaire([]byte(src))
		if err != nil {
			return
		}
		for _, s := range q.Sections {
			for _, qq := range s.Questions {
				if got, ok := q.Question(qq.ID); !ok || got != qq || qq.Section() != s {
					t.Fatalf("index broken for %q", qq.ID)
				}
			}
		}
		Score(q, New(q))
	})
}

func mustShipped() []byte {
	data, err := os.ReadFile("../assets/questionnaire.toml")
	if err != nil {
		panic(err)
	}
	return data
}
