package assessment

import (
	"strconv"
	"strings"
)

// ArgKind is the role of a message argument: it decides how the argument
// is written in each language, never its name or its size.
type ArgKind uint8

// Kinds of message arguments.
const (
	ArgText         ArgKind = iota // as it is: a file, a sheet, a detail from the system
	ArgField                       // a section or field ID, written as its name
	ArgDimension                   // a dimension ID, written as its name
	ArgQuestionType                // a question type, written as its name
	ArgShare                       // a share 0..1, written as a percentage
	ArgPoints                      // points of a 0..100 score, one decimal
	ArgCount                       // a whole number (a count, a size, a line)
	ArgNumber                      // a value, up to two decimals
	ArgMember                      // a member of the file ("city.population"), written as what it holds
	ArgNotes                       // message IDs (one per line), written as their texts in turn
	ArgScope                       // a scope of initiatives (Text), with the initiative's place in it (Num, 0: none)
	ArgFields                      // field IDs (one per line), written as their names in a list
)

// Arg is one argument of a problem or reason message, typed for its role.
type Arg struct {
	Kind ArgKind
	Text string  // ArgText, ArgField, ArgDimension, ArgQuestionType
	Num  float64 // ArgShare, ArgPoints, ArgCount, ArgNumber
}

// Args are the named arguments of a message.
type Args map[string]Arg

// TextArg is text shown as it is.
func TextArg(s string) Arg { return Arg{Kind: ArgText, Text: s} }

// FieldArg is a section or field ID.
func FieldArg(id string) Arg { return Arg{Kind: ArgField, Text: id} }

// DimensionArg is a dimension ID.
func DimensionArg(id string) Arg { return Arg{Kind: ArgDimension, Text: id} }

// QuestionTypeArg is a question type.
func QuestionTypeArg(t QuestionType) Arg { return Arg{Kind: ArgQuestionType, Text: string(t)} }

// MemberArg is a member of the assessment file, by its JSON path.
func MemberArg(path string) Arg { return Arg{Kind: ArgMember, Text: path} }

// NotesArg is a list of message IDs whose texts are written in turn
// (none: an empty text).
func NotesArg(ids ...string) Arg { return Arg{Kind: ArgNotes, Text: strings.Join(ids, "\n")} }

// FieldsArg is a list of field IDs, written as their names.
func FieldsArg(ids ...string) Arg { return Arg{Kind: ArgFields, Text: strings.Join(ids, "\n")} }

// ShareArg is a share from 0 to 1.
func ShareArg(f float64) Arg { return Arg{Kind: ArgShare, Num: f} }

// PointsArg is a number of points on a 0..100 score.
func PointsArg(f float64) Arg { return Arg{Kind: ArgPoints, Num: f} }

// CountArg is a whole number.
func CountArg[N int | int64](n N) Arg { return Arg{Kind: ArgCount, Num: float64(n)} }

// NumberArg is a value.
func NumberArg(f float64) Arg { return Arg{Kind: ArgNumber, Num: f} }

// String is the argument in a developer-facing form.
func (a Arg) String() string {
	switch a.Kind {
	case ArgShare, ArgPoints, ArgCount, ArgNumber:
		return strconv.FormatFloat(a.Num, 'g', -1, 64)
	}
	return a.Text
}
