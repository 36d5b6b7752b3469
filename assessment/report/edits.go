package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report/xlsxkit"
)

// KindCells rows of the data sheet fingerprint the answer cells of the
// visible sheets as exported, so that import finds what a reader changed
// there: an edit is applied and listed, or refused naming the cell; never
// silently dropped.
const KindCells = "cells"

// watched is an answer shown on a visible sheet: where its value, evidence
// and source cells are, what they held at export, and how to read an edit.
type watched struct {
	xlsxkit.AnswerCell

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
	return print{Ref: ref, Hash: xlsxkit.Digest(content)}
}

// same reports whether a cell still holds what p fingerprints; numbers
// are the same when they agree to 12 significant digits (a spreadsheet
// that re-saves the workbook may write them to fewer digits).
func (p print) same(content string) bool {
	if p.Hash != "" {
		return fingerprint(p.Ref, content).Hash == p.Hash
	}
	// A workbook written before control characters were left out shows
	// each as U+FFFD: no edit.
	if p.Text == content || assessment.ControlsShown(p.Text) == content {
		return true
	}
	x, errX := strconv.ParseFloat(p.Text, 64)
	y, errY := strconv.ParseFloat(content, 64)
	return errX == nil && errY == nil && math.Abs(x-y) <= 1e-12*math.Max(1, math.Abs(x))
}

// watch remembers an answer's cells as they are written.
func (b *builder) watch(w watched) { b.watched = append(b.watched, w) }

// cellsRows writes the fingerprints of the watched cells on the data sheet.
func (b *builder) cellsRows(put func(kind, key string, value any, raw []byte)) {
	for _, w := range b.watched {
		w.V = fingerprint(w.Value, xlsxkit.RawCell(b.w.F, w.Sheet, w.Value))
		w.V.Cut = b.w.Cut(w.Sheet, w.Value)
		if w.Also != "" {
			p := fingerprint(w.Also, xlsxkit.RawCell(b.w.F, w.Sheet, w.Also))
			w.A = &p
		}
		for _, t := range []struct {
			ref string
			p   **print
		}{{w.Evidence, &w.E}, {w.Source, &w.S}} {
			if t.ref != "" {
				content := xlsxkit.RawCell(b.w.F, w.Sheet, t.ref)
				p := fingerprint(t.ref, content)
				p.Cut = b.w.Cut(w.Sheet, t.ref)
				*t.p = &p
			}
		}
		put(KindCells, w.ID, nil, xlsxkit.MustJSON(w))
	}
}

// edited is the warning that lists an edit.
func edited(path string, w watched, ref, old, now string) assessment.Problem {
	return assessment.Problem{Severity: assessment.Warning, Path: path, QuestionID: strings.TrimPrefix(w.ID, "city."),
		Code: assessment.CodeCellEdited, Args: assessment.Args{"Sheet": assessment.TextArg(w.Sheet), "Cell": assessment.TextArg(ref),
			"Old": assessment.TextArg(xlsxkit.Short(old)), "New": assessment.TextArg(xlsxkit.Short(now))}}
}

// editReader reads the edits of the watched cells.
type editReader struct {
	f          *excelize.File
	path, lang string
	a          *assessment.Assessment
	dataEdited map[string]string           // the data sheet's value cells that were changed, by answer
	rowsOf     map[string]map[string][]int // sheet → question ID → rows holding it in column B
	changes    []assessment.Problem
}

// edits applies what a reader changed in the watched cells of the visible
// sheets to a, the assessment read from the data sheet. dataEdited names
// the data sheet's value cells that were changed too. An edit is listed as
// a warning (sheet, cell, question, old → new); one that cannot be read,
// that changes a text cut to fit its cell, or that disagrees with an edit
// of the data sheet is an error naming the cell.
func edits(f *excelize.File, path string, a *assessment.Assessment, records []watched, lang string, dataEdited map[string]string) ([]assessment.Problem, error) {
	r := &editReader{f: f, path: path, lang: lang, a: a, dataEdited: dataEdited, rowsOf: map[string]map[string][]int{}}
	for _, w := range records {
		if err := r.read(w); err != nil {
			return nil, err
		}
	}
	return r.changes, nil
}

// warn lists a problem of a watched answer.
func (r *editReader) warn(w watched, code string) {
	r.changes = append(r.changes, assessment.Problem{Severity: assessment.Warning, Path: r.path, QuestionID: w.ID,
		Code: code, Args: assessment.Args{"Sheet": assessment.TextArg(w.Sheet)}})
}

