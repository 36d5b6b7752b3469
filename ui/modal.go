package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// The app's own dialogs, as Windows users expect them: a title, the
// content, the app's own buttons and a stated default button. Enter
// presses the default button (or the focused button), Esc cancels. A
// button acts when its key is released and swallows the key's character,
// so that no key of a dialog that closes reaches the next one (Space used
// to land in the save dialog's file name). The toolkit's dialogs handle
// neither Enter nor Esc and their buttons act on the key press.

// modal is one dialog of the app, shown over the window.
type modal struct {
	a       *App
	title   string
	content fyne.CanvasObject
	buttons []*dialogButton
	def     *dialogButton // pressed by Enter
	cancel  *dialogButton // pressed by Esc
	onEsc   func()        // what Esc does when there is no cancel button
	focus   fyne.Focusable
	size    fyne.Size
	pop     *widget.PopUp
}

// newModal starts a dialog with a title and its content.
func (a *App) newModal(title string, content fyne.CanvasObject) *modal {
	return &modal{a: a, title: title, content: content}
}

// button adds a button to the dialog's row (in the order added, right
// aligned): it closes the dialog, then runs action (if set).
func (m *modal) button(label string, action func()) *dialogButton {
	b := newDialogButton(m.a, label, func() {
		m.hide()
		if action != nil {
			action()
		}
	})
	m.buttons = append(m.buttons, b)
	return b
}

// withDefault makes b the default button, pressed by Enter and focused
// when the dialog opens (unless withFocus says otherwise).
func (m *modal) withDefault(b *dialogButton) *modal {
	m.def = b
	b.Importance = widget.HighImportance
	return m
}

// withCancel makes b the button Esc presses.
func (m *modal) withCancel(b *dialogButton) *modal {
	m.cancel = b
	return m
}

// withEsc makes Esc close the dialog and run f, for a dialog that has no
// cancel button.
func (m *modal) withEsc(f func()) *modal {
	m.onEsc = f
	return m
}

// withFocus gives the focus to f when the dialog opens.
func (m *modal) withFocus(f fyne.Focusable) *modal {
	m.focus = f
	return m
}

// withSize sets the dialog's size (it never exceeds the window).
func (m *modal) withSize(s fyne.Size) *modal {
	m.size = s
	return m
}

// show opens the dialog over the window and focuses its first control.
func (m *modal) show() {
	row := container.NewHBox(layout.NewSpacer())
	for _, b := range m.buttons {
		row.Add(b)
	}
	title := widget.NewLabelWithStyle(m.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	frame := &modalFrame{m: m}
	frame.ExtendBaseWidget(frame)
	frame.body = container.NewBorder(title, row, nil, nil, m.content)
	m.pop = widget.NewModalPopUp(frame, m.a.win.Canvas())
	if !m.size.IsZero() {
		m.pop.Resize(m.size)
	}
	m.pop.Show()
	focus := m.focus
	if focus == nil && m.def != nil {
		focus = m.def
	}
	if focus != nil {
		m.a.win.Canvas().Focus(focus)
	}
}

// hide closes the dialog.
func (m *modal) hide() {
	if m.pop != nil {
		m.pop.Hide()
	}
}

// key does what Enter and Esc do in the dialog; it reports whether the
// key was one of them.
func (m *modal) key(k *fyne.KeyEvent) bool {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if m.def != nil && !m.def.Disabled() {
			m.def.OnTapped()
		}
	case fyne.KeyEscape:
		switch {
		case m.cancel != nil:
			m.cancel.OnTapped()
		case m.onEsc != nil:
			m.hide()
			m.onEsc()
		}
	default:
		return false
	}
	return true
}

// topModal is the app's dialog on top of the window, if the top overlay
// is one.
func (a *App) topModal() *modal {
	p, ok := a.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return nil
	}
	if f, ok := p.Content.(*modalFrame); ok {
		return f.m
	}
	return nil
}

// modalKey gives Enter and Esc to the dialog on top, if any; it reports
// whether it took the key.
func (a *App) modalKey(k *fyne.KeyEvent) bool {
	m := a.topModal()
	return m != nil && m.key(k)
}

// modalFrame lays out a dialog: title, content, buttons.
type modalFrame struct {
	widget.BaseWidget
	m    *modal
	body *fyne.Container
}

func (f *modalFrame) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(f.body) }

// dialogButton is a button of the app's dialogs: a keyButton.
type dialogButton struct{ keyButton }

func newDialogButton(a *App, label string, tapped func()) *dialogButton {
	b := &dialogButton{}
	b.a, b.Text, b.OnTapped = a, label, tapped
	b.ExtendBaseWidget(b)
	return b
}

// dialogCheck is a check box of the app's dialogs: Space ticks it, Enter
// and Esc go to the dialog.
type dialogCheck struct {
	widget.Check
	a *App
}

func newDialogCheck(a *App, label string, checked bool) *dialogCheck {
	c := &dialogCheck{a: a}
	c.Text, c.Checked = label, checked
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey gives Enter, Esc and the window's keys to the window.
func (c *dialogCheck) TypedKey(k *fyne.KeyEvent) { c.a.windowKey(k) }

// dialogChoice is one option among a few, as a dialog asks it (the
// language of a report, what to keep of a merge): the app's choice, one
// Tab stop, options picked by Up and Down or their number.
func (a *App) dialogChoice(options []string, selected int) *choice {
	keys := make([]rune, len(options))
	for i := range options {
		keys[i] = rune('1' + i)
	}
	c := newChoice(a, options, keys)
	c.selected = selected
	return c
}

// message is a label of a dialog's text, wrapping words.
func message(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// ask asks a question with an action button and Cancel. A destructive
// question (replacing a file, removing what was entered) has Cancel as
// its default; another has the action.
func (a *App) ask(title, question, action string, destructive bool, then func()) *modal {
	m := a.newModal(title, message(question))
	do := m.button(action, then)
	cancel := m.button(a.t("gui.cancel"), nil)
	m.withCancel(cancel)
	if destructive {
		m.withDefault(cancel)
	} else {
		m.withDefault(do)
	}
	m.withSize(fyne.NewSize(520, 220)).show()
	return m
}

var (
	_ desktop.Keyable = (*dialogButton)(nil)
	_ fyne.Focusable  = (*dialogCheck)(nil)
)
