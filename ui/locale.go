package ui

import "os"

// quietLocale gives the toolkit a well-formed locale when the system's is
// the POSIX "C" locale (or unset), which it cannot parse and reports as an
// error every time its language is set. The app detects its own language
// before this, from the real environment.
func quietLocale() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		switch v := os.Getenv(name); v {
		case "":
			continue
		case "C", "POSIX", "C.UTF-8", "C.utf8":
			os.Setenv(name, "en_US.UTF-8")
		default:
			return
		}
	}
	if os.Getenv("LANG") == "" && os.Getenv("LC_ALL") == "" {
		os.Setenv("LANG", "en_US.UTF-8")
	}
}
