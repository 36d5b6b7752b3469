package forms

import (
	"encoding/json"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/translations"
)

// ReadContribution reads what a filled-in form or a report gives, for
// merging: the answers filled in, who filled them in and when.
func ReadContribution(path string, qn *assessment.Questionnaire) (assessment.Contribution, []assessment.Problem, error) {
	f, err := xlsxkit.OpenFile(path)
	if err != nil {
		return assessment.Contribution{}, nil, err
	}
	defer f.Close()
	name := filepath.Base(path)
	if v, _ := f.GetCellValue("_form", "A1"); v == FormSheetMarker {
		return readForm(f, path, name, qn)
	}
	return readReport(f, path, name, qn)
}

// readReport reads a report: every answer it holds, as the data sheet and
// the edits of its visible sheets give them, brought up to this
// questionnaire.
func readReport(f *excelize.File, path, name string, qn *assessment.Questionnaire) (assessment.Contribution, []assessment.Problem, error) {
	a, problems, err := report.ReadWorkbook(f, path)
	if err != nil {
		return assessment.Contribution{}, nil, err
	}
	for i, p := range problems {
		if report.IsPlanEdit(p) {
			// Merging takes answers: an edit of the plan is not merged,
			// and says so.
			problems[i].Code = assessment.CodePlanEditNotMerged
		}
	}
	problems = append(problems, qn.Migrate(a)...)
	loc := translations.New(report.Language(f))
	c := assessment.Contribution{File: name, Contributor: strings.TrimSpace(strings.Trim(a.City.Assessor+", "+a.City.Organization, ", ")),
		Date: a.City.Date, DecisionsSheet: loc.T("report.sheet.summary"), City: a.City, CityOrigin: assessment.CityOfReport}
	if !a.Decisions.Empty() {
		c.Decisions = &a.Decisions
	}
	for _, s := range qn.Sections {
		for _, q := range s.Questions {
			var v assessment.Value
			ans := a.Answer(q.ID)
			if attr, ok := assessment.LookupCityAttribute(q.CityField); ok {
				v = attr.Value(&a.City)
			} else if ans != nil && !ans.Malformed() {
				v = ans.Value
			}
			in := assessment.Contributed{QuestionID: q.ID, Sheet: xlsxkit.SectionSheet(loc, s.ID), Value: v}
			if s.Kind == assessment.KindProfile {
				in.Sheet = loc.T("report.sheet.summary")
			}
			if ans != nil && q.CityField == "" {
				in.Evidence, in.Source = ans.Evidence, ans.Source
			}
			c.Answers = append(c.Answers, in)
		}
	}
	return c, problems, nil
}

// readForm reads the answers of a filled-in form. Its hidden sheet only
// locates the rows: how each answer is read (type, range, levels) is the
// questionnaire's, and the answers of a form of an older questionnaire
// version are brought up to this one as a report's are.
func readForm(f *excelize.File, path, name string, qn *assessment.Questionnaire) (assessment.Contribution, []assessment.Problem, error) {
	meta, err := readMeta(f, path, qn)
	if err != nil {
		return assessment.Contribution{}, nil, err
	}
	c, err := readContributor(f, path, name, meta)
	if err != nil {
		return assessment.Contribution{}, nil, err
	}
	var problems []assessment.Problem
	rowsOf := map[string]map[string][]int{}
	for _, w := range meta.Questions {
		q, known := qn.Question(qn.CurrentID(meta.QuestionnaireVersion, w.ID))
		if !known {
			problems = append(problems, assessment.Problem{Severity: assessment.Warning, Path: path, QuestionID: w.ID,
				Code: assessment.CodeFormUnknownQuestion})
			continue
		}
		if rowsOf[w.Sheet] == nil {
			rowsOf[w.Sheet] = xlsxkit.IDRows(f, w.Sheet)
		}
		rows := rowsOf[w.Sheet][w.ID]
		if len(rows) != 1 {
			problems = append(problems, assessment.Problem{Severity: assessment.Warning, Path: path, QuestionID: w.ID,
				Code: assessment.CodeFormRowGone, Args: assessment.Args{"Sheet": assessment.TextArg(w.Sheet)}})
			continue
		}
		in, err := readAnswer(f, path, questionCell(q, w), rows[0], &meta)
		if err != nil {
			return assessment.Contribution{}, nil, err
		}
		c.Answers = append(c.Answers, in)
	}
	migrated := qn.MigrateContribution(&c, meta.QuestionnaireVersion)
	for i := range migrated {
		migrated[i].Path = path
	}
	problems = append(migrated, problems...)
	return c, append(problems, assessment.CleanContribution(&c, path)...), nil
}

