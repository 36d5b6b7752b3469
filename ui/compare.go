package ui

import (
	"image/color"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	compared "creativecity/assessment/comparison"
	"creativecity/assessment/l10n"
	"creativecity/translations"
)

// ComparePage is the page ID of the comparison of several cities.
const ComparePage = "compare"

// fieldColors tell the fields apart in the comparison chart.
var fieldColors = []color.NRGBA{
	{0xE1, 0x57, 0x59, 0xff}, {0xF2, 0x8E, 0x2B, 0xff}, {0xED, 0xC9, 0x48, 0xff}, {0x59, 0xA1, 0x4F, 0xff},
	{0x4E, 0x79, 0xA7, 0xff}, {0xB0, 0x7A, 0xA1, 0xff}, {0x76, 0xB7, 0xB2, 0xff},
}

// comparison is the state of the comparison page: its inputs and what
// they gave.
type comparison struct {
	inputs []string
	result *compared.Comparison
	busy   bool
}

// compareView shows the compared cities as a table and a grouped chart.
type compareView struct {
	a       *App
	table   *widget.Table
	details *widget.Label // the full path of the selected city's file
	widths  []float32     // the table's column widths
	header  float32       // the height of the table's header row
	rebuiltPage
}

func newCompareView(a *App) *compareView {
	v := &compareView{a: a}
	v.rebuiltPage = newRebuiltPage(v.objects)
	return v
}

// refresh does nothing: the comparison does not show the document (it is
// rebuilt when the comparison changes).
func (v *compareView) refresh() {}

// compareLabel is a label whose text wraps at spaces.
func compareLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (v *compareView) objects() []fyne.CanvasObject {
	a := v.a
	cmp := a.compare
	v.table, v.details = nil, nil
	title := widget.NewLabel(a.t("gui.compareTitle"))
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	intro := compareLabel(a.t("gui.compareIntro"))
	addFolder := widget.NewButtonWithIcon(a.t("gui.compareAddFolder"), theme.FolderOpenIcon(), a.compareAddFolderDialog)
	addFile := widget.NewButtonWithIcon(a.t("gui.compareAddFile"), theme.FileIcon(), a.compareAddFileDialog)
	clear := widget.NewButtonWithIcon(a.t("gui.compareClear"), theme.ContentClearIcon(), func() {
		a.compare = comparison{}
		v.rebuild()
	})
	export := widget.NewButtonWithIcon(a.t("gui.menuExport"), theme.UploadIcon(), a.compareExportDialog)
	export.Importance = widget.HighImportance
	objects := []fyne.CanvasObject{title, intro, container.NewHBox(addFolder, addFile, clear, export)}
	if cmp.busy {
		objects = append(objects, widget.NewProgressBarInfinite())
	}
	if cmp.result == nil {
		clear.Disable()
		export.Disable()
		return objects
	}
	res := cmp.result
	objects = append(objects, compareLabel(a.loc.N("gui.compareSummary", len(res.Cities), map[string]any{
		"Duplicates": len(res.Duplicates), "Skipped": len(res.Skipped)})))
	if len(res.Cities) == 0 {
		export.Disable()
	} else {
		v.table = v.newTable(res)
		// The table scrolls itself; the spacer only gives it a height.
		rowHeight := widget.NewLabel("").MinSize().Height + theme.Padding()
		spacer := canvas.NewRectangle(color.Transparent)
		spacer.SetMinSize(fyne.NewSize(0, min(520, v.header+float32(len(res.Cities))*rowHeight+12)))
		v.details = compareLabel(a.t("gui.compareView.selectHint"))
		v.details.Importance = widget.LowImportance
		objects = append(objects, container.NewStack(spacer, v.table), v.details,
			compareLabel(a.t("compare.rankNote", map[string]any{"Variations": l10n.Number(a.loc, assessment.Variations, 0)})))
	}
	objects = append(objects, v.alsoGiven(res)...)
	objects = append(objects, v.skipped(res)...)
	if len(res.Cities) > 0 {
		objects = append(objects, v.legend(), v.chart(res))
	}
	return objects
}

// compareListTitle is the bold title of a list under the table.
func compareListTitle(text string) *widget.Label {
	l := compareLabel(text)
	l.TextStyle.Bold = true
	return l
}

