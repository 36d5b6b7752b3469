package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/translations"
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
	// KindMore continues the row above it, of the same key: a text (a
	// value, the JSON copy, an answer's evidence or source) longer than a
	// cell holds is written in pieces, whole, on the rows that follow.
	KindMore = "more"
)

// dataWriter writes the rows of the data sheet.
type dataWriter struct {
	b     *builder
	sheet string
	row   int // the next row
}

// data writes the machine-readable sheet from which the assessment can be
// read back: one row per file member, city member and answer, with the
// value typed and as JSON.
func (b *builder) data() {
	sheet := xlsxkit.SafeSheetName(b.t("report.sheet.data"))
	b.w.NewSheet(sheet)
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
	d := &dataWriter{b: b, sheet: sheet, row: 3}
	d.meta()
	d.city()
	d.answers()
	b.cellsRows(d.put)
	b.planRows(d.put)
	b.w.Check(b.w.F.AutoFilter(sheet, fmt.Sprintf("A2:%s", xlsxkit.Cell(dataJSON, d.row-1)), nil))
	b.w.Freeze(sheet, 2)
	b.printSetup(sheet, 2)
	// For the app, not for readers: hidden, so that it is neither printed
	// nor edited by mistake (a reader can show it again).
	b.w.Check(b.w.F.SetSheetVisible(sheet, false))
}

// put writes a row: its kind, its key, its value typed and as JSON.
func (d *dataWriter) put(kind, key string, value any, raw []byte) {
	d.putLong(kind, key, value, raw, "", "")
}

// putLong writes a row with an evidence and a source; each text longer
// than a cell holds continues on KindMore rows, so that nothing is cut.
func (d *dataWriter) putLong(kind, key string, value any, raw []byte, evidence, source string) {
	w, sheet := d.b.w, d.sheet
	w.Text(sheet, dataKind, d.row, kind)
	w.Text(sheet, dataKey, d.row, key)
	texts := map[int][]string{dataEvidence: xlsxkit.SplitCell(evidence), dataSource: xlsxkit.SplitCell(source),
		dataJSON: xlsxkit.SplitCell(string(raw))}
	switch v := value.(type) {
	case float64:
		w.Check(w.F.SetCellFloat(sheet, xlsxkit.Cell(dataValue, d.row), v, -1, 64))
	case bool:
		w.Check(w.F.SetCellBool(sheet, xlsxkit.Cell(dataValue, d.row), v))
	case string:
		texts[dataValue] = xlsxkit.SplitCell(v)
	}
	rows := 1
	for _, p := range texts {
		rows = max(rows, len(p))
	}
	for i := range rows {
		if i > 0 {
			w.Text(sheet, dataKind, d.row, KindMore)
			w.Text(sheet, dataKey, d.row, key)
		}
		for _, col := range []int{dataValue, dataEvidence, dataSource, dataJSON} {
			if p := texts[col]; i < len(p) && (p[i] != "" || col == dataValue) {
				w.SetStr(sheet, col, d.row, p[i])
			}
		}
		d.row++
	}
}

// meta writes the file's members other than the city and the answers.
func (d *dataWriter) meta() {
	a := d.b.a
	d.put(KindMeta, "format", assessment.FileFormat, xlsxkit.MustJSON(assessment.FileFormat))
	d.put(KindMeta, "schemaVersion", float64(assessment.SchemaVersion), xlsxkit.MustJSON(assessment.SchemaVersion))
	d.put(KindMeta, "questionnaireVersion", a.QuestionnaireVersion, xlsxkit.MustJSON(a.QuestionnaireVersion))
	if !a.UpdatedAt.IsZero() {
		s := a.UpdatedAt.UTC().Format(time.RFC3339)
		d.put(KindMeta, "updatedAt", s, xlsxkit.MustJSON(s))
	}
	if !a.Plan.Empty() {
		d.put(KindMeta, "actionPlan", nil, xlsxkit.MustJSON(a.Plan))
	}
	if !a.Application.Empty() {
		d.put(KindMeta, "dossier", nil, xlsxkit.MustJSON(a.Application))
	}
	if !a.Decisions.Empty() {
		d.put(KindMeta, "decisions", nil, xlsxkit.MustJSON(a.Decisions))
	}
	for _, k := range sortedKeys(a.ExtraMembers()) {
		d.put(KindMeta, k, nil, a.ExtraMembers()[k])
	}
}

