package report

import (
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// KindCells rows of the data sheet fingerprint the answer cells of the
// visible sheets as exported, so that import finds what a reader changed
// there: an edit is applied and listed, or refused naming the cell; never
// silently dropped.
const KindCells = "cells"

// watched is an answer shown on a visible sheet: where its value, evidence
// and source cells are, what they held at export, and how to read an edit.
type watched struct {
	ID    string  `json:"id"`             // a question ID, or "city.<attribute>"
	Sheet string  `json:"sheet"`          // the sheet as exported
	ByID  bool    `json:"byId,omitempty"` // the row is the one whose column B holds ID (a sheet that can be sorted)
	Type  string  `json:"type"`           // the question type, "date" for the city's date
	Int   bool    `json:"int,omitempty"`  // a whole number
	Max   float64 `json:"max,omitempty"`  // the largest value allowed (0: none)

	Value, Also, Evidence, Source string `json:"-"` // cell references at export

	V print  `json:"v"`           // the value cell
	A *print `json:"a,omitempty"` // a second cell a reader may type the value in (a text answer's answer column)
	E *print `json:"e,omitempty"` // the evidence cell
	S *print `json:"s,omitempty"` // the source cell
}

// print is a cell's reference and the fingerprint of its content: the
// content itself when short, else a hash of it; Cut marks a text that was
// cut to fit the cell.
type print struct {
	Ref  string `json:"ref"`
	Text string `json:"text,omitempty"`
	Hash string `json:"hash,omitempty"`
	Cut  bool   `json:"cut,omitempty"`
}

const shortPrint = 40

func fingerprint(ref, content string) print {
	if len(content) <= shortPrint {
		return print{Ref: ref, Text: content}
	}
	h := fnv.New64a()
	h.Write([]byte(content))
	return print{Ref: ref, Hash: fmt.Sprintf("%016x", h.Sum64())}
}

// same reports whether a cell still holds what p fingerprints; numbers
// are the same when they agree to 12 significant digits (a spreadsheet
// that re-saves the workbook may write them to fewer digits).
func (p print) same(content string) bool {
	if p.Hash != "" {
		return fingerprint(p.Ref, content).Hash == p.Hash
	}
	if p.Text == content {
		return true
	}
	x, errX := strconv.ParseFloat(p.Text, 64)
	y, errY := strconv.ParseFloat(content, 64)
	return errX == nil && errY == nil && math.Abs(x-y) <= 1e-12*math.Max(1, math.Abs(x))
}

// watch remembers an answer's cells as they are written.
func (b *builder) watch(w watched) { b.watched = append(b.watched, w) }

// watchQuestion watches a question's row of a section sheet.
func (b *builder) watchQuestion(sheet string, row int, q *assessment.Question) {
	w := watched{ID: q.ID, Sheet: sheet, ByID: true, Type: string(q.Type), Int: q.Integer || q.Type == assessment.Rubric,
		Max: maxOf(q), Value: cell(colAnswer, row), Evidence: cell(colEvidence, row), Source: cell(colSource, row)}
	if q.Type == assessment.Text { // the text stands in the wide detail column
		w.Value, w.Also = cell(colDetail, row), cell(colAnswer, row)
	}
	b.watch(w)
}

func maxOf(q *assessment.Question) float64 {
	if q.Type == assessment.Rubric {
		return assessment.MaxRubric
	}
	return q.Max
}

// cellsRows writes the fingerprints of the watched cells on the data sheet.
func (b *builder) cellsRows(put func(kind, key string, value any, raw []byte)) {
	for _, w := range b.watched {
		w.V = fingerprint(w.Value, rawCell(b.f, w.Sheet, w.Value))
		if w.Also != "" {
			p := fingerprint(w.Also, rawCell(b.f, w.Sheet, w.Also))
			w.A = &p
		}
		for _, t := range []struct {
			ref string
			p   **print
		}{{w.Evidence, &w.E}, {w.Source, &w.S}} {
			if t.ref != "" {
				content := rawCell(b.f, w.Sheet, t.ref)
				p := fingerprint(t.ref, content)
				p.Cut = b.cut[w.Sheet+"!"+t.ref]
				*t.p = &p
			}
		}
		put(KindCells, w.ID, nil, mustJSON(w))
	}
}

// rawCell is a cell's content as stored: a number as written, a text as it
// is; a formula that lost its cached value (a spreadsheet that keeps
// formulas but not their results) is read when it is a constant TRUE or
// FALSE, as spreadsheets write booleans.
func rawCell(f *excelize.File, sheet, ref string) string {
	v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		return ""
	}
	if v == "" {
		if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
			switch strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(formula, "="))) {
			case "TRUE()", "TRUE":
				return "1"
			case "FALSE()", "FALSE":
				return "0"
			}
		}
	}
	return v
}

