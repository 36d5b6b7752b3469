package assessment

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Decisions are the city's choices about its fields (the file's top-level
// member "decisions", DESIGN §3): the field it intends to apply in, and
// the fields it does not consider, each with its reason. A field set
// aside keeps its score and rank but leaves the choice of the recommended
// field. IDs the questionnaire does not know are kept, written back and
// reported by Validate.
type Decisions struct {
	// IntendedField is the ID of the field the city intends to apply in,
	// "" when it has not chosen one.
	IntendedField string `json:"intendedField,omitempty"`
	// SetAside maps the ID of a field the city does not consider to its
	// reason (which may be empty).
	SetAside map[string]string `json:"setAside,omitempty"`
	// extra keeps members this build does not know.
	extra map[string]json.RawMessage
}

// Empty reports whether there is no decision to store.
func (d *Decisions) Empty() bool {
	return d.IntendedField == "" && len(d.SetAside) == 0 && len(d.extra) == 0
}

type decisionsJSON struct {
	IntendedField string            `json:"intendedField,omitempty"`
	SetAside      map[string]string `json:"setAside,omitempty"`
}

// MarshalJSON writes the decisions with any members this build does not
// know.
func (d Decisions) MarshalJSON() ([]byte, error) {
	return marshalWithExtra(decisionsJSON{d.IntendedField, d.SetAside}, d.extra)
}

