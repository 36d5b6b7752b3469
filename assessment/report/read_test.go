package report_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"creativecity/assessment"
	"creativecity/assessment/report"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// everyType is an assessment answering every question of the
// questionnaire, with Vietnamese text in both Unicode forms and an answer to
// a question this questionnaire does not know.
func everyType(t *testing.T) *assessment.Assessment {
	t.Helper()
	qn := fixture.Questionnaire(t)
	a := assessment.New(qn)
	a.City = assessment.City{Name: norm.NFD.String("Thừa Thiên Huế"), Province: "Huế", Population: 652572,
		AreaKm2: 265.99, Assessor: "Lê Văn Tám", Organization: "Sở VHTTDL", Email: "a@b.vn", Phone: "+84 234", Date: "2026-11-20"}
	for i, s := range qn.Sections {
		for j, q := range s.Questions {
			if q.CityField != "" {
				continue
			}
			var v assessment.Value
			switch q.Type {
			case assessment.Rubric:
				v = assessment.NumberValue(float64((i + j) % 5))
			case assessment.Number:
				v = assessment.NumberValue(float64(i*j) + 0.25)
				if q.Integer {
					v = assessment.NumberValue(float64(i * j))
				}
				if q.Max > 0 {
					v = assessment.NumberValue(q.Max)
				}
			case assessment.Boolean:
				v = assessment.BoolValue(j%2 == 0)
			case assessment.Text:
				v = assessment.StringValue("Nhã nhạc cung đình Huế; =SUM(A1) " + norm.NFD.String("Ẩm thực"))
			}
			a.SetValue(q.ID, v)
			a.SetEvidence(q.ID, "Minh chứng "+q.ID+"\n+1 dòng hai", "@nguồn")
		}
	}
	a.SetValue("future.question", assessment.NumberValue(7))
	return a
}

func roundTrip(t *testing.T, a *assessment.Assessment, lang translations.Lang) *assessment.Assessment {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.xlsx")
	if _, err := report.WriteFile(path, fixture.Questionnaire(t), a, nil, report.Options{Lang: lang, AppVersion: "t"}); err != nil {
		t.Fatal(err)
	}
	b, _, err := report.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func encode(t *testing.T, a *assessment.Assessment) string {
	t.Helper()
	data, err := assessment.Encode(a.Clone())
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestExportThenReadGivesTheSameAssessment(t *testing.T) {
	for _, lang := range translations.Languages() {
		application := fixture.Demo(t)
		application.SetProse("assets", "Ẩm thực Hạ Long gắn với biển.")
		application.EditAttachment("mayor_letter", func(s *assessment.AttachmentState) {
			s.Obtained, s.Date, s.File = true, "2027-01-05", "CV-12/UBND"
		})
		decided := fixture.Demo(t)
		decided.SetIntendedField("music")
		decided.SetAside("film", "Chưa có phim trường")
		decided.SetAside("dance", "a field of a later questionnaire, kept")
		for name, a := range map[string]*assessment.Assessment{"demo": fixture.Demo(t), "every type": everyType(t),
			"with the application's prose and attachments": application, "with decisions": decided} {
			want := encode(t, a)
			if got := encode(t, roundTrip(t, a, lang)); got != want {
				t.Errorf("%s, %s: round trip differs:\n%s", name, lang, firstDiff(want, got))
			}
		}
	}
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "want " + la[i] + "\n got " + lb[i]
		}
	}
	return "lengths differ"
}

func readErrCode(t *testing.T, path string) *assessment.FileError {
	t.Helper()
	_, _, err := report.ReadFile(path)
	var fe *assessment.FileError
	if !errors.As(err, &fe) {
		t.Fatalf("ReadFile(%s) = %v; want a FileError", path, err)
	}
	return fe
}

func TestReadRefusesForeignAndEditedWorkbooks(t *testing.T) {
	dir := t.TempDir()
	// A workbook from elsewhere.
	foreign := filepath.Join(dir, "foreign.xlsx")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "Hello")
	f.SaveAs(foreign)
	if fe := readErrCode(t, foreign); fe.Code != assessment.CodeNotAppWorkbook {
		t.Errorf("foreign: %v", fe)
	}
	// Not a workbook at all.
	text := filepath.Join(dir, "notes.xlsx")
	os.WriteFile(text, []byte("just text"), 0o644)
	if fe := readErrCode(t, text); fe.Code != assessment.CodeNotWorkbook {
		t.Errorf("text: %v", fe)
	}
	// A number replaced by text in the data sheet.
	path := filepath.Join(dir, "edited.xlsx")
	if _, err := report.WriteFile(path, fixture.Questionnaire(t), fixture.Demo(t), nil, report.Options{Lang: translations.EN}); err != nil {
		t.Fatal(err)
	}
	f, _ = excelize.OpenFile(path)
	rows, _ := f.GetRows("Data")
	target := 0
	for i, r := range rows {
		if len(r) > 1 && r[0] == report.KindAnswer && r[1] == "gastronomy.traditional_restaurants" {
			target = i + 1
		}
	}
	f.SetCellStr("Data", xlsxkit.Cell(report.DataValue, target), "about a hundred")
	f.Save()
	fe := readErrCode(t, path)
	if fe.Code != assessment.CodeCellNotNumber || fe.Args["Sheet"] != assessment.TextArg("Data") || fe.Args["Cell"] != assessment.TextArg(xlsxkit.Cell(report.DataValue, target)) {
		t.Errorf("edited: %v", fe)
	}
	// The data sheet deleted.
	f.DeleteSheet("Data")
	f.Save()
	if fe := readErrCode(t, path); fe.Code != assessment.CodeNotAppWorkbook {
		t.Errorf("no data sheet: %v", fe)
	}
	f.Close()
}

