package application

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/translations"
)

// Options are the choices of a draft.
type Options struct {
	Lang translations.Lang // a dossier language: en or fr
	// RateUSD and RateEUR are how many VND make one US dollar and one
	// euro; 0 leaves the currency out of the budget table.
	RateUSD, RateEUR float64
	// Date is the day the draft is made (zero: today).
	Date time.Time
}

// MinRate is the smallest exchange rate a draft takes: one VND for one
// unit of the currency. Every currency the office deals with is worth
// thousands; a tiny rate would make the budget's totals overflow.
const MinRate = 1.0

// ValidRate reports whether r is an exchange rate a draft takes: 0 (the
// currency left out) or a finite number of VND of at least MinRate.
func ValidRate(r float64) bool { return r == 0 || (r >= MinRate && !math.IsInf(r, 0)) }

// draft builds one document.
type draft struct {
	qn    *assessment.Questionnaire
	a     *assessment.Assessment
	form  *Form
	loc   *translations.Localizer
	vi    *translations.Localizer // the office's language, for the evidence
	ui    *translations.Localizer // question texts in the dossier language, if the app has it
	opt   Options
	doc   *docx.RootDoc
	field string
	err   error
}

// Write writes the draft application of an assessment as a .docx document.
func Write(qn *assessment.Questionnaire, a *assessment.Assessment, f *Form, opt Options) ([]byte, error) {
	loc, err := translations.Application(opt.Lang)
	if err != nil {
		return nil, err
	}
	doc, err := godocx.NewDocument()
	if err != nil {
		return nil, err
	}
	if opt.Date.IsZero() {
		opt.Date = time.Now()
	}
	d := &draft{qn: qn, a: a, form: f, loc: loc, vi: translations.New(translations.VI), opt: opt, doc: doc,
		field: ChosenField(qn, a)}
	if l, ok := translations.ParseLang(string(opt.Lang)); ok {
		d.ui = translations.New(l)
	}
	// A4 with 2 cm margins: a text width of textWidth twips.
	margin, edge := 1134, 1134
	doc.Document.Body.SectPr.PageSize = ctypes.A4
	doc.Document.Body.SectPr.PageMargin = &ctypes.PageMargin{Left: &margin, Right: &margin, Top: &edge, Bottom: &edge}
	d.build()
	if d.err != nil {
		return nil, d.err
	}
	var buf bytes.Buffer
	if err := doc.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteFile writes the draft to path atomically (a file replaced is kept
// as .bak).
func WriteFile(path string, qn *assessment.Questionnaire, a *assessment.Assessment, f *Form, opt Options) error {
	// A name Windows cannot use is refused, as for every file the user names.
	if err := files.CheckName(path); err != nil {
		return err
	}
	data, err := Write(qn, a, f, opt)
	if err != nil {
		return err
	}
	return files.WriteWithBackup(path, data)
}

func (d *draft) t(id string, data ...map[string]any) string { return d.loc.T(id, data...) }

func (d *draft) heading(text string, level uint) {
	if _, err := d.doc.AddHeading(text, level); err != nil && d.err == nil {
		d.err = err
	}
}

func (d *draft) para(text string) *docx.Paragraph { return d.doc.AddParagraph(text) }

// note is a paragraph in italics: what the draft says to its readers.
func (d *draft) note(text string) {
	d.doc.AddEmptyParagraph().AddText(text).Italic(true)
}

// quote gives the office's Vietnamese text for the translator, under a
// label in the application language.
func (d *draft) quote(label, text string) {
	p := d.doc.AddEmptyParagraph()
	p.Style("Quote")
	if label != "" {
		sep := d.t("dossier.labelSeparator")
		if strings.ContainsAny(label[len(label)-1:], "?.:") {
			sep = " "
		}
		p.AddText(label + sep).Bold(true)
	}
	p.AddText(text)
}

// textWidth is the width of the text on the page, in twips.
const textWidth = 11906 - 2*1134

// table writes a table whose columns share the text width in the
// proportions given; a nil header writes none.
func (d *draft) table(shares []int, header []string, rows [][]string) {
	total := 0
	for _, w := range shares {
		total += w
	}
	widths := make([]int, len(shares))
	grid := make([]uint64, len(shares))
	for i, w := range shares {
		widths[i] = textWidth * w / total
		grid[i] = uint64(widths[i])
	}
	tb := d.doc.AddTable()
	tb.Style("TableGrid")
	tb.Width(textWidth, stypes.TableWidthDxa)
	tb.Layout(stypes.TableLayoutFixed)
	tb.Grid(grid...)
	if header != nil {
		hr := tb.AddRow()
		for i, h := range header {
			hr.AddCell().Width(widths[i], stypes.TableWidthDxa).AddEmptyPara().AddText(h).Bold(true)
		}
	}
	for _, r := range rows {
		row := tb.AddRow()
		for i, c := range r {
			row.AddCell().Width(widths[i], stypes.TableWidthDxa).AddParagraph(c)
		}
	}
	// A row is never split across two pages: a cell's text stays together.
	for _, rc := range tb.GetCT().RowContents {
		if rc.Row.Property == nil {
			rc.Row.Property = &ctypes.RowProperty{}
		}
		rc.Row.Property.CantSplit = &ctypes.OnOff{}
	}
	d.doc.AddEmptyParagraph()
}

// number writes a number in the application language's notation (its
// separators may be longer than a byte: French groups with a no-break space).
func (d *draft) number(f float64, decimals int) string {
	s := assessment.FormatNumber(f, assessment.Notation{Decimal: '.', Thousands: ','}, decimals)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ',':
			b.WriteString(d.loc.Setting("thousandsSeparator"))
		case '.':
			b.WriteString(d.loc.Setting("decimalSeparator"))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// date writes an ISO date, or a time, in the language's words.
func (d *draft) date(t time.Time) string {
	months := strings.Split(d.loc.Setting("months"), ",")
	month := t.Month().String()
	if len(months) == 12 {
		month = months[t.Month()-1]
	}
	return d.t("dossier.date", map[string]any{"Day": t.Day(), "Month": month, "Year": t.Year()})
}

func (d *draft) fieldName() string {
	if d.field == "" {
		return d.t("dossier.toComplete")
	}
	return d.t("dossier.field." + d.field)
}

func (d *draft) profile(id string) string {
	s, _ := d.a.Value("profile." + id).String()
	return strings.TrimSpace(s)
}

func (d *draft) orComplete(s string) string {
	if strings.TrimSpace(s) == "" {
		return d.t("dossier.toComplete")
	}
	return s
}

func (d *draft) build() {
	city := d.orComplete(d.a.City.Name)
	d.heading(d.t("dossier.title"), 0)
	d.para(d.t("dossier.subtitle", map[string]any{"City": city, "Country": d.t("dossier.country"), "Field": d.fieldName()})).Style("Subtitle")
	d.doc.AddEmptyParagraph().AddText(d.t("dossier.draftLabel")).Bold(true)
	d.note(d.t("dossier.notice", map[string]any{"Date": d.date(d.opt.Date), "City": city,
		"Version": d.a.QuestionnaireVersion, "FormYear": strconv.Itoa(d.form.Year)}))
	if demo, ok := d.a.ExtraMembers()["demonstration"]; ok && string(demo) == "true" {
		d.doc.AddEmptyParagraph().AddText(d.t("dossier.demoNotice")).Bold(true).Color("C00000")
	}
	for i := range d.form.Sections {
		s := &d.form.Sections[i]
		d.heading(d.t(s.HeadingID(), map[string]any{"Field": d.fieldName()}), 1)
		d.note(d.t(s.InstructionsID(), map[string]any{"Field": d.fieldName()}))
		switch s.Kind {
		case KindData:
			d.general(s)
		case KindProse:
			d.prose(s)
		case KindField:
			d.assets(s)
		case KindPlan:
			d.plan(s)
		case KindChecklist:
			d.checklist()
		}
	}
}

// general is the city, country, field and the four contacts.
func (d *draft) general(s *Section) {
	province := d.orComplete(d.a.City.Province)
	rows := [][]string{
		{d.t("dossier.contact.city"), d.orComplete(d.a.City.Name)},
		{d.t("dossier.contact.country"), d.t("dossier.country")},
		{d.t("dossier.contact.province"), province},
		{d.t("dossier.contact.field"), d.fieldName()},
		{d.t("dossier.contact.mayor", map[string]any{"Province": province}), d.orComplete(d.profile("signer_name"))},
	}
	labels := map[string]string{"profile.mayor_representative": "dossier.contact.representative",
		"profile.main_contact": "dossier.contact.main", "profile.alternate_contact": "dossier.contact.alternate"}
	for _, id := range s.Questions {
		v, _ := d.a.Value(id).String()
		label := labels[id]
		if label == "" {
			label = id
		}
		rows = append(rows, []string{d.t(label), d.orComplete(v)})
	}
	d.table([]int{35, 65}, nil, rows)
}

// prose gives the limit, the figures of the section's number questions
// and the evidence; with nothing at all, UNESCO's phrase for that case.
func (d *draft) prose(s *Section) {
	for _, t := range s.Tables {
		switch t {
		case TableCity:
			d.cityFigures()
		case TableObjectives:
			d.objectives()
		}
	}
	d.para(d.t("dossier.wordLimit", map[string]any{"Limit": d.number(float64(s.WordLimit), 0)}))
	if d.written(s) {
		return
	}
	d.toWrite(s.Questions, len(s.Tables) > 0)
}

// written puts the text the office wrote for a section, pasted back in
// the window, with its word count against the limit; false when there is
// none yet.
func (d *draft) written(s *Section) bool {
	text := strings.TrimSpace(d.a.Application.ProseOf(s.ID))
	if text == "" {
		return false
	}
	for _, p := range strings.Split(text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			d.para(p)
		}
	}
	id := "dossier.wordCount"
	if s.Over(text) {
		id = "dossier.wordCountOver"
	}
	d.note(d.t(id, map[string]any{"Words": d.number(float64(Words(text)), 0),
		"Limit": d.number(float64(s.WordLimit), 0)}))
	return true
}

// toWrite marks the prose to write and quotes the evidence for it; with
// neither evidence nor a table, UNESCO's phrase for a section with
// nothing to say.
func (d *draft) toWrite(questions []string, tables bool) {
	if !slices.ContainsFunc(questions, func(id string) bool { return given(d.a, id) }) && !tables {
		d.para(d.t("dossier.noInformation"))
		return
	}
	d.doc.AddEmptyParagraph().AddText(d.t("dossier.toWrite")).Bold(true)
	d.evidence(questions)
}

// cityFigures is the profile in figures.
func (d *draft) cityFigures() {
	rows := [][]string{
		{d.t("dossier.figure.population"), d.figure(d.a.City.Population, 0)},
		{d.t("dossier.figure.area"), d.figure(d.a.City.AreaKm2, 1)},
	}
	d.table([]int{50, 50}, nil, rows)
}

func (d *draft) figure(f float64, decimals int) string {
	if f == 0 {
		return d.t("dossier.toComplete")
	}
	return d.number(f, decimals)
}

// evidence quotes the office's answers and evidence for the questions,
// in Vietnamese, each under its question; it reports whether there was any.
func (d *draft) evidence(ids []string) bool {
	first := true
	for _, id := range ids {
		ans := d.a.Answer(id)
		q, ok := d.qn.Question(id)
		if ans == nil || !ok || !given(d.a, id) {
			continue
		}
		if first {
			d.para(d.t("dossier.evidence"))
			first = false
		}
		var parts []string
		if v := d.a.Value(id); !v.IsNone() && q.Type != assessment.Rubric {
			parts = append(parts, d.value(q, v))
		}
		if e := strings.TrimSpace(ans.Evidence); e != "" {
			parts = append(parts, e)
		}
		if len(parts) > 0 {
			d.quote(d.vi.T(q.TextID()), strings.Join(parts, " — "))
		}
	}
	return !first
}

// value writes an answer in the application language's notation.
func (d *draft) value(q *assessment.Question, v assessment.Value) string {
	switch v.Kind() {
	case assessment.KindNumber:
		f, _ := v.Number()
		return d.number(f, 2)
	case assessment.KindBool:
		if yes, _ := v.Bool(); yes {
			return d.t("dossier.yes")
		}
		return d.t("dossier.no")
	case assessment.KindString:
		s, _ := v.String()
		return s
	}
	return ""
}

// questionText is a question's text in the application language when the app
// has it, otherwise in Vietnamese with a mark for the translator.
func (d *draft) questionText(q *assessment.Question) string {
	if d.ui != nil {
		return d.ui.T(q.TextID())
	}
	return d.vi.T(q.TextID()) + " " + d.t("dossier.toTranslate")
}

// assets are the chosen field's figures, then its evidence.
func (d *draft) assets(s *Section) {
	d.para(d.t("dossier.wordLimit", map[string]any{"Limit": d.number(float64(s.WordLimit), 0)}))
	sec, ok := d.qn.Section(d.field)
	if !ok {
		d.para(d.t("dossier.noInformation"))
		return
	}
	var rows [][]string
	var ids []string
	for _, q := range sec.Questions {
		ids = append(ids, q.ID)
		if q.Type != assessment.Number {
			continue
		}
		v := d.a.Value(q.ID)
		if v.IsNone() {
			continue
		}
		f, _ := v.Number()
		unit := ""
		if d.ui != nil {
			unit = " " + d.ui.T(q.UnitID())
		}
		rows = append(rows, []string{d.questionText(q), d.number(f, 2) + unit})
	}
	if len(rows) > 0 {
		d.table([]int{65, 35}, []string{d.t("dossier.figure.indicator"), d.t("dossier.figure.value")}, rows)
	}
	if d.written(s) {
		return
	}
	d.toWrite(ids, len(rows) > 0)
}