// alsoGiven lists, under the table, the files of a city already in it, by
// the city they repeat.
func (v *compareView) alsoGiven(res *compared.Comparison) []fyne.CanvasObject {
	if len(res.Duplicates) == 0 {
		return nil
	}
	a := v.a
	out := []fyne.CanvasObject{compareListTitle(a.t("gui.compareView.alsoGivenTitle"))}
	for _, c := range res.Cities {
		dups := assessment.DuplicatesOf(res.Duplicates, c)
		if len(dups) == 0 {
			continue
		}
		var files []string
		for _, d := range dups {
			files = append(files, filepath.Base(d.City.Path))
		}
		out = append(out, compareLabel("• "+a.t("gui.compareView.alsoGiven", map[string]any{
			"City": compared.CityLabel(c.Doc.City), "Files": strings.Join(files, ", "), "File": filepath.Base(c.Path)})))
	}
	return out
}

// skipped lists the inputs that could not be read, with the reason, then
// the notes on inputs (an UpdatedAt in the future).
func (v *compareView) skipped(res *compared.Comparison) []fyne.CanvasObject {
	a := v.a
	var out []fyne.CanvasObject
	warn := func(p assessment.Problem) {
		path := p.Path
		p.Path = ""
		l := compareLabel("⚠ " + path + ": " + l10n.Problem(a.loc, p))
		l.Importance = widget.WarningImportance
		out = append(out, l)
	}
	if len(res.Skipped) > 0 {
		out = append(out, compareListTitle(a.t("gui.compareView.skippedTitle")))
	}
	for _, s := range res.Skipped {
		p := s.Problem
		p.Path = s.Path
		warn(p)
	}
	if len(res.Warnings) > 0 {
		out = append(out, compareListTitle(a.t("compare.notesTitle")))
	}
	for _, p := range res.Warnings {
		warn(p)
	}
	return out
}

// columns are the headers of the overview table: of the comparison's
// columns, those the window shows (see comparison.Columns).
func (v *compareView) columns() []string {
	var heads []string
	for _, c := range compared.WindowColumns(v.a.qn) {
		heads = append(heads, c.Header(v.a.loc, true))
	}
	return heads
}

// cell is the text of column col for city i of a comparison.
func (v *compareView) cell(res *compared.Comparison, i, col int) string {
	return v.cellOf(res, i, compared.WindowColumns(v.a.qn)[col])
}

// cellOf is the text of a column for city i of a comparison.
func (v *compareView) cellOf(res *compared.Comparison, i int, col compared.Column) string {
	a := v.a
	c := res.Cities[i]
	switch col.Kind {
	case compared.ColCity:
		return c.Doc.City.Name
	case compared.ColProvince:
		return c.Doc.City.Province
	case compared.ColField:
		f, _ := c.Result.Field(col.Field)
		return l10n.Score(a.loc, f.Score)
	case compared.ColReadiness:
		return l10n.Score(a.loc, c.Result.Readiness.Score)
	case compared.ColRecommended:
		if f := c.Result.Recommendation.Field; f != "" {
			return l10n.SectionName(a.loc, f)
		}
		return "–"
	case compared.ColConfidence:
		return l10n.Confidence(a.loc, c.Result.Recommendation.Confidence)
	case compared.ColStability:
		if u := c.Result.Uncertainty; u != nil && c.Result.Recommendation.Field != "" {
			return l10n.Percent(a.loc, u.Stability)
		}
		return "–"
	case compared.ColRank, compared.ColNext:
		return v.rankCell(res, i, col)
	}
	return filepath.Base(c.Path)
}

// rankCell is the text of the rank or the separation of city i, nothing
// for a comparison without rank intervals.
func (v *compareView) rankCell(res *compared.Comparison, i int, col compared.Column) string {
	if res.Ranks == nil {
		return ""
	}
	r := res.Ranks.Overall[i]
	switch {
	case col.Kind == compared.ColNext:
		return compared.NextText(v.a.loc, r, len(res.Cities))
	case r.Range[0] == r.Range[1]:
		return v.a.t("gui.compareView.rank", map[string]any{"Rank": r.Rank})
	}
	return v.a.t("gui.compareView.rankRange", map[string]any{"Rank": r.Rank, "Best": r.Range[0], "Worst": r.Range[1]})
}

// Column widths of the table: a header wraps at spaces, so a column is at
// least as wide as the longest word of its header; it is as wide as its
// widest cell up to compareMaxColumnWidth (a longer cell ends in "…").
const (
	compareMinColumnWidth = 90
	compareMaxColumnWidth = 260
)

