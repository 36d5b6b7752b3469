package comparison

import (
	"slices"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// ColumnKind is what a column of the table of cities shows.
type ColumnKind int

// The columns of the table of cities.
const (
	ColCity ColumnKind = iota
	ColProvince
	ColPopulation
	ColField // a field's score; Column.Field names the field
	ColReadiness
	ColRecommended
	ColConfidence
	ColCompleteness // of the recommended field
	ColStability
	ColRank // the overall rank (in the window with its range)
	ColBestRank
	ColWorstRank
	ColNext // whether the city can be told apart from the next
	ColLocal
	ColInternational
	ColBudget // the plan's budget
	ColFile
)

// Column is a column of the table of cities, the same in the window and
// in the workbook's overview: what it shows, its header, and which of the
// two show it.
type Column struct {
	Kind  ColumnKind
	Field string // the field of a ColField column
	// Head is the message of the header (a field column's is the
	// field's name); WindowHead the window's, when it says it otherwise.
	Head, WindowHead string
	Window, Workbook bool
	Width            float64 // the workbook's width, in character units
}

// Header is the column's header in the window or the workbook.
func (c Column) Header(loc *translations.Localizer, window bool) string {
	switch {
	case c.Kind == ColField:
		return l10n.SectionName(loc, c.Field)
	case window && c.WindowHead != "":
		return loc.T(c.WindowHead)
	}
	return loc.T(c.Head)
}

// Columns are every column of the table of cities, in order.
func Columns(qn *assessment.Questionnaire) []Column {
	both := func(k ColumnKind, head string, width float64) Column {
		return Column{Kind: k, Head: head, Window: true, Workbook: true, Width: width}
	}
	book := func(k ColumnKind, head string, width float64) Column {
		return Column{Kind: k, Head: head, Workbook: true, Width: width}
	}
	cols := []Column{both(ColCity, "compare.col.city", 18), both(ColProvince, "compare.col.province", 16),
		book(ColPopulation, "compare.col.population", 12)}
	for _, f := range qn.Fields() {
		cols = append(cols, Column{Kind: ColField, Field: f.ID, Window: true, Workbook: true, Width: 11})
	}
	file := both(ColFile, "compare.col.file", 36)
	file.WindowHead = "gui.compareView.colFile"
	return append(cols, both(ColReadiness, "section.readiness.name", 10), both(ColRecommended, "report.recommendedField", 16),
		both(ColConfidence, "report.confidence", 11), book(ColCompleteness, "report.col.completeness", 11),
		both(ColStability, "compare.col.stability", 10), both(ColRank, "compare.col.rank", 10),
		book(ColBestRank, "compare.col.bestRank", 10), book(ColWorstRank, "compare.col.worstRank", 10),
		both(ColNext, "compare.col.next", 14), book(ColLocal, "compare.col.localInitiatives", 11),
		book(ColInternational, "compare.col.internationalInitiatives", 11), book(ColBudget, "compare.col.planBudget", 14), file)
}

// WindowColumns are the columns the window shows.
func WindowColumns(qn *assessment.Questionnaire) []Column {
	return slices.DeleteFunc(Columns(qn), func(c Column) bool { return !c.Window })
}

// WorkbookColumns are the columns the workbook's overview shows.
func WorkbookColumns(qn *assessment.Questionnaire) []Column {
	return slices.DeleteFunc(Columns(qn), func(c Column) bool { return !c.Workbook })
}

// NextText says whether a city can be told apart from the city ranked
// next, in a ranking of cities cities: nothing for the last.
func NextText(loc *translations.Localizer, r assessment.RankInterval, cities int) string {
	switch r.Next(cities) {
	case assessment.Separable:
		return loc.T("compare.separable")
	case assessment.Inseparable:
		return loc.T("compare.notSeparable")
	}
	return ""
}
