package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment/testkit"
	"creativecity/assets"
	"creativecity/translations"
)

// copySources copies the module's sources (not its build output or Git
// folder) to a new folder.
func copySources(t *testing.T, root string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if rel == ".git" || rel == "bin" || rel == "dist" || strings.HasSuffix(rel, "testdata") {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestANewLanguageIsItsFilesAlone drops the files of a pseudo-language
// (testkit.Pseudo: English in ⟦ ⟧, 40% longer) into translations/ of
// a copy of the sources, rebuilds the command-line tool, and uses it: the
// questionnaire and the report come out in the new language, with no
// English left.
func TestANewLanguageIsItsFilesAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool from a copy of the sources")
	}
	src := copySources(t, testkit.Root(t))
	if err := testkit.Pseudo(translations.Files(), "xx", string(translations.EN), filepath.Join(src, "translations")); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "creativecity-cli")
	build := exec.Command("go", "build", "-o", bin, "./cmd/creativecity-cli")
	build.Dir = src
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	questions := run("--lang", "xx", "questions")
	if !strings.Contains(questions, "⟦") || strings.Contains(questions, "How far have the city's signature dishes") {
		t.Errorf("questions are not in the new language:\n%.500s", questions)
	}
	demo := filepath.Join(t.TempDir(), assets.DemoName)
	os.WriteFile(demo, assets.DemoCCSA, 0o644)
	out := filepath.Join(t.TempDir(), "report.xlsx")
	if msg := run("export", "--lang", "xx", "-o", out, demo); !strings.Contains(msg, "⟦") {
		t.Errorf("export said %q", msg)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	english := englishMessages()
	for _, sheet := range f.GetSheetList() {
		if !strings.Contains(sheet, "⟦") {
			t.Errorf("sheet name %q is not in the new language", sheet)
		}
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				if id, ok := english[v]; ok {
					t.Errorf("%s!%s: English %q (%s)", sheet, cellName(c+1, r+1), v, id)
				}
			}
		}
	}
}

// englishMessages maps the English messages (without data) and their IDs
// to their IDs.
func englishMessages() map[string]string {
	en := translations.New(translations.EN)
	ids, _ := translations.MessageIDs(translations.EN)
	out := map[string]string{}
	for _, id := range ids {
		if s := en.T(id); !strings.Contains(s, "<no value>") && len(s) > 3 && !strings.HasPrefix(id, "language.") {
			out[s] = id
		}
		out[id] = id
	}
	return out
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// runWithTranslations runs the tool in English with
// CREATIVECITY_TRANSLATIONS naming the folder dir.
func runWithTranslations(dir string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb, func(name string) string {
		switch name {
		case "CREATIVECITY_TRANSLATIONS":
			return dir
		case "LANG":
			return "en_GB.UTF-8"
		}
		return ""
	})
	return code, out.String(), errb.String()
}

// TestATranslatorsFolderNeedsNoRebuild: the files of a new language in the
// folder that CREATIVECITY_TRANSLATIONS names are a language of the tool
// as it is, for that run only; a folder that cannot be read is a usage
// error that names it, and the usage tells of the variable.
func TestATranslatorsFolderNeedsNoRebuild(t *testing.T) {
	dir := t.TempDir()
	if err := testkit.Pseudo(translations.Files(), "xx", string(translations.EN), dir); err != nil {
		t.Fatal(err)
	}
	code, questions, stderr := runWithTranslations(dir, "--lang", "xx", "questions")
	if code != 0 || !strings.Contains(questions, "⟦") || strings.Contains(questions, "How far have the city's signature dishes") {
		t.Errorf("exit %d, questions not in the folder's language: %s\n%.500s", code, stderr, questions)
	}
	if _, ok := translations.ParseLang("xx"); ok {
		t.Error("the folder's language outlived the run")
	}
	missing := filepath.Join(dir, "missing")
	code, _, stderr = runWithTranslations(missing, "questions")
	if code != 2 || !strings.Contains(stderr, "CREATIVECITY_TRANSLATIONS") || !strings.Contains(stderr, missing) {
		t.Errorf("a missing folder: exit %d, %q", code, stderr)
	}
	if _, usage, _ := runCLI(t, "--help"); !strings.Contains(usage, "CREATIVECITY_TRANSLATIONS=") {
		t.Errorf("the usage does not tell of the folder:\n%s", usage)
	}
}