// TestReadRefusesAZipBomb builds a small workbook whose sheet unpacks to
// far more than the limit: it is refused quickly with a message.
func TestReadRefusesAZipBomb(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	reporttest.WriteZipBomb(t, path)
	fe := readErrCode(t, path)
	if fe.Code != assessment.CodeUnzipLimit {
		t.Errorf("bomb: %v", fe)
	}
}

// TestReadRefusesAnXMLBomb: a workbook whose parts declare nested XML
// entities ("billion laughs") is refused quickly; entities are never
// expanded.
func TestReadRefusesAnXMLBomb(t *testing.T) {
	var entities strings.Builder
	entities.WriteString(`<!DOCTYPE lolz [<!ENTITY lol "lol">`)
	prev := "lol"
	for i := range 9 {
		name := fmt.Sprintf("lol%d", i)
		entities.WriteString(fmt.Sprintf(`<!ENTITY %s "%s">`, name, strings.Repeat("&"+prev+";", 10)))
		prev = name
	}
	entities.WriteString("]>")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?>` + entities.String() + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"xl/workbook.xml":            `<?xml version="1.0"?>` + entities.String() + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="&` + prev + `;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   `<?xml version="1.0"?>` + entities.String() + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&` + prev + `;</t></is></c></row></sheetData></worksheet>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(content))
	}
	zw.Close()
	path := filepath.Join(t.TempDir(), "xmlbomb.xlsx")
	os.WriteFile(path, buf.Bytes(), 0o644)
	start := time.Now()
	_, _, err := report.ReadFile(path)
	if err == nil {
		t.Fatal("an XML bomb was read as an assessment")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

// TestLongEvidenceSurvivesExportAndImport: evidence of 40,000 and 70,000
// characters (and a long source), longer than a cell holds, with letters
// outside the basic plane at the piece boundaries, comes back byte for byte
// from the data sheet, while the visible sheet shows it cut with a marker.
func TestLongEvidenceSurvivesExportAndImport(t *testing.T) {
	a := fixture.Demo(t)
	long := string([]rune(strings.Repeat("Bánh đa cua Hải Phòng 🦀, ", 40000/25+1))[:40000])
	longer := strings.Repeat("ẩm thực 𝕍", 70000/10)
	a.SetEvidence("gastronomy.signature_dishes", long, "Nguồn: "+longer)
	a.SetEvidence("gastronomy.festivals", longer, "Sở Văn hóa, Thể thao và Du lịch")
	for _, lang := range translations.Languages() {
		back := roundTrip(t, a, lang)
		for _, id := range []string{"gastronomy.signature_dishes", "gastronomy.festivals"} {
			want, got := a.Answers[id], back.Answers[id]
			if got == nil || got.Evidence != want.Evidence || got.Source != want.Source {
				t.Errorf("%s: %s came back with %d and %d bytes, not %d and %d", lang, id,
					len(got.Evidence), len(got.Source), len(want.Evidence), len(want.Source))
			}
		}
		if want, got := encode(t, a), encode(t, back); got != want {
			t.Errorf("%s: round trip differs:\n%s", lang, firstDiff(want, got))
		}
	}
	for _, s := range []string{long, longer, "", "ngắn"} {
		if got := strings.Join(report.Pieces(s), ""); got != s {
			t.Errorf("pieces of %d bytes do not join back", len(s))
		}
		for _, p := range report.Pieces(s) {
			if n := len(utf16.Encode([]rune(p))); n > xlsxkit.MaxCellChars {
				t.Errorf("a piece of %d units", n)
			}
		}
	}
}

// TestEvidenceCutByAnOlderVersionIsReadWithoutItsMarker: a workbook whose
// data sheet holds evidence cut with the marker of an older version reads
// the text before the marker, with a warning naming the sheet and cell.
func TestEvidenceCutByAnOlderVersionIsReadWithoutItsMarker(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.xlsx")
	if _, err := report.WriteFile(path, fixture.Questionnaire(t), fixture.Demo(t), nil, report.Options{Lang: translations.VI, AppVersion: "t"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[len(f.GetSheetList())-1]
	rows, _ := f.GetRows(sheet)
	row := 0
	for i, r := range rows {
		if len(r) > report.DataKey && r[report.DataKind-1] == report.KindAnswer && r[report.DataKey-1] == "gastronomy.signature_dishes" {
			row = i + 1
		}
	}
	kept := strings.Repeat("Chả mực Hạ Long. ", 1900)
	f.SetCellStr(sheet, xlsxkit.Cell(report.DataEvidence, row), kept+" [… đã cắt bớt: văn bản đầy đủ có 40.000 ký tự, vượt quá sức chứa của một ô bảng tính]")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	a, warnings, err := report.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Answers["gastronomy.signature_dishes"].Evidence; got != kept {
		t.Errorf("evidence ends %q", got[max(0, len(got)-60):])
	}
	if len(warnings) != 1 || warnings[0].Code != assessment.CodeEvidenceCutInWorkbook || warnings[0].Args["Cell"].Text != xlsxkit.Cell(report.DataEvidence, row) {
		t.Errorf("warnings %+v", warnings)
	}
}
