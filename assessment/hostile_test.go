package assessment_test

import (
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
