package testkit

import (
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Unikey is the script for sendinput.exe (testdata/sendinput.c) that types
// text the way Unikey and EVKey type Vietnamese with Telex on Windows:
// each key reaches the app as a key press, and each key that adds a mark
// is answered with a BackSpace and the composed letter as a Unicode event.
// "ệ" (Telex "eej") becomes: the key e; BackSpace, "ê"; BackSpace, "ệ".
// Other characters outside ASCII are sent as Unicode events.
func Unikey(text string) []string {
	var lines []string
	for _, r := range norm.NFC.String(text) {
		steps := telexSteps(r)
		if steps[0] >= 0x80 {
			lines = append(lines, fmt.Sprintf("unicode %04X", steps[0]))
			continue
		}
		lines = append(lines, fmt.Sprintf("type %04X", steps[0]))
		for _, s := range steps[1:] {
			lines = append(lines, "key 08", fmt.Sprintf("unicode %04X", s))
		}
	}
	return lines
}

// telexSteps are the letters shown one after the other while a letter is
// typed: the bare letter, then with its shape mark (â, ă, ê, ô, ơ, ư, đ),
// then with its tone mark.
func telexSteps(r rune) []rune {
	switch r {
	case 'đ':
		return []rune{'d', 'đ'}
	case 'Đ':
		return []rune{'D', 'Đ'}
	}
	d := []rune(norm.NFD.String(string(r)))
	if len(d) == 1 || d[0] >= 0x80 {
		return []rune{r}
	}
	var shape, tone []rune
	for _, m := range d[1:] {
		switch m {
		case 0x0302, 0x0306, 0x031B: // circumflex, breve, horn
			shape = append(shape, m)
		default: // grave, acute, tilde, hook above, dot below
			tone = append(tone, m)
		}
	}
	steps := []rune{d[0]}
	if len(shape) > 0 {
		steps = append(steps, composed(d[0], shape))
	}
	if len(tone) > 0 {
		steps = append(steps, composed(d[0], append(shape, tone...)))
	}
	return steps
}

func composed(base rune, marks []rune) rune {
	return []rune(norm.NFC.String(string(append([]rune{base}, marks...))))[0]
}

// Typed is what a text field shows after the script's key events: the
// inverse of Unikey, for checking a script.
func Typed(lines []string) string {
	var out []rune
	for _, l := range lines {
		var r rune
		switch {
		case l == "key 08":
			out = out[:len(out)-1]
		case strings.HasPrefix(l, "type "), strings.HasPrefix(l, "unicode "):
			fmt.Sscanf(l[strings.Index(l, " ")+1:], "%X", &r)
			out = append(out, r)
		}
	}
	return string(out)
}
