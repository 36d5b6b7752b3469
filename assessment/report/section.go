package report

import (
	"fmt"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report/xlsxkit"
)

// Question sheet columns.
const (
	colNo = iota + 1
	colID
	colQuestion
	colDimension
	colAnswer
	colDetail
	colPoints
	colMax
	colEvidence
	colSource
	questionCols = colSource
)

const sectionHeaderRow = 5

// section writes the sheet of readiness or of one field.
func (b *builder) section(s *assessment.Section) {
	sheet := xlsxkit.SectionSheet(b.w.Loc, s.ID)
	_, err := b.w.F.NewSheet(sheet)
	b.w.Check(err)
	b.w.Widths(sheet, 5, xlsxkit.IDWidth(s), 55, 18, 12, 40, 9, 9, 50, 28)
	b.w.Text(sheet, 1, 1, b.t(s.NameID()))
	b.w.Style(sheet, 1, 1, b.w.St.Title)
	score := b.res.Readiness
	if s.Kind == assessment.KindField {
		score, _ = b.res.Field(s.ID)
	}
	b.w.Text(sheet, colID, 2, b.t("report.col.score"))
	b.w.Style(sheet, colID, 2, b.w.St.Label)
	b.w.Number(sheet, colQuestion, 2, xlsxkit.Round(score.Score, 1), b.w.St.Score)
	b.w.Text(sheet, colID, 3, b.t("report.col.completeness"))
	b.w.Style(sheet, colID, 3, b.w.St.Label)
	b.w.Number(sheet, colQuestion, 3, xlsxkit.Round(score.Completeness, 3), b.w.St.Percent)
	if score.Rank > 0 {
		b.w.Text(sheet, colID, 4, b.t("report.col.rank"))
		b.w.Style(sheet, colID, 4, b.w.St.Label)
		if score.Assessed() {
			b.w.Integer(sheet, colQuestion, 4, score.Rank, b.w.St.Integer)
		} else {
			b.w.Text(sheet, colQuestion, 4, b.t("result.notAssessed"))
		}
	}
	b.w.TableHeader(sheet, sectionHeaderRow, "report.col.no", "report.col.questionId", "report.col.question", "report.col.dimension",
		"report.col.answer", "report.col.detail", "report.col.points", "report.col.max", "report.col.evidence", "report.col.source")
	row := sectionHeaderRow + 1
	for i, q := range s.Questions {
		b.w.QuestionRow(sheet, row, i+1, q)
		b.w.Text(sheet, colDimension, row, b.t(assessment.DimensionID(q.Dimension)))
		b.answer(sheet, colAnswer, colDetail, row, q)
		if qs, ok := b.res.Questions[q.ID]; ok && q.Scored() {
			b.w.Number(sheet, colPoints, row, xlsxkit.Round(qs.Points, 1), b.w.St.Score)
			b.w.Number(sheet, colMax, row, xlsxkit.Round(qs.Max, 1), b.w.St.Score)
		}
		if ans := b.a.Answer(q.ID); ans != nil {
			b.w.CutText(sheet, colEvidence, row, ans.Evidence, q.ID)
			b.w.CutText(sheet, colSource, row, ans.Source, q.ID)
		}
		b.watchQuestion(sheet, row, q)
		for _, c := range []int{colDimension, colDetail, colEvidence, colSource} {
			b.w.Style(sheet, c, row, b.w.St.Text)
		}
		if !q.Scored() {
			b.w.StyleRange(sheet, colPoints, row, colMax, row, b.w.St.Text)
		}
		row++
	}
	b.w.Check(b.w.F.AutoFilter(sheet, fmt.Sprintf("%s:%s", xlsxkit.Cell(1, sectionHeaderRow), xlsxkit.Cell(questionCols, row-1)), nil))
	b.w.Freeze(sheet, sectionHeaderRow)
	b.printSetup(sheet, sectionHeaderRow)
}

// answer writes a question's answer typed in column valueCol and its unit,
// level descriptor or status in detailCol.
func (b *builder) answer(sheet string, valueCol, detailCol, row int, q *assessment.Question) {
	ans := b.a.Answer(q.ID)
	detail := ""
	var v assessment.Value
	if ans != nil && !ans.Malformed() {
		v = ans.Value
	}
	code, _ := assessment.CheckValue(q, v)
	switch {
	case ans != nil && (ans.Malformed() || code != ""):
		raw := string(ans.CoreJSON())
		if !ans.Malformed() {
			raw = v.Raw()
		}
		b.w.Text(sheet, valueCol, row, raw)
		b.w.Style(sheet, valueCol, row, b.w.St.Text)
		detail = b.t("report.invalidAnswer")
	case v.IsNone():
		b.w.Style(sheet, valueCol, row, b.w.St.Text)
		detail = b.t("report.unanswered")
	case q.Type == assessment.Rubric:
		f, _ := v.Number()
		b.w.Integer(sheet, valueCol, row, int(f), b.w.St.TextCenter)
		detail = b.t(q.LevelID(int(f)))
	case q.Type == assessment.Number:
		f, _ := v.Number()
		b.w.Number(sheet, valueCol, row, f, b.numberStyle(q))
		detail = l10n.Unit(b.w.Loc, q)
		if q.CityField == "" && q.PerCapita {
			detail = b.t("report.perCapitaDetail", map[string]any{"Unit": b.t(q.UnitID()),
				"Value": perCapitaText(b, f)})
		}
	case q.Type == assessment.Boolean:
		yes, _ := v.Bool()
		b.w.Text(sheet, valueCol, row, b.w.YesNo(yes))
		b.w.Style(sheet, valueCol, row, b.w.St.TextCenter)
	case q.Type == assessment.Text:
		// A text answer is long: it stands in the wide column beside.
		s, _ := v.String()
		b.w.Style(sheet, valueCol, row, b.w.St.Text)
		b.w.CutText(sheet, detailCol, row, s, q.ID)
		return
	}
	b.w.Text(sheet, detailCol, row, detail)
}

func perCapitaText(b *builder, count float64) string {
	rate, ok := assessment.RateOf(count, b.a.City.Population)
	if !ok {
		return "–"
	}
	return l10n.Number(b.w.Loc, rate, 2)
}

func (b *builder) numberStyle(q *assessment.Question) int {
	if q.Integer {
		return b.w.St.Integer
	}
	return b.w.St.Decimal
}

// watchQuestion watches a question's row of a section sheet.
func (b *builder) watchQuestion(sheet string, row int, q *assessment.Question) {
	w := watched{AnswerCell: xlsxkit.AnswerCell{ID: q.ID, Sheet: sheet, ByID: true, Type: string(q.Type),
		Int: q.Integer || q.Type == assessment.Rubric, Max: xlsxkit.MaxOf(q)}, Value: xlsxkit.Cell(colAnswer, row), Evidence: xlsxkit.Cell(colEvidence, row), Source: xlsxkit.Cell(colSource, row)}
	if q.Type == assessment.Text { // the text stands in the wide detail column
		w.Value, w.Also = xlsxkit.Cell(colDetail, row), xlsxkit.Cell(colAnswer, row)
	}
	b.watch(w)
}
