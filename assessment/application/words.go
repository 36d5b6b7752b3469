package application

import (
	"strings"
	"unicode"
)

// Words counts the words of a text as the form's word limits count them:
// runs of characters between spaces and line breaks, a lone punctuation
// mark (a dash between spaces) not counted.
func Words(text string) int {
	n := 0
	for _, w := range strings.Fields(text) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0 {
			n++
		}
	}
	return n
}

// Over tells whether a text is longer than the section's word limit (a
// section without a limit never is).
func (s *Section) Over(text string) bool { return s.WordLimit > 0 && Words(text) > s.WordLimit }
