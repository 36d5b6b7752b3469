package assessment

import "slices"

// Contribution is what one workbook gives: a form a department filled in,
// or a report, as the report package reads it.
type Contribution struct {
	File        string // the workbook's file name
	Contributor string // who filled it in, as its first sheet names them
	Date        string // when (ISO), as its first sheet gives it
	Answers     []Contributed
	// Decisions are the city's decisions a report holds (nil: none, as
	// in a form), and DecisionsSheet the sheet that shows them.
	Decisions      *Decisions
	DecisionsSheet string
	// City is the city the workbook belongs to, and CityOrigin where
	// that comes from (see CheckCity).
	City       City
	CityOrigin CityOrigin
}

// Contributed is one answer of a contribution. A value that is not given
// (none) or an empty evidence leaves that part of the answer to others.
type Contributed struct {
	QuestionID string
	Sheet      string // where in the workbook
	Value      Value
	Evidence   string
	Source     string
}

// given reports whether the contributed answer says anything.
func (c Contributed) given() bool { return !c.Value.IsNone() || c.Evidence != "" || c.Source != "" }

// Conflict is an answer that a contribution gives differently from what
// the assessment already holds (from its file or an earlier contribution):
// a different value, or a different evidence, both given. Sources are the
// contributors' own and never conflict.
type Conflict struct {
	QuestionID  string
	File        string
	Sheet       string
	Contributor string
	Date        string
	Current     Answer // what the assessment holds
	Proposed    Contributed
	Applied     bool // taken all the same (prefer new, or chosen)
}

// Apply takes the proposed answer into a, as preferring new would have.
func (c *Conflict) Apply(qn *Questionnaire, a *Assessment) {
	if c.applyDecision(a) {
		return
	}
	c.Applied = true
	in := Contribution{File: c.File, Contributor: c.Contributor, Date: c.Date}
	if q, ok := qn.Question(c.QuestionID); ok && q.CityField != "" {
		attr, _ := LookupCityAttribute(q.CityField)
		attr.Set(&a.City, c.Proposed.Value)
		return
	}
	take(a, in, c.Proposed)
}

// take puts a contributed answer into a over what it holds.
func take(a *Assessment, in Contribution, c Contributed) {
	a.edit(c.QuestionID, func(ans *Answer) {
		if !c.Value.IsNone() {
			ans.Value = c.Value
		}
		if c.Evidence != "" {
			ans.Evidence = c.Evidence
		}
		if c.Source != "" {
			ans.Source = c.Source
		}
		ans.Provenance = withRecord(ans.Provenance, in, c.Sheet)
	})
}

// Merged is an answer a contribution filled in.
type Merged struct {
	QuestionID, File, Sheet string
}

// MergeResult is what merging contributions did.
type MergeResult struct {
	Merged    []Merged   // answers filled in (a value, an evidence or a source that was missing)
	Same      int        // answers given as the assessment already holds them
	Conflicts []Conflict // answers given differently
}

// Unresolved counts the conflicts left as they were.
func (r MergeResult) Unresolved() int {
	n := 0
	for _, c := range r.Conflicts {
		if !c.Applied {
			n++
		}
	}
	return n
}

// Merge merges contributions into a, in order. An answer a contribution
// gives is filled into a where a has nothing, recorded in the answer's
// provenance (file, sheet, contributor, date; the contributor's own source
// kept as written), and left alone where a already holds the same value and
// evidence (merging the same form twice, or a form prefilled from a and
// returned unchanged, changes nothing). An answer given
// differently is a conflict: listed, and taken only with preferNew.
// Profile questions that hold a city attribute merge into the city. The
// decisions of a report merge alike (see mergeDecisions), named by the
// IDs DecisionIntendedField and DecisionSetAside+field.
func Merge(qn *Questionnaire, a *Assessment, inputs []Contribution, preferNew bool) MergeResult {
	var res MergeResult
	for _, in := range inputs {
		for _, c := range in.Answers {
			if !c.given() {
				continue
			}
			if q, ok := qn.Question(c.QuestionID); ok && q.CityField != "" {
				mergeCity(a, q, in, c, preferNew, &res)
				continue
			}
			mergeAnswer(a, in, c, preferNew, &res)
		}
		mergeDecisions(a, in, preferNew, &res)
	}
	return res
}

