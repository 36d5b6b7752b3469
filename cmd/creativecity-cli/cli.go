package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"creativecity/assessment"
	"creativecity/assessment/comparison"
	"creativecity/assessment/files"
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
	// applicationLang is the language of the draft application (dossier
	// --lang): a language UNESCO accepts, English unless asked.
	applicationLang translations.Lang
}

// options are the flags of a command, bound to fields rather than read
// back by name.
type options struct {
	json     bool
	out      string
	sections string  // form: the sections asked, by ID
	into     string  // import: the assessment to merge into
	prefer   string  // import --into: "new" takes the workbooks' answers in a conflict
	force    bool    // import: replace an assessment of another city at -o
	rateUSD  float64 // dossier: VND for one US dollar
	rateEUR  float64 // dossier: VND for one euro
	// cityMismatch is what import --into does with a workbook of another
	// city: "" or "refuse" refuses the merge, "accept" merges it all the same.
	cityMismatch string
}

// The flags a command may declare.
const (
	flagJSON     = 1 << iota // --json: machine-readable output
	flagOut                  // -o FILE: the file to write
	flagSections             // --sections ID,ID: the sections of a form
	flagInto                 // --into BASE, --prefer new, --city-mismatch accept and --force: merge into an assessment, replace another city's
	flagRates                // --rate-usd and --rate-eur: exchange rates of the dossier's budget
)

// command is one sub-command. Its synopsis, summary and flag help are the
// messages cli.cmd.<name>.synopsis, cli.cmd.<name>.summary and
// cli.flag.<flag>.
type command struct {
	name  string
	flags int
	run   func(c *cli, o options, args []string) int
}

var commands = []command{
	{name: "questions", flags: flagJSON, run: (*cli).questions},
	{name: "validate", run: (*cli).validate},
	{name: "score", flags: flagJSON, run: (*cli).score},
	{name: "export", flags: flagOut, run: (*cli).export},
	{name: "form", flags: flagOut | flagSections, run: (*cli).form},
	{name: "import", flags: flagOut | flagInto, run: (*cli).importReport},
	{name: "compare", flags: flagOut, run: (*cli).compare},
	{name: "dossier", flags: flagOut | flagRates, run: (*cli).dossier},
}

// run executes the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	// The version needs no messages: it answers before they are read.
	if rest := withoutLang(args); len(rest) > 0 && (rest[0] == "version" || rest[0] == "--version") {
		fmt.Fprintln(stdout, Version)
		return exitOK
	}
	// A translator's folder of message files comes before any message.
	removeFolder, folderErr := translations.AddFolderFrom(getenv)
	defer removeFolder()
	// The messages are read once, in the language asked for or else the
	// system's.
	flags := readLangFlags(args)
	lang := translations.Detect(getenv)
	if flags.uiSet {
		lang = flags.ui
	}
	c := &cli{stdout: stdout, stderr: stderr, loc: translations.New(lang), applicationLang: translations.EN}
	if folderErr != nil {
		c.fail("usage.badTranslations", map[string]any{"Variable": translations.FolderVariable, "Detail": folderErr.Error()})
		return exitUsage
	}
	// A --lang anywhere applies to every message, the usage included.
	if !c.applyLang(flags) {
		return exitUsage
	}
	args = withoutLang(args)
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		c.usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "help" {
		if len(args) > 1 {
			if cmd, ok := findCommand(args[1]); ok {
				c.commandHelp(stdout, cmd)
				return exitOK
			}
		}
		c.usage(stdout)
		return exitOK
	}
	cmd, ok := findCommand(args[0])
	if !ok {
		c.fail("cli.unknownCommand", map[string]any{"Command": args[0]})
		c.usage(stderr)
		return exitUsage
	}
	return c.runCommand(cmd, args[1:])
}

func findCommand(name string) (command, bool) {
	for _, cmd := range commands {
		if cmd.name == name {
			return cmd, true
		}
	}
	return command{}, false
}

