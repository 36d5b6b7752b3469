package files

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"creativecity/assessment"
)

// Names are checked against Windows' rules on every system, whenever the
// user chooses a file to write (the command-line tool's -o, Save As,
// Export, forms and comparisons), so that a file written on Linux can be
// copied to a Windows computer and opened there. A file that already has
// its name, saved again, keeps it.

// maxNameUnits is the longest name CheckName accepts, in UTF-16 code units
// (Windows) and in UTF-8 bytes (Linux): both systems allow 255 for one
// name, and a save writes beside the file a temporary file named
// "." + name + ".<number>.tmp", 16 more at most.
const maxNameUnits = 255 - 16

// invalidNameChars are the characters Windows allows in no file name.
const invalidNameChars = `<>:"/\|?*`

// CheckName explains what is wrong with the name of the file at path on
// Windows, or returns nil: a device name (CON, PRN, AUX, NUL, COM0–COM9,
// LPT0–LPT9, in any case and with any extension: "con.ccsa", "PRN.xlsx"),
// a dot or a space at the end (Windows drops them, so that the file gets
// another name or cannot be opened again), a character Windows refuses
// (< > : " / \ | ? * or a control character), or a name too long. Only
// the last element of path is checked: its folder exists already. The
// error is a *assessment.FileError naming the file.
func CheckName(path string) error {
	name := filepath.Base(path)
	if name == "" || name == "." || name == string(filepath.Separator) {
		return nil
	}
	if device := ReservedName(name); device != "" {
		return assessment.NewFileError(path, assessment.CodeNameReserved, assessment.Args{"Name": assessment.TextArg(device)}, nil)
	}
	switch name[len(name)-1] {
	case '.':
		return assessment.NewFileError(path, assessment.CodeNameTrailing, assessment.Args{"End": assessment.NotesArg("problem.nameEnd.dot")}, nil)
	case ' ':
		return assessment.NewFileError(path, assessment.CodeNameTrailing, assessment.Args{"End": assessment.NotesArg("problem.nameEnd.space")}, nil)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(invalidNameChars, r) {
			shown := string(r)
			if r < 0x20 || r == 0x7f {
				shown = fmt.Sprintf("U+%04X", r) // a control character, invisible
			}
			return assessment.NewFileError(path, assessment.CodeNameCharacter, assessment.Args{"Char": assessment.TextArg(shown)}, nil)
		}
	}
	if len(name) > maxNameUnits || len(utf16.Encode([]rune(name))) > maxNameUnits {
		return assessment.NewFileError(path, assessment.CodeNameTooLong, assessment.Args{"Length": assessment.CountArg(utf8.RuneCountInString(name))}, nil)
	}
	return nil
}

// ReservedName returns the Windows device name that a file name stands
// for ("CON" for "con.ccsa"), or "" when it names no device. Windows
// ignores everything from the first dot and the spaces before it.
func ReservedName(name string) string {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.TrimRight(stem, " ")
	upper := strings.ToUpper(stem)
	switch upper {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return upper
	}
	if len(upper) >= 4 && (upper[:3] == "COM" || upper[:3] == "LPT") {
		switch rest := upper[3:]; {
		case len(rest) == 1 && rest[0] >= '0' && rest[0] <= '9', rest == "¹", rest == "²", rest == "³":
			return upper
		}
	}
	return ""
}
