package assessment

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/unicode/norm"
)

// Migration is one step from an older questionnaire version to the next:
// data kept beside the questionnaire (assets/migrations.toml).
type Migration struct {
	From    string            `toml:"from"`
	To      string            `toml:"to"`
	Removed []string          `toml:"removed"` // answers kept as unknown answers
	Renamed map[string]string `toml:"renamed"` // the answer moves to the new ID
	Levels  map[string][]int  `toml:"levels"`  // a rubric's old level i becomes Levels[i]
	// Changes is the message ID of what changed in this step, in words
	// (a new field, questions added, references recalibrated): the user
	// reads it when a file of the older version opens.
	Changes string `toml:"changes"`
}

// ParseMigrations reads the migration table and checks its steps.
func ParseMigrations(data []byte) ([]Migration, error) {
	var doc struct {
		Migrations []Migration `toml:"migrations"`
	}
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	for _, m := range doc.Migrations {
		if m.From == "" || m.To == "" || m.From == m.To {
			return nil, fmt.Errorf("migrations: a step from %q to %q", m.From, m.To)
		}
		for id, levels := range m.Levels {
			if len(levels) != RubricLevels || slices.ContainsFunc(levels, func(l int) bool { return l < 0 || l > MaxRubric }) {
				return nil, fmt.Errorf("migrations %s: levels of %s must be %d levels from 0 to %d", m.From, id, RubricLevels, MaxRubric)
			}
		}
	}
	return doc.Migrations, nil
}

// SetMigrations attaches the migration table after checking it against
// this questionnaire: the steps lead to this version without a loop, and
// the step into it renames and rescales questions it has (rubrics for a
// new scale) and removes only questions it no longer has.
func (qn *Questionnaire) SetMigrations(ms []Migration) error {
	qn.migrations = ms
	for _, m := range ms {
		if m.From == qn.Version {
			return fmt.Errorf("migrations: a step from %s, the current version", m.From)
		}
		if qn.migrationPath(m.From) == nil {
			return fmt.Errorf("migrations: the step from %s does not lead to %s", m.From, qn.Version)
		}
		if m.To != qn.Version {
			continue
		}
		for old, id := range m.Renamed {
			if _, ok := qn.Question(id); !ok {
				return fmt.Errorf("migrations %s: %s is renamed to %s, which is not a question", m.From, old, id)
			}
		}
		for id := range m.Levels {
			if q, ok := qn.Question(id); !ok || q.Type != Rubric {
				return fmt.Errorf("migrations %s: %s gets new levels but is not a rated question", m.From, id)
			}
		}
		for _, id := range m.Removed {
			if _, ok := qn.Question(id); ok {
				return fmt.Errorf("migrations %s: %s is removed but still a question", m.From, id)
			}
		}
	}
	return nil
}

// Migrate brings an assessment written for an older questionnaire version
// up to this one, step by step along the migration table: renamed answers
// move, rescaled rubric levels are mapped, removed questions' answers stay
// as unknown answers (shown, exported and written back, never dropped).
// It returns what changed, as warnings for the user (the versions and the
// notes of the steps, then how many answers moved, were rescaled or are
// kept, each only when there are some); none when the file is of this
// version. A version the table does not lead from (a newer one, or
// an unknown one) is left as it is, and Validate warns about it.
//
// Whatever the version, a file without decisions.intendedField whose
// profile names one field in its free-text intended field (in any
// language, see FieldNames.Match) gets that field as its intended field;
// the text stays in the profile as the choice's note.
func (qn *Questionnaire) Migrate(a *Assessment) []Problem {
	if text, _ := a.Value(IntendedFieldQuestion).String(); text != "" && qn.FieldNames != nil {
		a.migrateIntendedField(qn.FieldNames())
	}
	from := a.QuestionnaireVersion
	if from == "" || from == qn.Version {
		return nil
	}
	steps := qn.migrationPath(from)
	if steps == nil {
		return nil
	}
	var renamed, rescaled, removed int
	var changes []string
	for _, m := range steps {
		if m.Changes != "" {
			changes = append(changes, m.Changes)
		}
		for old, id := range m.Renamed {
			if ans, ok := a.Answers[old]; ok {
				if _, taken := a.Answers[id]; !taken {
					a.Answers[id] = ans
					delete(a.Answers, old)
					renamed++
				}
			}
		}
		for id := range m.Levels {
			if v, ok := m.level(id, a.Value(id)); ok {
				a.SetValue(id, v)
				rescaled++
			}
		}
		for _, id := range m.Removed {
			if _, ok := a.Answers[id]; ok {
				removed++
			}
		}
	}
	a.QuestionnaireVersion = qn.Version
	return migratedProblems(from, qn.Version, changes, renamed, rescaled, removed)
}

// level is the level a step maps an answer of question id to, when the
// step rescales that question and the answer is one of its old levels.
func (m Migration) level(id string, v Value) (Value, bool) {
	levels := m.Levels[id]
	if f, ok := v.Number(); ok && f == float64(int(f)) && f >= 0 && int(f) < len(levels) {
		return NumberValue(float64(levels[int(f)])), true
	}
	return v, false
}

