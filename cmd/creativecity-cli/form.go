package main

import (
	"fmt"
	"strings"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/forms"
	"creativecity/assessment/l10n"
)

// sectionIDs lists the questionnaire's section IDs, for the help of
// --sections (the questionnaire is data: the list follows it).
func sectionIDs() string {
	qn, err := assessment.Default()
	if err != nil {
		return ""
	}
	var ids []string
	for _, s := range qn.Sections {
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, ",")
}

// form writes a fill-in workbook for departments, prefilled from an
// assessment file when one is given.
func (c *cli) form(o options, args []string) int {
	if len(args) > 1 {
		c.fail("cli.useCommand", map[string]any{"Command": "form", "Synopsis": c.loc.T("cli.cmd.form.synopsis")})
		return exitUsage
	}
	out, status := c.output("form", o, args, len(args), ".xlsx")
	if status != exitOK {
		return status
	}
	var sections []string
	for _, id := range strings.Split(o.sections, ",") {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		if _, known := c.qn.Section(id); !known {
			c.fail("cli.unknownSection", map[string]any{"Section": id, "Sections": sectionIDs()})
			return exitUsage
		}
		sections = append(sections, id)
	}
	var base *assessment.Assessment
	if len(args) == 1 {
		var ok bool
		if base, ok = c.load(args[0]); !ok {
			return exitInput
		}
	}
	if err := forms.WriteFile(out, c.qn, base, forms.Options{Lang: c.loc.Lang(), Sections: sections, AppVersion: Version}); err != nil {
		c.fileError(err, out)
		return exitInput
	}
	fmt.Fprintln(c.stdout, c.loc.T("cli.formWritten", map[string]any{"File": out}))
	return exitOK
}

// merge merges filled-in forms (or reports) into an assessment: the
// answers they fill in are taken with their provenance; conflicts are
// listed and left as they were unless --prefer new. The result is written
// while conflicts remain (exit status 1), never when it would not validate
// or is larger than the loader reads.
func (c *cli) merge(o options, args []string) int {
	if o.cityMismatch != "" && (o.into == "" || (o.cityMismatch != cityMismatchRefuse && o.cityMismatch != cityMismatchAccept)) {
		c.fail("cli.badCityMismatch", map[string]any{"Value": o.cityMismatch})
		return exitUsage
	}
	if o.into == "" || (o.prefer != "" && o.prefer != "new") {
		c.fail("cli.badPrefer", nil)
		return exitUsage
	}
	out, status := c.output("import", o, args, -1, assessment.Extension)
	if status != exitOK {
		return status
	}
	release, locked := c.lockForWriting(out, o.into)
	if !locked {
		return exitInput
	}
	defer release()
	base, ok := c.load(o.into)
	if !ok {
		return exitInput
	}
	var inputs []assessment.Contribution
	for _, path := range args {
		in, problems, err := forms.ReadContribution(path, c.qn)
		if err != nil {
			c.fileError(err, path)
			return exitInput
		}
		for _, p := range problems {
			c.problem(p)
		}
		inputs = append(inputs, in)
	}
	if !c.checkCities(o, base.City, inputs) {
		return exitInput
	}
	res := assessment.Merge(c.qn, base, inputs, o.prefer == "new")
	for _, k := range res.Conflicts {
		c.problem(assessment.Problem{Severity: assessment.Warning, Path: k.File, QuestionID: k.QuestionID,
			Code: conflictCode(k), Args: assessment.Args{"Sheet": assessment.TextArg(k.Sheet),
				"Proposed": assessment.TextArg(c.answerText(k.Proposed.Value, k.Proposed.Evidence)),
				"Current":  assessment.TextArg(c.answerText(k.Current.Value, k.Current.Evidence))}})
	}
	if refused := assessment.CheckMerged(c.qn, base, out, files.MaxFileSize); len(refused) > 0 {
		c.refuseMerge(refused, o.into)
		return exitInput
	}
	if !o.force && !sameFile(out, o.into) && c.replacesOtherCity(out, base.City) {
		return exitInput
	}
	data, err := assessment.Encode(base)
	if err == nil {
		err = files.WriteWithBackup(out, data)
	}
	if err != nil {
		c.fileError(err, out)
		return exitInput
	}
	fmt.Fprintln(c.stdout, c.loc.N("cli.merged", len(res.Merged), map[string]any{"File": out, "Same": res.Same}))
	if n := res.Unresolved(); n > 0 {
		fmt.Fprintln(c.stderr, c.loc.N("cli.conflictsLeft", n, nil))
		return exitInput
	}
	return exitOK
}

// The values of --city-mismatch.
const (
	cityMismatchRefuse = "refuse"
	cityMismatchAccept = "accept"
)

// checkCities compares the city of every input with the base's
// (assessment.CheckCity) and says what differs. It reports whether the
// merge may go on: not when an input is of another city, unless
// --city-mismatch accept asks to merge it all the same.
func (c *cli) checkCities(o options, base assessment.City, inputs []assessment.Contribution) bool {
	mismatch := false
	for _, in := range inputs {
		if p := assessment.CheckCity(in, base, c.qn.Provinces); p != nil {
			mismatch = mismatch || p.Severity == assessment.Error
			if o.cityMismatch == cityMismatchAccept {
				p.Severity = assessment.Warning // merged, as asked
			}
			c.problem(*p)
		}
	}
	switch {
	case !mismatch:
		return true
	case o.cityMismatch == cityMismatchAccept:
		c.fail("cli.cityMismatchAccepted", nil)
		return true
	}
	c.fail("cli.cityMismatchRefused", nil)
	return false
}

// refuseMerge says why the result of a merge is not written: each
// problem, then that the assessment merged into is left as it was.
func (c *cli) refuseMerge(problems []assessment.Problem, into string) {
	for _, p := range problems {
		c.problem(p)
	}
	c.fail("cli.mergeRefused", map[string]any{"File": into})
}

func conflictCode(k assessment.Conflict) string {
	if k.Applied {
		return assessment.CodeMergeConflictTaken
	}
	return assessment.CodeMergeConflict
}

// answerText is an answer as a conflict shows it: the value, and the
// evidence when there is one.
func (c *cli) answerText(v assessment.Value, evidence string) string {
	text := l10n.Excerpt(l10n.Value(c.loc, v, "∅"), 80)
	if evidence = l10n.Excerpt(evidence, 80); evidence != "" {
		return c.loc.T("cli.answerWithEvidence", map[string]any{"Value": text, "Evidence": evidence})
	}
	return "“" + text + "”"
}
