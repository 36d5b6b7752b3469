package report

import (
	"fmt"
	"hash/fnv"
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

// cellsRows writes the fingerprints of the watched cells on the data sheet.
func (b *builder) cellsRows(put func(kind, key string, value any, raw []byte)) {
	for _, w := range b.watched {
		w.V = fingerprint(w.Value, xlsxkit.RawCell(b.w.F, w.Sheet, w.Value))
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
				rowsOf[w.Sheet] = xlsxkit.IDRows(f, w.Sheet)
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
				refs[p] = xlsxkit.Cell(col, rows[0])
			}
		}
		valueRef := refs[&w.V]
		if w.A != nil && !w.A.same(xlsxkit.RawCell(f, w.Sheet, refs[w.A])) {
			// The value was typed in the second cell: it counts, unless the
			// first was changed too.
			if !w.V.same(xlsxkit.RawCell(f, w.Sheet, valueRef)) {
				return nil, xlsxkit.ReadError(path, assessment.CodeCellEditConflict, assessment.Args{"Sheet": assessment.TextArg(w.Sheet),
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
			now := xlsxkit.RawCell(f, w.Sheet, ref)
			if t.p.same(now) {
				continue
			}
			if t.p.Cut {
				return nil, xlsxkit.CellError(path, w.Sheet, xlsxkit.ColOf(ref), xlsxkit.RowOf(ref), assessment.CodeCellCutEdited, nil)
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
	now := xlsxkit.RawCell(f, w.Sheet, ref)
	if w.V.same(now) {
		return nil
	}
	typ, _ := f.GetCellType(w.Sheet, ref)
	text := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
	v, code := xlsxkit.ParseEdit(now, text, w.AnswerCell, lang)
	if code != "" {
		return xlsxkit.CellError(path, w.Sheet, xlsxkit.ColOf(ref), xlsxkit.RowOf(ref), code, assessment.Args{"Max": assessment.NumberArg(w.Max)})
	}
	attr, isCity := assessment.LookupCityAttribute(strings.TrimPrefix(w.ID, "city."))
	isCity = isCity && strings.HasPrefix(w.ID, "city.")
	var old assessment.Value
	if isCity {
		old = attr.Value(&a.City)
	} else {
		old = a.Value(w.ID)
	}
	if dataRef, ok := dataEdited[w.ID]; ok && !xlsxkit.SameValue(old, v) {
		return xlsxkit.ReadError(path, assessment.CodeCellEditConflict, assessment.Args{"Sheet": assessment.TextArg(w.Sheet),
			"Cell": assessment.TextArg(ref), "Other": assessment.TextArg(dataRef), "Question": assessment.TextArg(w.ID)}, nil)
	}
	if xlsxkit.SameValue(old, v) {
		return nil // rewritten, not changed
	}
	if isCity {
		attr.Set(&a.City, v)
	} else {
		a.SetValue(w.ID, v)
	}
	*changes = append(*changes, edited(path, w, ref, xlsxkit.Display(old, lang), xlsxkit.Display(v, lang)))
	return nil
}

// edited is the warning that lists an edit.
func edited(path string, w watched, ref, old, now string) assessment.Problem {
	return assessment.Problem{Severity: assessment.Warning, Path: path, QuestionID: strings.TrimPrefix(w.ID, "city."),
		Code: assessment.CodeCellEdited, Args: assessment.Args{"Sheet": assessment.TextArg(w.Sheet), "Cell": assessment.TextArg(ref),
			"Old": assessment.TextArg(xlsxkit.Short(old)), "New": assessment.TextArg(xlsxkit.Short(now))}}
}
