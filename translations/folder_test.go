package translations

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"creativecity/assessment/testkit"
)

// TestAFolderFileTakesThePlaceOfTheBuiltInOne: a translator's changed
// copy of a built-in file is what the programs read while its folder is
// added, and the built-in text is back once it is removed.
func TestAFolderFileTakesThePlaceOfTheBuiltInOne(t *testing.T) {
	data, err := fs.ReadFile(Files(), "shared.vi.toml")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), `high = "cao"`, `high = "rất cao"`, 1)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "shared.vi.toml"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	before := Languages()
	remove, err := AddFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := New(VI).T("confidence.high"); got != "rất cao" {
		t.Errorf("with the folder: %q", got)
	}
	if got := New(VI).T("confidence.low"); got != "thấp" {
		t.Errorf("a message the file keeps: %q", got)
	}
	if !slices.Equal(Languages(), before) {
		t.Errorf("languages %v, were %v", Languages(), before)
	}
	remove()
	if got := New(VI).T("confidence.high"); got != "cao" {
		t.Errorf("after removing the folder: %q", got)
	}
}

// TestAFolderThatCannotBeReadAddsNothing: a folder with a broken file,
// without message files, or missing is refused with an error that names
// it, and no language of it is added.
func TestAFolderThatCannotBeReadAddsNothing(t *testing.T) {
	broken := t.TempDir()
	if err := testkit.Pseudo(Files(), "xx", string(EN), broken); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "desktop.xx.toml"), []byte("[gui\nbroken = "), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "notes.txt"), []byte("not a message file"), 0o644)
	for dir, want := range map[string]string{broken: "desktop.xx.toml", empty: "no message files",
		filepath.Join(empty, "missing"): "missing"} {
		remove, err := AddFolder(dir)
		if err == nil {
			remove()
			t.Errorf("%s: added", dir)
			continue
		}
		if !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %q", dir, err)
		}
	}
	if _, ok := ParseLang("xx"); ok || slices.Contains(Languages(), "xx") {
		t.Errorf("languages %v after a refused folder", Languages())
	}
}

// TestTheEnvironmentNamesTheFolder: AddFolderFrom adds the folder that
// CREATIVECITY_TRANSLATIONS names, and nothing when it names none.
func TestTheEnvironmentNamesTheFolder(t *testing.T) {
	dir := t.TempDir()
	if err := testkit.Pseudo(Files(), "xx", string(EN), dir); err != nil {
		t.Fatal(err)
	}
	remove, err := AddFolderFrom(func(string) string { return "" })
	if err != nil || slices.Contains(Languages(), "xx") {
		t.Fatalf("no folder named: %v, languages %v", err, Languages())
	}
	remove()
	remove, err = AddFolderFrom(func(name string) string {
		if name == "CREATIVECITY_TRANSLATIONS" {
			return dir
		}
		return ""
	})
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := ParseLang("xx"); !ok || New(l).Name() != "⟦Pseudo xx⟧" || !strings.Contains(Codes(), "xx") {
		t.Errorf("the folder's language: %v, codes %s", ok, Codes())
	}
	remove()
	if slices.Contains(Languages(), "xx") {
		t.Error("the language stayed after its folder was removed")
	}
}