// newCompareHeader is a header cell of the table: bold, wrapped at
// spaces, never cut.
func newCompareHeader() fyne.CanvasObject {
	l := compareLabel("")
	l.TextStyle.Bold = true
	return l
}

// layoutColumns sets the column widths and the header height that show
// every header whole and most cells whole.
func (v *compareView) layoutColumns(cols []compared.Column, res *compared.Comparison) {
	pad := 2*theme.InnerPadding() + 2
	size := theme.TextSize()
	v.widths = make([]float32, len(cols))
	for i, col := range cols {
		head := col.Header(v.a.loc, true)
		w := float32(compareMinColumnWidth)
		for _, word := range strings.Fields(head) {
			w = max(w, fyne.MeasureText(word, size, fyne.TextStyle{Bold: true}).Width+pad)
		}
		widest := float32(0)
		for row := range res.Cities {
			widest = max(widest, fyne.MeasureText(v.cellOf(res, row, col), size, fyne.TextStyle{}).Width+pad)
		}
		v.widths[i] = max(w, min(widest, compareMaxColumnWidth))
	}
	v.header = 0
	for i, col := range cols {
		h := newCompareHeader().(*widget.Label)
		h.SetText(col.Header(v.a.loc, true))
		h.Resize(fyne.NewSize(v.widths[i], 1000))
		v.header = max(v.header, h.MinSize().Height)
	}
}

func (v *compareView) newTable(res *compared.Comparison) *widget.Table {
	cols := compared.WindowColumns(v.a.qn)
	v.layoutColumns(cols, res)
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(res.Cities), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(v.cellOf(res, id.Row, cols[id.Col]))
		},
	)
	t.CreateHeader = newCompareHeader
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row < 0 && id.Col >= 0 {
			l.SetText(cols[id.Col].Header(v.a.loc, true))
		} else {
			l.SetText("")
		}
	}
	t.ShowHeaderColumn = false
	t.StickyColumnCount = 1 // the city stays in view
	for i, w := range v.widths {
		t.SetColumnWidth(i, w)
	}
	t.SetRowHeight(-1, v.header)
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(res.Cities) {
			v.showDetails(res, id.Row)
		}
	}
	return t
}

// showDetails shows, under the table, the full path of a city's file and
// of the files given again for it.
func (v *compareView) showDetails(res *compared.Comparison, i int) {
	if v.details == nil {
		return
	}
	a := v.a
	c := res.Cities[i]
	text := a.t("gui.compareView.selected", map[string]any{"City": compared.CityLabel(c.Doc.City), "File": c.Path})
	for _, d := range assessment.DuplicatesOf(res.Duplicates, c) {
		text += "\n" + a.t("gui.compareView.selectedAlso", map[string]any{"File": d.City.Path})
	}
	if res.Ranks != nil {
		var ranks []string
		for _, f := range a.qn.Fields() {
			r := res.Ranks.Fields[f.ID][i]
			id := "gui.compareView.fieldRankRange"
			switch {
			case r.NotSeparable && r.Range[0] == r.Range[1]:
				id = "gui.compareView.fieldRankNotSeparable"
			case r.NotSeparable:
				id = "gui.compareView.fieldRankRangeNotSeparable"
			case r.Range[0] == r.Range[1]:
				id = "gui.compareView.fieldRank"
			}
			ranks = append(ranks, a.t(id, map[string]any{"Field": l10n.SectionName(a.loc, f.ID), "Rank": r.Rank,
				"Best": r.Range[0], "Worst": r.Range[1]}))
		}
		text += "\n" + a.t("gui.compareView.fieldRanks", map[string]any{"Ranks": strings.Join(ranks, "; ")})
	}
	v.details.SetText(text)
	v.details.Importance = widget.MediumImportance
	v.details.Refresh()
}

func (v *compareView) legend() fyne.CanvasObject {
	items := []fyne.CanvasObject{}
	for i, f := range v.a.qn.Fields() {
		items = append(items, container.NewHBox(swatch(fieldColors[i%len(fieldColors)]), widget.NewLabel(l10n.SectionName(v.a.loc, f.ID))))
	}
	return container.NewGridWithColumns(3, items...)
}