// UnmarshalJSON reads the decisions; null is none, and unknown members are
// kept.
func (d *Decisions) UnmarshalJSON(data []byte) error {
	*d = Decisions{}
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return err
	}
	for key, msg := range members {
		var err error
		switch key {
		case "intendedField":
			err = unmarshalText(msg, &d.IntendedField)
		case "setAside":
			if !bytes.Equal(bytes.TrimSpace(msg), []byte("null")) {
				err = json.Unmarshal(msg, &d.SetAside)
			}
		default:
			if d.extra == nil {
				d.extra = map[string]json.RawMessage{}
			}
			d.extra[key] = msg
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// normalize puts the decisions' text in Unicode NFC.
func (d *Decisions) normalize() {
	d.IntendedField = norm.NFC.String(d.IntendedField)
	for id, reason := range d.SetAside {
		d.SetAside[id] = norm.NFC.String(reason)
	}
}

// SetIntendedField records the field the city intends to apply in; ""
// clears the choice.
func (a *Assessment) SetIntendedField(id string) { a.Decisions.IntendedField = id }

// IntendedField is the field the city intends to apply in, "" when none
// is chosen.
func (a *Assessment) IntendedField() string { return a.Decisions.IntendedField }

// SetAside records that the city does not consider a field, and why: the
// field keeps its score and rank but leaves the choice of the
// recommended field. Setting a field aside again replaces its reason.
func (a *Assessment) SetAside(id, reason string) {
	if a.Decisions.SetAside == nil {
		a.Decisions.SetAside = map[string]string{}
	}
	a.Decisions.SetAside[id] = reason
}

// Reconsider takes a field set aside back among the candidates.
func (a *Assessment) Reconsider(id string) {
	delete(a.Decisions.SetAside, id)
	if len(a.Decisions.SetAside) == 0 {
		a.Decisions.SetAside = nil
	}
}

// Candidate reports whether the recommendation may choose a field: the
// city has not set it aside.
func (a *Assessment) Candidate(id string) bool {
	_, aside := a.Decisions.SetAside[id]
	return !aside
}

// SetAsideReason is the reason a field is set aside, and whether it is.
func (a *Assessment) SetAsideReason(id string) (string, bool) {
	reason, aside := a.Decisions.SetAside[id]
	return reason, aside
}

// SetAsideFields are the IDs of the fields set aside, sorted.
func (a *Assessment) SetAsideFields() []string {
	return slices.Sorted(maps.Keys(a.Decisions.SetAside))
}

// IntendedFieldQuestion is the profile question whose free text named the
// intended field before decisions.intendedField existed; it stays as the
// choice's note.
const IntendedFieldQuestion = "profile.intended_field"

// FieldNames are the names of each field in every language (field ID →
// names), for reading free text that names a field.
type FieldNames map[string][]string

// Match is the one field whose name the text contains, as whole words,
// ignoring case, diacritics and punctuation ("Thành phố sáng tạo ẩm thực",
// "gastronomy"); "" when it names none or more than one.
func (n FieldNames) Match(text string) string {
	folded := " " + foldWords(text) + " "
	found := ""
	for _, id := range slices.Sorted(maps.Keys(n)) {
		if !slices.ContainsFunc(n[id], func(name string) bool {
			f := foldWords(name)
			return f != "" && strings.Contains(folded, " "+f+" ")
		}) {
			continue
		}
		if found != "" {
			return ""
		}
		found = id
	}
	return found
}

// foldWords is text in lower case without diacritics, its words separated
// by single spaces and anything but letters and digits dropped.
func foldWords(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// migrateIntendedField sets decisions.intendedField from the free text of
// the profile's intended field when it names exactly one field and no
// field is chosen yet; the text stays as the choice's note. It reports
// whether it set one.
func (a *Assessment) migrateIntendedField(names FieldNames) bool {
	if a.Decisions.IntendedField != "" || len(names) == 0 {
		return false
	}
	text, _ := a.Value(IntendedFieldQuestion).String()
	id := names.Match(text)
	if id == "" {
		return false
	}
	a.Decisions.IntendedField = id
	return true
}

// The IDs under which merging names the decisions in its results and
// conflicts, where an answer has its question ID: the intended field, and
// DecisionSetAside followed by the field ID for a field set aside.
const (
	DecisionIntendedField = "decisions.intendedField"
	DecisionSetAside      = "decisions.setAside."
)

// mergeDecisions merges the decisions of a contribution (a report) into
// a, as answers merge: a decision a lacks is taken, one a holds alike
// changes nothing, one a holds differently is a conflict, taken only with
// preferNew. A field the contribution does not set aside says nothing
// about it.
func mergeDecisions(a *Assessment, in Contribution, preferNew bool, res *MergeResult) {
	if in.Decisions == nil {
		return
	}
	if id := in.Decisions.IntendedField; id != "" {
		mergeDecision(a, in, DecisionIntendedField, a.IntendedField(), id, preferNew, res)
	}
	for _, id := range slices.Sorted(maps.Keys(in.Decisions.SetAside)) {
		held, aside := a.SetAsideReason(id)
		if !aside {
			a.SetAside(id, in.Decisions.SetAside[id])
			res.Merged = append(res.Merged, Merged{DecisionSetAside + id, in.File, in.DecisionsSheet})
			continue
		}
		mergeDecision(a, in, DecisionSetAside+id, held, in.Decisions.SetAside[id], preferNew, res)
	}
}

// mergeDecision merges one decision held as held (the intended field, or a
// set-aside field's reason) and proposed as proposed.
func mergeDecision(a *Assessment, in Contribution, key, held, proposed string, preferNew bool, res *MergeResult) {
	switch {
	case held == proposed:
		res.Same++
	case key == DecisionIntendedField && held == "":
		a.SetIntendedField(proposed)
		res.Merged = append(res.Merged, Merged{key, in.File, in.DecisionsSheet})
	default:
		c := Conflict{QuestionID: key, File: in.File, Sheet: in.DecisionsSheet, Contributor: in.Contributor, Date: in.Date,
			Current:  Answer{Value: StringValue(held)},
			Proposed: Contributed{QuestionID: key, Sheet: in.DecisionsSheet, Value: StringValue(proposed)}}
		if preferNew {
			c.applyDecision(a)
		}
		res.Conflicts = append(res.Conflicts, c)
	}
}

// applyDecision takes a conflict's proposed decision into a; it reports
// whether the conflict is about a decision at all.
func (c *Conflict) applyDecision(a *Assessment) bool {
	proposed, _ := c.Proposed.Value.String()
	if c.QuestionID == DecisionIntendedField {
		a.SetIntendedField(proposed)
	} else if field, ok := strings.CutPrefix(c.QuestionID, DecisionSetAside); ok {
		a.SetAside(field, proposed)
	} else {
		return false
	}
	c.Applied = true
	return true
}
