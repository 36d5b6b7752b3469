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
	for _, lang := range translations.Languages() {
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
	for _, lang := range translations.Languages() {
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
		Code: assessment.CodeNegative, Args: assessment.Args{"Value": assessment.NumberArg(-1234.5)}}
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
	r := assessment.Reason{Code: assessment.ReasonLead, Args: assessment.Args{"Lead": assessment.PointsArg(12.5), "SecondField": assessment.FieldArg("media_arts")}}
	if got := Reason(translations.New(translations.VI), r); !strings.Contains(got, "12,5") || !strings.Contains(got, "Nghệ thuật truyền thông") {
		t.Errorf("vi: %q", got)
	}
	if got := Reason(translations.New(translations.EN), r); !strings.Contains(got, "12.5") || !strings.Contains(got, "Media Arts") {
		t.Errorf("en: %q", got)
	}
	c := assessment.Reason{Code: assessment.ReasonLowCompleteness, Args: assessment.Args{"Completeness": assessment.ShareArg(0.25), "Min": assessment.ShareArg(0.6)}}
	if got := Reason(translations.New(translations.EN), c); !strings.Contains(got, "25%") || !strings.Contains(got, "60%") {
		t.Errorf("en: %q", got)
	}
}

// TestEachArgumentKindIsWrittenByWhatItIs: the same number is a share, a
// score, a count or a value by its kind alone, never by its name or size.
func TestEachArgumentKindIsWrittenByWhatItIs(t *testing.T) {
	cases := []struct {
		arg    assessment.Arg
		vi, en string
	}{
		{assessment.FieldArg("gastronomy"), "Ẩm thực", "Gastronomy"},
		{assessment.DimensionArg("events"), "Sự kiện và lễ hội", "Events and festivals"},
		{assessment.QuestionTypeArg(assessment.Number), "số", "number"},
		{assessment.ShareArg(0.5), "50%", "50%"},
		{assessment.ShareArg(2), "200%", "200%"},
		{assessment.PointsArg(0.5), "0,5", "0.5"},
		{assessment.PointsArg(1234.56), "1.234,6", "1,234.6"},
		{assessment.CountArg(1234567), "1.234.567", "1,234,567"},
		{assessment.NumberArg(0.5), "0,5", "0.5"},
		{assessment.NumberArg(-3.126), "-3,13", "-3.13"},
		{assessment.TextArg("Z:\\Hồ sơ\\a.ccsa"), "Z:\\Hồ sơ\\a.ccsa", "Z:\\Hồ sơ\\a.ccsa"},
		{assessment.Arg{Kind: 200, Text: "?"}, "?", "?"},
	}
	for _, c := range cases {
		if got := Arg(translations.New(translations.VI), c.arg); got != c.vi {
			t.Errorf("vi %v: %q, want %q", c.arg, got, c.vi)
		}
		if got := Arg(translations.New(translations.EN), c.arg); got != c.en {
			t.Errorf("en %v: %q, want %q", c.arg, got, c.en)
		}
	}
}

// TestPlanProblemsNameTheInitiative: a problem of the action plan names
// the initiative by its title, or by its kind and place when it has none,
// and every objective has a name.
func TestPlanProblemsNameTheInitiative(t *testing.T) {
	plan := &assessment.ActionPlan{FirstYear: 2028, Initiatives: []*assessment.Initiative{
		{Scope: assessment.Local, Title: "Bếp ăn cộng đồng", Years: []int{2033}},
		{Scope: assessment.International, Title: "Diễn đàn"},
		{Scope: assessment.International, Years: []int{2028}, Budget: []assessment.YearBudget{{Year: 2028, City: -5}}},
	}}
	want := map[translations.Lang][]string{
		translations.EN: {"Bếp ăn cộng đồng: the year 2033 is outside the four years of the plan, 2028 to 2031.",
			"international initiative 2 has no title.", "international initiative 2: the budget of 2028 is negative (-5 million VND)."},
		translations.VI: {"Bếp ăn cộng đồng: năm 2033 nằm ngoài bốn năm của kế hoạch, từ 2028 đến 2031.",
			"sáng kiến quốc tế thứ 2 chưa có tên.", "sáng kiến quốc tế thứ 2: kinh phí năm 2028 là số âm (-5 triệu đồng)."},
	}
	ps := assessment.ValidatePlan(plan, "")
	for lang, texts := range want {
		loc := translations.New(lang)
		if len(ps) != len(texts) {
			t.Fatalf("problems %v", ps)
		}
		for i, p := range ps {
			if got := Message(loc, p); got != texts[i] {
				t.Errorf("%s: %q, want %q", lang, got, texts[i])
			}
		}
		for _, o := range assessment.Objectives {
			if !loc.Has("objective." + o) {
				t.Errorf("%s: objective %s has no name", lang, o)
			}
		}
		many := assessment.ValidatePlan(&assessment.ActionPlan{Initiatives: []*assessment.Initiative{
			{Scope: "local", Title: "a"}, {Scope: "local", Title: "b"}, {Scope: "local", Title: "c"}, {Scope: "local", Title: "d"}}}, "")
		if got := Message(loc, many[0]); !strings.Contains(got, "4") || !strings.Contains(got, Scope(loc, assessment.Local, 0)) {
			t.Errorf("%s: %q", lang, got)
		}
	}
}

// TestExcerptAndCut: a message quotes a long text by its start, cut with
// "…" after n characters (not bytes); Excerpt also makes its spaces and
// line ends single spaces, Cut keeps them; a short text is left whole.
func TestExcerptAndCut(t *testing.T) {
	long := strings.Repeat("Ẩm thực Hạ Long\n", 10)
	if got := Excerpt(long, 20); got != "Ẩm thực Hạ Long Ẩm …" || len([]rune(got)) != 20 {
		t.Errorf("Excerpt = %q", got)
	}
	if got := Cut(long, 20); got != "Ẩm thực Hạ Long\nẨm …" {
		t.Errorf("Cut = %q", got)
	}
	if got := Excerpt(" Huế  \t ", 20); got != "Huế" {
		t.Errorf("Excerpt of a short text = %q", got)
	}
}
