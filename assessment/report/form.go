package report

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// A form is a workbook for the departments that hold the figures: a first
// sheet of instructions with the contributor's name, organisation and
// date, then one sheet per chosen section with each question, its help,
// how to answer it, and the answer, evidence and source cells, the only
// cells left unlocked. A hidden sheet marks it as a form and says where
// everything is, so that `import --into` can merge it.

// FormSheetMarker is in A1 of a form's hidden sheet.
const FormSheetMarker = "creativecity-form"

// FormVersion is the version of the form's layout.
const FormVersion = 1

// Form sheet columns.
const (
	formNo = iota + 1
	formID
	formQuestion
	formHelp
	formHow
	formAnswer
	formLevels
	formEvidence
	formSource
	formCols = formSource
)

const formHeaderRow = 3

// FormOptions says which sections a form asks, in which language.
type FormOptions struct {
	Lang       translations.Lang
	Sections   []string // section IDs; none: every section
	AppVersion string
	Now        time.Time
}

// formMeta is the form's hidden description: where the contributor's cells
// are and which question each section sheet asks, with how to read it.
type formMeta struct {
	Version              int       `json:"version"`
	QuestionnaireVersion string    `json:"questionnaireVersion"`
	Lang                 string    `json:"lang"`
	City                 string    `json:"city"`
	Instructions         string    `json:"instructions"` // the first sheet
	Contributor          string    `json:"contributor"`  // cell of the contributor's name
	Organization         string    `json:"organization"`
	Date                 string    `json:"date"`
	Questions            []watched `json:"questions"`
}

// WriteFormFile writes a form to path atomically; base, when not nil,
// fills the answer cells with what it holds. Errors are
// *assessment.FileError.
func WriteFormFile(path string, qn *assessment.Questionnaire, base *assessment.Assessment, opts FormOptions) error {
	if err := checkWritable(path); err != nil {
		return err
	}
	f, err := BuildForm(qn, base, opts)
	if err == nil {
		defer f.Close()
		var buf []byte
		if b, werr := f.WriteToBuffer(); werr == nil {
			buf = b.Bytes()
		} else {
			err = werr
		}
		if err == nil {
			return assessment.WriteFileAtomic(path, buf)
		}
	}
	return &assessment.FileError{Problem: assessment.Problem{Severity: assessment.Error, Path: path,
		Code: assessment.CodeWriteFailed, Args: assessment.Args{"Detail": assessment.TextArg(err.Error())}}, Err: err}
}

// BuildForm returns the form in memory (the caller closes it).
func BuildForm(qn *assessment.Questionnaire, base *assessment.Assessment, opts FormOptions) (*excelize.File, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if base == nil {
		base = assessment.New(qn)
	}
	b := &formBuilder{builder: builder{f: excelize.NewFile(), qn: qn, a: base, opts: Options{Lang: opts.Lang, AppVersion: opts.AppVersion, Now: opts.Now},
		loc: translations.New(opts.Lang), warned: map[string]bool{}}, sections: opts.Sections}
	if err := b.build(); err != nil {
		b.f.Close()
		return nil, err
	}
	return b.f, nil
}

type formBuilder struct {
	builder
	sections []string
	open     int // the style of a cell the contributor fills in
	openWrap int
	openDate int
	meta     formMeta
}

