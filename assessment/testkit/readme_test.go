package testkit

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// makeRules reads make's database of the repository's Makefile (make -p,
// asked for a target that does not exist, so that nothing runs): for each
// target, its rule line's prerequisites, whether it has a recipe and
// whether it is phony.
type makeRule struct {
	prerequisites []string
	recipe, phony bool
}

func makeRules(t *testing.T, root string) map[string]makeRule {
	t.Helper()
	Need(t, "make")
	cmd := exec.Command("make", "-pn", "--no-print-directory", "__no_such_target__")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "MAKEFLAGS=", "MAKELEVEL=")
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Run() // exit status 2: no rule for the target asked, after the database
	rules := map[string]makeRule{}
	rule := regexp.MustCompile(`^([A-Za-z0-9_./-]+):([^=].*)?$`)
	var current string
	for _, line := range strings.Split(out.String(), "\n") {
		switch m := rule.FindStringSubmatch(line); {
		case line == "":
			current = ""
		case m != nil && !strings.HasPrefix(line, "#"):
			current = m[1]
			prereq := strings.Fields(strings.ReplaceAll(m[2], "|", " "))
			rules[current] = makeRule{prerequisites: prereq}
		case current != "":
			r := rules[current]
			r.recipe = r.recipe || strings.HasPrefix(line, "#  recipe to execute")
			r.phony = r.phony || strings.HasPrefix(line, "#  Phony target")
			rules[current] = r
		}
	}
	if len(rules) == 0 {
		t.Fatalf("make printed no rules:\n%s", out.String())
	}
	return rules
}

// documentedTargets are the targets README names as `make TARGET`.
func documentedTargets(t *testing.T, root string) []string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var targets []string
	for _, m := range regexp.MustCompile("(?m)(?:^|[` ])make ([a-z][a-z-]*)").FindAllStringSubmatch(string(readme), -1) {
		if !slices.Contains(targets, m[1]) {
			targets = append(targets, m[1])
		}
	}
	return targets
}

// missingRules lists the targets, among the ones given and the phony
// targets they depend on, that make would answer with "Nothing to be done":
// no recipe and no prerequisites.
func missingRules(rules map[string]makeRule, targets []string) []string {
	var missing []string
	seen := map[string]bool{}
	var check func(string)
	check = func(target string) {
		if seen[target] {
			return
		}
		seen[target] = true
		r, ok := rules[target]
		if !ok || (!r.recipe && len(r.prerequisites) == 0) {
			missing = append(missing, target)
			return
		}
		for _, p := range r.prerequisites {
			if pr, ok := rules[p]; ok && pr.phony {
				check(p)
			}
		}
	}
	for _, t := range targets {
		check(t)
	}
	return missing
}

// TestEveryMakeTargetInTheREADMEHasARule: a command that README documents
// cannot silently disappear from the Makefile (the release targets once
// did, leaving only their names under .PHONY).
func TestEveryMakeTargetInTheREADMEHasARule(t *testing.T) {
	root := Root(t)
	targets := documentedTargets(t, root)
	for _, want := range []string{"run", "test", "windows", "linux", "release"} {
		if !slices.Contains(targets, want) {
			t.Errorf("README does not document make %s", want)
		}
	}
	if missing := missingRules(makeRules(t, root), targets); len(missing) > 0 {
		t.Errorf("README documents make targets that have no rule: %v", missing)
	}
}

// TestATargetWithoutARuleIsFound runs the same check on a Makefile that
// lists a target under .PHONY without a rule, as the broken one did.
func TestATargetWithoutARuleIsFound(t *testing.T) {
	dir := t.TempDir()
	mk := ".PHONY: test windows release\ntest: unit\nunit:\n\techo unit\nrelease: windows\n\techo sums\n"
	if err := os.WriteFile(filepath.Join(dir, "Makefile"), []byte(mk), 0o644); err != nil {
		t.Fatal(err)
	}
	got := missingRules(makeRules(t, dir), []string{"test", "release"})
	if !slices.Equal(got, []string{"windows"}) {
		t.Errorf("missing rules %v, want [windows]", got)
	}
}

// TestTheTopLevelHoldsOnlyWhatTheProductCardLists: the repository's top
// level is the folders and files the product card names, nothing else
// (a built binary committed by mistake once sat there).
func TestTheTopLevelHoldsOnlyWhatTheProductCardLists(t *testing.T) {
	Need(t, "git")
	root := Root(t)
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a git checkout: the tracked files are unknown")
	}
	cmd := exec.Command("git", "ls-files")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	allowed := []string{"cmd", "ui", "assessment", "assets", "translations", "FyneApp.toml", "go.mod", "README.md",
		".ci", "go.sum", "Makefile", "LICENSE", ".gitignore"}
	for _, name := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		top, _, _ := strings.Cut(name, "/")
		if !slices.Contains(allowed, top) {
			t.Errorf("%s is tracked at the top level", name)
		}
	}
	for _, name := range []string{"cmd", "ui", "assessment", "assets", "translations", "FyneApp.toml", "go.mod", "README.md"} {
		if _, err := os.Stat(filepath.Join(root, name)); err != nil {
			t.Errorf("the required %s is missing", name)
		}
	}
}
