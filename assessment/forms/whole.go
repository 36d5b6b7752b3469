package forms

import (
	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report/xlsxkit"
)

// wholeText is a prefilled text longer than a cell holds: its cell shows
// it cut with a marker, the hidden sheet keeps it whole, so that a form
// returned unchanged gives it back whole.
type wholeText struct {
	ID    string `json:"id"`    // the question
	Col   int    `json:"col"`   // the column of its cell: answer, evidence or source
	Shown string `json:"shown"` // the fingerprint of what the cell shows
	Text  string `json:"text"`
}

// cutText writes a prefilled text in its cell, cut to fit, and keeps it
// whole on the hidden sheet when it was cut.
func (b *formBuilder) cutText(sheet string, col, row int, s, questionID string) {
	b.w.CutText(sheet, col, row, s, questionID)
	ref := xlsxkit.Cell(col, row)
	if b.w.Cut(sheet, ref) {
		b.meta.Texts = append(b.meta.Texts, wholeText{ID: questionID, Col: col,
			Shown: xlsxkit.Digest(xlsxkit.RawCell(b.w.F, sheet, ref)), Text: s})
	}
}

// wholeOf is the text a cell of a question's row stands for: the whole
// prefilled text when the cell still shows it cut as written, the cell's
// own text otherwise. An edit of a text shown cut is refused naming the
// cell: what was not shown cannot be edited.
func wholeOf(meta *formMeta, path string, w xlsxkit.AnswerCell, col, row int, cell string) (string, error) {
	for _, t := range meta.Texts {
		if t.ID != w.ID || t.Col != col {
			continue
		}
		if xlsxkit.Digest(cell) != t.Shown {
			return "", xlsxkit.CellError(path, w.Sheet, col, row, assessment.CodeFormCutEdited, nil)
		}
		return t.Text, nil
	}
	return cell, nil
}

// metaRow is the row of the hidden sheet that holds the form's description
// as JSON, from column A on, in pieces when longer than a cell holds.
const metaRow = 2

// writeMeta writes the form's description on the hidden sheet.
func (b *formBuilder) writeMeta(sheet string) {
	for i, p := range xlsxkit.SplitCell(string(xlsxkit.MustJSON(b.meta))) {
		b.w.Check(b.w.F.SetCellStr(sheet, xlsxkit.Cell(i+1, metaRow), p))
	}
}

// readMetaText is the form's description, its pieces joined (a form of an
// older version has one).
func readMetaText(f *excelize.File, sheet string) string {
	var pieces []string
	for col := 1; col <= excelize.MaxColumns; col++ {
		p, _ := f.GetCellValue(sheet, xlsxkit.Cell(col, metaRow), excelize.Options{RawCellValue: true})
		if p == "" {
			break
		}
		pieces = append(pieces, p)
	}
	return xlsxkit.JoinCells(pieces)
}
