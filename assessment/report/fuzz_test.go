package report_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/report"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// FuzzRead feeds arbitrary bytes to the workbook importer: it must never
// panic, refuse with a FileError, and what it accepts must encode.
func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if _, err := report.Write(&buf, fixture.Questionnaire(f), fixture.Demo(f), nil, report.Options{Lang: translations.VI}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("not a workbook"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		// A workbook may come from anywhere: reading one must also end
		// quickly, so a slow input is a failure too.
		type result struct {
			a   *assessment.Assessment
			err error
		}
		done := make(chan result, 1)
		go func() {
			a, _, err := report.Read(bytes.NewReader(data), "fuzz.xlsx")
			done <- result{a, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("reading a %d-byte workbook took more than 10 s", len(data))
		}
		a, err := r.a, r.err
		if err != nil {
			var fe *assessment.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a FileError: %v", err)
			}
			return
		}
		if _, err := assessment.Encode(a); err != nil {
			t.Fatal(err)
		}
	})
}
