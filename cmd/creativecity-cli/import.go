package main

import (
	"errors"
	"fmt"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/report"
)

// importReport reads the assessment back from an exported workbook and
// writes it as a .ccsa file, exactly as it was exported; a file it replaces
// is kept as .bak.
func (c *cli) importReport(o options, args []string) int {
	if o.into != "" || o.prefer != "" {
		return c.merge(o, args)
	}
	out, status := c.output("import", o, args, 1, assessment.Extension)
	if status != exitOK {
		return status
	}
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
	data, err := assessment.Encode(a)
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

// fileError prints a file problem, translated when it is a FileError.
func (c *cli) fileError(err error, path string) {
	var fe *assessment.FileError
	if errors.As(err, &fe) {
		c.problem(fe.Problem)
		return
	}
	c.fail("cli.loadFailed", map[string]any{"File": path, "Detail": err.Error()})
}
