// Package report writes the Excel workbook of an assessment and reads it
// back: a cover, a summary with the field ranking, recommendation and
// charts, a sheet for readiness and for each field, the action plan of the
// application, the gaps to close in the recommended field, and a
// machine-readable data sheet from which the assessment is read back with
// what a reader changed on the visible sheets. Each sheet's writer and
// reader stand in one file. The report language is a parameter,
// independent of any user interface; what every workbook shares is in
// package xlsxkit.
package report

import (
	"io"
	"maps"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report/xlsxkit"
	"creativecity/translations"
)

// Options set what the report says about itself.
type Options struct {
	Lang       translations.Lang
	AppVersion string
	// Now is the time written in the document properties (default: now).
	Now time.Time
	// Migrated is what changed when an assessment of an older
	// questionnaire version was brought up to this one
	// (Questionnaire.Migrate): the report says so under its title.
	Migrated []assessment.Problem
}

// Write builds the workbook and writes it to w. res may be nil, then the
// assessment is scored here. It returns warnings (evidence cut to fit a
// cell); an error means nothing usable was written.
func Write(w io.Writer, qn *assessment.Questionnaire, a *assessment.Assessment, res *assessment.Result, opts Options) ([]assessment.Problem, error) {
	f, warnings, err := Build(qn, a, res, opts)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := f.WriteTo(w); err != nil {
		return nil, err
	}
	return warnings, nil
}

// Build returns the workbook in memory (the caller closes it).
func Build(qn *assessment.Questionnaire, a *assessment.Assessment, res *assessment.Result, opts Options) (*excelize.File, []assessment.Problem, error) {
	if res == nil {
		res = assessment.Score(qn, a)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	w, cover := xlsxkit.New(opts.Lang, "report.sheet.cover")
	b := &builder{w: w, qn: qn, a: a, res: res, opts: opts}
	if err := b.build(cover); err != nil {
		w.F.Close()
		return nil, nil, err
	}
	return w.F, w.Warnings(), nil
}

// builder writes the report's sheets with a workbook of the kit.
type builder struct {
	w             *xlsxkit.Book
	qn            *assessment.Questionnaire
	a             *assessment.Assessment
	res           *assessment.Result
	opts          Options
	watched       []watched  // the answer cells of the visible sheets, fingerprinted on the data sheet
	planCells     []planCell // the cells of the action plan's sheet, fingerprinted on the data sheet
	planSheetName string     // the action plan's sheet
	planBlocks    [][2]int   // its blocks' first and last rows, each kept on one printed page
}

// t translates a message.
func (b *builder) t(id string, data ...map[string]any) string { return b.w.Loc.T(id, data...) }

func (b *builder) build(cover string) error {
	b.cover(cover)
	summary := b.t("report.sheet.summary")
	b.w.NewSheet(summary)
	b.summary(summary)
	if rs := b.qn.SectionOfKind(assessment.KindReadiness); rs != nil {
		b.section(rs)
	}
	for _, s := range b.qn.Fields() {
		b.section(s)
	}
	b.planSheet()
	b.gaps()
	b.data()
	b.w.Finish()
	b.planBreaks()
	b.properties()
	return b.w.Err()
}

// printSetup prints a sheet on A4 landscape, its header naming the city
// (see xlsxkit.Book.PrintSetup).
func (b *builder) printSetup(sheet string, titleRows int) {
	b.w.PrintSetup(sheet, titleRows, b.a.City.Name)
}

func (b *builder) properties() {
	lang := b.w.Loc.Setting("tag")
	now := b.opts.Now.UTC().Format(time.RFC3339)
	creator := b.t("app.name") + " " + b.opts.AppVersion
	b.w.Check(b.w.F.SetDocProps(&excelize.DocProperties{
		Title:          b.t("report.title"),
		Subject:        b.t("report.subject", map[string]any{"City": b.a.City.Name}),
		Creator:        creator,
		LastModifiedBy: creator,
		Description:    b.t("report.docDescription", map[string]any{"Count": len(b.qn.Fields())}),
		Keywords:       "UNESCO, UCCN, " + b.a.City.Name,
		Language:       lang,
		Version:        b.opts.AppVersion,
		Created:        now,
		Modified:       now,
	}))
	b.w.Check(b.w.F.SetAppProps(&excelize.AppProperties{Application: b.t("app.name")}))
}

// sortedKeys lists a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// WriteFile writes the workbook to path atomically (see
// xlsxkit.WriteFile). Errors are *assessment.FileError.
func WriteFile(path string, qn *assessment.Questionnaire, a *assessment.Assessment, res *assessment.Result, opts Options) ([]assessment.Problem, error) {
	var warnings []assessment.Problem
	err := xlsxkit.WriteFile(path, func(w io.Writer) (err error) {
		warnings, err = Write(w, qn, a, res, opts)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range warnings {
		warnings[i].Path = path
	}
	return warnings, nil
}
