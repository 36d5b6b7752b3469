package report

import (
	"bytes"
	"errors"
	"testing"

	"creativecity/assessment"
	"creativecity/translations"
)

// FuzzRead feeds arbitrary bytes to the workbook importer: it must never
// panic, refuse with a FileError, and what it accepts must encode.
func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if _, err := Write(&buf, questionnaire(f), demo(f), nil, Options{Lang: translations.VI}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("not a workbook"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := Read(bytes.NewReader(data), "fuzz.xlsx")
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
