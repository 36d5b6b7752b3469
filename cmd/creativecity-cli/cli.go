package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// Exit statuses (contract).
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

// cli carries what every command needs.
type cli struct {
	stdout, stderr io.Writer
	loc            *translations.Localizer
	qn             *assessment.Questionnaire
}

// command is one sub-command: its flags are parsed by run.
type command struct {
	name string
	run  func(c *cli, fs *flag.FlagSet, args []string) int
	// flags declares the command's own flags on fs.
	flags func(fs *flag.FlagSet)
}

var commands = []command{
	{name: "questions", run: (*cli).questions, flags: func(fs *flag.FlagSet) { fs.Bool("json", false, "") }},
	{name: "validate", run: (*cli).validate},
	{name: "score", run: (*cli).score, flags: func(fs *flag.FlagSet) { fs.Bool("json", false, "") }},
	{name: "export", run: (*cli).export, flags: func(fs *flag.FlagSet) { fs.String("o", "", "") }},
	{name: "import", run: (*cli).importReport, flags: func(fs *flag.FlagSet) { fs.String("o", "", "") }},
	{name: "compare", run: (*cli).compare, flags: func(fs *flag.FlagSet) { fs.String("o", "", "") }},
}

// run executes the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	c := &cli{stdout: stdout, stderr: stderr, loc: translations.New(translations.Detect(getenv))}
	// A --lang before the command applies too.
	args, ok := c.takeLang(args)
	if !ok {
		return exitUsage
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		c.usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(stdout, Version)
		return exitOK
	}
	for _, cmd := range commands {
		if cmd.name != args[0] {
			continue
		}
		fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		lang := fs.String("lang", string(c.loc.Lang()), "")
		if cmd.flags != nil {
			cmd.flags(fs)
		}
		if err := fs.Parse(interleave(fs, args[1:])); err != nil {
			c.fail("cli.badFlag", map[string]any{"Command": cmd.name, "Detail": err.Error()})
			return exitUsage
		}
		l, ok := translations.ParseLang(*lang)
		if !ok {
			c.fail("cli.badLang", map[string]any{"Lang": *lang})
			return exitUsage
		}
		c.loc = translations.New(l)
		qn, err := assessment.Default()
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitInput
		}
		c.qn = qn
		return cmd.run(c, fs, fs.Args())
	}
	c.fail("cli.unknownCommand", map[string]any{"Command": args[0]})
	c.usage(stderr)
	return exitUsage
}

// takeLang removes a leading --lang flag.
func (c *cli) takeLang(args []string) ([]string, bool) {
	if len(args) == 0 {
		return args, true
	}
	var value string
	switch {
	case args[0] == "--lang" || args[0] == "-lang":
		if len(args) < 2 {
			c.fail("cli.badLang", map[string]any{"Lang": ""})
			return nil, false
		}
		value, args = args[1], args[2:]
	case strings.HasPrefix(args[0], "--lang=") || strings.HasPrefix(args[0], "-lang="):
		value, args = args[0][strings.IndexByte(args[0], '=')+1:], args[1:]
	default:
		return args, true
	}
	l, ok := translations.ParseLang(value)
	if !ok {
		c.fail("cli.badLang", map[string]any{"Lang": value})
		return nil, false
	}
	c.loc = translations.New(l)
	return args, true
}

// interleave moves flags that follow positional arguments to the front,
// so that "score FILE --json" works like "score --json FILE".
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") {
				if f := fs.Lookup(name); f != nil {
					if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool && i+1 < len(args) {
						i++
						flags = append(flags, args[i])
					}
				}
			}
			continue
		}
		positional = append(positional, a)
	}
	return append(flags, append([]string{"--"}, positional...)...)
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprintln(w, c.loc.T("cli.usage"))
}

// fail prints a translated message to stderr.
func (c *cli) fail(id string, data map[string]any) {
	fmt.Fprintln(c.stderr, c.loc.T(id, data))
}

// problem prints a domain problem to stderr.
func (c *cli) problem(p assessment.Problem) {
	fmt.Fprintln(c.stderr, l10n.Problem(c.loc, p))
}

// load reads and validates a file; it prints every problem and reports
// whether the file is usable (no load error, no invalid value).
func (c *cli) load(path string) (*assessment.Assessment, bool) {
	a, err := assessment.Load(path)
	if err != nil {
		c.fileError(err, path)
		return nil, false
	}
	ps := assessment.Validate(c.qn, a, path)
	for _, p := range ps {
		c.problem(p)
	}
	return a, !assessment.HasErrors(ps)
}

func (c *cli) writeJSON(v any) int {
	enc := json.NewEncoder(c.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		c.fail("cli.outputFailed", map[string]any{"Detail": err.Error()})
		return exitInput
	}
	return exitOK
}

func boolFlag(fs *flag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	return f != nil && f.Value.String() == "true"
}

// output reads the -o flag of a command that takes want input arguments
// (at least one when want < 0) and writes a file with extension ext; it
// reports usage errors itself.
func (c *cli) output(fs *flag.FlagSet, args []string, want int, ext, usageID string) (string, bool) {
	out := fs.Lookup("o").Value.String()
	if out == "" || (want >= 0 && len(args) != want) || (want < 0 && len(args) == 0) {
		c.fail(usageID, nil)
		return "", false
	}
	if !strings.EqualFold(filepath.Ext(out), ext) {
		c.fail("cli.outputExtension", map[string]any{"File": out, "Ext": ext})
		return "", false
	}
	return out, true
}
