package assessment

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Severity tells whether a problem blocks using the file.
type Severity int

// Problem severities.
const (
	Warning Severity = iota // kept and reported; the file is usable
	Error                   // the value is invalid and is ignored by scoring
)

// Problem is one finding about a file or an answer. Code is a stable
// identifier; its user-facing text is the message "problem.<Code>" in the
// translations, filled with Args.
type Problem struct {
	Severity   Severity
	Path       string // the file, when known
	QuestionID string // the question, when the problem is about one
	Code       string
	Args       Args
}

// Error gives a developer-facing form of the problem; users see the
// translated message.
func (p Problem) Error() string {
	var b strings.Builder
	if p.Path != "" {
		fmt.Fprintf(&b, "%q: ", p.Path)
	}
	if p.QuestionID != "" {
		fmt.Fprintf(&b, "%s: ", p.QuestionID)
	}
	b.WriteString(p.Code)
	for _, k := range slices.Sorted(maps.Keys(p.Args)) {
		fmt.Fprintf(&b, " %s=%v", k, p.Args[k])
	}
	return b.String()
}

// HasErrors reports whether any problem is an error.
func HasErrors(ps []Problem) bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Severity == Error })
}

// Problem codes. Each has a message "problem.<code>" in both languages.
const (
	CodeNotFound              = "notFound"           // the file does not exist
	CodeIsDir                 = "isDir"              // the path is a folder
	CodeNotRegular            = "notRegular"         // Args: Kind; a pipe, a socket, a device
	CodePermission            = "permission"         // the file cannot be read or written
	CodeTooLarge              = "tooLarge"           // Args: Size, Limit (bytes)
	CodeTooLargeToSave        = "tooLargeToSave"     // Args: Size, Limit (bytes); an assessment grown past MaxFileSize
	CodeEmpty                 = "empty"              // the file is empty
	CodeReadFailed            = "readFailed"         // Args: Detail
	CodeSyntax                = "syntax"             // Args: Line, Column, Detail
	CodeNotObject             = "notObject"          // the JSON document is not an object
	CodeWrongFormat           = "wrongFormat"        // Args: Format
	CodeSchemaNewer           = "schemaNewer"        // Args: Version, Supported
	CodeSchemaInvalid         = "schemaInvalid"      // Args: Version
	CodeMemberType            = "memberType"         // Args: Member
	CodeControlCharacter      = "controlCharacter"   // Args: Member; a control character other than tab and newline
	CodeControlRemoved        = "controlRemoved"     // Args: Member; such characters removed on import or merge
	CodeDuplicateKey          = "duplicateKey"       // Args: Member; a member named twice in one object
	CodePartTooManyTexts      = "partTooManyTexts"   // Args: Part, Limit; a shared-string table of more texts than a report writes
	CodeSheetTooManyRows      = "sheetTooManyRows"   // Args: Sheet, Limit; a data sheet of more rows than a report writes
	CodeTooManyEntries        = "tooManyEntries"     // Args: Count, Limit; more answers and unknown members than MaxEntries
	CodeWriteFailed           = "writeFailed"        // Args: Detail
	CodeDiskFull              = "diskFull"           // no space left on the device
	CodeReadOnly              = "readOnly"           // the existing file is marked read-only
	CodeInUse                 = "inUse"              // another program holds the file
	CodeReadOnlyFS            = "readOnlyFS"         // the folder is on a read-only disk
	CodeHeldOpen              = "heldOpen"           // Windows: another program (Excel) has the file open and refuses its replacement
	CodeNameReserved          = "nameReserved"       // Args: Name; a Windows device name (CON, PRN, NUL, COM1…)
	CodeNameTrailing          = "nameTrailing"       // Args: End; the name ends with a dot or a space
	CodeNameCharacter         = "nameCharacter"      // Args: Char; a character Windows refuses in a name
	CodeNameTooLong           = "nameTooLong"        // Args: Length; longer than a file system allows
	CodeUnknownQuestion       = "unknownQuestion"    // kept, written back unchanged
	CodeAnswerNotObject       = "answerNotObject"    // the answer is not an object
	CodeWrongType             = "wrongType"          // Args: Expected (question type)
	CodeRubricRange           = "rubricRange"        // Args: Value, Max
	CodeNegative              = "negative"           // Args: Value
	CodeAboveMax              = "aboveMax"           // Args: Value, Max
	CodeNotInteger            = "notInteger"         // Args: Value
	CodeProfileAnswer         = "profileAnswer"      // a city attribute stored as an answer
	CodeCityNegative          = "cityNegative"       // Args: Member, Value
	CodePopulationMissing     = "populationMissing"  // per-capita answers without population
	CodePopulationTooSmall    = "populationTooSmall" // Args: Member, Value, Min; a population given below MinPopulation
	CodeRateOverflow          = "rateOverflow"       // Args: Value, Population; a per-capita rate too large to compute
	CodeCityNameMissing       = "cityNameMissing"
	CodeEmailInvalid          = "emailInvalid"          // Args: Text
	CodePhoneInvalid          = "phoneInvalid"          // Args: Text
	CodeDateInvalid           = "dateInvalid"           // Args: Text
	CodeVersionDiffers        = "versionDiffers"        // Args: Version, Current
	CodeEvidenceCutInWorkbook = "evidenceCutInWorkbook" // Args: Sheet, Cell
	CodeMigrated              = "migrated"              // Args: From, To, Changes
	CodeMigratedRenamed       = "migratedRenamed"       // Args: Count
	CodeMigratedRescaled      = "migratedRescaled"      // Args: Count
	CodeMigratedRemoved       = "migratedRemoved"       // Args: Count
	CodeEvidenceTruncated     = "evidenceTruncated"     // Args: Length, Limit (a report cell)

	// Comparing cities.
	CodeDuplicateOlder    = "duplicateOlder"    // Args: City, File, Time, OfTime; File, of the same city, is newer
	CodeDuplicateSameTime = "duplicateSameTime" // Args: City, File, Time; File, as new, was given first
	CodeUpdatedInFuture   = "updatedInFuture"   // Args: UpdatedAt, FileTime; the file's time stands for it

	// Reading a workbook back.
	CodeNotWorkbook     = "notWorkbook"     // not an .xlsx workbook at all
	CodeUnzipLimit      = "unzipLimit"      // Args: Limit; unpacks too large (a zip bomb?)
	CodePartTooLarge    = "partTooLarge"    // Args: Part, Size, Limit; one part unpacks past what the app writes
	CodePartAmplifies   = "partAmplifies"   // Args: Part, Size, Packed, Limit (a ratio)
	CodeNotAppWorkbook  = "notAppWorkbook"  // a workbook without this app's data sheet
	CodeCellNotNumber   = "cellNotNumber"   // Args: Sheet, Cell
	CodeCellNotBoolean  = "cellNotBoolean"  // Args: Sheet, Cell
	CodeCellNotJSON     = "cellNotJSON"     // Args: Sheet, Cell
	CodeCellUnknownKind = "cellUnknownKind" // Args: Sheet, Cell, Kind
	CodeCellStrayPiece  = "cellStrayPiece"  // Args: Sheet, Cell, Key

	// Edits of the visible sheets of a report, found on import.
	CodeCellEdited       = "cellEdited"       // Args: Sheet, Cell, Old, New (a warning: the edit is taken)
	CodeCellNotYesNo     = "cellNotYesNo"     // Args: Sheet, Cell
	CodeCellNotDate      = "cellNotDate"      // Args: Sheet, Cell
	CodeCellNotWhole     = "cellNotWhole"     // Args: Sheet, Cell
	CodeCellOutOfRange   = "cellOutOfRange"   // Args: Sheet, Cell, Max
	CodeCellCutEdited    = "cellCutEdited"    // Args: Sheet, Cell
	CodeFormCutEdited    = "formCutEdited"    // Args: Sheet, Cell (a form's text prefilled cut)
	CodeCellEditConflict = "cellEditConflict" // Args: Sheet, Cell, Other
	CodeWatchedSheetGone = "watchedSheetGone" // Args: Sheet
	CodeWatchedRowGone   = "watchedRowGone"   // Args: Sheet
	CodeWatchedRowTwice  = "watchedRowTwice"  // Args: Sheet
	CodeFormRowGone      = "formRowGone"      // Args: Sheet
	// A form's questionnaire version, checked against this questionnaire.
	CodeFormVersionNewer    = "formVersionNewer"    // Args: Version, Current; a form of a newer questionnaire
	CodeFormVersionUnknown  = "formVersionUnknown"  // Args: Version, Current; a version no step leads from, or malformed
	CodeFormUnknownQuestion = "formUnknownQuestion" // a question of the form this questionnaire does not ask: not merged
	// A cell of the action plan's sheet worked out from the plan (a label,
	// the objectives, the years, a total) was changed, or its row moved.
	CodeCellComputed  = "cellComputed"  // Args: Sheet, Cell
	CodePlanSheetGone = "planSheetGone" // Args: Sheet
	// An edit of the action plan's sheet in a report merged into another
	// assessment: merging takes answers only.
	CodePlanEditNotMerged = "planEditNotMerged" // Args: Sheet, Cell, Old, New

	// The city's decisions (kept as they are, warned about).
	CodeDecisionUnknownField = "decisionUnknownField" // Args: Member, Field (the ID as written)
	CodeIntendedSetAside     = "intendedSetAside"     // Args: Field; the intended field is also set aside

	// Merging contributions.
	CodeMergeConflict      = "mergeConflict"      // Args: Sheet, Proposed, Current
	CodeMergeConflictTaken = "mergeConflictTaken" // Args: Sheet, Proposed, Current
	CodeCityMismatch       = "cityMismatch"       // Args: City, Base; the workbook is of another city than the assessment
	CodeCityMatchedByName  = "cityMatchedByName"  // Args: City, Base; an older form names the city only, matched by name
)
