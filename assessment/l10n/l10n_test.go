package l10n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"creativecity/assessment"
	"creativecity/translations"
)

func TestQuestionnaireMessagesExistInBothLanguages(t *testing.T) {
	qn, err := assessment.Default()
	if err != nil {
		t.Fatal(err)
	}
	ids := qn.MessageIDs()
	if len(ids) < 500 {
		t.Fatalf("only %d questionnaire message IDs", len(ids))
	}
	for _, lang := range translations.Languages {
		loc := translations.New(lang)
		for _, id := range ids {
			if !loc.Has(id) {
				t.Errorf("%s: missing message %q", lang, id)
			}
		}
	}
}

// constants returns the values of the string constants of the assessment
// package whose names start with prefix.
func constants(t *testing.T, prefix string) []string {
	t.Helper()
	pkgs, err := parser.ParseDir(token.NewFileSet(), "..", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range pkgs["assessment"].Files {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if !strings.HasPrefix(name.Name, prefix) || i >= len(vs.Values) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						out = append(out, v)
					}
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("no constants %s*", prefix)
	}
	return out
}

func TestEveryProblemAndReasonHasAMessage(t *testing.T) {
	for _, lang := range translations.Languages {
		loc := translations.New(lang)
		for _, code := range constants(t, "Code") {
			if !loc.Has("problem." + code) {
				t.Errorf("%s: no message problem.%s", lang, code)
			}
		}
		for _, code := range constants(t, "Reason") {
			if !loc.Has("reason." + code) {
				t.Errorf("%s: no message reason.%s", lang, code)
			}
		}
		for _, c := range []assessment.Confidence{assessment.ConfidenceLow, assessment.ConfidenceMedium, assessment.ConfidenceHigh} {
			if !loc.Has("confidence." + string(c)) {
				t.Errorf("%s: no message for confidence %s", lang, c)
			}
		}
		for _, qt := range []assessment.QuestionType{assessment.Rubric, assessment.Number, assessment.Boolean, assessment.Text} {
			if !loc.Has("questionType." + string(qt)) {
				t.Errorf("%s: no message for question type %s", lang, qt)
			}
		}
	}
}

func TestProblemTextNamesFileQuestionAndProblem(t *testing.T) {
	p := assessment.Problem{Severity: assessment.Error, Path: "hue.ccsa", QuestionID: "film.cinemas",
		Code: assessment.CodeNegative, Args: map[string]any{"Value": -1234.5}}
	vi := Problem(translations.New(translations.VI), p)
	en := Problem(translations.New(translations.EN), p)
	for _, want := range []string{"hue.ccsa", "film.cinemas", "-1.234,5", "số âm", "lỗi"} {
		if !strings.Contains(vi, want) {
			t.Errorf("vi %q lacks %q", vi, want)
		}
	}
	for _, want := range []string{"hue.ccsa", "film.cinemas", "-1,234.5", "negative", "error"} {
		if !strings.Contains(en, want) {
			t.Errorf("en %q lacks %q", en, want)
		}
	}
}

func TestReasonTextUsesFieldNamesAndLocalNumbers(t *testing.T) {
	r := assessment.Reason{Code: assessment.ReasonLead, Args: map[string]any{"Lead": 12.5, "SecondField": "media_arts"}}
	if got := Reason(translations.New(translations.VI), r); !strings.Contains(got, "12,5") || !strings.Contains(got, "Nghệ thuật truyền thông") {
		t.Errorf("vi: %q", got)
	}
	if got := Reason(translations.New(translations.EN), r); !strings.Contains(got, "12.5") || !strings.Contains(got, "Media Arts") {
		t.Errorf("en: %q", got)
	}
	c := assessment.Reason{Code: assessment.ReasonLowCompleteness, Args: map[string]any{"Completeness": 0.25, "Min": 0.6}}
	if got := Reason(translations.New(translations.EN), c); !strings.Contains(got, "25%") || !strings.Contains(got, "60%") {
		t.Errorf("en: %q", got)
	}
}
