// Package application carries an assessment forward into a draft of the
// application to the UNESCO Creative Cities Network: the form's sections
// as data (assets/application-form.toml), what each section can take from the
// assessment and what is still missing, and the draft as a Word document
// in a language UNESCO accepts.
//
// It holds no user-facing text: headings, instructions and labels are the
// messages of translations/dossier.<lang>.toml.
package application

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/pelletier/go-toml/v2"

	"creativecity/assessment"
	"creativecity/assets"
)

// Kind tells how the draft fills a section.
type Kind string

// The kinds of sections.
const (
	KindData      Kind = "data"      // from the assessment alone
	KindProse     Kind = "prose"     // written by the office, from its evidence
	KindField     Kind = "field"     // the chosen field's answers and evidence
	KindPlan      Kind = "plan"      // the action plan
	KindChecklist Kind = "checklist" // the attachments
)

// Section is one section of the application form.
type Section struct {
	ID   string `toml:"id"`
	Kind Kind   `toml:"kind"`
	// WordLimit is the form's limit for the prose of the section (for the
	// plan: of each initiative); 0 when the section has none.
	WordLimit int `toml:"wordLimit"`
	// Questions are the questions whose answers and evidence the section
	// draws on.
	Questions []string `toml:"questions"`
	// Tables are the tables of figures a prose section begins with.
	Tables []string `toml:"tables"`
}

// The tables a prose section can begin with.
const (
	TableCity       = "city"       // population and area
	TableObjectives = "objectives" // the six objectives and the initiatives serving each
)

// HeadingID is the message ID of the section's heading.
func (s *Section) HeadingID() string { return "dossier.section." + s.ID + ".heading" }

// InstructionsID is the message ID of the section's instructions.
func (s *Section) InstructionsID() string { return "dossier.section." + s.ID + ".instructions" }

// Attachment is one attachment the form asks for.
type Attachment struct {
	ID    string `toml:"id"`
	Count int    `toml:"count"` // how many (links: at most)
	MaxMB int    `toml:"maxMB"` // the size limit of each file, 0 if none
	// Question is the readiness question that says whether the city has
	// it (a yes/no, or a count), "" when none does.
	Question string `toml:"question"`
}

// NameID is the message ID of the attachment's name.
func (a *Attachment) NameID() string { return "dossier.attachment." + a.ID }

// Form is the application form: its year, sections and attachments.
type Form struct {
	Year        int          `toml:"formYear"`
	Sections    []Section    `toml:"sections"`
	Attachments []Attachment `toml:"attachments"`
}

// ParseForm reads the form's table and checks it against the
// questionnaire: known kinds, unique IDs, questions that exist.
func ParseForm(data []byte, qn *assessment.Questionnaire) (*Form, error) {
	var f Form
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("dossier form: %w", err)
	}
	if f.Year < 2004 {
		return nil, fmt.Errorf("dossier form: formYear %d", f.Year)
	}
	seen := map[string]bool{}
	for _, s := range f.Sections {
		if seen[s.ID] || s.ID == "" {
			return nil, fmt.Errorf("dossier form: section %q is empty or twice", s.ID)
		}
		seen[s.ID] = true
		if !slices.Contains([]Kind{KindData, KindProse, KindField, KindPlan, KindChecklist}, s.Kind) {
			return nil, fmt.Errorf("dossier form: section %s: unknown kind %q", s.ID, s.Kind)
		}
		if s.WordLimit < 0 || (s.Kind == KindProse && s.WordLimit == 0) {
			return nil, fmt.Errorf("dossier form: section %s: word limit %d", s.ID, s.WordLimit)
		}
		for _, t := range s.Tables {
			if t != TableCity && t != TableObjectives {
				return nil, fmt.Errorf("dossier form: section %s: unknown table %q", s.ID, t)
			}
		}
		for _, id := range s.Questions {
			if _, ok := qn.Question(id); !ok {
				return nil, fmt.Errorf("dossier form: section %s: no question %s", s.ID, id)
			}
		}
	}
	for _, a := range f.Attachments {
		if a.ID == "" || seen["attachment."+a.ID] || a.Count < 1 {
			return nil, fmt.Errorf("dossier form: attachment %q", a.ID)
		}
		seen["attachment."+a.ID] = true
		if a.Question != "" {
			if _, ok := qn.Question(a.Question); !ok {
				return nil, fmt.Errorf("dossier form: attachment %s: no question %s", a.ID, a.Question)
			}
		}
	}
	return &f, nil
}

// DefaultForm is the form the app ships (assets/application-form.toml).
func DefaultForm(qn *assessment.Questionnaire) (*Form, error) {
	return ParseForm(assets.ApplicationFormTOML, qn)
}
