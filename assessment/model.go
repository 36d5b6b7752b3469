package assessment

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"time"
)

// FileFormat is the value of the "format" member of every .ccsa file.
const FileFormat = "creativecity-assessment"

// SchemaVersion is the file schema this build reads and writes.
const SchemaVersion = 1

// Extension is the file extension of assessment files.
const Extension = ".ccsa"

// ValueKind tells which JSON type an answer's value has.
type ValueKind uint8

// The kinds of answer values.
const (
	KindNone   ValueKind = iota // null or absent: not answered
	KindNumber                  // a JSON number
	KindBool                    // true or false
	KindString                  // a JSON string
	KindOther                   // an array or object, kept as it was read
)

// Value is an answer's value as stored in the file. The zero Value is
// "not answered".
type Value struct {
	kind ValueKind
	num  float64
	b    bool
	s    string
	raw  json.RawMessage
}

// NumberValue returns a numeric value.
func NumberValue(f float64) Value { return Value{kind: KindNumber, num: f} }

// BoolValue returns a yes/no value.
func BoolValue(b bool) Value { return Value{kind: KindBool, b: b} }

// StringValue returns a text value.
func StringValue(s string) Value { return Value{kind: KindString, s: s} }

// Kind returns the JSON kind of the value.
func (v Value) Kind() ValueKind { return v.kind }

// IsNone reports whether the value is unanswered.
func (v Value) IsNone() bool { return v.kind == KindNone }

// Number returns the numeric value and whether it is one.
func (v Value) Number() (float64, bool) { return v.num, v.kind == KindNumber }

// Bool returns the boolean value and whether it is one.
func (v Value) Bool() (bool, bool) { return v.b, v.kind == KindBool }

// String returns the text value and whether it is one.
func (v Value) String() (string, bool) { return v.s, v.kind == KindString }

// Raw returns the JSON text of the value.
func (v Value) Raw() string {
	b, _ := v.MarshalJSON()
	return string(b)
}

// MarshalJSON writes the value as it was read or set.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.kind {
	case KindNumber:
		if math.IsNaN(v.num) || math.IsInf(v.num, 0) {
			return []byte("null"), nil
		}
		return strconv.AppendFloat(nil, v.num, 'f', -1, 64), nil
	case KindBool:
		return strconv.AppendBool(nil, v.b), nil
	case KindString:
		return json.Marshal(v.s)
	case KindOther:
		return v.raw, nil
	}
	return []byte("null"), nil
}

// UnmarshalJSON reads any JSON value.
func (v *Value) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	*v = Value{}
	if len(data) == 0 {
		return nil
	}
	switch data[0] {
	case 'n':
		return nil
	case 't', 'f':
		var b bool
		if err := json.Unmarshal(data, &b); err != nil {
			return err
		}
		*v = BoolValue(b)
	case '"':
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*v = StringValue(s)
	case '[', '{':
		*v = Value{kind: KindOther, raw: append(json.RawMessage(nil), data...)}
	default:
		f, err := strconv.ParseFloat(string(data), 64)
		if err != nil {
			// Out of float64 range: keep the text so it is written back as read.
			*v = Value{kind: KindOther, raw: append(json.RawMessage(nil), data...)}
			return nil
		}
		*v = NumberValue(f)
	}
	return nil
}

// Provenance records one workbook an answer was merged from: a form a
// department filled in, or a report (DESIGN.md 3).
type Provenance struct {
	File        string `json:"file"`
	Sheet       string `json:"sheet"`
	Contributor string `json:"contributor"`
	Date        string `json:"date"`
}

// Answer is what the city says for one question.
type Answer struct {
	Value    Value
	Evidence string
	Source   string
	// Provenance lists the workbooks the answer was merged from, newest last.
	Provenance []Provenance
	// extra keeps members this build does not know, written back unchanged.
	extra map[string]json.RawMessage
	// raw keeps an answer that is not a JSON object, written back unchanged.
	raw json.RawMessage
}

