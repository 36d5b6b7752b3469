package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FileError is a problem that stops a file from being read or written.
type FileError struct {
	Problem
	Err error // the underlying error, if any
}

func (e *FileError) Error() string {
	if e.Err != nil {
		return e.Problem.Error() + ": " + e.Err.Error()
	}
	return e.Problem.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// NewFileError is the error of the file at path: the problem code, its
// arguments and the underlying error, if any.
func NewFileError(path, code string, args Args, err error) *FileError {
	return &FileError{Problem: Problem{Severity: Error, Path: path, Code: code, Args: args}, Err: err}
}

// Decode parses the bytes of an assessment file; path is used in errors.
func Decode(data []byte, path string) (*Assessment, error) {
	data = withoutBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, NewFileError(path, CodeEmpty, nil, nil)
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			line, col := position(data, syn.Offset)
			return nil, NewFileError(path, CodeSyntax, Args{"Line": CountArg(line), "Column": CountArg(col)}, err)
		}
		return nil, NewFileError(path, CodeNotObject, nil, err)
	}
	if members == nil {
		return nil, NewFileError(path, CodeNotObject, nil, nil)
	}
	if key, err := duplicateKey(data); err != nil || key != "" {
		return nil, NewFileError(path, CodeDuplicateKey, Args{"Member": MemberArg(key)}, err)
	}
	var format string
	if json.Unmarshal(members["format"], &format) != nil || format != FileFormat {
		return nil, NewFileError(path, CodeWrongFormat, Args{"Format": TextArg(format)}, nil)
	}
	var version float64
	if err := json.Unmarshal(members["schemaVersion"], &version); err != nil || version != float64(int(version)) || version < 1 {
		return nil, NewFileError(path, CodeSchemaInvalid, Args{"Version": TextArg(string(members["schemaVersion"]))}, err)
	}
	if version > SchemaVersion {
		return nil, schemaNewer(path, int(version))
	}
	a := &Assessment{}
	if err := a.UnmarshalJSON(data); err != nil {
		member := "?"
		var fe *fieldError
		if errors.As(err, &fe) {
			member = fe.member
		}
		return nil, NewFileError(path, CodeMemberType, Args{"Member": MemberArg(member)}, err)
	}
	if n := a.entries(); n > MaxEntries {
		return nil, NewFileError(path, CodeTooManyEntries, Args{"Count": CountArg(n), "Limit": CountArg(MaxEntries)}, nil)
	}
	a.normalize()
	return a, nil
}

// MaxEntries is the most answers and members this build does not know
// that a file may hold together. The questionnaire has about 140
// questions; answers of questions it no longer asks and members of newer
// builds are kept, but each becomes a row of a report's data sheet, so
// that their number bounds what reading a report back may cost.
const MaxEntries = 10000

// entries counts the answers and the members this build does not know.
func (a *Assessment) entries() int {
	return len(a.Answers) + len(a.extra) + len(a.cityExtra)
}

// withoutBOM drops the byte-order mark that some editors put first.
func withoutBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) }

// schemaNewer is the error of a file written in a schema newer than this
// build's.
func schemaNewer(path string, version int) *FileError {
	return NewFileError(path, CodeSchemaNewer, Args{"Version": CountArg(version), "Supported": CountArg(SchemaVersion)}, nil)
}

// CheckOverwrite refuses, as CodeSchemaNewer, to replace old, the content
// of the file at path, when it is an assessment file of a schema newer
// than this build's: writing over it would lose what this build does not
// know. Any other content is no concern of the format (nil).
func CheckOverwrite(path string, old []byte) error {
	var head struct {
		Format        string  `json:"format"`
		SchemaVersion float64 `json:"schemaVersion"`
	}
	if json.Unmarshal(withoutBOM(old), &head) != nil || head.Format != FileFormat {
		return nil
	}
	if v := int(head.SchemaVersion); v > SchemaVersion {
		return schemaNewer(path, v)
	}
	return nil
}

// position turns a byte offset into a 1-based line and column (in runes).
func position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
	if col == 0 {
		col = 1
	}
	return line, col
}

// normalize puts every text the model knows in Unicode NFC, with LF line
// ends (CRLF becomes LF).
func (a *Assessment) normalize() {
	for _, p := range []*string{&a.City.Name, &a.City.Province, &a.City.Assessor, &a.City.Organization,
		&a.City.Email, &a.City.Phone, &a.City.Date, &a.QuestionnaireVersion} {
		*p = norm.NFC.String(*p)
	}
	a.Plan.normalize()
	a.Application.normalize()
	a.Decisions.normalize()
	for _, t := range a.texts() {
		if s := t.get(); strings.Contains(s, "\r\n") {
			t.set(strings.ReplaceAll(s, "\r\n", "\n"))
		}
	}
	for _, ans := range a.Answers {
		if ans.raw != nil {
			continue
		}
		ans.Evidence = norm.NFC.String(ans.Evidence)
		ans.Source = norm.NFC.String(ans.Source)
		if s, ok := ans.Value.String(); ok {
			ans.Value = StringValue(norm.NFC.String(s))
		}
	}
}

// Encode returns the file content of the assessment: indented JSON, NFC text.
func Encode(a *Assessment) ([]byte, error) {
	a.normalize()
	compact, err := a.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}
