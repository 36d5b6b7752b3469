package report

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/files"
)

// Limits for opening workbooks that may come from anywhere: a zip bomb is
// refused once it unpacks past these sizes, within bounded memory.
const (
	MaxWorkbookSize  = 32 << 20  // the .xlsx file itself
	UnzipSizeLimit   = 128 << 20 // everything unpacked
	UnzipXMLLimit    = 32 << 20  // one unpacked part held in memory
	maxDataSheetRows = 100000
)

// ReadFile reads back the assessment of a workbook this app exported, in
// either language. Errors are *assessment.FileError naming the file and,
// for a cell that no longer parses, the sheet and cell.
func ReadFile(path string) (*assessment.Assessment, []assessment.Problem, error) {
	f, err := openWorkbook(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return readWorkbook(f, path)
}

// openWorkbook opens a workbook that may come from anywhere, within the
// size limits, through the one safe open of a path (no pipe or device is
// ever opened): excelize reads it from that reader. Errors are
// *assessment.FileError.
func openWorkbook(path string) (*excelize.File, error) {
	r, info, err := files.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if info.Size() > MaxWorkbookSize {
		return nil, readError(path, assessment.CodeTooLarge, assessment.Args{"Size": assessment.CountArg(info.Size()), "Limit": assessment.CountArg(int64(MaxWorkbookSize))}, nil)
	}
	return openReader(r, path)
}

// Read reads back the assessment of a workbook; path names it in errors.
func Read(r io.Reader, path string) (*assessment.Assessment, []assessment.Problem, error) {
	f, err := openReader(r, path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return readWorkbook(f, path)
}

// openReader opens a workbook read from r, within the size limits.
func openReader(r io.Reader, path string) (*excelize.File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookSize+1))
	if err != nil {
		return nil, readError(path, assessment.CodeReadFailed, assessment.Args{"Detail": assessment.TextArg(err.Error())}, err)
	}
	if len(data) > MaxWorkbookSize {
		return nil, readError(path, assessment.CodeTooLarge, assessment.Args{"Size": assessment.CountArg(len(data)), "Limit": assessment.CountArg(int64(MaxWorkbookSize))}, nil)
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, readError(path, assessment.CodeNotWorkbook, nil, nil)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: UnzipSizeLimit, UnzipXMLSizeLimit: UnzipXMLLimit})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, readError(path, assessment.CodeUnzipLimit, assessment.Args{"Limit": assessment.CountArg(int64(UnzipSizeLimit))}, err)
		}
		return nil, readError(path, assessment.CodeNotWorkbook, nil, err)
	}
	return f, nil
}

// readWorkbook reads back the assessment of an open workbook.
func readWorkbook(f *excelize.File, path string) (*assessment.Assessment, []assessment.Problem, error) {
	sheet := ""
	for _, name := range f.GetSheetList() {
		if v, _ := f.GetCellValue(name, "A1"); v == DataSheetMarker {
			sheet = name
			break
		}
	}
	if sheet == "" {
		return nil, nil, readError(path, assessment.CodeNotAppWorkbook, nil, nil)
	}
	return readDataSheet(f, sheet, path)
}

func readError(path, code string, args assessment.Args, err error) *assessment.FileError {
	return &assessment.FileError{Problem: assessment.Problem{Severity: assessment.Error, Path: path, Code: code, Args: args}, Err: err}
}

// cellError names the sheet and cell that no longer parse.
func cellError(path, sheet string, col, row int, code string, args assessment.Args) *assessment.FileError {
	if args == nil {
		args = assessment.Args{}
	}
	args["Sheet"], args["Cell"] = assessment.TextArg(sheet), assessment.TextArg(cell(col, row))
	return readError(path, code, args, nil)
}