// chart draws, for each city (up to assessment.ChartCities, strongest
// first), a group of bars, one per field.
func (v *compareView) chart(res *compared.Comparison) fyne.CanvasObject {
	cities := assessment.TopCities(res.Cities, assessment.ChartCities)
	rows := []fyne.CanvasObject{widget.NewLabel(v.a.loc.N("compare.chartTitle", len(cities), nil))}
	for _, c := range cities {
		name := widget.NewLabel(c.Doc.City.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		var bars []fyne.CanvasObject
		for i, f := range c.Result.Fields {
			bars = append(bars, newGroupBar(f.Score/100, fieldColors[i%len(fieldColors)]))
		}
		group := container.New(&groupLayout{}, bars...)
		rows = append(rows, container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(200, 70), name), nil, group))
	}
	return container.NewVBox(rows...)
}

// newGroupBar is one vertical bar of a group, filled to score (0..1).
func newGroupBar(score float64, c color.Color) fyne.CanvasObject {
	return container.New(&vbarLayout{score: float32(score)}, canvas.NewRectangle(trackColor), canvas.NewRectangle(c))
}

type vbarLayout struct{ score float32 }

func (l *vbarLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
	h := size.Height * l.score
	objs[1].Move(fyne.NewPos(0, size.Height-h))
	objs[1].Resize(fyne.NewSize(size.Width, h))
}

func (l *vbarLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(14, 60) }

// groupLayout places the bars of a group side by side.
type groupLayout struct{}

func (g *groupLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := float32(22)
	for i, o := range objs {
		o.Move(fyne.NewPos(float32(i)*(w+4), 4))
		o.Resize(fyne.NewSize(w, size.Height-8))
	}
}

func (g *groupLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(float32(len(objs))*26, 70)
}

// addInputs adds files or folders to the comparison's inputs and returns
// them all.
func (a *App) addInputs(paths []string) []string {
	for _, p := range compared.ExpandInputs(paths) {
		if !slices.Contains(a.compare.inputs, p) {
			a.compare.inputs = append(a.compare.inputs, p)
		}
	}
	return slices.Clone(a.compare.inputs)
}

// CompareNow adds inputs and loads the comparison before returning (for
// the command line and screenshots).
func (a *App) CompareNow(paths []string) {
	a.compare.result = compared.Load(a.qn, a.addInputs(paths))
	a.showPage(ComparePage)
}

// CompareAdd adds inputs (files or folders) to the comparison and reloads
// it off the interface thread. done, if set, runs on the interface thread
// when the comparison is ready.
func (a *App) CompareAdd(paths []string, done func()) {
	inputs := a.addInputs(paths)
	a.compare.busy = true
	a.showPage(ComparePage)
	go func() {
		res := compared.Load(a.qn, inputs)
		fyne.Do(func() {
			a.compare.result, a.compare.busy = res, false
			if v, ok := a.shown.(*compareView); ok {
				v.rebuild()
			}
			if done != nil {
				done()
			}
		})
	}()
}

func (a *App) compareAddFolderDialog() {
	a.chooseFile(chooseFolder, nil, "", func(dir string) { a.CompareAdd([]string{dir}, nil) })
}

func (a *App) compareAddFileDialog() {
	a.chooseFile(chooseOpen, []string{assessment.Extension, ".xlsx"}, "", func(path string) { a.CompareAdd([]string{path}, nil) })
}

// compareExportDialog asks the report language and the file, then writes
// the comparison workbook in the background.
func (a *App) compareExportDialog() {
	a.askLanguage(a.t("gui.compareExportTitle"), a.compareFileDialog)
}

// compareFileDialog asks for the file of the comparison workbook.
func (a *App) compareFileDialog(lang translations.Lang) {
	a.showSaveDialog(langFileName(a.t("gui.compareFileName"), lang, ".xlsx"), ".xlsx", func(path string) { a.CompareExport(path, lang, nil) })
}

// CompareExport writes the comparison workbook off the interface thread.
func (a *App) CompareExport(path string, lang translations.Lang, done func(error)) {
	res := a.compare.result
	a.runInBackground(path, func() error {
		return compared.WriteFile(path, a.qn, res, compared.Options{Lang: lang, AppVersion: a.opts.Version})
	}, func(err error) {
		if err == nil {
			a.exportDone(path, nil)
		}
		if done != nil {
			done(err)
		}
	}, func() { a.CompareExport(path, lang, done) }, func() { a.compareFileDialog(lang) })
}

// withExt closes a save dialog's writer unwritten, which leaves the file
// as it was (see fileRepository), and returns its path with ext.
func withExt(w fyne.URIWriteCloser, ext string) string {
	path := w.URI().Path()
	w.Close()
	if filepath.Ext(path) != ext {
		path += ext
	}
	return path
}