// city writes the city's members.
func (d *dataWriter) city() {
	a := d.b.a
	for _, attr := range assessment.CityAttributes() {
		raw := attr.Raw(&a.City)
		d.put(KindCity, attr.ID, raw, xlsxkit.MustJSON(raw))
	}
	for _, k := range sortedKeys(a.CityExtraMembers()) {
		d.put(KindCity, k, nil, a.CityExtraMembers()[k])
	}
}

// answers writes each answer, its evidence and source whole, in pieces on
// the rows that continue it when longer than a cell holds.
func (d *dataWriter) answers() {
	for _, id := range sortedKeys(d.b.a.Answers) {
		ans := d.b.a.Answers[id]
		d.putLong(KindAnswer, id, typedValue(ans), ans.CoreJSON(), ans.Evidence, ans.Source)
	}
}

// typedValue is an answer's value as a cell holds it: a number, a yes/no
// or a text; nil for none or a malformed answer.
func typedValue(ans *assessment.Answer) any {
	if ans.Malformed() {
		return nil
	}
	if f, ok := ans.Value.Number(); ok {
		return f
	} else if v, ok := ans.Value.Bool(); ok {
		return v
	} else if s, ok := ans.Value.String(); ok {
		return s
	}
	return nil
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
	sheet, first := findDataSheet(f)
	if sheet == "" {
		return nil, nil, xlsxkit.ReadError(path, assessment.CodeNotAppWorkbook, nil, nil)
	}
	return readDataSheet(f, sheet, first, path)
}

// findDataSheet finds the data sheet from the workbook part and the first
// row of the sheets that may be it, read as a stream: no sheet is parsed
// whole to find it. It returns the sheet's name and its first row, or ""
// for a workbook without one.
func findDataSheet(f *excelize.File) (string, []string) {
	for _, name := range dataSheetCandidates(f) {
		if first := firstRow(f, name); len(first) > 0 && first[0] == DataSheetMarker {
			return name, first
		}
	}
	return "", nil
}

// dataSheetCandidates lists the sheets in the order they may be the data
// sheet, from the workbook part alone: the data sheet's name in each
// language, then the hidden sheets, then the others (a data sheet renamed
// and shown again by a reader).
func dataSheetCandidates(f *excelize.File) []string {
	names := f.GetSheetList()
	known := map[string]bool{}
	for _, lang := range translations.Languages() {
		known[xlsxkit.SafeSheetName(translations.New(lang).T("report.sheet.data"))] = true
	}
	var first, hidden, rest []string
	for _, name := range names {
		visible, _ := f.GetSheetVisible(name)
		switch {
		case known[name]:
			first = append(first, name)
		case !visible:
			hidden = append(hidden, name)
		default:
			rest = append(rest, name)
		}
	}
	return append(append(first, hidden...), rest...)
}

// maxFirstRowCells is the most cells of a sheet's first row read to tell
// the data sheet: its first row has four.
const maxFirstRowCells = 64

// firstRow is the raw values of row 1 of a sheet, read as a stream (nil
// when the sheet has no row 1); only its first cells are kept.
func firstRow(f *excelize.File, sheet string) []string {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil
	}
	defer rows.Close()
	if !rows.Next() {
		return nil
	}
	cols, err := rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil
	}
	return cols[:min(len(cols), maxFirstRowCells)]
}

// cellOf is the value of column col (1-based) of a row's cells, "" beyond
// them.
func cellOf(cols []string, col int) string {
	if col-1 < len(cols) {
		return cols[col-1]
	}
	return ""
}

