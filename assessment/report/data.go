package report

import (
	"bytes"
	"creativecity/assessment"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/translations"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Data sheet columns.
const (
	dataKind = iota + 1
	dataKey
	dataValue
	dataEvidence
	dataSource
	dataJSON
)

// dataLang is the cell of the data sheet's first row that holds the
// report's language (how numbers typed as text are read back).
const dataLang = 4

// Data row kinds (machine-readable, never translated).
const (
	KindMeta   = "meta"
	KindCity   = "city"
	KindAnswer = "answer"
	// KindMore continues the evidence and source of the answer above it:
	// a text longer than a cell holds is written in pieces, whole.
	KindMore = "more"
)

// pieceUnits is the size of a piece of a long text on the data sheet, in
// UTF-16 units, under the cell limit.
const pieceUnits = 32000

// pieces cuts a text into parts of at most pieceUnits UTF-16 units each,
// never inside a surrogate pair; "" is one empty piece.
func pieces(s string) []string {
	var out []string
	for {
		units := utf16.Encode([]rune(s))
		if len(units) <= pieceUnits {
			return append(out, s)
		}
		n := 0
		for i, r := range s {
			if n+utf16.RuneLen(r) > pieceUnits {
				out = append(out, s[:i])
				s = s[i:]
				break
			}
			n += utf16.RuneLen(r)
		}
	}
}

// data writes the machine-readable sheet from which the assessment can be
// read back: one row per file member, city member and answer, with the
// value typed and as JSON.
func (b *builder) data() {
	sheet := xlsxkit.SafeSheetName(b.t("report.sheet.data"))
	_, err := b.w.F.NewSheet(sheet)
	b.w.Check(err)
	b.w.Widths(sheet, 10, 36, 24, 50, 28, 40)
	b.w.Text(sheet, 1, 1, DataSheetMarker)
	b.w.Integer(sheet, 2, 1, assessment.SchemaVersion, 0)
	b.w.SetStr(sheet, dataLang, 1, string(b.opts.Lang))
	b.w.Text(sheet, 3, 1, b.t("report.dataIntro"))
	heads := []string{"report.col.kind", "report.col.key", "report.col.value", "report.col.evidence", "report.col.source", "report.col.json"}
	for i, h := range heads {
		b.w.Text(sheet, i+1, 2, b.t(h))
	}
	b.w.StyleRange(sheet, 1, 2, len(heads), 2, b.w.St.Header)
	row := 3
	put := func(kind, key string, value any, raw []byte) {
		b.w.Text(sheet, dataKind, row, kind)
		b.w.Text(sheet, dataKey, row, key)
		switch v := value.(type) {
		case float64:
			b.w.Check(b.w.F.SetCellFloat(sheet, xlsxkit.Cell(dataValue, row), v, -1, 64))
		case bool:
			b.w.Check(b.w.F.SetCellBool(sheet, xlsxkit.Cell(dataValue, row), v))
		case string:
			b.w.Text(sheet, dataValue, row, v)
		}
		b.w.Text(sheet, dataJSON, row, string(raw))
		row++
	}
	a := b.a
	put(KindMeta, "format", assessment.FileFormat, xlsxkit.MustJSON(assessment.FileFormat))
	put(KindMeta, "schemaVersion", float64(assessment.SchemaVersion), xlsxkit.MustJSON(assessment.SchemaVersion))
	put(KindMeta, "questionnaireVersion", a.QuestionnaireVersion, xlsxkit.MustJSON(a.QuestionnaireVersion))
	if !a.UpdatedAt.IsZero() {
		s := a.UpdatedAt.UTC().Format(time.RFC3339)
		put(KindMeta, "updatedAt", s, xlsxkit.MustJSON(s))
	}
	if !a.Plan.Empty() {
		put(KindMeta, "actionPlan", nil, xlsxkit.MustJSON(a.Plan))
	}
	if !a.Dossier.Empty() {
		put(KindMeta, "dossier", nil, xlsxkit.MustJSON(a.Dossier))
	}
	for _, k := range sortedKeys(a.ExtraMembers()) {
		put(KindMeta, k, nil, a.ExtraMembers()[k])
	}
	for _, attr := range assessment.CityAttributes() {
		raw := attr.Raw(&a.City)
		put(KindCity, attr.ID, raw, xlsxkit.MustJSON(raw))
	}
	for _, k := range sortedKeys(a.CityExtraMembers()) {
		put(KindCity, k, nil, a.CityExtraMembers()[k])
	}
	for _, id := range sortedKeys(a.Answers) {
		ans := a.Answers[id]
		var value any
		if !ans.Malformed() {
			if f, ok := ans.Value.Number(); ok {
				value = f
			} else if v, ok := ans.Value.Bool(); ok {
				value = v
			} else if s, ok := ans.Value.String(); ok {
				value = s
			}
		}
		evidence, source := pieces(ans.Evidence), pieces(ans.Source)
		b.w.SetStr(sheet, dataEvidence, row, evidence[0])
		b.w.SetStr(sheet, dataSource, row, source[0])
		put(KindAnswer, id, value, ans.CoreJSON())
		for i := 1; i < max(len(evidence), len(source)); i++ {
			if i < len(evidence) {
				b.w.SetStr(sheet, dataEvidence, row, evidence[i])
			}
			if i < len(source) {
				b.w.SetStr(sheet, dataSource, row, source[i])
			}
			b.w.Text(sheet, dataKind, row, KindMore)
			b.w.Text(sheet, dataKey, row, id)
			row++
		}
	}
	b.cellsRows(put)
	b.planRows(put)
	b.w.Check(b.w.F.AutoFilter(sheet, fmt.Sprintf("A2:%s", xlsxkit.Cell(dataJSON, row-1)), nil))
	b.w.Freeze(sheet, 2)
	b.printSetup(sheet, 2)
	// For the app, not for readers: hidden, so that it is neither printed
	// nor edited by mistake (a reader can show it again).
	b.w.Check(b.w.F.SetSheetVisible(sheet, false))
}

// DataSheetMarker is the text in cell A1 of the data sheet that identifies a
// workbook written by this app.
const DataSheetMarker = "creativecity-assessment-data"

// ReadFile reads back the assessment of a workbook this app exported, in
// either language. Errors are *assessment.FileError naming the file and,
// for a cell that no longer parses, the sheet and cell.
func ReadFile(path string) (*assessment.Assessment, []assessment.Problem, error) {
	f, err := xlsxkit.OpenFile(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return ReadWorkbook(f, path)
}

// Read reads back the assessment of a workbook; path names it in errors.
func Read(r io.Reader, path string) (*assessment.Assessment, []assessment.Problem, error) {
	f, err := xlsxkit.OpenReader(r, path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return ReadWorkbook(f, path)
}

// ReadWorkbook reads back the assessment of an open workbook; path names
// it in errors.
func ReadWorkbook(f *excelize.File, path string) (*assessment.Assessment, []assessment.Problem, error) {
	sheet := ""
	for _, name := range f.GetSheetList() {
		if v, _ := f.GetCellValue(name, "A1"); v == DataSheetMarker {
			sheet = name
			break
		}
	}
	if sheet == "" {
		return nil, nil, xlsxkit.ReadError(path, assessment.CodeNotAppWorkbook, nil, nil)
	}
	return readDataSheet(f, sheet, path)
}

// readDataSheet rebuilds the file's JSON document from the data sheet and
// decodes it, so that reading a workbook is as strict as reading a file.
func readDataSheet(f *excelize.File, sheet, path string) (*assessment.Assessment, []assessment.Problem, error) {
	if v, _ := f.GetCellValue(sheet, "B1", excelize.Options{RawCellValue: true}); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, nil, xlsxkit.CellError(path, sheet, 2, 1, assessment.CodeCellNotNumber, nil)
		}
		if n > assessment.SchemaVersion {
			return nil, nil, xlsxkit.ReadError(path, assessment.CodeSchemaNewer, assessment.Args{"Version": assessment.CountArg(n), "Supported": assessment.CountArg(assessment.SchemaVersion)}, nil)
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, xlsxkit.ReadError(path, assessment.CodeNotAppWorkbook, nil, err)
	}
	defer rows.Close()
	doc := map[string]json.RawMessage{}
	city := map[string]json.RawMessage{}
	var answers []*answerRows
	var records []watched
	var planRecords []planCell
	planRef := ""                     // the data sheet's copy of the action plan
	dataEdited := map[string]string{} // answers whose value cell on the data sheet was changed
	var problems []assessment.Problem
	row := 0
	for rows.Next() {
		row++
		if row <= 2 {
			continue
		}
		if row > maxDataSheetRows {
			return nil, nil, xlsxkit.ReadError(path, assessment.CodeTooLarge, assessment.Args{"Size": assessment.CountArg(row), "Limit": assessment.CountArg(maxDataSheetRows)}, nil)
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, xlsxkit.ReadError(path, assessment.CodeNotWorkbook, nil, err)
		}
		get := func(c int) string {
			if c-1 < len(cols) {
				return cols[c-1]
			}
			return ""
		}
		kind, key := get(dataKind), get(dataKey)
		if kind == "" && key == "" {
			continue
		}
		if kind == KindMore {
			last := len(answers) - 1
			if last < 0 || answers[last].id != key {
				return nil, nil, xlsxkit.CellError(path, sheet, dataKey, row, assessment.CodeCellStrayPiece, assessment.Args{"Key": assessment.TextArg(key)})
			}
			answers[last].evidence = append(answers[last].evidence, get(dataEvidence))
			answers[last].source = append(answers[last].source, get(dataSource))
			continue
		}
		raw := json.RawMessage(get(dataJSON))
		if !json.Valid(raw) {
			return nil, nil, xlsxkit.CellError(path, sheet, dataJSON, row, assessment.CodeCellNotJSON, nil)
		}
		switch kind {
		case KindMeta:
			doc[key] = raw
			if key == "actionPlan" {
				planRef = sheet + "!" + xlsxkit.Cell(dataJSON, row)
			}
		case KindCity:
			v, err := cellValue(f, sheet, row, raw)
			if err != nil {
				return nil, nil, xlsxkit.CellError(path, sheet, dataValue, row, err.Error(), nil)
			}
			if !bytes.Equal(v, raw) {
				dataEdited["city."+key] = sheet + "!" + xlsxkit.Cell(dataValue, row)
			}
			city[key] = v
		case KindCells:
			var w watched
			if err := json.Unmarshal(raw, &w); err != nil || w.ID != key || w.Sheet == "" {
				return nil, nil, xlsxkit.CellError(path, sheet, dataJSON, row, assessment.CodeCellNotJSON, nil)
			}
			records = append(records, w)
		case KindPlanCells:
			var r planRecord
			if err := json.Unmarshal(raw, &r); err != nil || !r.valid(key) {
				return nil, nil, xlsxkit.CellError(path, sheet, dataJSON, row, assessment.CodeCellNotJSON, nil)
			}
			planRecords = append(planRecords, r.cells()...)
		case KindAnswer:
			answers = append(answers, &answerRows{id: key, row: row, raw: raw,
				evidence: []string{get(dataEvidence)}, source: []string{get(dataSource)}})
		default:
			return nil, nil, xlsxkit.CellError(path, sheet, dataKind, row, assessment.CodeCellUnknownKind, assessment.Args{"Kind": assessment.TextArg(kind)})
		}
	}
	if err := rows.Error(); err != nil {
		return nil, nil, xlsxkit.ReadError(path, assessment.CodeNotWorkbook, nil, err)
	}
	byID := map[string]json.RawMessage{}
	for _, a := range answers {
		evidence := strings.Join(a.evidence, "")
		// An older version cut evidence longer than a cell on the data
		// sheet too: the marker is not part of the text, the rest is lost.
		if m := cutMarker.FindStringIndex(evidence); m != nil && len(a.evidence) == 1 {
			evidence = evidence[:m[0]]
			problems = append(problems, assessment.Problem{Severity: assessment.Warning, Path: path, QuestionID: a.id,
				Code: assessment.CodeEvidenceCutInWorkbook, Args: assessment.Args{"Sheet": assessment.TextArg(sheet),
					"Cell": assessment.TextArg(xlsxkit.Cell(dataEvidence, a.row))}})
		}
		ans, changed, err := readAnswer(f, sheet, a.row, a.raw, evidence, strings.Join(a.source, ""))
		if err != nil {
			return nil, nil, xlsxkit.CellError(path, sheet, dataValue, a.row, err.Error(), nil)
		}
		if changed {
			dataEdited[a.id] = sheet + "!" + xlsxkit.Cell(dataValue, a.row)
		}
		byID[a.id] = ans
	}
	doc["city"], _ = json.Marshal(city)
	doc["answers"], _ = json.Marshal(byID)
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, nil, xlsxkit.ReadError(path, assessment.CodeNotAppWorkbook, nil, err)
	}
	a, err := assessment.Decode(data, path)
	if err != nil {
		return nil, nil, err
	}
	lang, _ := f.GetCellValue(sheet, xlsxkit.Cell(dataLang, 1))
	changes, err := edits(f, path, a, records, lang, dataEdited)
	if err != nil {
		return nil, nil, err
	}
	planChanges, err := planEdits(f, path, a, planRecords, lang, planRef)
	if err != nil {
		return nil, nil, err
	}
	return a, append(append(problems, changes...), planChanges...), nil
}

// errCell carries a problem code about a value cell.
type errCell string

func (e errCell) Error() string { return string(e) }

// cellValue returns the value of the data sheet's Value cell as JSON when
// it agrees in type with the JSON copy (the cell wins, so that a figure
// corrected in a spreadsheet is read), and an error code when the cell was
// changed to another type.
func cellValue(f *excelize.File, sheet string, row int, raw json.RawMessage) (json.RawMessage, error) {
	ref := xlsxkit.Cell(dataValue, row)
	shown := xlsxkit.RawCell(f, sheet, ref)
	trimmed := bytes.TrimSpace(raw)
	switch {
	case len(trimmed) == 0 || trimmed[0] == '{' || trimmed[0] == '[' || bytes.Equal(trimmed, []byte("null")):
		return raw, nil
	case trimmed[0] == '"':
		return json.Marshal(shown)
	case bytes.Equal(trimmed, []byte("true")) || bytes.Equal(trimmed, []byte("false")):
		switch strings.ToUpper(shown) {
		case "1", "TRUE":
			return json.RawMessage("true"), nil
		case "0", "FALSE":
			return json.RawMessage("false"), nil
		}
		return nil, errCell(assessment.CodeCellNotBoolean)
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(shown), 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
		return nil, errCell(assessment.CodeCellNotNumber)
	}
	// Keep the JSON text when the cell holds the same number, so that the
	// round trip is exact to the digit.
	var orig float64
	if json.Unmarshal(raw, &orig) == nil && orig == n {
		return raw, nil
	}
	return json.RawMessage(strconv.FormatFloat(n, 'f', -1, 64)), nil
}

// answerRows is an answer's row of the data sheet and the pieces of its
// evidence and source on the rows that continue it.
type answerRows struct {
	id               string
	row              int
	raw              json.RawMessage
	evidence, source []string
}

// cutMarker is the end of an evidence text that an older version cut to a
// cell's size on the data sheet (" [… cut: …]", " [… đã cắt bớt: …]").
var cutMarker = regexp.MustCompile(` \[… [^\[\]]*\]$`)

// readAnswer merges the answer's JSON copy (value and unknown members)
// with its value, evidence and source cells; changed reports a value cell
// that no longer holds the value of the JSON copy.
func readAnswer(f *excelize.File, sheet string, row int, raw json.RawMessage, evidence, source string) (out json.RawMessage, changed bool, err error) {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(raw, &members); err != nil || members == nil {
		return raw, false, nil // a malformed answer, kept as it was
	}
	v, err := cellValue(f, sheet, row, members["value"])
	if err != nil {
		return nil, false, err
	}
	if members["value"] != nil {
		changed = !bytes.Equal(v, members["value"])
		members["value"] = v
	}
	if evidence != "" {
		members["evidence"], _ = json.Marshal(evidence)
	}
	if source != "" {
		members["source"], _ = json.Marshal(source)
	}
	out, err = json.Marshal(members)
	return out, changed, err
}

// IsWorkbook reports whether a path names an .xlsx file.
func IsWorkbook(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".xlsx")
}

// maxDataSheetRows is the most rows of a data sheet read back.
const maxDataSheetRows = 100000

// Language is the language a report was written in: its data sheet's
// first row says it; a report of an older version is known by the name of
// its summary sheet; the app's first language otherwise.
func Language(f *excelize.File) translations.Lang {
	for _, name := range f.GetSheetList() {
		if v, _ := f.GetCellValue(name, "A1"); v == DataSheetMarker {
			code, _ := f.GetCellValue(name, xlsxkit.Cell(dataLang, 1))
			if lang, ok := translations.ParseLang(code); ok {
				return lang
			}
		}
	}
	for _, lang := range translations.Languages {
		if idx, err := f.GetSheetIndex(translations.New(lang).T("report.sheet.summary")); err == nil && idx >= 0 {
			return lang
		}
	}
	return translations.Languages[0]
}