// edits applies what a reader changed in the watched cells of the visible
// sheets to a, the assessment read from the data sheet. dataEdited names
// the data sheet's value cells that were changed too. An edit is listed as
// a warning (sheet, cell, question, old → new); one that cannot be read,
// that changes a text cut to fit its cell, or that disagrees with an edit
// of the data sheet is an error naming the cell.
func edits(f *excelize.File, path string, a *assessment.Assessment, records []watched, lang string, dataEdited map[string]string) ([]assessment.Problem, error) {
	var changes []assessment.Problem
	rowsOf := map[string]map[string][]int{} // sheet → question ID → rows holding it in column B
	for _, w := range records {
		if idx, err := f.GetSheetIndex(w.Sheet); err != nil || idx < 0 {
			changes = append(changes, assessment.Problem{Severity: assessment.Warning, Path: path, QuestionID: w.ID,
				Code: assessment.CodeWatchedSheetGone, Args: assessment.Args{"Sheet": assessment.TextArg(w.Sheet)}})
			continue
		}
		refs := map[*print]string{&w.V: w.V.Ref}
		if w.A != nil {
			refs[w.A] = w.A.Ref
		}
		if w.E != nil {
			refs[w.E] = w.E.Ref
		}
		if w.S != nil {
			refs[w.S] = w.S.Ref
		}
		if w.ByID {
			if rowsOf[w.Sheet] == nil {
				rowsOf[w.Sheet] = idRows(f, w.Sheet)
			}
			rows := rowsOf[w.Sheet][w.ID]
			if len(rows) != 1 {
				code := assessment.CodeWatchedRowGone
				if len(rows) > 1 {
					code = assessment.CodeWatchedRowTwice
				}
				changes = append(changes, assessment.Problem{Severity: assessment.Warning, Path: path, QuestionID: w.ID,
					Code: code, Args: assessment.Args{"Sheet": assessment.TextArg(w.Sheet)}})
				continue
			}
			for p, ref := range refs {
				col, _, _ := excelize.CellNameToCoordinates(ref)
				refs[p] = cell(col, rows[0])
			}
		}
		valueRef := refs[&w.V]
		if w.A != nil && !w.A.same(rawCell(f, w.Sheet, refs[w.A])) {
			// The value was typed in the second cell: it counts, unless the
			// first was changed too.
			if !w.V.same(rawCell(f, w.Sheet, valueRef)) {
				return nil, readError(path, assessment.CodeCellEditConflict, assessment.Args{"Sheet": assessment.TextArg(w.Sheet),
					"Cell": assessment.TextArg(refs[w.A]), "Other": assessment.TextArg(valueRef)}, nil)
			}
			w.V, valueRef = *w.A, refs[w.A]
		}
		if err := applyValue(f, path, a, w, valueRef, lang, dataEdited, &changes); err != nil {
			return nil, err
		}
		for _, t := range []struct {
			p        *print
			evidence bool
		}{{w.E, true}, {w.S, false}} {
			if t.p == nil {
				continue
			}
			ref := refs[t.p]
			now := rawCell(f, w.Sheet, ref)
			if t.p.same(now) {
				continue
			}
			if t.p.Cut {
				return nil, cellError(path, w.Sheet, colOf(ref), rowOf(ref), assessment.CodeCellCutEdited, nil)
			}
			ans := a.Answer(w.ID)
			old := ""
			if ans != nil {
				old = ans.Source
				if t.evidence {
					old = ans.Evidence
				}
			}
			if t.evidence {
				src := ""
				if ans != nil {
					src = ans.Source
				}
				a.SetEvidence(w.ID, now, src)
			} else {
				ev := ""
				if ans != nil {
					ev = ans.Evidence
				}
				a.SetEvidence(w.ID, ev, now)
			}
			changes = append(changes, edited(path, w, ref, old, now))
		}
	}
	return changes, nil
}

// applyValue reads an edit of a watched value cell.
func applyValue(f *excelize.File, path string, a *assessment.Assessment, w watched, ref, lang string, dataEdited map[string]string, changes *[]assessment.Problem) error {
	now := rawCell(f, w.Sheet, ref)
	if w.V.same(now) {
		return nil
	}
	typ, _ := f.GetCellType(w.Sheet, ref)
	text := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
	v, code := parseEdit(now, text, w, lang)
	if code != "" {
		return cellError(path, w.Sheet, colOf(ref), rowOf(ref), code, assessment.Args{"Max": assessment.NumberArg(w.Max)})
	}
	attr, isCity := assessment.LookupCityAttribute(strings.TrimPrefix(w.ID, "city."))
	isCity = isCity && strings.HasPrefix(w.ID, "city.")
	var old assessment.Value
	if isCity {
		old = attr.Value(&a.City)
	} else {
		old = a.Value(w.ID)
	}
	if dataRef, ok := dataEdited[w.ID]; ok && !sameValue(old, v) {
		return readError(path, assessment.CodeCellEditConflict, assessment.Args{"Sheet": assessment.TextArg(w.Sheet),
			"Cell": assessment.TextArg(ref), "Other": assessment.TextArg(dataRef), "Question": assessment.TextArg(w.ID)}, nil)
	}
	if sameValue(old, v) {
		return nil // rewritten, not changed
	}
	if isCity {
		attr.Set(&a.City, v)
	} else {
		a.SetValue(w.ID, v)
	}
	*changes = append(*changes, edited(path, w, ref, display(old, lang), display(v, lang)))
	return nil
}

