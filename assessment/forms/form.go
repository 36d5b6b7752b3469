// Package forms writes the workbook a city gives the departments that
// hold the figures, and reads it back, filled in, as a contribution to
// merge into the assessment (an exported report is read as one too).
//
// A form is a workbook for the departments that hold the figures: a first
// sheet of instructions with the contributor's name, organisation and
// date, then one sheet per chosen section with each question, its help,
// how to answer it, and the answer, evidence and source cells, the only
// cells left unlocked. A hidden sheet marks it as a form and says where
// everything is, so that `import --into` can merge it.
package forms

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/translations"
)

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

// Options says which sections a form asks, in which language.
type Options struct {
	Lang       translations.Lang
	Sections   []string // section IDs; none: every section
	AppVersion string
	Now        time.Time
}

// formMeta is the form's hidden description: where the contributor's cells
// are and which question each section sheet asks, with how to read it.
type formMeta struct {
	Version              int                  `json:"version"`
	QuestionnaireVersion string               `json:"questionnaireVersion"`
	Lang                 string               `json:"lang"`
	City                 string               `json:"city"`
	Instructions         string               `json:"instructions"` // the first sheet
	Contributor          string               `json:"contributor"`  // cell of the contributor's name
	Organization         string               `json:"organization"`
	Date                 string               `json:"date"`
	Questions            []xlsxkit.AnswerCell `json:"questions"`
	// Province is the city's province; absent (nil) in the forms written
	// before forms named it, which are matched by the name only.
	Province *string     `json:"province,omitempty"`
	Texts    []wholeText `json:"texts,omitempty"` // prefilled texts shown cut
}

// WriteFile writes a form to path atomically; base, when not nil, fills
// the answer cells with what it holds. Errors are *assessment.FileError.
func WriteFile(path string, qn *assessment.Questionnaire, base *assessment.Assessment, opts Options) error {
	return xlsxkit.WriteFile(path, func(w io.Writer) error {
		f, err := Build(qn, base, opts)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = f.WriteTo(w)
		return err
	})
}

// Build returns the form in memory (the caller closes it).
func Build(qn *assessment.Questionnaire, base *assessment.Assessment, opts Options) (*excelize.File, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if base == nil {
		base = assessment.New(qn)
	}
	w, instructions := xlsxkit.New(opts.Lang, "form.sheet.instructions")
	b := &formBuilder{w: w, qn: qn, a: base, opts: opts}
	if err := b.build(instructions); err != nil {
		w.F.Close()
		return nil, err
	}
	return w.F, nil
}

// formBuilder writes a form with a workbook of the kit.
type formBuilder struct {
	w        *xlsxkit.Book
	qn       *assessment.Questionnaire
	a        *assessment.Assessment // what the answer cells are filled with
	opts     Options
	open     int // the style of a cell the contributor fills in
	openWrap int
	openDate int
	meta     formMeta
}

func (b *formBuilder) build(instructions string) error {
	unlocked := &excelize.Protection{Locked: false}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	b.open = b.w.NewStyle(&excelize.Style{Border: xlsxkit.Border(), Fill: fill, Protection: unlocked, Alignment: &excelize.Alignment{Vertical: "top"}})
	b.openWrap = b.w.NewStyle(&excelize.Style{Border: xlsxkit.Border(), Fill: fill, Protection: unlocked, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	dateFormat := b.w.Loc.Setting("dateExcel")
	b.openDate = b.w.NewStyle(&excelize.Style{Border: xlsxkit.Border(), Fill: fill, Protection: unlocked, CustomNumFmt: &dateFormat,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}})
	b.meta = formMeta{Version: FormVersion, QuestionnaireVersion: b.qn.Version, Lang: string(b.opts.Lang), City: b.a.City.Name,
		Province: &b.a.City.Province}

	sections := b.chosenSections()
	b.instructions(instructions, sections)
	levels := b.levelsSheet()
	for _, s := range sections {
		b.sectionSheet(s, levels)
	}
	b.metaSheet()
	b.w.Finish()
	b.w.Check(b.w.F.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}))
	b.w.Check(b.w.F.SetDocProps(&excelize.DocProperties{Title: b.t("form.title", map[string]any{"City": b.a.City.Name}),
		Creator: b.t("app.name") + " " + b.opts.AppVersion, Language: b.w.Loc.Setting("tag"), Version: b.opts.AppVersion,
		Created: b.opts.Now.UTC().Format(time.RFC3339)}))
	return b.w.Err()
}

// t translates a message.
func (b *formBuilder) t(id string, data ...map[string]any) string { return b.w.T(id, data...) }