func (b *formBuilder) build() error {
	b.check(b.f.SetDefaultFont(b.font()))
	b.st = newStyles(b.f, b.check, b.loc.Setting("dateExcel"), b.font())
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	unlocked := &excelize.Protection{Locked: false}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	mk := func(s *excelize.Style) int {
		id, err := b.f.NewStyle(withFont(s, b.font()))
		b.check(err)
		return id
	}
	b.open = mk(&excelize.Style{Border: border, Fill: fill, Protection: unlocked, Alignment: &excelize.Alignment{Vertical: "top"}})
	b.openWrap = mk(&excelize.Style{Border: border, Fill: fill, Protection: unlocked, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	dateFormat := b.loc.Setting("dateExcel")
	b.openDate = mk(&excelize.Style{Border: border, Fill: fill, Protection: unlocked, CustomNumFmt: &dateFormat,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}})
	b.meta = formMeta{Version: FormVersion, QuestionnaireVersion: b.qn.Version, Lang: string(b.opts.Lang), City: b.a.City.Name}

	sections := b.chosenSections()
	instructions := safeSheetName(b.t("form.sheet.instructions"))
	b.check(b.f.SetSheetName("Sheet1", instructions))
	b.instructions(instructions, sections)
	levels := b.levelsSheet()
	for _, s := range sections {
		b.sectionSheet(s, levels)
	}
	b.metaSheet()
	for _, sheet := range b.f.GetSheetList() {
		b.fitRows(sheet)
	}
	b.f.SetActiveSheet(0)
	b.check(b.f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}))
	b.check(b.f.SetDocProps(&excelize.DocProperties{Title: b.t("form.title", map[string]any{"City": b.a.City.Name}),
		Creator: b.t("app.name") + " " + b.opts.AppVersion, Language: b.loc.Setting("tag"), Version: b.opts.AppVersion,
		Created: b.opts.Now.UTC().Format(time.RFC3339)}))
	return b.err
}

// chosenSections are the sections asked, in the questionnaire's order.
func (b *formBuilder) chosenSections() []*assessment.Section {
	var out []*assessment.Section
	for _, s := range b.qn.Sections {
		if len(b.sections) == 0 || slices.Contains(b.sections, s.ID) {
			out = append(out, s)
		}
	}
	return out
}

// instructions writes the first sheet: what the form is for, how to fill
// it in, and the contributor's cells.
func (b *formBuilder) instructions(sheet string, sections []*assessment.Section) {
	b.meta.Instructions = sheet
	b.widths(sheet, 34, 70)
	b.text(sheet, 1, 1, b.t("form.title", map[string]any{"City": b.a.City.Name}))
	b.style(sheet, 1, 1, b.st.title)
	var names []string
	for _, s := range sections {
		names = append(names, l10n.SectionName(b.loc, s.ID))
	}
	b.text(sheet, 1, 2, b.t("form.subtitle", map[string]any{"Version": b.qn.Version, "Sections": strings.Join(names, "; ")}))
	b.style(sheet, 1, 2, b.st.subtitle)
	row := 4
	for _, id := range []string{"form.howTo.1", "form.howTo.2", "form.howTo.3", "form.howTo.4", "form.howTo.5"} {
		b.check(b.f.MergeCell(sheet, cell(1, row), cell(2, row)))
		b.text(sheet, 1, row, b.t(id))
		b.styleRange(sheet, 1, row, 2, row, b.st.text)
		row++
	}
	row++
	b.text(sheet, 1, row, b.t("form.contributorHeading"))
	b.style(sheet, 1, row, b.st.label)
	row++
	for _, field := range []struct {
		label string
		ref   *string
		style int
	}{{"form.contributor", &b.meta.Contributor, b.open}, {"form.organization", &b.meta.Organization, b.open},
		{"form.date", &b.meta.Date, b.openDate}} {
		b.text(sheet, 1, row, b.t(field.label))
		b.style(sheet, 1, row, b.st.label)
		b.style(sheet, 2, row, field.style)
		*field.ref = cell(2, row)
		row++
	}
	b.printSetup(sheet, 0)
	b.protect(sheet)
}

// levelsSheet writes the hidden list of rubric levels the drop-downs
// point at (a list typed in a validation holds at most 255 characters;
// the descriptors stand beside each answer instead).
func (b *formBuilder) levelsSheet() string {
	sheet := safeSheetName(b.t("form.sheet.levels"))
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	for level := 0; level <= assessment.MaxRubric; level++ {
		b.check(b.f.SetCellInt(sheet, cell(1, level+1), int64(level)))
	}
	b.check(b.f.SetSheetVisible(sheet, false))
	return sheet
}

