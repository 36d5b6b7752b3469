package report

import (
	"fmt"
	"math"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report/xlsxkit"
)

// gaps writes the action plan: the recommended field's questions with
// the most points to gain, with a target for each.
func (b *builder) gaps() {
	sheet := xlsxkit.SafeSheetName(b.t("report.sheet.gaps"))
	_, err := b.w.F.NewSheet(sheet)
	b.w.Check(err)
	// The gaps are of the recommended field, the swap's of the runner-up.
	idWidth := 24.0
	for _, id := range []string{b.res.Recommendation.Field, b.runnerUp()} {
		if s, ok := b.qn.Section(id); ok {
			idWidth = max(idWidth, xlsxkit.IDWidth(s))
		}
	}
	b.w.Widths(sheet, 5, idWidth, 55, 12, 36, 10, 50, 22, 14)
	rec := b.res.Recommendation
	if rec.Field == "" {
		b.w.Text(sheet, 1, 1, b.t("report.gapsTitleNone"))
	} else {
		b.w.Text(sheet, 1, 1, b.t("report.gapsTitle", map[string]any{"Field": l10n.SectionName(b.w.Loc, rec.Field)}))
	}
	b.w.Style(sheet, 1, 1, b.w.St.Title)
	b.w.Text(sheet, 1, 2, b.t("report.gapsIntro"))
	b.w.Style(sheet, 1, 2, b.w.St.Subtitle)
	const header = 4
	heads := []string{"report.col.no", "report.col.questionId", "report.col.question", "report.col.answer",
		"report.col.detail", "report.col.gain", "report.col.target", "report.col.responsible", "report.col.deadline"}
	for i, h := range heads {
		b.w.Text(sheet, i+1, header, b.t(h))
	}
	b.w.StyleRange(sheet, 1, header, len(heads), header, b.w.St.Header)
	b.w.Check(b.w.F.SetRowHeight(sheet, header, 32))
	row := header + 1
	for i, g := range b.res.Gaps {
		q, _ := b.qn.Question(g.QuestionID)
		b.w.Integer(sheet, 1, row, i+1, b.w.St.TextCenter)
		b.w.Text(sheet, 2, row, q.ID)
		b.w.Text(sheet, 3, row, b.t(q.TextID()))
		b.answer(sheet, 4, 5, row, q)
		b.w.Number(sheet, 6, row, xlsxkit.Round(g.Gain, 2), b.w.St.Decimal)
		b.w.Text(sheet, 7, row, b.target(q))
		for _, c := range []int{2, 3, 5, 7, 8, 9} {
			b.w.Style(sheet, c, row, b.w.St.Text)
		}
		row++
	}
	if len(b.res.Gaps) > 0 {
		b.w.Check(b.w.F.AutoFilter(sheet, fmt.Sprintf("%s:%s", xlsxkit.Cell(1, header), xlsxkit.Cell(len(heads), row-1)), nil))
	}
	b.whatWouldChange(sheet, row+1, len(heads))
	b.w.Freeze(sheet, header)
	b.printSetup(sheet, header)
}

// target says what full marks on a question would take.
func (b *builder) target(q *assessment.Question) string {
	v := b.a.Value(q.ID)
	switch q.Type {
	case assessment.Rubric:
		next := 1
		if f, ok := v.Number(); ok {
			if code, _ := assessment.CheckValue(q, v); code == "" {
				next = int(f) + 1
			}
		}
		next = min(next, assessment.MaxRubric)
		return b.t("report.targetLevel", map[string]any{"Level": next, "Descriptor": b.t(q.LevelID(next))})
	case assessment.Number:
		data := map[string]any{"Reference": l10n.Number(b.w.Loc, q.Reference, 2), "Unit": l10n.Unit(b.w.Loc, q)}
		if q.PerCapita && assessment.PopulationGiven(b.a.City.Population) {
			data["Total"] = l10n.Number(b.w.Loc, max(math.Ceil(b.a.City.Population/assessment.PerCapitaBase*q.Reference), q.MinCount), 0)
			data["UnitTotal"] = b.t(q.UnitID())
			return b.t("report.targetPerCapita", data)
		}
		if q.PerCapita && q.MinCount > 0 { // no population: the rate and the count
			data["MinCount"] = l10n.Number(b.w.Loc, q.MinCount, 0)
		}
		return b.t("report.targetNumber", data)
	case assessment.Boolean:
		return b.t("report.targetYes")
	}
	return ""
}

// whatWouldChange writes, from row on, the answers that would most widen
// the recommended field's lead and those that would put the runner-up
// first: a sentence across the columns, then each question as in the
// table (ID, question, points).
func (b *builder) whatWouldChange(sheet string, row, cols int) {
	lines := l10n.WhatWouldChange(b.w.Loc, b.qn, b.res, b.a.IntendedField())
	if len(lines) == 0 {
		return
	}
	b.w.Check(b.w.F.MergeCell(sheet, xlsxkit.Cell(1, row), xlsxkit.Cell(cols, row)))
	b.w.Text(sheet, 1, row, b.t("change.title"))
	b.w.StyleRange(sheet, 1, row, cols, row, b.w.St.Label)
	row++
	for _, line := range lines {
		if line.QuestionID == "" {
			b.w.Check(b.w.F.MergeCell(sheet, xlsxkit.Cell(1, row), xlsxkit.Cell(cols, row)))
			b.w.Text(sheet, 1, row, line.Text)
			b.w.StyleRange(sheet, 1, row, cols, row, b.w.St.Text)
			b.w.Check(b.w.F.SetRowHeight(sheet, row, 2*xlsxkit.LineHeight+4))
			row++
			continue
		}
		q, _ := b.qn.Question(line.QuestionID)
		b.w.Text(sheet, 2, row, q.ID)
		b.w.Style(sheet, 2, row, b.w.St.ID)
		b.w.Text(sheet, 3, row, b.t(q.TextID()))
		b.w.Style(sheet, 3, row, b.w.St.Text)
		b.w.Number(sheet, 6, row, xlsxkit.Round(line.Gain, 2), b.w.St.Decimal)
		row++
	}
}

// runnerUp is the ID of the field ranked second, "" if none.
func (b *builder) runnerUp() string {
	f, _ := b.res.RunnerUp()
	return f.ID
}
