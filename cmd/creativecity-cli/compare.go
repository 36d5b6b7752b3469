package main

import (
	"fmt"

	"creativecity/assessment/comparison"
)

// compare puts many cities' assessments side by side in one workbook.
func (c *cli) compare(o options, args []string) int {
	out, status := c.output("compare", o, args, -1, ".xlsx")
	if status != exitOK {
		return status
	}
	cmp := comparison.Load(c.qn, comparison.ExpandInputs(args))
	for _, s := range cmp.Skipped {
		c.problem(s.Problem)
	}
	for _, d := range cmp.Duplicates {
		c.problem(d.Problem())
	}
	for _, p := range cmp.Warnings {
		c.problem(p)
	}
	if err := comparison.WriteFile(out, c.qn, cmp, comparison.Options{Lang: c.loc.Lang(), AppVersion: Version}); err != nil {
		c.fileError(err, out)
		return exitInput
	}
	msg := c.loc.N("cli.compared", len(cmp.Cities), map[string]any{"File": out})
	if len(cmp.Duplicates) > 0 {
		msg += " " + c.loc.N("cli.notCompared", len(cmp.Duplicates), nil)
	}
	if len(cmp.Skipped) > 0 {
		msg += " " + c.loc.N("cli.skipped", len(cmp.Skipped), nil)
	}
	fmt.Fprintln(c.stdout, msg)
	if len(cmp.Cities) == 0 {
		return exitInput
	}
	return exitOK
}
