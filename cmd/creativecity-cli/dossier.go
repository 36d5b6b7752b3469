package main

import (
	"fmt"
	"strings"

	"creativecity/assessment/application"
	"creativecity/translations"
)

// dossier writes the draft of the UNESCO application of one assessment,
// in a language UNESCO accepts.
func (c *cli) dossier(o options, args []string) int {
	out, status := c.output("dossier", o, args, 1, ".docx")
	if status != exitOK {
		return status
	}
	if _, ok := translations.ParseApplicationLang(string(c.applicationLang)); !ok {
		c.fail("cli.dossierLang", map[string]any{"Lang": string(c.applicationLang), "Languages": applicationCodes()})
		return exitUsage
	}
	for _, r := range []float64{o.rateUSD, o.rateEUR} {
		if !application.ValidRate(r) {
			c.fail("cli.badRate", map[string]any{"Rate": r})
			return exitUsage
		}
	}
	a, _, ok := c.loadMigrated(args[0])
	if !ok {
		return exitInput
	}
	form, err := application.DefaultForm(c.qn)
	if err != nil {
		fmt.Fprintln(c.stderr, err)
		return exitInput
	}
	err = application.WriteFile(out, c.qn, a, form, application.Options{Lang: c.applicationLang, RateUSD: o.rateUSD, RateEUR: o.rateEUR})
	if err != nil {
		c.fileError(err, out)
		return exitInput
	}
	fmt.Fprintln(c.stdout, c.loc.T("cli.dossierWritten", map[string]any{"File": out}))
	return exitOK
}

// applicationCodes lists the application's languages for a message, as "en|fr".
func applicationCodes() string {
	var codes []string
	for _, l := range translations.ApplicationLanguages() {
		codes = append(codes, string(l))
	}
	return strings.Join(codes, "|")
}