// errCell carries a problem code about a value cell.
type errCell string

func (e errCell) Error() string { return string(e) }

// cellValue returns the value of the data sheet's Value cell as JSON when
// it agrees in type with the JSON copy (the cell wins, so that a figure
// corrected in a spreadsheet is read), and an error code when the cell was
// changed to another type.
//
// streamed is the cell's raw value as the data sheet's stream gave it;
// only when it is empty (a formula without a cached value, say) is the
// cell read from the sheet itself.
func cellValue(f *excelize.File, sheet string, row int, raw json.RawMessage, streamed string) (json.RawMessage, error) {
	shown := streamed
	if shown == "" {
		shown = xlsxkit.RawCell(f, sheet, xlsxkit.Cell(dataValue, row))
	}
	trimmed := bytes.TrimSpace(raw)
	switch {
	case len(trimmed) == 0 || trimmed[0] == '{' || trimmed[0] == '[' || bytes.Equal(trimmed, []byte("null")):
		return raw, nil
	case trimmed[0] == '"':
		var held string
		if json.Unmarshal(trimmed, &held) == nil && held != shown &&
			(assessment.WithoutControls(held) == shown || assessment.ControlsShown(held) == shown) {
			// The cell shows the text without its control characters, or
			// with each as U+FFFD: not an edit.
			return raw, nil
		}
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
	value            string // the value cell, as streamed
	evidence, source []string
}

// cutMarker is the end of an evidence text that an older version cut to a
// cell's size on the data sheet (" [… cut: …]", " [… đã cắt bớt: …]").
var cutMarker = regexp.MustCompile(` \[… [^\[\]]*\]$`)

// readAnswer merges the answer's JSON copy (value and unknown members)
// with its value, evidence and source cells; changed reports a value cell
// that no longer holds the value of the JSON copy.
func readAnswer(f *excelize.File, sheet string, a *answerRows, evidence, source string) (out json.RawMessage, changed bool, err error) {
	row, raw := a.row, a.raw
	var members map[string]json.RawMessage
	if err := json.Unmarshal(raw, &members); err != nil || members == nil {
		return raw, false, nil // a malformed answer, kept as it was
	}
	v, err := cellValue(f, sheet, row, members["value"], a.value)
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
	if sheet, first := findDataSheet(f); sheet != "" {
		if lang, ok := translations.ParseLang(cellOf(first, dataLang)); ok {
			return lang
		}
	}
	for _, lang := range translations.Languages() {
		if idx, err := f.GetSheetIndex(translations.New(lang).T("report.sheet.summary")); err == nil && idx >= 0 {
			return lang
		}
	}
	return translations.Languages()[0]
}

// dataReader reads the rows of a data sheet into the file's JSON members,
// and notes what the visible sheets' edits are checked against.
type dataReader struct {
	f           *excelize.File
	sheet, path string
	doc, city   map[string]json.RawMessage
	answers     []*answerRows
	records     []watched         // the watched cells of the visible sheets
	planRecords []planCell        // the cells of the plan's sheet
	planRef     string            // the data sheet's copy of the action plan
	dataEdited  map[string]string // answers whose value cell on the data sheet was changed
}

// readDataSheet rebuilds the file's JSON document from the data sheet and
// decodes it, so that reading a workbook is as strict as reading a file.
func readDataSheet(f *excelize.File, sheet string, first []string, path string) (*assessment.Assessment, []assessment.Problem, error) {
	if err := checkSchema(cellOf(first, 2), sheet, path); err != nil {
		return nil, nil, err
	}
	r := &dataReader{f: f, sheet: sheet, path: path, doc: map[string]json.RawMessage{}, city: map[string]json.RawMessage{},
		dataEdited: map[string]string{}}
	if err := r.readRows(); err != nil {
		return nil, nil, err
	}
	byID, problems, err := r.readAnswers()
	if err != nil {
		return nil, nil, err
	}
	r.doc["city"], _ = json.Marshal(r.city)
	r.doc["answers"], _ = json.Marshal(byID)
	data, err := json.Marshal(r.doc)
	if err != nil {
		return nil, nil, xlsxkit.ReadError(path, assessment.CodeNotAppWorkbook, nil, err)
	}
	a, err := assessment.Decode(data, path)
	if err != nil {
		return nil, nil, err
	}
	lang := cellOf(first, dataLang)
	changes, err := edits(f, path, a, r.records, lang, r.dataEdited)
	if err != nil {
		return nil, nil, err
	}
	planChanges, err := planEdits(f, path, a, r.planRecords, lang, r.planRef)
	if err != nil {
		return nil, nil, err
	}
	problems = append(append(problems, changes...), planChanges...)
	return a, append(problems, a.RemoveControls(path)...), nil
}

// checkSchema refuses a data sheet of a newer schema than this version
// reads; v is its cell B1.
func checkSchema(v, sheet, path string) error {
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return xlsxkit.CellError(path, sheet, 2, 1, assessment.CodeCellNotNumber, nil)
	}
	if n > assessment.SchemaVersion {
		return xlsxkit.ReadError(path, assessment.CodeSchemaNewer, assessment.Args{"Version": assessment.CountArg(n), "Supported": assessment.CountArg(assessment.SchemaVersion)}, nil)
	}
	return nil
}