// printSetup prints a sheet on A4 landscape, its header naming the city.
func (b *formBuilder) printSetup(sheet string, titleRows int) {
	b.w.PrintSetup(sheet, titleRows, b.a.City.Name)
}

// chosenSections are the sections asked, in the questionnaire's order.
func (b *formBuilder) chosenSections() []*assessment.Section {
	var out []*assessment.Section
	for _, s := range b.qn.Sections {
		if len(b.opts.Sections) == 0 || slices.Contains(b.opts.Sections, s.ID) {
			out = append(out, s)
		}
	}
	return out
}

// instructions writes the first sheet: what the form is for, how to fill
// it in, and the contributor's cells.
func (b *formBuilder) instructions(sheet string, sections []*assessment.Section) {
	b.meta.Instructions = sheet
	b.w.Widths(sheet, 34, 70)
	b.w.Text(sheet, 1, 1, b.t("form.title", map[string]any{"City": b.a.City.Name}))
	b.w.Style(sheet, 1, 1, b.w.St.Title)
	var names []string
	for _, s := range sections {
		names = append(names, l10n.SectionName(b.w.Loc, s.ID))
	}
	b.w.Text(sheet, 1, 2, b.t("form.subtitle", map[string]any{"Version": b.qn.Version, "Sections": strings.Join(names, "; ")}))
	b.w.Style(sheet, 1, 2, b.w.St.Subtitle)
	row := 4
	for _, id := range []string{"form.howTo.1", "form.howTo.2", "form.howTo.3", "form.howTo.4", "form.howTo.5"} {
		b.w.Check(b.w.F.MergeCell(sheet, xlsxkit.Cell(1, row), xlsxkit.Cell(2, row)))
		b.w.Text(sheet, 1, row, b.t(id))
		b.w.StyleRange(sheet, 1, row, 2, row, b.w.St.Text)
		row++
	}
	row++
	b.w.Text(sheet, 1, row, b.t("form.contributorHeading"))
	b.w.Style(sheet, 1, row, b.w.St.Label)
	row++
	for _, field := range []struct {
		label string
		ref   *string
		style int
	}{{"form.contributor", &b.meta.Contributor, b.open}, {"form.organization", &b.meta.Organization, b.open},
		{"form.date", &b.meta.Date, b.openDate}} {
		b.w.Text(sheet, 1, row, b.t(field.label))
		b.w.Style(sheet, 1, row, b.w.St.Label)
		b.w.Style(sheet, 2, row, field.style)
		*field.ref = xlsxkit.Cell(2, row)
		row++
	}
	b.printSetup(sheet, 0)
	b.protect(sheet)
}

// levelsSheet writes the hidden list of rubric levels the drop-downs
// point at (a list typed in a validation holds at most 255 characters;
// the descriptors stand beside each answer instead).
func (b *formBuilder) levelsSheet() string {
	sheet := xlsxkit.SafeSheetName(b.t("form.sheet.levels"))
	_, err := b.w.F.NewSheet(sheet)
	b.w.Check(err)
	for level := 0; level <= assessment.MaxRubric; level++ {
		b.w.Check(b.w.F.SetCellInt(sheet, xlsxkit.Cell(1, level+1), int64(level)))
	}
	b.w.Check(b.w.F.SetSheetVisible(sheet, false))
	return sheet
}

// sectionSheet writes one section's questions.
func (b *formBuilder) sectionSheet(s *assessment.Section, levels string) {
	sheet := xlsxkit.SectionSheet(b.w.Loc, s.ID)
	_, err := b.w.F.NewSheet(sheet)
	b.w.Check(err)
	b.w.Widths(sheet, 5, xlsxkit.IDWidth(s), 40, 45, 20, 30, 45, 40, 24)
	b.w.Text(sheet, 1, 1, b.t(s.NameID()))
	b.w.Style(sheet, 1, 1, b.w.St.Title)
	b.w.TableHeader(sheet, formHeaderRow, "report.col.no", "report.col.questionId", "report.col.question", "form.col.help",
		"form.col.how", "report.col.answer", "form.col.levels", "report.col.evidence", "report.col.source")
	row := formHeaderRow + 1
	for i, q := range s.Questions {
		b.w.QuestionRow(sheet, row, i+1, q)
		b.w.Text(sheet, formHelp, row, b.t(q.HelpID()))
		b.w.Text(sheet, formHow, row, b.how(q))
		if q.Type == assessment.Rubric {
			var lines []string
			for level := 0; level <= assessment.MaxRubric; level++ {
				lines = append(lines, fmt.Sprintf("%d: %s", level, b.t(q.LevelID(level))))
			}
			b.w.Text(sheet, formLevels, row, strings.Join(lines, "\n"))
		}
		for _, c := range []int{formHelp, formHow, formLevels} {
			b.w.Style(sheet, c, row, b.w.St.Text)
		}
		b.prefill(sheet, row, q)
		b.validate(sheet, row, q, levels)
		b.meta.Questions = append(b.meta.Questions, xlsxkit.AnswerCell{ID: q.ID, Sheet: sheet, ByID: true, Type: kindOf(q),
			Int: q.Integer || q.Type == assessment.Rubric, Max: xlsxkit.MaxOf(q)})
		row++
	}
	b.w.Freeze(sheet, formHeaderRow)
	b.printSetup(sheet, formHeaderRow)
	b.protect(sheet)
}