// sectionSheet writes one section's questions.
func (b *formBuilder) sectionSheet(s *assessment.Section, levels string) {
	sheet := SheetName(b.loc, s.ID)
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	b.widths(sheet, 5, idWidthOf(s), 40, 45, 20, 30, 45, 40, 24)
	b.text(sheet, 1, 1, b.t(s.NameID()))
	b.style(sheet, 1, 1, b.st.title)
	b.tableHeader(sheet, formHeaderRow, "report.col.no", "report.col.questionId", "report.col.question", "form.col.help",
		"form.col.how", "report.col.answer", "form.col.levels", "report.col.evidence", "report.col.source")
	row := formHeaderRow + 1
	for i, q := range s.Questions {
		b.questionRow(sheet, row, i+1, q)
		b.text(sheet, formHelp, row, b.t(q.HelpID()))
		b.text(sheet, formHow, row, b.how(q))
		if q.Type == assessment.Rubric {
			var lines []string
			for level := 0; level <= assessment.MaxRubric; level++ {
				lines = append(lines, fmt.Sprintf("%d: %s", level, b.t(q.LevelID(level))))
			}
			b.text(sheet, formLevels, row, strings.Join(lines, "\n"))
		}
		for _, c := range []int{formHelp, formHow, formLevels} {
			b.style(sheet, c, row, b.st.text)
		}
		b.prefill(sheet, row, q)
		b.validate(sheet, row, q, levels)
		b.meta.Questions = append(b.meta.Questions, watched{ID: q.ID, Sheet: sheet, ByID: true, Type: b.kind(q),
			Int: q.Integer || q.Type == assessment.Rubric, Max: maxOf(q)})
		row++
	}
	b.freeze(sheet, formHeaderRow)
	b.printSetup(sheet, formHeaderRow)
	b.protect(sheet)
}

// kind is how an answer cell is read back: a question's type, "date" for
// the city's date.
func (b *formBuilder) kind(q *assessment.Question) string {
	if attr, ok := assessment.LookupCityAttribute(q.CityField); ok && attr.Kind == assessment.AttributeDate {
		return "date"
	}
	return string(q.Type)
}

// how says how to answer a question: its unit (a count for per-capita
// questions), a level, yes or no, or text.
func (b *formBuilder) how(q *assessment.Question) string {
	switch {
	case q.Type == assessment.Rubric:
		return b.t("form.how.rubric")
	case q.Type == assessment.Boolean:
		return b.t("form.how.boolean", map[string]any{"Yes": b.t("report.yes"), "No": b.t("report.no")})
	case q.Type == assessment.Number && q.PerCapita && q.CityField == "":
		return b.t("form.how.perCapita", map[string]any{"Unit": l10n.CountUnit(b.loc, q)})
	case q.Type == assessment.Number:
		return b.t("form.how.number", map[string]any{"Unit": l10n.CountUnit(b.loc, q)})
	case b.kind(q) == "date":
		return b.t("form.how.date")
	}
	return b.t("form.how.text")
}

// prefill writes what the base holds into the answer, evidence and source
// cells, and unlocks them.
func (b *formBuilder) prefill(sheet string, row int, q *assessment.Question) {
	var v assessment.Value
	evidence, source := "", ""
	if attr, ok := assessment.LookupCityAttribute(q.CityField); ok {
		v = attr.Value(&b.a.City)
	} else if ans := b.a.Answer(q.ID); ans != nil && !ans.Malformed() {
		v, evidence, source = ans.Value, ans.Evidence, ans.Source
	}
	style := b.open
	switch f, isNumber := v.Number(); {
	case isNumber:
		b.check(b.f.SetCellFloat(sheet, cell(formAnswer, row), f, -1, 64))
	case v.Kind() == assessment.KindBool:
		yes, _ := v.Bool()
		b.text(sheet, formAnswer, row, b.yesNo(yes))
	default:
		if s, ok := v.String(); ok {
			if b.kind(q) == "date" {
				if d, err := time.Parse(assessment.ISODate, s); err == nil {
					b.check(b.f.SetCellValue(sheet, cell(formAnswer, row), d))
				}
			} else {
				b.cutText(sheet, formAnswer, row, s, q.ID)
			}
		}
	}
	if q.Type == assessment.Text {
		style = b.openWrap
	}
	if b.kind(q) == "date" {
		style = b.openDate
	}
	b.style(sheet, formAnswer, row, style)
	b.cutText(sheet, formEvidence, row, evidence, q.ID)
	b.cutText(sheet, formSource, row, source, q.ID)
	b.style(sheet, formEvidence, row, b.openWrap)
	b.style(sheet, formSource, row, b.openWrap)
}