// readRows reads every row under the header.
func (r *dataReader) readRows() error {
	rows, err := r.f.Rows(r.sheet)
	if err != nil {
		return xlsxkit.ReadError(r.path, assessment.CodeNotAppWorkbook, nil, err)
	}
	defer rows.Close()
	row := 0
	var pending *dataRow
	for rows.Next() {
		row++
		if row <= 2 {
			continue
		}
		if row > maxDataSheetRows {
			return xlsxkit.ReadError(r.path, assessment.CodeSheetTooManyRows, assessment.Args{"Sheet": assessment.TextArg(r.sheet), "Limit": assessment.CountArg(maxDataSheetRows)}, nil)
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return xlsxkit.ReadError(r.path, assessment.CodeNotWorkbook, nil, err)
		}
		if pending, err = r.gather(pending, row, cols); err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return xlsxkit.ReadError(r.path, assessment.CodeNotWorkbook, nil, err)
	}
	return r.readRow(pending)
}

// dataRow is a row of the data sheet and the pieces of its texts on the
// KindMore rows that continue it.
type dataRow struct {
	row       int
	kind, key string
	pieces    [dataJSON + 1][]string // by column
}

// get is the text of a column, its pieces joined.
func (p *dataRow) get(col int) string { return xlsxkit.JoinCells(p.pieces[col]) }

// gather adds a row's cells to the row it continues (pending), or reads
// pending and starts a new one; it returns the row being gathered. A
// workbook of an older version continued only evidence and source.
func (r *dataReader) gather(pending *dataRow, row int, cols []string) (*dataRow, error) {
	kind, key := cellOf(cols, dataKind), cellOf(cols, dataKey)
	switch {
	case kind == "" && key == "":
		return pending, nil
	case kind == KindMore:
		if pending == nil || pending.key != key {
			return nil, xlsxkit.CellError(r.path, r.sheet, dataKey, row, assessment.CodeCellStrayPiece, assessment.Args{"Key": assessment.TextArg(key)})
		}
	default:
		if err := r.readRow(pending); err != nil {
			return nil, err
		}
		pending = &dataRow{row: row, kind: kind, key: key}
	}
	for col := dataValue; col <= dataJSON; col++ {
		pending.pieces[col] = append(pending.pieces[col], cellOf(cols, col))
	}
	return pending, nil
}