// Malformed reports whether the answer was not a JSON object in the file.
func (a *Answer) Malformed() bool { return a.raw != nil }

// Empty reports whether the answer holds nothing worth storing.
func (a *Answer) Empty() bool {
	return a.raw == nil && a.Value.IsNone() && a.Evidence == "" && a.Source == "" && len(a.Provenance) == 0 && len(a.extra) == 0
}

type answerJSON struct {
	Value      Value        `json:"value"`
	Evidence   string       `json:"evidence,omitempty"`
	Source     string       `json:"source,omitempty"`
	Provenance []Provenance `json:"provenance,omitempty"`
}

// MarshalJSON writes the answer with any unknown members it was read with.
func (a *Answer) MarshalJSON() ([]byte, error) {
	if a.raw != nil {
		return a.raw, nil
	}
	return marshalWithExtra(answerJSON{a.Value, a.Evidence, a.Source, a.Provenance}, a.extra)
}

// UnmarshalJSON reads an answer object; anything else is kept raw.
func (a *Answer) UnmarshalJSON(data []byte) error {
	*a = Answer{}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		a.raw = append(json.RawMessage(nil), trimmed...)
		return nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &members); err != nil {
		return err
	}
	for key, msg := range members {
		var err error
		switch key {
		case "value":
			err = a.Value.UnmarshalJSON(msg)
		case "evidence":
			err = unmarshalText(msg, &a.Evidence)
		case "source":
			err = unmarshalText(msg, &a.Source)
		case "provenance":
			// A list this build cannot read is kept as it was.
			if json.Unmarshal(msg, &a.Provenance) != nil {
				a.Provenance = nil
				if a.extra == nil {
					a.extra = map[string]json.RawMessage{}
				}
				a.extra[key] = msg
			}
		default:
			if a.extra == nil {
				a.extra = map[string]json.RawMessage{}
			}
			a.extra[key] = msg
		}
		if err != nil {
			// A non-string evidence or source: keep the whole answer as read.
			*a = Answer{raw: append(json.RawMessage(nil), trimmed...)}
			return nil
		}
	}
	return nil
}

// unmarshalText reads a JSON string or null into s.
func unmarshalText(msg json.RawMessage, s *string) error {
	if bytes.Equal(bytes.TrimSpace(msg), []byte("null")) {
		*s = ""
		return nil
	}
	return json.Unmarshal(msg, s)
}

// City is the city profile.
type City struct {
	Name         string  `json:"name"`
	Province     string  `json:"province"`
	Population   float64 `json:"population"`
	AreaKm2      float64 `json:"areaKm2"`
	Assessor     string  `json:"assessor"`
	Organization string  `json:"organization"`
	Email        string  `json:"email"`
	Phone        string  `json:"phone"`
	Date         string  `json:"date"`
}

// Assessment is one city's self-assessment: its profile and answers.
type Assessment struct {
	QuestionnaireVersion string
	City                 City
	// Answers maps question IDs to answers. Answers to questions the
	// questionnaire does not know are kept and written back unchanged.
	Answers map[string]*Answer
	// Plan is the action plan of the application (nil: none yet).
	Plan *ActionPlan
	// Application is the prose written for the application and its
	// attachments (nil: none yet).
	Application *Application
	// Decisions are the city's choices: the field it intends to apply in
	// and the fields it sets aside.
	Decisions Decisions
	UpdatedAt time.Time
	// extra keeps top-level members this build does not know.
	extra map[string]json.RawMessage
	// cityExtra keeps city members this build does not know.
	cityExtra map[string]json.RawMessage
}

// New returns an empty assessment for a questionnaire.
func New(qn *Questionnaire) *Assessment {
	return &Assessment{QuestionnaireVersion: qn.Version, Answers: map[string]*Answer{}}
}

