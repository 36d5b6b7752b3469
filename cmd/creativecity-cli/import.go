package main

import (
	"errors"
	"fmt"
	"strings"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/report"
)

// importReport reads the assessment back from an exported workbook and
// writes it as a .ccsa file, exactly as it was exported; a file it replaces
// is kept as .bak.
func (c *cli) importReport(o options, args []string) int {
	if o.into != "" || o.prefer != "" || o.cityMismatch != "" {
		return c.merge(o, args)
	}
	out, status := c.output("import", o, args, 1, assessment.Extension)
	if status != exitOK {
		return status
	}
	release, locked := c.lockForWriting(out)
	if !locked {
		return exitInput
	}
	defer release()
	a, warnings, err := report.ReadFile(args[0])
	if err != nil {
		c.fileError(err, args[0])
		return exitInput
	}
	for _, w := range warnings {
		c.problem(w)
	}
	// The file is written as exported (an older version stays so, and is
	// brought up to date when opened); what opening it will change is told.
	c.check(a.Clone(), args[0])
	if !o.force && c.replacesOtherCity(out, a.City) {
		return exitInput
	}
	data, err := assessment.Encode(a)
	if err == nil {
		err = files.CheckSize(out, data)
	}
	if err == nil {
		err = files.WriteWithBackup(out, data)
	}
	if err != nil {
		c.fileError(err, out)
		return exitInput
	}
	fmt.Fprintln(c.stdout, c.loc.T("cli.imported", map[string]any{"File": out}))
	return exitOK
}

// replacesOtherCity reports, and says, whether the file at out holds the
// assessment of another city than city (assessment.SameCity, after the
// province mapping; two cities without a name are the same): writing over
// it would replace that city's work, not merge into it. A file that is not
// an assessment this version reads is left to the write's own checks.
func (c *cli) replacesOtherCity(out string, city assessment.City) bool {
	old, err := files.Load(out)
	if err != nil {
		return false
	}
	provinces := c.qn.Provinces
	if assessment.SameCity(old.City, city, provinces) ||
		(assessment.CityKey(old.City, provinces) == "" && assessment.CityKey(city, provinces) == "") {
		return false
	}
	c.fail("cli.replacesOtherCity", map[string]any{"File": out, "Existing": cityLabel(old.City), "City": cityLabel(city)})
	return true
}

// cityLabel is a city's name with its province, as a message names it.
func cityLabel(city assessment.City) string {
	name, province := strings.TrimSpace(city.Name), strings.TrimSpace(city.Province)
	if province == "" || name == "" {
		return "“" + name + province + "”"
	}
	return "“" + name + " (" + province + ")”"
}

// fileError prints a file problem, translated when it is a FileError.
func (c *cli) fileError(err error, path string) {
	var fe *assessment.FileError
	if errors.As(err, &fe) {
		c.problem(fe.Problem)
		return
	}
	c.fail("cli.loadFailed", map[string]any{"File": path, "Detail": err.Error()})
}