// readRow reads a row with the rows that continue it (nil: none).
func (r *dataReader) readRow(p *dataRow) error {
	if p == nil {
		return nil
	}
	row, kind, key, get := p.row, p.kind, p.key, p.get
	raw := json.RawMessage(get(dataJSON))
	if !json.Valid(raw) {
		return xlsxkit.CellError(r.path, r.sheet, dataJSON, row, assessment.CodeCellNotJSON, nil)
	}
	switch kind {
	case KindMeta:
		r.doc[key] = raw
		if key == "actionPlan" {
			r.planRef = r.sheet + "!" + xlsxkit.Cell(dataJSON, row)
		}
	case KindCity:
		return r.readCity(row, key, raw, get(dataValue))
	case KindCells, KindPlanCells:
		return r.readRecord(row, kind, key, raw)
	case KindAnswer:
		r.answers = append(r.answers, &answerRows{id: key, row: row, raw: raw, value: get(dataValue),
			evidence: p.pieces[dataEvidence], source: p.pieces[dataSource]})
	default:
		return xlsxkit.CellError(r.path, r.sheet, dataKind, row, assessment.CodeCellUnknownKind, assessment.Args{"Kind": assessment.TextArg(kind)})
	}
	return nil
}

// readCity reads a member of the city, from its value cell when that was
// changed.
func (r *dataReader) readCity(row int, key string, raw json.RawMessage, streamed string) error {
	v, err := cellValue(r.f, r.sheet, row, raw, streamed)
	if err != nil {
		return xlsxkit.CellError(r.path, r.sheet, dataValue, row, err.Error(), nil)
	}
	if !bytes.Equal(v, raw) {
		r.dataEdited["city."+key] = r.sheet + "!" + xlsxkit.Cell(dataValue, row)
	}
	r.city[key] = v
	return nil
}

// readRecord reads the fingerprints of watched cells or of the plan's
// sheet.
func (r *dataReader) readRecord(row int, kind, key string, raw json.RawMessage) error {
	if kind == KindCells {
		var w watched
		if err := json.Unmarshal(raw, &w); err != nil || w.ID != key || w.Sheet == "" {
			return xlsxkit.CellError(r.path, r.sheet, dataJSON, row, assessment.CodeCellNotJSON, nil)
		}
		r.records = append(r.records, w)
		return nil
	}
	var p planRecord
	if err := json.Unmarshal(raw, &p); err != nil || !p.valid(key) {
		return xlsxkit.CellError(r.path, r.sheet, dataJSON, row, assessment.CodeCellNotJSON, nil)
	}
	r.planRecords = append(r.planRecords, p.cells()...)
	return nil
}

// readAnswers joins each answer's pieces and reads its cells.
func (r *dataReader) readAnswers() (map[string]json.RawMessage, []assessment.Problem, error) {
	var problems []assessment.Problem
	byID := map[string]json.RawMessage{}
	for _, a := range r.answers {
		evidence := strings.Join(a.evidence, "")
		// An older version cut evidence longer than a cell on the data
		// sheet too: the marker is not part of the text, the rest is lost.
		if m := cutMarker.FindStringIndex(evidence); m != nil && len(a.evidence) == 1 {
			evidence = evidence[:m[0]]
			problems = append(problems, assessment.Problem{Severity: assessment.Warning, Path: r.path, QuestionID: a.id,
				Code: assessment.CodeEvidenceCutInWorkbook, Args: assessment.Args{"Sheet": assessment.TextArg(r.sheet),
					"Cell": assessment.TextArg(xlsxkit.Cell(dataEvidence, a.row))}})
		}
		ans, changed, err := readAnswer(r.f, r.sheet, a, evidence, strings.Join(a.source, ""))
		if err != nil {
			return nil, nil, xlsxkit.CellError(r.path, r.sheet, dataValue, a.row, err.Error(), nil)
		}
		if changed {
			r.dataEdited[a.id] = r.sheet + "!" + xlsxkit.Cell(dataValue, a.row)
		}
		byID[a.id] = ans
	}
	return byID, problems, nil
}
