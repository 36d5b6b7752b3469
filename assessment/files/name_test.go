package files

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"creativecity/assessment"
	"creativecity/assessment/testkit/fixture"
)

// TestCheckNameAppliesWindowsRules: device names with any extension and in
// any case, a dot or a space at the end, characters Windows refuses and
// names too long are refused, each with its reason; ordinary names,
// Vietnamese ones included, and names that only start like a device pass.
func TestCheckNameAppliesWindowsRules(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, code string
		arg        string // the value of the reason's argument, if any
	}{
		{"CON.ccsa", assessment.CodeNameReserved, "CON"},
		{"con.ccsa", assessment.CodeNameReserved, "CON"},
		{"PRN.xlsx", assessment.CodeNameReserved, "PRN"},
		{"Nul.xlsx", assessment.CodeNameReserved, "NUL"},
		{"aux", assessment.CodeNameReserved, "AUX"},
		{"AUX.tar.gz", assessment.CodeNameReserved, "AUX"},
		{"CON .ccsa", assessment.CodeNameReserved, "CON"},
		{"COM1.xlsx", assessment.CodeNameReserved, "COM1"},
		{"com9.ccsa", assessment.CodeNameReserved, "COM9"},
		{"COM0.ccsa", assessment.CodeNameReserved, "COM0"},
		{"LPT1.ccsa", assessment.CodeNameReserved, "LPT1"},
		{"lpt9.XLSX", assessment.CodeNameReserved, "LPT9"},
		{"COM¹.xlsx", assessment.CodeNameReserved, "COM¹"},
		{"conout$.ccsa", assessment.CodeNameReserved, "CONOUT$"},
		{"báo cáo.xlsx.", assessment.CodeNameTrailing, "problem.nameEnd.dot"},
		{"báo cáo.xlsx ", assessment.CodeNameTrailing, "problem.nameEnd.space"},
		{"Hạ Long..", assessment.CodeNameTrailing, "problem.nameEnd.dot"},
		{"Hạ Long: 2026.ccsa", assessment.CodeNameCharacter, ":"},
		{"báo cáo?.xlsx", assessment.CodeNameCharacter, "?"},
		{`a"b".ccsa`, assessment.CodeNameCharacter, `"`},
		{"a|b.ccsa", assessment.CodeNameCharacter, "|"},
		{"a*.ccsa", assessment.CodeNameCharacter, "*"},
		{"a<b>.ccsa", assessment.CodeNameCharacter, "<"},
		{"tab\there.ccsa", assessment.CodeNameCharacter, "U+0009"},
		{strings.Repeat("Thành phố sáng tạo ", 10) + ".ccsa", assessment.CodeNameTooLong, ""},
		{strings.Repeat("a", 250) + ".ccsa", assessment.CodeNameTooLong, ""},
		{"Hạ Long.ccsa", "", ""},
		{"CONSOLE.ccsa", "", ""},
		{"Conference.xlsx", "", ""},
		{"COM10.xlsx", "", ""},
		{"LPT.xlsx", "", ""},
		{"nul_report.xlsx", "", ""},
		{"con-tro.ccsa", "", ""},
		{".ccsa", "", ""},
		{"Quảng Ninh - Hạ Long (2026).ccsa", "", ""},
		{strings.Repeat("a", 230) + ".ccsa", "", ""},
	}
	if runtime.GOOS != "windows" {
		tests = append(tests, struct{ name, code, arg string }{`a\b.ccsa`, assessment.CodeNameCharacter, `\`})
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		err := CheckName(path)
		if tt.code == "" {
			if err != nil {
				t.Errorf("%q: %v; want no problem", tt.name, err)
			}
			continue
		}
		var fe *assessment.FileError
		if !errors.As(err, &fe) || fe.Code != tt.code || fe.Path != path {
			t.Errorf("%q: %v; want %s naming the file", tt.name, err, tt.code)
			continue
		}
		for _, a := range fe.Args {
			if tt.arg != "" && a.Text != tt.arg {
				t.Errorf("%q: argument %q; want %q", tt.name, a.Text, tt.arg)
			}
		}
	}
}

// TestSavingOverAReadOnlyFileKeepsIt: a file marked read-only (on Linux,
// no write permission; under Wine the attribute is the same mode) is
// refused by Save and WriteWithBackup before anything is written: the
// file keeps its content and no backup is made. A rename would replace
// it regardless of its permissions, even for root.
func TestSavingOverAReadOnlyFileKeepsIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Hạ Long.ccsa")
	if err := os.WriteFile(path, []byte("previous"), 0o444); err != nil {
		t.Fatal(err)
	}
	a, err := assessment.Demo()
	if err != nil {
		t.Fatal(err)
	}
	if err := Save(path, a); !fixture.HasCode(err, assessment.CodeReadOnly) {
		t.Errorf("Save = %v; want %s", err, assessment.CodeReadOnly)
	}
	if err := WriteWithBackup(path, []byte("new")); !fixture.HasCode(err, assessment.CodeReadOnly) {
		t.Errorf("WriteWithBackup = %v; want %s", err, assessment.CodeReadOnly)
	}
	if data, _ := os.ReadFile(path); string(data) != "previous" {
		t.Errorf("the read-only file holds %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files written beside it: %v", entries)
	}
}
