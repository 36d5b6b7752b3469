// Package assessment is the domain of the Creative City Self-Assessment:
// the questionnaire model, a city's answers, scoring and recommendation,
// validation, the locale-aware number parser and the .ccsa file format
// (Decode, Encode and the FileError of a file that cannot be used).
// Reading and writing files on disk is the job of package assessment/files.
//
// It has no user-interface or spreadsheet dependency and holds no
// user-facing text: questions, descriptors and messages are referred to by
// stable message IDs that the translations package resolves.
package assessment

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// QuestionType is the kind of answer a question takes (contract).
type QuestionType string

// The question types of the questionnaire.
const (
	Rubric  QuestionType = "rubric"  // integer level 0..4, each level with a descriptor
	Number  QuestionType = "number"  // non-negative number with a unit and a reference
	Boolean QuestionType = "boolean" // yes or no
	Text    QuestionType = "text"    // free-text evidence, never scored
)

// SectionKind tells what a section is for (contract).
type SectionKind string

// The section kinds.
const (
	KindProfile   SectionKind = "profile"
	KindReadiness SectionKind = "readiness"
	KindField     SectionKind = "field"
)

// RubricLevels is the number of levels of a rubric question (0..4).
const RubricLevels = 5

// MaxRubric is the highest rubric level.
const MaxRubric = RubricLevels - 1

// PerCapitaBase is the population that per-capita references are given for.
const PerCapitaBase = 100000.0

// Question is one item of the questionnaire. Its texts live in the
// translations under the IDs returned by TextID, HelpID, LevelID and UnitID.
type Question struct {
	ID        string       `toml:"id"`
	Type      QuestionType `toml:"type"`
	Weight    float64      `toml:"weight"`
	Dimension string       `toml:"dimension"`
	Criteria  []string     `toml:"criteria"`
	// Reference is the value that earns full marks (per PerCapitaBase
	// inhabitants when PerCapita is set). Number questions only.
	Reference float64 `toml:"reference"`
	PerCapita bool    `toml:"perCapita"`
	// MinCount, for a per-capita number, is the count (not a rate) needed
	// for full marks however small the city: the fraction is the smaller
	// of rate/reference and count/minCount, so that one venue in a town of
	// 120,000 does not earn what a network of venues earns (0: no minimum).
	MinCount float64 `toml:"minCount"`
	// Integer marks counts: the answer must be a whole number.
	Integer bool `toml:"integer"`
	// Max is a hard upper bound for a number (0: none).
	Max float64 `toml:"max"`
	// CityField names the city profile attribute a profile question edits
	// (name, province, population, areaKm2, assessor, organization, email,
	// phone, date). Such questions are stored in the file's "city" object.
	CityField string `toml:"cityField"`
	// Evidence, when false, marks an item that asks for no evidence and
	// no source: one that only feeds the report's heading (the signer,
	// the recipients). Unset is true. An evidence already saved for such
	// an item stays in the file.
	Evidence *bool `toml:"evidence"`

	section *Section
}

// TakesEvidence reports whether the question asks for its evidence and
// source: not a city attribute, nor an item marked evidence = false.
func (q *Question) TakesEvidence() bool {
	return q.CityField == "" && (q.Evidence == nil || *q.Evidence)
}

// Section returns the section the question belongs to.
func (q *Question) Section() *Section { return q.section }

// Scored reports whether the question contributes to a score.
func (q *Question) Scored() bool {
	return q.Type != Text && q.Weight > 0 && q.section != nil && q.section.Kind != KindProfile
}

// TextID is the message ID of the question's text.
func (q *Question) TextID() string { return q.ID + ".text" }

// HelpID is the message ID of the question's help text.
func (q *Question) HelpID() string { return q.ID + ".help" }

// UnitID is the message ID of a number question's unit.
func (q *Question) UnitID() string { return q.ID + ".unit" }

// LevelID is the message ID of the descriptor of rubric level n.
func (q *Question) LevelID(n int) string { return fmt.Sprintf("%s.level%d", q.ID, n) }

// MessageIDs lists every message ID the question needs.
func (q *Question) MessageIDs() []string {
	ids := []string{q.TextID(), q.HelpID()}
	switch q.Type {
	case Rubric:
		for n := range RubricLevels {
			ids = append(ids, q.LevelID(n))
		}
	case Number:
		ids = append(ids, q.UnitID())
	}
	return ids
}