// flagSet declares a command's flags, with their help in the language.
func (c *cli) flagSet(cmd command, o *options, lang *string) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if cmd.name == "dossier" {
		fs.StringVar(lang, "lang", string(translations.EN), c.loc.T("cli.flag.dossierLang", map[string]any{"Languages": applicationCodes()}))
	} else {
		fs.StringVar(lang, "lang", string(c.loc.Lang()), c.loc.T("cli.flag.lang", map[string]any{"Languages": translations.Codes()}))
	}
	if cmd.flags&flagJSON != 0 {
		fs.BoolVar(&o.json, "json", false, c.loc.T("cli.flag.json"))
	}
	if cmd.flags&flagOut != 0 {
		fs.StringVar(&o.out, "o", "", c.loc.T("cli.flag.o"))
	}
	if cmd.flags&flagSections != 0 {
		fs.StringVar(&o.sections, "sections", "", c.loc.T("cli.flag.sections", map[string]any{"Sections": sectionIDs()}))
	}
	if cmd.flags&flagInto != 0 {
		fs.StringVar(&o.into, "into", "", c.loc.T("cli.flag.into"))
		fs.StringVar(&o.prefer, "prefer", "", c.loc.T("cli.flag.prefer"))
		fs.BoolVar(&o.force, "force", false, c.loc.T("cli.flag.force"))
		fs.StringVar(&o.cityMismatch, "city-mismatch", "", c.loc.T("cli.flag.city-mismatch"))
	}
	if cmd.flags&flagRates != 0 {
		fs.Float64Var(&o.rateUSD, "rate-usd", 0, c.loc.T("cli.flag.rate-usd"))
		fs.Float64Var(&o.rateEUR, "rate-eur", 0, c.loc.T("cli.flag.rate-eur"))
	}
	return fs
}

// runCommand parses a command's flags and runs it; --help prints its help.
func (c *cli) runCommand(cmd command, args []string) int {
	var o options
	var lang string
	fs := c.flagSet(cmd, &o, &lang)
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.commandHelp(c.stdout, cmd)
			return exitOK
		}
		c.fail("cli.badFlag", map[string]any{"Command": cmd.name, "Detail": err.Error()})
		return exitUsage
	}
	qn, err := assessment.Default()
	if err != nil {
		fmt.Fprintln(c.stderr, err)
		return exitInput
	}
	c.qn = qn
	return cmd.run(c, o, fs.Args())
}

// applyLang applies what the --lang flags ask beyond the messages' language
// (chosen in run): the draft application's language, or the usage error of
// a value that is no language.
func (c *cli) applyLang(f langFlags) bool {
	if f.appSet {
		c.applicationLang = f.app
	}
	if f.bad {
		c.fail("usage.badLang", map[string]any{"Lang": f.badValue, "Languages": translations.Codes()})
		return false
	}
	return true
}

// langFlags are the --lang values of a command line, read up to the first
// that is not usable.
type langFlags struct {
	ui       translations.Lang // the interface language the last usable value asks for
	uiSet    bool
	app      translations.Lang // the draft application's language (the dossier command)
	appSet   bool
	bad      bool   // a value is not usable (or --lang has none)
	badValue string // that value
}

// readLangFlags reads the --lang values of a command line, wherever they
// are, stopping at "--" and at the first value that is no language of the
// interface (nor, for the dossier command, of the application).
func readLangFlags(args []string) langFlags {
	var f langFlags
	dossier := isApplication(args)
	for i := 0; i < len(args); i++ {
		value := ""
		switch a := args[i]; {
		case a == "--":
			return f
		case a == "--lang" || a == "-lang":
			if i+1 >= len(args) {
				f.bad = true
				return f
			}
			value = args[i+1]
			i++
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			value = a[strings.IndexByte(a, '=')+1:]
		default:
			continue
		}
		// The draft application is written in a language UNESCO accepts,
		// which need not be one of the interface's (French).
		app, isApp := translations.ParseApplicationLang(value)
		if dossier {
			f.app, f.appSet = translations.Lang(value), true
			if isApp {
				f.app = app
			}
		}
		if l, ok := translations.ParseLang(value); ok {
			f.ui, f.uiSet = l, true
		} else if !(isApp && dossier) {
			f.bad, f.badValue = true, value
			return f
		}
	}
	return f
}

// isApplication reports whether the command line runs the dossier command.
func isApplication(args []string) bool {
	rest := withoutLang(args)
	return len(rest) > 0 && rest[0] == "dossier"
}

// withoutLang removes a leading --lang flag (applyLang applies it).
func withoutLang(args []string) []string {
	switch {
	case len(args) >= 2 && (args[0] == "--lang" || args[0] == "-lang"):
		return args[2:]
	case len(args) >= 1 && (strings.HasPrefix(args[0], "--lang=") || strings.HasPrefix(args[0], "-lang=")):
		return args[1:]
	}
	return args
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

// usage lists the commands, each with its synopsis and summary.
func (c *cli) usage(w io.Writer) {
	fmt.Fprintln(w, c.loc.T("cli.usage", map[string]any{"Languages": translations.Codes()}))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, cmd := range commands {
		fmt.Fprintf(tw, "  %s\t%s\n", c.loc.T("cli.cmd."+cmd.name+".synopsis"), c.loc.T("cli.cmd."+cmd.name+".summary"))
	}
	fmt.Fprintf(tw, "  version\t%s\n", c.loc.T("cli.versionSummary"))
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, c.loc.T("cli.usageFooter"))
	fmt.Fprintln(w, c.loc.T("usage.translationsFolder", map[string]any{"Variable": translations.FolderVariable}))
}

