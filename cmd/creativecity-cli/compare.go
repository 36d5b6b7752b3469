package main

import (
	"fmt"

	"creativecity/assessment/report"
)

// compare puts many cities' assessments side by side in one workbook.
func (c *cli) compare(o options, args []string) int {
	out, ok := c.output("compare", o, args, -1, ".xlsx")
	if !ok {
		return exitUsage
	}
	cmp := report.Load(c.qn, report.ExpandInputs(args))
	for _, s := range cmp.Skipped {
		c.problem(s.Problem)
	}
	if err := report.WriteComparisonFile(out, c.qn, cmp, report.CompareOptions{Lang: c.loc.Lang(), AppVersion: Version}); err != nil {
		c.fileError(err, out)
		return exitInput
	}
	fmt.Fprintln(c.stdout, c.loc.T("cli.compared", map[string]any{"Count": len(cmp.Cities), "Skipped": len(cmp.Skipped), "File": out}))
	if len(cmp.Cities) == 0 {
		return exitInput
	}
	return exitOK
}