// validate lets an answer cell take only what its question accepts: a
// level from the drop-down, yes or no, a number in range.
func (b *formBuilder) validate(sheet string, row int, q *assessment.Question, levels string) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell(formAnswer, row)
	switch {
	case q.Type == assessment.Rubric:
		dv.SetSqrefDropList(fmt.Sprintf("%s!$A$1:$A$%d", quoteSheet(levels), assessment.MaxRubric+1))
	case q.Type == assessment.Boolean:
		b.check(dv.SetDropList([]string{b.t("report.yes"), b.t("report.no")}))
	case q.Type == assessment.Number:
		kind := excelize.DataValidationTypeDecimal
		if q.Integer {
			kind = excelize.DataValidationTypeWhole
		}
		top := 1e12
		if q.Max > 0 {
			top = q.Max
		}
		b.check(dv.SetRange(0, top, kind, excelize.DataValidationOperatorBetween))
	default:
		return
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, b.t("form.invalidTitle"), b.t("form.invalid."+string(q.Type)))
	b.check(b.f.AddDataValidation(sheet, dv))
}

// protect locks a sheet's structure: only the unlocked cells take input;
// rows may be made higher for long evidence.
func (b *formBuilder) protect(sheet string) {
	b.check(b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatRows: true, FormatColumns: true}))
}

// metaSheet writes the hidden sheet that marks the workbook as a form.
func (b *formBuilder) metaSheet() {
	sheet := "_form"
	_, err := b.f.NewSheet(sheet)
	b.check(err)
	b.check(b.f.SetCellStr(sheet, "A1", FormSheetMarker))
	b.check(b.f.SetCellInt(sheet, "B1", FormVersion))
	b.check(b.f.SetCellStr(sheet, "A2", string(mustJSON(b.meta))))
	b.check(b.f.SetSheetVisible(sheet, false))
}

