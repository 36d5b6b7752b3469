package report_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
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
	f.Fuzz(checkRead)
}

// checkRead reads a workbook as the importer does: it must end within
// 10 s, refuse with a FileError, and what it accepts must encode.
func checkRead(t *testing.T, data []byte) {
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
}

// maxFuzzInsert bounds what FuzzReadParts inserts into a part, beyond
// the largest part a workbook may hold.
const maxFuzzInsert = 48 << 20

// FuzzReadParts mutates the XML parts of a report, not only its zip
// bytes: at a position of one part, it cuts some bytes and inserts a text
// repeated (up to tens of megabytes, so that a sheet of millions of empty
// cells is within reach), re-zips the workbook and reads it as FuzzRead
// does.
func FuzzReadParts(f *testing.F) {
	var buf bytes.Buffer
	if _, err := report.Write(&buf, fixture.Questionnaire(f), fixture.Demo(f), nil, report.Options{Lang: translations.VI}); err != nil {
		f.Fatal(err)
	}
	names, bodies := unzipParts(f, buf.Bytes())
	for i, name := range names {
		at := uint32(bytes.Index(bodies[i], []byte("<sheetData>")) + len("<sheetData>"))
		switch {
		case strings.HasPrefix(name, "xl/worksheets/"):
			f.Add(uint8(i), at, uint16(0), []byte(`<row r="1">`+strings.Repeat("<c/>", 128)), uint16(60000))
			f.Add(uint8(i), at, uint16(0), []byte(strings.Repeat("<c/>", 128)), uint16(2000))
		case name == "xl/sharedStrings.xml":
			f.Add(uint8(i), uint32(len(bodies[i])-len("</sst>")), uint16(0), []byte("<si><t>x</t></si>"), uint16(5000))
		case name == "xl/workbook.xml":
			f.Add(uint8(i), uint32(0), uint16(10), []byte("<"), uint16(1))
		}
	}
	f.Fuzz(func(t *testing.T, part uint8, at uint32, cut uint16, insert []byte, repeat uint16) {
		if len(insert)*int(repeat) > maxFuzzInsert {
			return
		}
		i := int(part) % len(names)
		body := bodies[i]
		pos := int(at % uint32(len(body)+1))
		end := min(pos+int(cut), len(body))
		mutated := append(append(append([]byte{}, body[:pos]...), bytes.Repeat(insert, int(repeat))...), body[end:]...)
		checkRead(t, zipParts(t, names, bodies, i, mutated))
	})
}

// unzipParts returns a workbook's parts, in order.
func unzipParts(tb testing.TB, data []byte) (names []string, bodies [][]byte) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			tb.Fatal(err)
		}
		names, bodies = append(names, f.Name), append(bodies, body)
	}
	return names, bodies
}

// zipParts zips the parts again, part i replaced by body.
func zipParts(tb testing.TB, names []string, bodies [][]byte, i int, body []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for j, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if j == i {
			w.Write(body)
		} else {
			w.Write(bodies[j])
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