// kindOf is how a question's answer cell is read back: its type, "date"
// for the city's date.
func kindOf(q *assessment.Question) string {
	if attr, ok := assessment.LookupCityAttribute(q.CityField); ok && attr.Kind == assessment.AttributeDate {
		return xlsxkit.KindDate
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
		return b.t("form.how.perCapita", map[string]any{"Unit": l10n.CountUnit(b.w.Loc, q)})
	case q.Type == assessment.Number:
		return b.t("form.how.number", map[string]any{"Unit": l10n.CountUnit(b.w.Loc, q)})
	case kindOf(q) == xlsxkit.KindDate:
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
		b.w.Check(b.w.F.SetCellFloat(sheet, xlsxkit.Cell(formAnswer, row), f, -1, 64))
	case v.Kind() == assessment.KindBool:
		yes, _ := v.Bool()
		b.w.Text(sheet, formAnswer, row, b.w.YesNo(yes))
	default:
		if s, ok := v.String(); ok {
			if kindOf(q) == xlsxkit.KindDate {
				if d, err := time.Parse(assessment.ISODate, s); err == nil {
					b.w.Check(b.w.F.SetCellValue(sheet, xlsxkit.Cell(formAnswer, row), d))
				}
			} else {
				b.cutText(sheet, formAnswer, row, s, q.ID)
			}
		}
	}
	if q.Type == assessment.Text {
		style = b.openWrap
	}
	if kindOf(q) == xlsxkit.KindDate {
		style = b.openDate
	}
	b.w.Style(sheet, formAnswer, row, style)
	b.cutText(sheet, formEvidence, row, evidence, q.ID)
	b.cutText(sheet, formSource, row, source, q.ID)
	b.w.Style(sheet, formEvidence, row, b.openWrap)
	b.w.Style(sheet, formSource, row, b.openWrap)
}

// validate lets an answer cell take only what its question accepts: a
// level from the drop-down, yes or no, a number in range.
func (b *formBuilder) validate(sheet string, row int, q *assessment.Question, levels string) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = xlsxkit.Cell(formAnswer, row)
	switch {
	case q.Type == assessment.Rubric:
		dv.SetSqrefDropList(fmt.Sprintf("%s!$A$1:$A$%d", xlsxkit.QuoteSheet(levels), assessment.MaxRubric+1))
	case q.Type == assessment.Boolean:
		b.w.Check(dv.SetDropList([]string{b.t("report.yes"), b.t("report.no")}))
	case q.Type == assessment.Number:
		kind := excelize.DataValidationTypeDecimal
		if q.Integer {
			kind = excelize.DataValidationTypeWhole
		}
		top := 1e12
		if q.Max > 0 {
			top = q.Max
		}
		b.w.Check(dv.SetRange(0, top, kind, excelize.DataValidationOperatorBetween))
	default:
		return
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, b.t("form.invalidTitle"), b.t("form.invalid."+string(q.Type)))
	b.w.Check(b.w.F.AddDataValidation(sheet, dv))
}

// protect locks a sheet's structure: only the unlocked cells take input;
// rows may be made higher for long evidence.
func (b *formBuilder) protect(sheet string) {
	b.w.Check(b.w.F.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatRows: true, FormatColumns: true}))
}

// metaSheet writes the hidden sheet that marks the workbook as a form.
func (b *formBuilder) metaSheet() {
	sheet := "_form"
	_, err := b.w.F.NewSheet(sheet)
	b.w.Check(err)
	b.w.Check(b.w.F.SetCellStr(sheet, "A1", FormSheetMarker))
	b.w.Check(b.w.F.SetCellInt(sheet, "B1", FormVersion))
	b.writeMeta(sheet)
	b.w.Check(b.w.F.SetSheetVisible(sheet, false))
}
