package assessment

import (
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// sampleFile is an assessment file of the contract format, with members
// this version does not know (testdata/sample.ccsa, which the tests of
// package files read too).
var sampleFile = func() string {
	data, err := os.ReadFile("testdata/sample.ccsa")
	if err != nil {
		panic(err)
	}
	return string(data)
}()

func TestTextIsStoredInNFC(t *testing.T) {
	decomposed := norm.NFD.String("Hạ Long, Quảng Ninh")
	content := strings.Replace(sampleFile, `"Hạ Long"`, `"`+decomposed+`"`, 1)
	a, err := Decode([]byte(content), "x.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if a.City.Name != "Hạ Long, Quảng Ninh" || !norm.NFC.IsNormalString(a.City.Name) {
		t.Errorf("name %q is not NFC", a.City.Name)
	}
	a.SetEvidence("music.x", norm.NFD.String("Đờn ca tài tử"), "")
	data, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	if !norm.NFC.IsNormal(data) {
		t.Error("encoded file is not NFC")
	}
}

func TestLoadNamesLineAndColumnOfASyntaxError(t *testing.T) {
	_, err := Decode([]byte("{\n  \"format\": \"creativecity-assessment\",\n  \"schemaVersion\": 1,,\n}"), "x.ccsa")
	var fe *FileError
	if !errors.As(err, &fe) || fe.Code != CodeSyntax || fe.Args["Line"] != CountArg(3) || fe.Args["Column"] != CountArg(22) {
		t.Fatalf("err = %#v", err)
	}
}