// readMeta reads a form's hidden description and checks its versions:
// the form's layout, and its questionnaire against this one.
func readMeta(f *excelize.File, path string, qn *assessment.Questionnaire) (formMeta, error) {
	raw := readMetaText(f, "_form")
	var meta formMeta
	if err := json.Unmarshal([]byte(raw), &meta); err != nil || meta.Instructions == "" {
		return meta, xlsxkit.CellError(path, "_form", 1, 2, assessment.CodeCellNotJSON, nil)
	}
	if meta.Version > FormVersion {
		return meta, xlsxkit.ReadError(path, assessment.CodeSchemaNewer, assessment.Args{
			"Version": assessment.CountArg(meta.Version), "Supported": assessment.CountArg(FormVersion)}, nil)
	}
	if code := qn.CheckVersion(meta.QuestionnaireVersion); code != "" {
		return meta, xlsxkit.ReadError(path, code, assessment.Args{"Version": assessment.TextArg(meta.QuestionnaireVersion),
			"Current": assessment.TextArg(qn.Version)}, nil)
	}
	return meta, nil
}

// questionCell is how the answer cell of a question is read: the
// question's own type, whole-number rule and maximum; of what the hidden
// sheet says, only the ID (as the form names it) and the sheet.
func questionCell(q *assessment.Question, hidden xlsxkit.AnswerCell) xlsxkit.AnswerCell {
	return xlsxkit.AnswerCell{ID: hidden.ID, Sheet: hidden.Sheet, ByID: true, Type: kindOf(q),
		Int: q.Integer || q.Type == assessment.Rubric, Max: xlsxkit.MaxOf(q)}
}

// readContributor reads the contributor's cells of the first sheet.
func readContributor(f *excelize.File, path, name string, meta formMeta) (assessment.Contribution, error) {
	contributor := strings.TrimSpace(xlsxkit.RawCell(f, meta.Instructions, meta.Contributor))
	if org := strings.TrimSpace(xlsxkit.RawCell(f, meta.Instructions, meta.Organization)); org != "" {
		contributor = strings.Trim(contributor+", "+org, ", ")
	}
	c := assessment.Contribution{File: name, Contributor: contributor}
	c.City, c.CityOrigin = formCity(meta)
	if d := strings.TrimSpace(xlsxkit.RawCell(f, meta.Instructions, meta.Date)); d != "" {
		v, code := xlsxkit.ParseEdit(d, false, xlsxkit.AnswerCell{Type: xlsxkit.KindDate}, meta.Lang)
		if code != "" {
			return c, xlsxkit.CellError(path, meta.Instructions, xlsxkit.ColOf(meta.Date), xlsxkit.RowOf(meta.Date), code, nil)
		}
		c.Date, _ = v.String()
	}
	return c, nil
}

// formCity is the city a form belongs to, as its hidden description
// names it: none for a blank form, the name only for a form written
// before forms named the province.
func formCity(meta formMeta) (assessment.City, assessment.CityOrigin) {
	switch {
	case strings.TrimSpace(meta.City) == "":
		return assessment.City{}, assessment.CityNone
	case meta.Province == nil:
		return assessment.City{Name: meta.City}, assessment.CityOfFormName
	}
	return assessment.City{Name: meta.City, Province: *meta.Province}, assessment.CityOfForm
}

// readAnswer reads the answer, evidence and source cells of a question's
// row; a prefilled text shown cut is read whole.
func readAnswer(f *excelize.File, path string, w xlsxkit.AnswerCell, row int, meta *formMeta) (assessment.Contributed, error) {
	var texts [3]string
	for i, col := range []int{formAnswer, formEvidence, formSource} {
		s, err := wholeOf(meta, path, w, col, row, xlsxkit.RawCell(f, w.Sheet, xlsxkit.Cell(col, row)))
		if err != nil {
			return assessment.Contributed{}, err
		}
		texts[i] = s
	}
	ref := xlsxkit.Cell(formAnswer, row)
	v, code := xlsxkit.ParseEdit(texts[0], xlsxkit.IsText(f, w.Sheet, ref), w, meta.Lang)
	if code != "" {
		return assessment.Contributed{}, xlsxkit.CellError(path, w.Sheet, formAnswer, row, code, assessment.Args{"Max": assessment.NumberArg(w.Max)})
	}
	return assessment.Contributed{QuestionID: w.ID, Sheet: w.Sheet, Value: v,
		Evidence: strings.TrimSpace(texts[1]), Source: strings.TrimSpace(texts[2])}, nil
}
