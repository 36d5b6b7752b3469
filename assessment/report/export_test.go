package report

import "creativecity/assessment/report/xlsxkit"

// The layout of the sheets, as the external tests (package report_test)
// check it.
const (
	ColID            = colID
	ColQuestion      = colQuestion
	ColAnswer        = colAnswer
	ColDetail        = colDetail
	ColEvidence      = colEvidence
	ColSource        = colSource
	QuestionCols     = questionCols
	SectionHeaderRow = sectionHeaderRow

	DataKind     = dataKind
	DataKey      = dataKey
	DataValue    = dataValue
	DataEvidence = dataEvidence
	DataJSON     = dataJSON
)

// Pieces cuts a text as the data sheet cuts a long evidence.
var Pieces = xlsxkit.SplitCell
