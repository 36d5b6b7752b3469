package ui

import (
	"image/color"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
)

var getenv = os.Getenv

// compactTheme is the app's theme with less padding, for the navigation:
// its thirteen entries of two lines then fit the height of a 1366×768
// screen.
// Inside the override, theme.Current is this theme: it asks the app's.
type compactTheme struct{}

func appTheme() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (compactTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return appTheme().Color(n, v)
}
func (compactTheme) Font(s fyne.TextStyle) fyne.Resource     { return appTheme().Font(s) }
func (compactTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return appTheme().Icon(n) }
func (compactTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameInnerPadding, theme.SizeNamePadding:
		return 1
	}
	return appTheme().Size(n)
}

// navigation is the navigation list in its compact theme.
func (a *App) navigation() fyne.CanvasObject {
	return container.NewThemeOverride(a.chrome.nav, compactTheme{})
}

// navOffset is the share of the window's width the navigation starts
// with: 22%, or what its longest page name needs in full (a field's name
// is its official one, and "Thủ công mỹ nghệ và Nghệ thuật dân gian" was
// cut at the 22% of a 1366×768 screen), up to 30%. A smaller window cuts
// names rather than squeezing the page, which the user can widen by
// dragging the divider.
func (a *App) navOffset() float64 {
	width := a.win.Canvas().Size().Width
	if width <= 0 {
		width = a.windowSize().Width
	}
	widest := float32(0)
	for _, id := range a.chrome.navPages {
		widest = max(widest, fyne.MeasureText(a.navName(id), theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	// The label's and the list's paddings, and the scroll bar.
	need := widest + 4*theme.InnerPadding() + 2*theme.Padding() + theme.ScrollBarSize()
	return min(max(float64(need/width), 0.22), 0.3)
}

// newNav builds the navigation list: the profile, readiness, the fields
// with their score and completion, and the results.
func (a *App) newNav() *navList {
	c := &a.chrome
	c.navPages = nil
	for _, s := range a.qn.Sections {
		c.navPages = append(c.navPages, s.ID)
	}
	c.navPages = append(c.navPages, PlanPage, ApplicationPage, ResultsPage)
	list := &navList{}
	list.Length = func() int { return len(c.navPages) }
	list.CreateItem = newNavItem
	list.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { a.fillNavItem(o, c.navPages[i]) }
	list.ExtendBaseWidget(list)
	list.OnSelected = func(i widget.ListItemID) {
		if c.navPages[i] != a.page {
			a.showPage(c.navPages[i])
		}
	}
	return list
}

// navList is the navigation list. Space and Enter open the page under
// the focus when they are released, as the app's buttons do: the page
// opened gives its first input the focus, and the key's character, which
// comes after the key's press, must not land there.
type navList struct {
	widget.List
	armed armedKey
}

// KeyDown notes that Space or Enter went down on the list.
func (l *navList) KeyDown(k *fyne.KeyEvent) { l.armed.down(k) }

// KeyUp opens the page under the focus when the key that went down on
// the list is released.
func (l *navList) KeyUp(k *fyne.KeyEvent) {
	if l.armed.up(k) {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // selects the item under the focus
	}
}

// TypedKey leaves Space and Enter to their release and moves with the
// arrows as the list does.
func (l *navList) TypedKey(k *fyne.KeyEvent) {
	if !pressesButton(k.Name) {
		l.List.TypedKey(k)
	}
}

// FocusLost forgets a key pressed on the list.
func (l *navList) FocusLost() {
	l.armed = ""
	l.List.FocusLost()
}

// newNavItem is a navigation entry: the page's name, and a detail line,
// in the navigation's compact theme. (The list gives its items the theme
// of the list it is, not of the navList that extends it, so the entry
// carries the theme itself.)
func newNavItem() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.SizeName = theme.SizeNameCaptionText
	return container.NewThemeOverride(container.NewVBox(name, detail), compactTheme{})
}

// fillNavItem shows a page in a navigation entry.
func (a *App) fillNavItem(o fyne.CanvasObject, id string) {
	box := o.(*container.ThemeOverride).Content.(*fyne.Container)
	setText(box.Objects[0].(*widget.Label), a.navName(id))
	setText(box.Objects[1].(*widget.Label), a.navDetail(id))
}

func (a *App) navName(id string) string {
	switch id {
	case ResultsPage:
		return a.t("gui.results")
	case PlanPage:
		return a.t("gui.planTitle")
	case ApplicationPage:
		return a.t("gui.dossierTitle")
	}
	return l10n.SectionName(a.loc, id)
}

// navDetail is the second line of a navigation entry.
func (a *App) navDetail(id string) string {
	switch id {
	case ResultsPage:
		if f := a.Result().Recommendation.Field; f != "" {
			return a.t("gui.navRecommended", map[string]any{"Field": l10n.SectionName(a.loc, f)})
		}
		return a.t("gui.navNoRecommendation")
	case PlanPage:
		plan := a.Assessment().Plan
		text := a.t("gui.navPlan", map[string]any{"Local": len(plan.Of(assessment.Local)),
			"International": len(plan.Of(assessment.International))})
		if n := len(a.planProblems()) + a.draftsUnder("plan/"); n > 0 {
			text += " · " + a.t("gui.toFix", map[string]any{"Count": n})
		}
		return text
	case ApplicationPage:
		obtained, total := a.attachmentsObtained()
		text := a.t("gui.navDossier", map[string]any{"Obtained": obtained, "Total": total})
		if n := a.draftsUnder("dossier/"); n > 0 {
			text += " · " + a.t("gui.toFix", map[string]any{"Count": n})
		}
		return text
	case "profile":
		text := a.t("gui.navProfile", map[string]any{"Name": a.Assessment().City.Name})
		if n := len(a.toFix(id)); n > 0 {
			text += " · " + a.t("gui.toFix", map[string]any{"Count": n})
		}
		return text
	}
	score := a.Result().Readiness
	if s, ok := a.qn.Section(id); ok && s.Kind == assessment.KindField {
		score, _ = a.Result().Field(id)
	}
	// Nothing answered is "— not assessed", not a score of 0.
	shown := a.t("gui.navNotAssessed")
	if score.Assessed() {
		shown = a.t("gui.navPoints", map[string]any{"Score": l10n.Score(a.loc, score.Score)})
	}
	text := a.t("gui.navScore", map[string]any{"Score": shown, "Answered": score.Answered, "Total": score.Total})
	if n := len(a.toFix(id)); n > 0 {
		text += " · " + a.t("gui.toFix", map[string]any{"Count": n})
	}
	return text
}

// setText changes a label's text only when it differs: a label refreshes on
// every SetText, and truncating a label shapes its text again, which made
// the navigation list the largest cost of building the window.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}