// Section is a group of questions: the city profile, readiness or a field.
type Section struct {
	ID        string      `toml:"id"`
	Kind      SectionKind `toml:"kind"`
	Criteria  []string    `toml:"criteria"`
	Questions []*Question `toml:"questions"`
}

// NameID is the message ID of the section's name.
func (s *Section) NameID() string { return "section." + s.ID + ".name" }

// DescriptionID is the message ID of the section's description.
func (s *Section) DescriptionID() string { return "section." + s.ID + ".summary" }

// CriterionID is the message ID of the text of one of the section's criteria.
func (s *Section) CriterionID(c string) string { return "criterion." + s.ID + "." + c }

// DimensionID is the message ID of a dimension's name.
func DimensionID(d string) string { return "dimension." + d }

// ScoredQuestions returns the questions of the section that count for its score.
func (s *Section) ScoredQuestions() []*Question {
	var out []*Question
	for _, q := range s.Questions {
		if q.Scored() {
			out = append(out, q)
		}
	}
	return out
}

// Questionnaire is the whole structure: version, sections and questions.
type Questionnaire struct {
	Version  string     `toml:"questionnaireVersion"`
	Sections []*Section `toml:"sections"`

	// Provinces maps pre-2025 province names to today's (Default loads it).
	Provinces Provinces `toml:"-"`
	// FieldNames gives the names of the fields in every language, for
	// Migrate to read the free text of the profile's intended field (nil:
	// it is not read). Default sets it; it is called only when needed.
	FieldNames func() FieldNames `toml:"-"`

	byID       map[string]*Question
	sections   map[string]*Section
	fields     []*Section
	migrations []Migration
}

