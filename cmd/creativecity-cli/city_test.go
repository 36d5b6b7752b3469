package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creativecity/assessment/files"
	"creativecity/assessment/testkit/fixture"
)

// hueFile writes the demonstration assessment as Huế's (its name and
// province changed, without its answer of gastronomy.culinary_training)
// and returns its path.
func hueFile(t *testing.T, dir, province string) string {
	t.Helper()
	hue, err := files.Load(demoPath(t))
	if err != nil {
		t.Fatal(err)
	}
	hue.City.Name, hue.City.Province = "Huế", province
	delete(hue.Answers, "gastronomy.culinary_training")
	path := filepath.Join(dir, "hue.ccsa")
	if err := files.Save(path, hue); err != nil {
		t.Fatal(err)
	}
	return path
}

// refusedUnchanged runs a merge into base that must be refused as of
// another city: exit 1, both cities named, base not written nor backed up.
func refusedUnchanged(t *testing.T, base string, args ...string) {
	t.Helper()
	before, _ := os.ReadFile(base)
	code, stdout, errs := runCLI(t, append([]string{"--lang", "en", "import", "--into", base, "-o", base}, args...)...)
	if code != 1 || !strings.Contains(errs, "Hạ Long") || !strings.Contains(errs, "Huế") || !strings.Contains(errs, "nothing was written") {
		t.Errorf("%v: exit %d\n%s\n%s", args, code, stdout, errs)
	}
	if after, _ := os.ReadFile(base); !bytes.Equal(before, after) {
		t.Errorf("%v: the base was written", args)
	}
	if _, err := os.Stat(base + ".bak"); err == nil {
		t.Errorf("%v: a backup was made", args)
	}
}

// TestAWorkbookOfAnotherCityIsNotMerged: a form of Hạ Long, a form of Hạ
// Long with its profile (even with --prefer new) and a whole report of Hạ
// Long are refused by Huế's assessment, naming both cities, nothing
// written; --city-mismatch accept merges them all the same; any other
// value of it is a usage error.
func TestAWorkbookOfAnotherCityIsNotMerged(t *testing.T) {
	dir := t.TempDir()
	halong := demoPath(t)
	hue := hueFile(t, dir, "Huế")
	formA, profile, report := filepath.Join(dir, "formA.xlsx"), filepath.Join(dir, "profile.xlsx"), filepath.Join(dir, "halong.xlsx")
	for _, args := range [][]string{{"form", "--sections", "gastronomy", "-o", formA, halong},
		{"form", "--sections", "profile,gastronomy", "-o", profile, halong}, {"export", "-o", report, halong}} {
		if code, _, errs := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	refusedUnchanged(t, hue, formA)
	refusedUnchanged(t, hue, "--prefer", "new", profile)
	refusedUnchanged(t, hue, report)
	for _, args := range [][]string{{"import", "--into", hue, "--city-mismatch", "maybe", "-o", hue, formA},
		{"import", "--city-mismatch", "accept", "-o", hue, report}} {
		if code, _, errs := runCLI(t, args...); code != 2 || !strings.Contains(errs, "--city-mismatch") {
			t.Errorf("%v: exit %d\n%s", args, code, errs)
		}
	}
	code, stdout, errs := runCLI(t, "--lang", "en", "import", "--into", hue, "--city-mismatch", "accept", "-o", hue, formA)
	if code != 0 || !strings.Contains(stdout, "1 answer filled in") || !strings.Contains(errs, "Hạ Long") {
		t.Fatalf("accept: exit %d\n%s\n%s", code, stdout, errs)
	}
	merged, err := files.Load(hue)
	if err != nil || merged.City.Name != "Huế" || merged.Answer("gastronomy.culinary_training") == nil {
		t.Errorf("accept did not merge: %v", err)
	}
}

// TestAFormOfTheSameCityOrABlankFormMerges: a form of Huế (province
// written today's way) merges into an assessment that names the province
// as before 2025, and a blank form merges into any city, without a word
// about the city.
func TestAFormOfTheSameCityOrABlankFormMerges(t *testing.T) {
	dir := t.TempDir()
	hue := hueFile(t, dir, "Thừa Thiên Huế")
	today := hueFile(t, t.TempDir(), "Huế")
	formHue, blank := filepath.Join(dir, "hue.xlsx"), filepath.Join(dir, "blank.xlsx")
	for _, args := range [][]string{{"form", "--sections", "gastronomy", "-o", formHue, today},
		{"form", "--sections", "gastronomy", "-o", blank}} {
		if code, _, errs := runCLI(t, args...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	for _, form := range []string{formHue, blank} {
		code, stdout, errs := runCLI(t, "--lang", "en", "import", "--into", hue, "-o", hue, form)
		if code != 0 || strings.Contains(errs, "city") {
			t.Errorf("%s: exit %d\n%s\n%s", form, code, stdout, errs)
		}
	}
	if a, err := files.Load(hue); err != nil || a.City.Name != "Huế" || a.City.Province != "Thừa Thiên Huế" {
		t.Errorf("the city changed: %v", err)
	}
}

// TestAnOlderFormIsMatchedByName: a form that names its city without the
// province, as forms were written before, merges into the city of that
// name with a warning saying so, and is refused by another city.
func TestAnOlderFormIsMatchedByName(t *testing.T) {
	dir := t.TempDir()
	halong := demoPath(t)
	form := filepath.Join(dir, "old.xlsx")
	if code, _, errs := runCLI(t, "form", "--sections", "gastronomy", "-o", form, halong); code != 0 {
		t.Fatal(errs)
	}
	fixture.DropFormProvince(t, form)
	code, stdout, errs := runCLI(t, "--lang", "en", "import", "--into", halong, "-o", halong, form)
	if code != 0 || !strings.Contains(errs, "warning") || !strings.Contains(errs, "by the name only") {
		t.Errorf("same name: exit %d\n%s\n%s", code, stdout, errs)
	}
	refusedUnchanged(t, hueFile(t, dir, "Huế"), form)
}
