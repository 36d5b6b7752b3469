package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment/document"
)

// offerRecovery offers the autosaved work that windows left unsaved (a
// crash, a kill, a power cut) and that no running window holds: one
// question for one copy, a list for several. It reports whether there was
// anything to offer.
func (a *App) offerRecovery() bool {
	o := &a.offer
	o.copies = a.doc.Pending()
	switch len(o.copies) {
	case 0:
		return false
	case 1:
		a.offerOne(o.copies[0])
	default:
		a.offerList(o.copies)
	}
	o.overlay = a.win.Canvas().Overlays().Top()
	return true
}

// recoveryOffer is the autosaved copies offered at start, held until
// answered, and the offer's dialog.
type recoveryOffer struct {
	copies  []*document.Recovery
	overlay fyne.CanvasObject
}

// offerOne asks whether to restore one copy.
func (a *App) offerOne(r *document.Recovery) {
	msg := a.t("gui.recoveryQuestion", a.recoveryFacts(r))
	if note := a.fileNote(r); note != "" {
		msg = strings.Join([]string{msg, note}, "\n\n")
	}
	m := a.newModal(a.t("gui.recoveryTitle"), message(msg))
	restore := m.button(a.t("gui.restore"), func() { a.restore(r) })
	m.button(a.t("gui.discard"), r.Discard)
	// Esc answers nothing: the copy is kept for later.
	m.withDefault(restore).withEsc(a.keepOffered).withSize(fyne.NewSize(560, 260)).show()
}

// offerList lists several copies, newest first, each with its city, file,
// time and the state of its file, to restore one in this window or
// discard any; Later keeps them all for the next start.
func (a *App) offerList(rs []*document.Recovery) {
	var m *modal
	rows := container.NewVBox()
	for _, r := range rs {
		lines := []string{a.t("gui.recoveryItem", a.recoveryFacts(r))}
		if note := a.fileNote(r); note != "" {
			lines = append(lines, note)
		}
		var row *fyne.Container
		restore := newDialogButton(a, a.t("gui.restore"), func() {
			m.hide()
			a.restore(r)
		})
		restore.Importance = widget.HighImportance
		discard := newDialogButton(a, a.t("gui.discard"), func() {
			r.Discard()
			rows.Remove(row)
			if len(rows.Objects) == 0 {
				m.hide()
			}
		})
		row = container.NewVBox(widget.NewSeparator(),
			container.NewBorder(nil, nil, nil, container.NewHBox(discard, restore), message(strings.Join(lines, "\n"))))
		rows.Add(row)
	}
	intro := message(a.loc.N("gui.recoveryListIntro", len(rs), nil))
	m = a.newModal(a.t("gui.recoveryTitle"), container.NewBorder(intro, nil, nil, nil, container.NewVScroll(rows)))
	later := m.button(a.t("gui.later"), a.keepOffered)
	m.withDefault(later).withCancel(later).withSize(fyne.NewSize(760, 480)).show()
}

// recoveryFacts are the city, file and time of a copy, for its messages.
func (a *App) recoveryFacts(r *document.Recovery) map[string]any {
	file := r.Path()
	if file == "" {
		file = a.t("gui.notSavedYet")
	}
	name := r.CityName()
	if name == "" {
		name = a.t("gui.untitled")
	}
	return map[string]any{"City": name, "File": file, "Time": r.AutosavedAt().Format(a.loc.Setting("dateTime"))}
}

// fileNote says what the start found of a copy's file when the user must
// know it: it could not be checked, or it is gone.
func (a *App) fileNote(r *document.Recovery) string {
	switch r.FileState() {
	case document.FileUnreachable:
		return a.t("gui.recoveryFileUnreachable")
	case document.FileGone:
		return a.t("gui.recoveryFileGone")
	}
	return ""
}

// restore makes recovered work the current document, unsaved; the other
// copies offered are kept for the next start.
func (a *App) restore(r *document.Recovery) {
	a.doc.Restore(r)
	a.keepOffered()
	a.drafts = map[string]string{}
	a.showPage(a.page)
	// The restore may come from Space on the Restore button.
	a.focusAfterFrame(a.firstInput())
	a.showLockWarning()
}

// keepOffered leaves the copies offered and not answered for a later
// start, where any window may offer them.
func (a *App) keepOffered() {
	for _, r := range a.offer.copies {
		r.Keep()
	}
	a.offer = recoveryOffer{}
}