// Contribution is what a filled-in form or a report gives, for merging:
// the answers filled in, who filled them in and when.
func ReadContribution(path string, qn *assessment.Questionnaire) (assessment.Contribution, []assessment.Problem, error) {
	f, err := openWorkbook(path)
	if err != nil {
		return assessment.Contribution{}, nil, err
	}
	defer f.Close()
	name := filepath.Base(path)
	if v, _ := f.GetCellValue("_form", "A1"); v == FormSheetMarker {
		return readForm(f, path, name)
	}
	// A report: every answer it holds, as the data sheet and the edits of
	// its visible sheets give them, brought up to this questionnaire.
	a, problems, err := readWorkbook(f, path)
	if err != nil {
		return assessment.Contribution{}, nil, err
	}
	for i, p := range problems {
		if isPlanEdit(p) {
			// Merging takes answers: an edit of the plan is not merged,
			// and says so.
			problems[i].Code = assessment.CodePlanEditNotMerged
		}
	}
	problems = append(problems, qn.Migrate(a)...)
	loc := translations.New(reportLang(f))
	c := assessment.Contribution{File: name, Contributor: strings.TrimSpace(strings.Trim(a.City.Assessor+", "+a.City.Organization, ", ")),
		Date: a.City.Date}
	for _, s := range qn.Sections {
		for _, q := range s.Questions {
			var v assessment.Value
			ans := a.Answer(q.ID)
			if attr, ok := assessment.LookupCityAttribute(q.CityField); ok {
				v = attr.Value(&a.City)
			} else if ans != nil && !ans.Malformed() {
				v = ans.Value
			}
			in := assessment.Contributed{QuestionID: q.ID, Sheet: SheetName(loc, s.ID), Value: v}
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

// readForm reads the answers of a filled-in form.
func readForm(f *excelize.File, path, name string) (assessment.Contribution, []assessment.Problem, error) {
	raw, _ := f.GetCellValue("_form", "A2")
	var meta formMeta
	if err := json.Unmarshal([]byte(raw), &meta); err != nil || meta.Instructions == "" {
		return assessment.Contribution{}, nil, cellError(path, "_form", 1, 2, assessment.CodeCellNotJSON, nil)
	}
	if meta.Version > FormVersion {
		return assessment.Contribution{}, nil, readError(path, assessment.CodeSchemaNewer, assessment.Args{
			"Version": assessment.CountArg(meta.Version), "Supported": assessment.CountArg(FormVersion)}, nil)
	}
	contributor := strings.TrimSpace(rawCell(f, meta.Instructions, meta.Contributor))
	if org := strings.TrimSpace(rawCell(f, meta.Instructions, meta.Organization)); org != "" {
		contributor = strings.Trim(contributor+", "+org, ", ")
	}
	c := assessment.Contribution{File: name, Contributor: contributor}
	if d := strings.TrimSpace(rawCell(f, meta.Instructions, meta.Date)); d != "" {
		v, code := parseEdit(d, false, watched{Type: "date"}, meta.Lang)
		if code != "" {
			return assessment.Contribution{}, nil, cellError(path, meta.Instructions, colOf(meta.Date), rowOf(meta.Date), code, nil)
		}
		c.Date, _ = v.String()
	}
	var problems []assessment.Problem
	rowsOf := map[string]map[string][]int{}
	for _, w := range meta.Questions {
		if rowsOf[w.Sheet] == nil {
			rowsOf[w.Sheet] = idRows(f, w.Sheet)
		}
		rows := rowsOf[w.Sheet][w.ID]
		if len(rows) != 1 {
			problems = append(problems, assessment.Problem{Severity: assessment.Warning, Path: path, QuestionID: w.ID,
				Code: assessment.CodeFormRowGone, Args: assessment.Args{"Sheet": assessment.TextArg(w.Sheet)}})
			continue
		}
		row := rows[0]
		ref := cell(formAnswer, row)
		typ, _ := f.GetCellType(w.Sheet, ref)
		text := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
		v, code := parseEdit(rawCell(f, w.Sheet, ref), text, w, meta.Lang)
		if code != "" {
			return assessment.Contribution{}, nil, cellError(path, w.Sheet, formAnswer, row, code, assessment.Args{"Max": assessment.NumberArg(w.Max)})
		}
		c.Answers = append(c.Answers, assessment.Contributed{QuestionID: w.ID, Sheet: w.Sheet, Value: v,
			Evidence: strings.TrimSpace(rawCell(f, w.Sheet, cell(formEvidence, row))),
			Source:   strings.TrimSpace(rawCell(f, w.Sheet, cell(formSource, row)))})
	}
	return c, problems, nil
}

// reportLang is the language a report was written in: its data sheet's
// first row says it; a report of an older version is known by the name of
// its summary sheet; the app's first language otherwise.
func reportLang(f *excelize.File) translations.Lang {
	for _, name := range f.GetSheetList() {
		if v, _ := f.GetCellValue(name, "A1"); v == DataSheetMarker {
			code, _ := f.GetCellValue(name, cell(dataLang, 1))
			if lang, ok := translations.ParseLang(code); ok {
				return lang
			}
		}
	}
	for _, lang := range translations.Languages() {
		if idx, err := f.GetSheetIndex(translations.New(lang).T("report.sheet.summary")); err == nil && idx >= 0 {
			return lang
		}
	}
	return translations.Languages()[0]
}
