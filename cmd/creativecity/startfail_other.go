//go:build !windows

package main

import (
	"fmt"
	"os"
)

// cliName is the command-line tool's file name.
const cliName = "creativecity-cli"

// showStartFailure prints the message to standard error.
func showStartFailure(title, msg string) {
	fmt.Fprintf(os.Stderr, "%s\n%s\n", title, msg)
}