// commandHelp explains one command and its flags.
func (c *cli) commandHelp(w io.Writer, cmd command) {
	fmt.Fprintln(w, c.loc.T("cli.usageLine")+" creativecity-cli "+c.loc.T("cli.cmd."+cmd.name+".synopsis"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, c.loc.T("cli.cmd."+cmd.name+".summary"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, c.loc.T("cli.flagsTitle"))
	var o options
	var lang string
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	c.flagSet(cmd, &o, &lang).VisitAll(func(f *flag.Flag) {
		name := "-" + f.Name
		if len(f.Name) > 1 {
			name = "-" + name
		}
		if id := "cli.flagArg." + f.Name; c.loc.Has(id) {
			name += " " + c.loc.T(id)
		}
		usage := f.Usage
		if f.DefValue != "" && f.DefValue != "false" {
			usage += " " + c.loc.T("cli.flagDefault", map[string]any{"Value": f.DefValue})
		}
		fmt.Fprintf(tw, "  %s\t%s\n", name, usage)
	})
	tw.Flush()
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
	a, _, ok := c.loadMigrated(path)
	return a, ok
}

// loadMigrated is load that also returns what bringing a file of an older
// questionnaire version up to this one changed.
func (c *cli) loadMigrated(path string) (*assessment.Assessment, []assessment.Problem, bool) {
	a, err := files.Load(path)
	if err != nil {
		c.fileError(err, path)
		return nil, nil, false
	}
	migrated, ok := c.check(a, path)
	return a, migrated, ok
}

// check brings an assessment up to this questionnaire version, prints what
// that changed and every problem, and reports whether it is usable.
func (c *cli) check(a *assessment.Assessment, path string) (migrated []assessment.Problem, ok bool) {
	migrated = c.qn.Migrate(a)
	for i := range migrated {
		migrated[i].Path = path
	}
	ps := append(slices.Clone(migrated), assessment.Validate(c.qn, a, path)...)
	for _, p := range ps {
		c.problem(p)
	}
	return migrated, !assessment.HasErrors(ps)
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

// output checks the -o file of a command that takes want input arguments
// (at least one when want < 0) and writes a file with extension ext. It
// reports what is wrong itself and returns the exit status: a missing
// argument or another extension is a usage error; a name that Windows
// cannot use (files.CheckName) is refused as bad input, before any
// work, whatever the system, so that the file can be opened anywhere.
func (c *cli) output(cmd string, o options, args []string, want int, ext string) (string, int) {
	out := o.out
	if out == "" || (want >= 0 && len(args) != want) || (want < 0 && len(args) == 0) {
		c.fail("cli.useCommand", map[string]any{"Command": cmd, "Synopsis": c.loc.T("cli.cmd." + cmd + ".synopsis")})
		return "", exitUsage
	}
	if err := files.CheckName(out); err != nil {
		c.fileError(err, out)
		return "", exitInput
	}
	if !strings.EqualFold(filepath.Ext(out), ext) {
		c.fail("cli.outputExtension", map[string]any{"File": out, "Ext": ext})
		return "", exitUsage
	}
	if in, same := sameAsInput(out, args); same {
		c.fail("cli.outputIsInput", map[string]any{"File": out, "Input": in})
		return "", exitInput
	}
	return out, exitOK
}

// sameFile reports whether two paths name the same existing file.
func sameFile(x, y string) bool {
	a, errA := os.Stat(x)
	b, errB := os.Stat(y)
	return errA == nil && errB == nil && os.SameFile(a, b)
}

// sameAsInput reports the input, if any, that the output file is: the same
// file under the same name, another name or a link (os.SameFile). A folder
// given as input (compare) stands for the files it holds. An output that
// does not exist yet is none of the inputs.
func sameAsInput(out string, inputs []string) (string, bool) {
	for _, in := range comparison.ExpandInputs(inputs) {
		if sameFile(out, in) {
			return in, true
		}
	}
	return "", false
}
