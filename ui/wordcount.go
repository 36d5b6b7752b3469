package ui

import (
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment/application"
)

// wordCounter shows the words of a text as it is typed, against the
// form's limit; over the limit it is a warning.
type wordCounter struct {
	a     *App
	limit int // 0: none
	label *widget.Label
}

func (a *App) wordCount(limit int) *wordCounter {
	return &wordCounter{a: a, limit: limit, label: widget.NewLabel("")}
}

// show counts the words of text.
func (w *wordCounter) show(text string) {
	n := application.Words(text)
	data := map[string]any{"Words": n, "Limit": w.limit, "Over": n - w.limit}
	switch {
	case w.limit == 0:
		w.label.Importance = widget.LowImportance
		w.label.SetText(w.a.t("gui.wordCountNoLimit", data))
	case n > w.limit:
		w.label.Importance = widget.WarningImportance
		w.label.SetText(w.a.t("gui.wordCountOver", data))
	default:
		w.label.Importance = widget.LowImportance
		w.label.SetText(w.a.t("gui.wordCount", data))
	}
}

// over reports whether the count shown is over the limit.
func (w *wordCounter) over() bool { return w.label.Importance == widget.WarningImportance }