// readDataSheet rebuilds the file's JSON document from the data sheet and
// decodes it, so that reading a workbook is as strict as reading a file.
func readDataSheet(f *excelize.File, sheet, path string) (*assessment.Assessment, []assessment.Problem, error) {
	if v, _ := f.GetCellValue(sheet, "B1", excelize.Options{RawCellValue: true}); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, nil, cellError(path, sheet, 2, 1, assessment.CodeCellNotNumber, nil)
		}
		if n > assessment.SchemaVersion {
			return nil, nil, readError(path, assessment.CodeSchemaNewer, assessment.Args{"Version": assessment.CountArg(n), "Supported": assessment.CountArg(assessment.SchemaVersion)}, nil)
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, readError(path, assessment.CodeNotAppWorkbook, nil, err)
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
			return nil, nil, readError(path, assessment.CodeTooLarge, assessment.Args{"Size": assessment.CountArg(row), "Limit": assessment.CountArg(maxDataSheetRows)}, nil)
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, readError(path, assessment.CodeNotWorkbook, nil, err)
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
				return nil, nil, cellError(path, sheet, dataKey, row, assessment.CodeCellStrayPiece, assessment.Args{"Key": assessment.TextArg(key)})
			}
			answers[last].evidence = append(answers[last].evidence, get(dataEvidence))
			answers[last].source = append(answers[last].source, get(dataSource))
			continue
		}
		raw := json.RawMessage(get(dataJSON))
		if !json.Valid(raw) {
			return nil, nil, cellError(path, sheet, dataJSON, row, assessment.CodeCellNotJSON, nil)
		}
		switch kind {
		case KindMeta:
			doc[key] = raw
			if key == "actionPlan" {
				planRef = sheet + "!" + cell(dataJSON, row)
			}
		case KindCity:
			v, err := cellValue(f, sheet, row, raw)
			if err != nil {
				return nil, nil, cellError(path, sheet, dataValue, row, err.Error(), nil)
			}
			if !bytes.Equal(v, raw) {
				dataEdited["city."+key] = sheet + "!" + cell(dataValue, row)
			}
			city[key] = v
		case KindCells:
			var w watched
			if err := json.Unmarshal(raw, &w); err != nil || w.ID != key || w.Sheet == "" {
				return nil, nil, cellError(path, sheet, dataJSON, row, assessment.CodeCellNotJSON, nil)
			}
			records = append(records, w)
		case KindPlanCells:
			var r planRecord
			if err := json.Unmarshal(raw, &r); err != nil || !r.valid(key) {
				return nil, nil, cellError(path, sheet, dataJSON, row, assessment.CodeCellNotJSON, nil)
			}
			planRecords = append(planRecords, r.cells()...)
		case KindAnswer:
			answers = append(answers, &answerRows{id: key, row: row, raw: raw,
				evidence: []string{get(dataEvidence)}, source: []string{get(dataSource)}})
		default:
			return nil, nil, cellError(path, sheet, dataKind, row, assessment.CodeCellUnknownKind, assessment.Args{"Kind": assessment.TextArg(kind)})
		}
	}
	if err := rows.Error(); err != nil {
		return nil, nil, readError(path, assessment.CodeNotWorkbook, nil, err)
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
					"Cell": assessment.TextArg(cell(dataEvidence, a.row))}})
		}
		ans, changed, err := readAnswer(f, sheet, a.row, a.raw, evidence, strings.Join(a.source, ""))
		if err != nil {
			return nil, nil, cellError(path, sheet, dataValue, a.row, err.Error(), nil)
		}
		if changed {
			dataEdited[a.id] = sheet + "!" + cell(dataValue, a.row)
		}
		byID[a.id] = ans
	}
	doc["city"], _ = json.Marshal(city)
	doc["answers"], _ = json.Marshal(byID)
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, nil, readError(path, assessment.CodeNotAppWorkbook, nil, err)
	}
	a, err := assessment.Decode(data, path)
	if err != nil {
		return nil, nil, err
	}
	lang, _ := f.GetCellValue(sheet, cell(dataLang, 1))
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
	ref := cell(dataValue, row)
	shown := rawCell(f, sheet, ref)
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
