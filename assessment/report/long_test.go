package report_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// longText is a text answer longer than a cell holds: Vietnamese letters
// with diacritics and emoji outside the basic plane, so that its length
// in UTF-16 units, in letters and in bytes all differ.
func longText(units int) string {
	var b strings.Builder
	for n := 0; n < units; {
		part := "Bản sắc văn hóa biển Hạ Long 🌊, nghề chài và ẩm thực 🦀. "
		b.WriteString(part)
		n += len(utf16.Encode([]rune(part)))
	}
	s := string(utf16.Decode(utf16.Encode([]rune(b.String()))[:units]))
	return strings.TrimSuffix(s, "\uFFFD") // not half an emoji at the end
}

// longPlan is a plan of six initiatives whose activities run to about
// 1,000 words each.
func longPlan() *assessment.ActionPlan {
	words := strings.Repeat("Tổ chức lớp dạy nấu ăn truyền thống cho thanh thiếu niên tại các phường ven biển. ", 68)
	p := &assessment.ActionPlan{}
	for i := range 6 {
		p.Initiatives = append(p.Initiatives, &assessment.Initiative{Scope: assessment.International,
			Title: "Sáng kiến " + string(rune('A'+i)), Aims: "Mục tiêu 🎯", Activities: words})
	}
	return p
}

// TestALongPlanComesBackWhole: a plan whose JSON is longer than a cell
// holds is carried whole by the data sheet and imported back equal.
func TestALongPlanComesBackWhole(t *testing.T) {
	a := fixture.Demo(t)
	a.Plan = longPlan()
	if data, _ := json.Marshal(a.Plan); utf8.RuneCount(data) < 33000 {
		t.Fatalf("the plan's JSON has %d characters only", utf8.RuneCount(data))
	}
	for _, lang := range translations.Languages() {
		back := roundTrip(t, a, lang)
		if want, got := encode(t, a), encode(t, back); got != want {
			t.Errorf("%s: round trip differs:\n%s", lang, firstDiff(want, got))
		}
	}
}

// TestALongTextAnswerComesBackWhole: a text answer of 36,800 UTF-16 units
// is carried whole by the data sheet (its value cell and its JSON copy)
// and imported back equal.
func TestALongTextAnswerComesBackWhole(t *testing.T) {
	a := fixture.Demo(t)
	text := longText(36800)
	a.SetValue("profile.cultural_identity", assessment.StringValue(text))
	for _, lang := range translations.Languages() {
		back := roundTrip(t, a, lang)
		if got, _ := back.Value("profile.cultural_identity").String(); got != text {
			t.Errorf("%s: the answer came back with %d bytes, not %d", lang, len(got), len(text))
		}
		if want, got := encode(t, a), encode(t, back); got != want {
			t.Errorf("%s: round trip differs:\n%s", lang, firstDiff(want, got))
		}
	}
}

// TestALongTextAnswerShownCutCannotBeEdited: the visible cell of a text
// answer longer than a cell holds shows it cut; changing that cell is
// refused naming it, since the data sheet holds the whole text.
func TestALongTextAnswerShownCutCannotBeEdited(t *testing.T) {
	a := fixture.Demo(t)
	a.SetValue("profile.cultural_identity", assessment.StringValue(longText(36800)))
	path := reporttest.Exported(t, a, translations.VI)
	sheet, ref := "", ""
	fixture.EditCells(t, path, func(f *excelize.File) {
		for _, name := range f.GetSheetList() {
			if visible, _ := f.GetSheetVisible(name); !visible {
				continue
			}
			rows, _ := f.GetRows(name)
			for r, cols := range rows {
				for c, v := range cols {
					if utf8.RuneCountInString(v) > 30000 {
						sheet, ref = name, xlsxkit.Cell(c+1, r+1)
					}
				}
			}
		}
		if ref == "" {
			t.Fatal("no visible cell shows the text")
		}
		f.SetCellStr(sheet, ref, "Bản sắc văn hóa biển.")
	})
	_, _, err := report.ReadFile(path)
	var fe *assessment.FileError
	if !errors.As(err, &fe) || fe.Code != assessment.CodeCellCutEdited || fe.Args["Cell"].Text != ref || fe.Args["Sheet"].Text != sheet {
		t.Errorf("an edit of %s!%s: %v", sheet, ref, err)
	}
}