// Answer returns the answer to a question, or nil.
func (a *Assessment) Answer(id string) *Answer {
	return a.Answers[id]
}

// Value returns the value of the answer to a question (none if unanswered).
func (a *Assessment) Value(id string) Value {
	if ans := a.Answers[id]; ans != nil && ans.raw == nil {
		return ans.Value
	}
	return Value{}
}

// SetValue sets the value of a question's answer, keeping its evidence.
func (a *Assessment) SetValue(id string, v Value) {
	a.edit(id, func(ans *Answer) { ans.Value = v })
}

// SetEvidence sets the evidence and source of a question's answer.
func (a *Assessment) SetEvidence(id, evidence, source string) {
	a.edit(id, func(ans *Answer) { ans.Evidence, ans.Source = evidence, source })
}

func (a *Assessment) edit(id string, f func(*Answer)) {
	if a.Answers == nil {
		a.Answers = map[string]*Answer{}
	}
	ans := a.Answers[id]
	if ans == nil || ans.raw != nil {
		ans = &Answer{}
	}
	f(ans)
	if ans.Empty() {
		delete(a.Answers, id)
		return
	}
	a.Answers[id] = ans
}

// Clone returns a deep copy of the assessment.
func (a *Assessment) Clone() *Assessment {
	b, err := a.MarshalJSON()
	if err != nil {
		panic(err) // marshalling our own types cannot fail
	}
	var c Assessment
	if err := c.UnmarshalJSON(b); err != nil {
		panic(err)
	}
	return &c
}

type assessmentJSON struct {
	Format               string             `json:"format"`
	SchemaVersion        int                `json:"schemaVersion"`
	QuestionnaireVersion string             `json:"questionnaireVersion"`
	City                 json.RawMessage    `json:"city"`
	Answers              map[string]*Answer `json:"answers"`
	Plan                 *ActionPlan        `json:"actionPlan,omitempty"`
	Application          *Application       `json:"dossier,omitempty"`
	Decisions            *Decisions         `json:"decisions,omitempty"`
	UpdatedAt            string             `json:"updatedAt,omitempty"`
}

// MarshalJSON writes the file's JSON document (without normalisation;
// Encode normalises text first).
func (a *Assessment) MarshalJSON() ([]byte, error) {
	city, err := marshalWithExtra(a.City, a.cityExtra)
	if err != nil {
		return nil, err
	}
	answers := a.Answers
	if answers == nil {
		answers = map[string]*Answer{}
	}
	doc := assessmentJSON{
		Format:               FileFormat,
		SchemaVersion:        SchemaVersion,
		QuestionnaireVersion: a.QuestionnaireVersion,
		City:                 city,
		Answers:              answers,
	}
	if !a.Plan.Empty() {
		doc.Plan = a.Plan
	}
	if !a.Application.Empty() {
		doc.Application = a.Application
	}
	if !a.Decisions.Empty() {
		doc.Decisions = &a.Decisions
	}
	if !a.UpdatedAt.IsZero() {
		doc.UpdatedAt = a.UpdatedAt.UTC().Format(time.RFC3339)
	}
	return marshalWithExtra(doc, a.extra)
}