func mergeAnswer(a *Assessment, in Contribution, c Contributed, preferNew bool, res *MergeResult) {
	cur := a.Answers[c.QuestionID]
	var held Answer
	if cur != nil && !cur.Malformed() {
		held = *cur
	}
	valueDiffers := !c.Value.IsNone() && !held.Value.IsNone() && !sameValue(c.Value, held.Value)
	evidenceDiffers := c.Evidence != "" && held.Evidence != "" && c.Evidence != held.Evidence
	if valueDiffers || evidenceDiffers || (cur != nil && cur.Malformed()) {
		conflict := Conflict{QuestionID: c.QuestionID, File: in.File, Sheet: c.Sheet, Contributor: in.Contributor, Date: in.Date,
			Current: held, Proposed: c}
		if preferNew {
			conflict.Applied = true
			take(a, in, c)
		}
		res.Conflicts = append(res.Conflicts, conflict)
		return
	}
	filled := false
	a.edit(c.QuestionID, func(ans *Answer) {
		if ans.Value.IsNone() && !c.Value.IsNone() {
			ans.Value, filled = c.Value, true
		}
		if ans.Evidence == "" && c.Evidence != "" {
			ans.Evidence, filled = c.Evidence, true
		}
		if ans.Source == "" && c.Source != "" {
			ans.Source, filled = c.Source, true
		}
		if filled {
			ans.Provenance = withRecord(ans.Provenance, in, c.Sheet)
		}
	})
	if filled {
		res.Merged = append(res.Merged, Merged{c.QuestionID, in.File, c.Sheet})
	} else {
		res.Same++
	}
}

func mergeCity(a *Assessment, q *Question, in Contribution, c Contributed, preferNew bool, res *MergeResult) {
	attr, _ := LookupCityAttribute(q.CityField)
	held := attr.Value(&a.City)
	switch {
	case c.Value.IsNone() || sameValue(held, c.Value):
		res.Same++
	case held.IsNone():
		attr.Set(&a.City, c.Value)
		res.Merged = append(res.Merged, Merged{c.QuestionID, in.File, c.Sheet})
	default:
		conflict := Conflict{QuestionID: c.QuestionID, File: in.File, Sheet: c.Sheet, Contributor: in.Contributor, Date: in.Date,
			Current: Answer{Value: held}, Proposed: c, Applied: preferNew}
		if preferNew {
			attr.Set(&a.City, c.Value)
		}
		res.Conflicts = append(res.Conflicts, conflict)
	}
}

// withRecord adds a contribution's record to a provenance list, once.
func withRecord(list []Provenance, in Contribution, sheet string) []Provenance {
	p := Provenance{File: in.File, Sheet: sheet, Contributor: in.Contributor, Date: in.Date}
	if slices.Contains(list, p) {
		return list
	}
	return append(slices.Clone(list), p)
}

// sameValue reports whether two values are the same answer.
func sameValue(x, y Value) bool { return x.Kind() == y.Kind() && x.Raw() == y.Raw() }

// CheckMerged is what stops the result of a merge from being written or
// taken: the errors validation finds in it (what validate refuses, and
// so import too), and its size when encoded over limit (the largest file
// the loader reads). None: the result may be written.
func CheckMerged(qn *Questionnaire, a *Assessment, path string, limit int) []Problem {
	var errs []Problem
	for _, p := range Validate(qn, a, path) {
		if p.Severity == Error {
			errs = append(errs, p)
		}
	}
	data, err := Encode(a)
	if err != nil {
		return append(errs, Problem{Severity: Error, Path: path, Code: CodeWriteFailed, Args: Args{"Detail": TextArg(err.Error())}})
	}
	if len(data) > limit {
		errs = append(errs, Problem{Severity: Error, Path: path, Code: CodeTooLarge,
			Args: Args{"Size": CountArg(len(data)), "Limit": CountArg(limit)}})
	}
	return errs
}
