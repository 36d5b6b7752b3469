// Command creativecity-cli is the headless tool of the Creative City
// Self-Assessment, for scripts and batch work: it lists the questionnaire,
// validates and scores assessment files, exports reports, prepares and
// merges the departments' forms, compares cities and drafts the UNESCO
// application.
//
// Results go to stdout, errors to stderr. Exit status: 0 ok, 1 bad input,
// 2 usage.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
