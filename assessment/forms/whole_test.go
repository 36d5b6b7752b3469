package forms

import (
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// TestAPrefilledTextShownCutIsReadWhole: evidence longer than a cell holds
// shows cut on the form and is kept whole on the hidden sheet (whose
// description then continues over the cells after A2), so that the form
// returned unchanged gives it back whole; an edit of the cut cell is
// refused naming it.
func TestAPrefilledTextShownCutIsReadWhole(t *testing.T) {
	base := fixture.Demo(t)
	long := strings.Repeat("Phở cuốn, chả mực 🦑 và bánh đa cua Hải Phòng. ", 900)
	id := "gastronomy.signature_dishes"
	base.SetEvidence(id, long, base.Answers[id].Source)
	path := writeForm(t, base, translations.VI, "gastronomy")
	c, _, err := ReadContribution(path, fixture.Questionnaire(t))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, in := range c.Answers {
		if in.QuestionID == id {
			found = true
			if in.Evidence != strings.TrimSpace(long) {
				t.Errorf("the evidence came back with %d bytes, not %d", len(in.Evidence), len(strings.TrimSpace(long)))
			}
		}
	}
	if !found {
		t.Fatalf("%s not read", id)
	}

	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if b2, _ := f.GetCellValue("_form", "B2"); b2 == "" {
		t.Error("the form's description is not continued after A2")
	}
	sheet := xlsxkit.SectionSheet(translations.New(translations.VI), "gastronomy")
	ref := xlsxkit.Cell(formEvidence, reporttest.RowOfQuestion(t, f, sheet, id))
	f.SetCellStr(sheet, ref, "Đã sửa trong bảng tính")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, _, err = ReadContribution(path, fixture.Questionnaire(t))
	var fe *assessment.FileError
	if !errors.As(err, &fe) || fe.Code != assessment.CodeFormCutEdited || fe.Args["Cell"].Text != ref {
		t.Errorf("an edit of the cut cell %s: %v", ref, err)
	}
}
