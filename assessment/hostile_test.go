package assessment_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/testkit/fixture"
)

func TestDeeplyNestedJSONIsRefusedQuickly(t *testing.T) {
	deep := `{"format":"creativecity-assessment","schemaVersion":1,"answers":{"x.y":{"value":` +
		strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + `}}}`
	start := time.Now()
	_, err := assessment.Decode([]byte(deep), "deep.ccsa")
	if !fixture.HasCode(err, assessment.CodeSyntax) {
		t.Fatalf("Decode = %v; want a syntax error", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestDuplicateKeysAreRefusedNamingTheKey(t *testing.T) {
	cases := []struct{ doc, member string }{
		{`{"format":"creativecity-assessment","schemaVersion":99,"schemaVersion":1}`, "schemaVersion"},
		{`{"format":"creativecity-assessment","schemaVersion":1,"city":{"name":"Huế","name":"Hạ Long"}}`, "city.name"},
		{`{"format":"creativecity-assessment","schemaVersion":1,"answers":{"x.y":{"value":1,"val\u0075e":2}}}`, "answers.x.y.value"},
		{`{"format":"creativecity-assessment","schemaVersion":1,"future":[{"a":1},{"a":1,"a":2}]}`, "future[1].a"},
	}
	for _, c := range cases {
		_, err := assessment.Decode([]byte(c.doc), "dup.ccsa")
		var fe *assessment.FileError
		if !errors.As(err, &fe) || fe.Code != assessment.CodeDuplicateKey || fe.Args["Member"].Text != c.member {
			t.Errorf("Decode(%s) = %v; want %s naming %q", c.doc, err, assessment.CodeDuplicateKey, c.member)
		}
	}
	same := `{"format":"creativecity-assessment","schemaVersion":1,"city":{"name":"Huế"},"answers":{"x.y":{"value":[{"name":1},{"name":2}]}},"name":"top"}`
	if _, err := assessment.Decode([]byte(same), "ok.ccsa"); err != nil {
		t.Errorf("the same name in different objects: %v", err)
	}
}
