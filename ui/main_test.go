package ui

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	// Under LANG=C the toolkit logs a locale error each time its language
	// is set; the tests pick their language themselves.
	quietLocale()
	os.Exit(m.Run())
}