var (
	sectionIDPattern  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	questionIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*\.[a-z0-9][a-z0-9_]*$`)
)

// ParseQuestionnaire reads the TOML structure and checks it for
// consistency: unique well-formed IDs, known types, weights, references,
// declared and covered criteria.
func ParseQuestionnaire(data []byte) (*Questionnaire, error) {
	var qn Questionnaire
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&qn); err != nil {
		var strict *toml.StrictMissingError
		if errors.As(err, &strict) && len(strict.Errors) > 0 {
			return nil, fmt.Errorf("questionnaire: unknown key %q", strings.Join(strict.Errors[0].Key(), "."))
		}
		return nil, fmt.Errorf("questionnaire: %w", err)
	}
	if err := qn.index(); err != nil {
		return nil, fmt.Errorf("questionnaire: %w", err)
	}
	return &qn, nil
}

func (qn *Questionnaire) index() error {
	if qn.Version == "" {
		return fmt.Errorf("questionnaireVersion is missing")
	}
	qn.byID = map[string]*Question{}
	qn.sections = map[string]*Section{}
	profiles, readiness := 0, 0
	for _, s := range qn.Sections {
		if !sectionIDPattern.MatchString(s.ID) {
			return fmt.Errorf("section ID %q is not lowercase ASCII", s.ID)
		}
		if _, dup := qn.sections[s.ID]; dup {
			return fmt.Errorf("section %q appears twice", s.ID)
		}
		qn.sections[s.ID] = s
		switch s.Kind {
		case KindProfile:
			profiles++
		case KindReadiness:
			readiness++
		case KindField:
			qn.fields = append(qn.fields, s)
		default:
			return fmt.Errorf("section %q: unknown kind %q", s.ID, s.Kind)
		}
		if len(s.Questions) == 0 {
			return fmt.Errorf("section %q has no questions", s.ID)
		}
		covered := map[string]bool{}
		for _, q := range s.Questions {
			q.section = s
			if err := checkQuestion(s, q); err != nil {
				return err
			}
			if _, dup := qn.byID[q.ID]; dup {
				return fmt.Errorf("question %q appears twice", q.ID)
			}
			qn.byID[q.ID] = q
			for _, c := range q.Criteria {
				if !slices.Contains(s.Criteria, c) {
					return fmt.Errorf("question %q: criterion %q is not declared by section %q", q.ID, c, s.ID)
				}
				if q.Scored() {
					covered[c] = true
				}
			}
		}
		for _, c := range s.Criteria {
			if !covered[c] {
				return fmt.Errorf("section %q: criterion %q is covered by no scored question", s.ID, c)
			}
		}
		if s.Kind != KindProfile && len(s.ScoredQuestions()) == 0 {
			return fmt.Errorf("section %q has no scored question", s.ID)
		}
	}
	if profiles != 1 || readiness != 1 || len(qn.fields) == 0 {
		return fmt.Errorf("need one profile, one readiness and at least one field section")
	}
	return nil
}

func checkQuestion(s *Section, q *Question) error {
	if !questionIDPattern.MatchString(q.ID) || q.ID[:len(s.ID)+1] != s.ID+"." {
		return fmt.Errorf("question ID %q is not of the form %s.<slug>", q.ID, s.ID)
	}
	switch q.Type {
	case Rubric, Boolean, Text:
		if q.Reference != 0 || q.PerCapita || q.Max != 0 || q.Integer || q.MinCount != 0 {
			return fmt.Errorf("question %q: reference, perCapita, minCount, integer and max are for numbers", q.ID)
		}
	case Number:
		if s.Kind != KindProfile && q.Weight > 0 && q.Reference <= 0 {
			return fmt.Errorf("question %q: a scored number needs a positive reference", q.ID)
		}
		if q.Max < 0 || (q.Max > 0 && q.Max < q.Reference) {
			return fmt.Errorf("question %q: max %v is below the reference %v", q.ID, q.Max, q.Reference)
		}
		if q.MinCount < 0 || (q.MinCount > 0 && !q.PerCapita) {
			return fmt.Errorf("question %q: minCount is a positive count for per-capita numbers", q.ID)
		}
	default:
		return fmt.Errorf("question %q: unknown type %q", q.ID, q.Type)
	}
	if q.Weight < 0 || (q.Type == Text && q.Weight != 0) {
		return fmt.Errorf("question %q: weight %v is not allowed", q.ID, q.Weight)
	}
	if s.Kind != KindProfile && q.Type != Text && q.Weight == 0 {
		return fmt.Errorf("question %q: a scored question needs a positive weight", q.ID)
	}
	if q.CityField != "" {
		attr, ok := LookupCityAttribute(q.CityField)
		if s.Kind != KindProfile || !ok || attr.QuestionType() != q.Type {
			return fmt.Errorf("question %q: cityField %q does not fit", q.ID, q.CityField)
		}
	}
	if s.Kind != KindProfile && q.Dimension == "" {
		return fmt.Errorf("question %q has no dimension", q.ID)
	}
	if q.Evidence != nil && !*q.Evidence && q.Scored() {
		return fmt.Errorf("question %q: a scored question takes evidence", q.ID)
	}
	return nil
}

// Question returns the question with the given ID.
// cityQuestion is the ID of the profile question that edits a city
// attribute, "" if none does.
func (qn *Questionnaire) cityQuestion(attr string) string {
	if s := qn.SectionOfKind(KindProfile); s != nil {
		for _, q := range s.Questions {
			if q.CityField == attr {
				return q.ID
			}
		}
	}
	return ""
}

func (qn *Questionnaire) Question(id string) (*Question, bool) {
	q, ok := qn.byID[id]
	return q, ok
}

// Section returns the section with the given ID.
func (qn *Questionnaire) Section(id string) (*Section, bool) {
	s, ok := qn.sections[id]
	return s, ok
}

// Fields returns the creative field sections in their fixed order.
func (qn *Questionnaire) Fields() []*Section { return qn.fields }

// SectionOfKind returns the first section of a kind (profile, readiness).
func (qn *Questionnaire) SectionOfKind(k SectionKind) *Section {
	for _, s := range qn.Sections {
		if s.Kind == k {
			return s
		}
	}
	return nil
}

// MessageIDs lists every message ID the questionnaire refers to.
func (qn *Questionnaire) MessageIDs() []string {
	var ids []string
	dims := map[string]bool{}
	for _, s := range qn.Sections {
		ids = append(ids, s.NameID(), s.DescriptionID())
		for _, c := range s.Criteria {
			ids = append(ids, s.CriterionID(c))
		}
		for _, q := range s.Questions {
			ids = append(ids, q.MessageIDs()...)
			if q.Dimension != "" && !dims[q.Dimension] {
				dims[q.Dimension] = true
				ids = append(ids, DimensionID(q.Dimension))
			}
		}
	}
	for _, m := range qn.migrations {
		if m.Changes != "" {
			ids = append(ids, m.Changes)
		}
	}
	return ids
}
