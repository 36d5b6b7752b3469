package main

import (
	"fmt"

	"creativecity/assessment/report"
)

// export writes the Excel report of one assessment.
func (c *cli) export(o options, args []string) int {
	out, status := c.output("export", o, args, 1, ".xlsx")
	if status != exitOK {
		return status
	}
	a, migrated, ok := c.loadMigrated(args[0])
	if !ok {
		return exitInput
	}
	warnings, err := report.WriteFile(out, c.qn, a, nil, report.Options{Lang: c.loc.Lang(), AppVersion: Version, Migrated: migrated})
	if err != nil {
		c.fileError(err, out)
		return exitInput
	}
	for _, w := range warnings {
		c.problem(w)
	}
	fmt.Fprintln(c.stdout, c.loc.T("cli.exported", map[string]any{"File": out}))
	return exitOK
}