// read reads the edits of an answer's cells.
func (r *editReader) read(w watched) error {
	if idx, err := r.f.GetSheetIndex(w.Sheet); err != nil || idx < 0 {
		r.warn(w, assessment.CodeWatchedSheetGone)
		return nil
	}
	refs, ok := r.refs(&w)
	if !ok {
		return nil
	}
	valueRef := refs[&w.V]
	if w.A != nil && !w.A.same(xlsxkit.RawCell(r.f, w.Sheet, refs[w.A])) {
		// The value was typed in the second cell: it counts, unless the
		// first was changed too.
		if !w.V.same(xlsxkit.RawCell(r.f, w.Sheet, valueRef)) {
			return xlsxkit.ReadError(r.path, assessment.CodeCellEditConflict, assessment.Args{"Sheet": assessment.TextArg(w.Sheet),
				"Cell": assessment.TextArg(refs[w.A]), "Other": assessment.TextArg(valueRef)}, nil)
		}
		w.V, valueRef = *w.A, refs[w.A]
	}
	if err := r.value(w, valueRef); err != nil {
		return err
	}
	if w.E != nil {
		if err := r.text(w, w.E, refs[w.E], true); err != nil {
			return err
		}
	}
	if w.S != nil {
		return r.text(w, w.S, refs[w.S], false)
	}
	return nil
}

// refs are the answer's cells now: where they were at export, or on the
// row that now holds the question's ID on a sheet that can be sorted. A
// row gone or given twice is a warning, and the answer's cells are not
// read (ok false).
func (r *editReader) refs(w *watched) (refs map[*print]string, ok bool) {
	refs = map[*print]string{&w.V: w.V.Ref}
	for _, p := range []*print{w.A, w.E, w.S} {
		if p != nil {
			refs[p] = p.Ref
		}
	}
	if !w.ByID {
		return refs, true
	}
	if r.rowsOf[w.Sheet] == nil {
		r.rowsOf[w.Sheet] = xlsxkit.IDRows(r.f, w.Sheet)
	}
	rows := r.rowsOf[w.Sheet][w.ID]
	if len(rows) != 1 {
		code := assessment.CodeWatchedRowGone
		if len(rows) > 1 {
			code = assessment.CodeWatchedRowTwice
		}
		r.warn(*w, code)
		return nil, false
	}
	for p, ref := range refs {
		refs[p] = xlsxkit.Cell(xlsxkit.ColOf(ref), rows[0])
	}
	return refs, true
}

// value reads an edit of a watched value cell.
func (r *editReader) value(w watched, ref string) error {
	now := xlsxkit.RawCell(r.f, w.Sheet, ref)
	if w.V.same(now) {
		return nil
	}
	if w.V.Cut {
		// A text answer shown cut: the data sheet holds it whole.
		return xlsxkit.CellError(r.path, w.Sheet, xlsxkit.ColOf(ref), xlsxkit.RowOf(ref), assessment.CodeCellCutEdited, nil)
	}
	v, code := xlsxkit.ParseEdit(now, xlsxkit.IsText(r.f, w.Sheet, ref), w.AnswerCell, r.lang)
	if code != "" {
		return xlsxkit.CellError(r.path, w.Sheet, xlsxkit.ColOf(ref), xlsxkit.RowOf(ref), code, assessment.Args{"Max": assessment.NumberArg(w.Max)})
	}
	attr, isCity := assessment.LookupCityAttribute(strings.TrimPrefix(w.ID, "city."))
	isCity = isCity && strings.HasPrefix(w.ID, "city.")
	var old assessment.Value
	if isCity {
		old = attr.Value(&r.a.City)
	} else {
		old = r.a.Value(w.ID)
	}
	if dataRef, ok := r.dataEdited[w.ID]; ok && !xlsxkit.SameValue(old, v) {
		return xlsxkit.ReadError(r.path, assessment.CodeCellEditConflict, assessment.Args{"Sheet": assessment.TextArg(w.Sheet),
			"Cell": assessment.TextArg(ref), "Other": assessment.TextArg(dataRef), "Question": assessment.TextArg(w.ID)}, nil)
	}
	if xlsxkit.SameValue(old, v) {
		return nil // rewritten, not changed
	}
	if isCity {
		attr.Set(&r.a.City, v)
	} else {
		r.a.SetValue(w.ID, v)
	}
	r.changes = append(r.changes, edited(r.path, w, ref, xlsxkit.Display(old, r.lang), xlsxkit.Display(v, r.lang)))
	return nil
}

// text reads an edit of the evidence (or the source) cell of an answer.
func (r *editReader) text(w watched, p *print, ref string, evidence bool) error {
	now := xlsxkit.RawCell(r.f, w.Sheet, ref)
	if p.same(now) {
		return nil
	}
	if p.Cut {
		return xlsxkit.CellError(r.path, w.Sheet, xlsxkit.ColOf(ref), xlsxkit.RowOf(ref), assessment.CodeCellCutEdited, nil)
	}
	ev, src := "", ""
	if ans := r.a.Answer(w.ID); ans != nil {
		ev, src = ans.Evidence, ans.Source
	}
	old := src
	if evidence {
		old, ev = ev, now
	} else {
		src = now
	}
	r.a.SetEvidence(w.ID, ev, src)
	r.changes = append(r.changes, edited(r.path, w, ref, old, now))
	return nil
}