// parseEdit reads the new content of a value cell by the question's type
// (text tells a number typed as text, read in the report language's
// notation, from a number cell); code is a problem code when it cannot be
// read.
func parseEdit(s string, text bool, w watched, lang string) (assessment.Value, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return assessment.Value{}, ""
	}
	switch w.Type {
	case string(assessment.Text):
		return assessment.StringValue(s), ""
	case string(assessment.Boolean):
		if yes, ok := readYesNo(s); ok {
			return assessment.BoolValue(yes), ""
		}
		return assessment.Value{}, assessment.CodeCellNotYesNo
	case "date":
		if serial, err := strconv.ParseFloat(s, 64); err == nil {
			if t, err := excelize.ExcelDateToTime(serial, false); err == nil {
				return assessment.StringValue(t.Format(assessment.ISODate)), ""
			}
		}
		if t, err := assessment.ParseDate(s); err == nil {
			return assessment.StringValue(t.Format(assessment.ISODate)), ""
		}
		return assessment.Value{}, assessment.CodeCellNotDate
	}
	n, err := strconv.ParseFloat(s, 64)
	if text {
		n, err = parseLocalNumber(s, lang)
	}
	switch {
	case err != nil || math.IsNaN(n) || math.IsInf(n, 0):
		return assessment.Value{}, assessment.CodeCellNotNumber
	case n < 0 || (w.Max > 0 && n > w.Max):
		return assessment.Value{}, assessment.CodeCellOutOfRange
	case w.Int && n != math.Trunc(n):
		return assessment.Value{}, assessment.CodeCellNotWhole
	}
	return assessment.NumberValue(n), ""
}

// parseLocalNumber reads a number typed as text in the report language's
// notation ("1.234,5" in a Vietnamese report).
func parseLocalNumber(s, lang string) (float64, error) {
	l, ok := translations.ParseLang(lang)
	if !ok {
		return strconv.ParseFloat(s, 64)
	}
	return assessment.ParseNumber(s, l10n.Notation(translations.New(l)))
}

// readYesNo reads a yes/no cell in any language the app speaks, or as a
// spreadsheet boolean.
func readYesNo(s string) (yes, ok bool) {
	switch strings.ToUpper(s) {
	case "1", "TRUE":
		return true, true
	case "0", "FALSE":
		return false, true
	}
	for _, l := range translations.Languages() {
		loc := translations.New(l)
		switch {
		case strings.EqualFold(s, loc.T("report.yes")):
			return true, true
		case strings.EqualFold(s, loc.T("report.no")):
			return false, true
		}
	}
	return false, false
}

// idRows maps the question IDs in column B of a sheet to their rows.
func idRows(f *excelize.File, sheet string) map[string][]int {
	out := map[string][]int{}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return out
	}
	for i, r := range rows {
		if len(r) >= colID && r[colID-1] != "" {
			out[r[colID-1]] = append(out[r[colID-1]], i+1)
		}
	}
	return out
}

// edited is the warning that lists an edit.
func edited(path string, w watched, ref, old, now string) assessment.Problem {
	return assessment.Problem{Severity: assessment.Warning, Path: path, QuestionID: strings.TrimPrefix(w.ID, "city."),
		Code: assessment.CodeCellEdited, Args: assessment.Args{"Sheet": assessment.TextArg(w.Sheet), "Cell": assessment.TextArg(ref),
			"Old": assessment.TextArg(short(old)), "New": assessment.TextArg(short(now))}}
}

// display is a value as the list of edits shows it: as the report's
// language writes it in the workbook.
func display(v assessment.Value, lang string) string {
	l, ok := translations.ParseLang(lang)
	if !ok {
		l = translations.Languages()[0]
	}
	loc := translations.New(l)
	if f, ok := v.Number(); ok {
		return l10n.Number(loc, f, 2)
	}
	if b, ok := v.Bool(); ok {
		if b {
			return loc.T("report.yes")
		}
		return loc.T("report.no")
	}
	if s, ok := v.String(); ok {
		return s
	}
	return ""
}

// short cuts a text for the list of edits.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:59]) + "…"
	}
	if s == "" {
		return "∅"
	}
	return s
}

// sameValue reports whether two values are the same answer.
func sameValue(x, y assessment.Value) bool { return x.Kind() == y.Kind() && x.Raw() == y.Raw() }

func colOf(ref string) int { c, _, _ := excelize.CellNameToCoordinates(ref); return c }
func rowOf(ref string) int { _, r, _ := excelize.CellNameToCoordinates(ref); return r }