// UnmarshalJSON reads the members of a file's JSON document without
// checking format or schema (Decode does that).
func (a *Assessment) UnmarshalJSON(data []byte) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return err
	}
	*a = Assessment{Answers: map[string]*Answer{}}
	for key, msg := range members {
		switch key {
		case "format", "schemaVersion":
			// checked by Decode, always written by MarshalJSON
		case "questionnaireVersion":
			if err := unmarshalText(msg, &a.QuestionnaireVersion); err != nil {
				return &fieldError{key, err}
			}
		case "city":
			if err := a.unmarshalCity(msg); err != nil {
				return err
			}
		case "answers":
			if bytes.Equal(bytes.TrimSpace(msg), []byte("null")) {
				continue
			}
			if err := json.Unmarshal(msg, &a.Answers); err != nil {
				return &fieldError{key, err}
			}
			for id, ans := range a.Answers {
				if ans == nil {
					delete(a.Answers, id)
				}
			}
		case "actionPlan":
			plan, err := optionalMember[ActionPlan](key, msg)
			if err != nil {
				return err
			}
			a.Plan = plan
		case "dossier":
			app, err := optionalMember[Application](key, msg)
			if err != nil {
				return err
			}
			a.Application = app
		case "decisions":
			if err := a.Decisions.UnmarshalJSON(msg); err != nil {
				return &fieldError{key, err}
			}
		case "updatedAt":
			var s string
			if err := unmarshalText(msg, &s); err != nil {
				return &fieldError{key, err}
			}
			if s != "" {
				t, err := time.Parse(time.RFC3339, s)
				if err != nil {
					return &fieldError{key, err}
				}
				a.UpdatedAt = t
			}
		default:
			if a.extra == nil {
				a.extra = map[string]json.RawMessage{}
			}
			a.extra[key] = msg
		}
	}
	return nil
}

func (a *Assessment) unmarshalCity(msg json.RawMessage) error {
	if bytes.Equal(bytes.TrimSpace(msg), []byte("null")) {
		return nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(msg, &members); err != nil {
		return &fieldError{"city", err}
	}
	for key, m := range members {
		attr, ok := LookupCityAttribute(key)
		if !ok {
			if a.cityExtra == nil {
				a.cityExtra = map[string]json.RawMessage{}
			}
			a.cityExtra[key] = m
			continue
		}
		if err := attr.unmarshal(&a.City, m); err != nil {
			return &fieldError{"city." + key, err}
		}
	}
	return nil
}

// unmarshal reads the attribute's JSON member into c; null leaves it unset.
func (ca CityAttribute) unmarshal(c *City, m json.RawMessage) error {
	if ca.text != nil {
		return unmarshalText(m, ca.text(c))
	}
	if bytes.Equal(bytes.TrimSpace(m), []byte("null")) {
		return nil
	}
	return json.Unmarshal(m, ca.number(c))
}

// fieldError tells which member of the document has the wrong JSON type.
type fieldError struct {
	member string
	err    error
}

func (e *fieldError) Error() string { return e.member + ": " + e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// marshalWithExtra marshals v (a struct) and merges the extra members into
// the resulting object; known members win.
// optionalMember reads an optional object member of the file; null is
// none.
func optionalMember[T any](key string, msg json.RawMessage) (*T, error) {
	if bytes.Equal(bytes.TrimSpace(msg), []byte("null")) {
		return nil, nil
	}
	v := new(T)
	if err := json.Unmarshal(msg, v); err != nil {
		return nil, &fieldError{key, err}
	}
	return v, nil
}

func marshalWithExtra(v any, extra map[string]json.RawMessage) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(b, &members); err != nil {
		return nil, err
	}
	for k, m := range extra {
		if _, known := members[k]; !known {
			members[k] = m
		}
	}
	return json.Marshal(members)
}

// ExtraMembers returns the top-level members this build does not know,
// as read (for lossless export).
func (a *Assessment) ExtraMembers() map[string]json.RawMessage { return a.extra }

// CityExtraMembers returns the city members this build does not know.
func (a *Assessment) CityExtraMembers() map[string]json.RawMessage { return a.cityExtra }

// CoreJSON returns the answer without its evidence and source: the value
// and any unknown members, or the raw text of a malformed answer.
func (ans *Answer) CoreJSON() []byte {
	if ans.raw != nil {
		return ans.raw
	}
	b, err := marshalWithExtra(struct {
		Value      Value        `json:"value"`
		Provenance []Provenance `json:"provenance,omitempty"`
	}{ans.Value, ans.Provenance}, ans.extra)
	if err != nil {
		return []byte("null")
	}
	return b
}