// migratedProblems says what bringing answers from one version to
// another changed: the versions and the notes of the steps, then how many
// answers moved, were rescaled or are kept, each only when there are some.
func migratedProblems(from, to string, changes []string, renamed, rescaled, removed int) []Problem {
	ps := []Problem{{Severity: Warning, Code: CodeMigrated, Args: Args{"From": TextArg(from), "To": TextArg(to),
		"Changes": NotesArg(changes...)}}}
	for _, c := range []struct {
		code string
		n    int
	}{{CodeMigratedRenamed, renamed}, {CodeMigratedRescaled, rescaled}, {CodeMigratedRemoved, removed}} {
		if c.n > 0 {
			ps = append(ps, Problem{Severity: Warning, Code: c.code, Args: Args{"Count": CountArg(c.n)}})
		}
	}
	return ps
}

// migrationPath is the chain of steps from a version to this one, nil if
// there is none.
func (qn *Questionnaire) migrationPath(from string) []Migration {
	var path []Migration
	for version := from; version != qn.Version; {
		i := slices.IndexFunc(qn.migrations, func(m Migration) bool { return m.From == version })
		if i < 0 || len(path) >= len(qn.migrations) {
			return nil
		}
		path = append(path, qn.migrations[i])
		version = qn.migrations[i].To
	}
	return path
}

// Provinces maps province names before the merger of 2025 to today's.
type Provinces map[string]string

// ParseProvinces reads the province table (assets/provinces.toml).
func ParseProvinces(data []byte) (Provinces, error) {
	var doc struct {
		Provinces map[string]string `toml:"provinces"`
	}
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("provinces: %w", err)
	}
	p := Provinces{}
	for old, today := range doc.Provinces {
		p[foldName(old)] = today
	}
	return p, nil
}

// Today is the name of a province today: the merged province of a name
// from before 2025, or the name itself.
func (p Provinces) Today(name string) string {
	if today, ok := p[foldName(name)]; ok && p != nil {
		return today
	}
	return name
}

// unitWords are the words of the administrative unit that may stand
// before a province's or centrally governed city's name ("Tỉnh Quảng
// Ninh", "Thành phố Huế", "TP. Cần Thơ"), lower case.
var unitWords = []string{"tỉnh ", "thành phố ", "tp. ", "tp.", "tp "}

// PlaceName is the place written before the date of an administrative
// document (Decree 30/2020/NĐ-CP, Annex I): the province's or centrally
// governed city's name today, without the word of its unit ("Quảng
// Ninh", "Huế", "Cần Thơ"). A name given after a person keeps it: the
// province table gives today's name of "Hồ Chí Minh" as "Thành phố Hồ Chí
// Minh", as it is always written.
func (p Provinces) PlaceName(province string) string {
	name := strings.Join(strings.Fields(norm.NFC.String(province)), " ")
	lower := strings.ToLower(name)
	for _, w := range unitWords {
		if strings.HasPrefix(lower, w) && len(name) > len(w) {
			name = strings.TrimSpace(name[len(w):])
			break
		}
	}
	return p.Today(name)
}

// CheckVersion tells whether a file of questionnaire version v can be
// brought up to this one: v is this version or one the migration table
// leads from. Otherwise it returns CodeFormVersionNewer for a well-formed
// version after this one, CodeFormVersionUnknown for any other (an older
// version no step leads from, or one that is not "YEAR.NUMBER").
func (qn *Questionnaire) CheckVersion(v string) string {
	if v == qn.Version || qn.migrationPath(v) != nil {
		return ""
	}
	year, n, ok := parseVersion(v)
	curYear, curN, curOK := parseVersion(qn.Version)
	if ok && curOK && (year > curYear || (year == curYear && n > curN)) {
		return CodeFormVersionNewer
	}
	return CodeFormVersionUnknown
}

// parseVersion reads a questionnaire version "YEAR.NUMBER" (2027.1).
func parseVersion(v string) (year, n int, ok bool) {
	y, rest, found := strings.Cut(v, ".")
	digits := func(s string) bool {
		return s != "" && len(s) <= 4 && strings.Trim(s, "0123456789") == ""
	}
	if !found || len(y) != 4 || !digits(y) || !digits(rest) {
		return 0, 0, false
	}
	year, _ = strconv.Atoi(y)
	n, _ = strconv.Atoi(rest)
	return year, n, true
}

// CurrentID is the ID in this version of a question of version from:
// renamed along the migration table's steps, or id itself.
func (qn *Questionnaire) CurrentID(from, id string) string {
	for _, m := range qn.migrationPath(from) {
		if to, ok := m.Renamed[id]; ok {
			id = to
		}
	}
	return id
}

// MigrateContribution brings the answers of a contribution made for
// questionnaire version from (a form) up to this one as Migrate brings an
// assessment's: an answer of a renamed question moves to its new ID, a
// rescaled rubric's level is mapped. It returns what changed, as Migrate
// does; none when from is this version or no step leads from it.
func (qn *Questionnaire) MigrateContribution(c *Contribution, from string) []Problem {
	steps := qn.migrationPath(from)
	if from == qn.Version || steps == nil {
		return nil
	}
	var renamed, rescaled int
	var changes []string
	for _, m := range steps {
		if m.Changes != "" {
			changes = append(changes, m.Changes)
		}
		for i := range c.Answers {
			in := &c.Answers[i]
			if id, ok := m.Renamed[in.QuestionID]; ok {
				in.QuestionID = id
				renamed++
			}
			if v, ok := m.level(in.QuestionID, in.Value); ok {
				in.Value = v
				rescaled++
			}
		}
	}
	return migratedProblems(from, qn.Version, changes, renamed, rescaled, 0)
}
