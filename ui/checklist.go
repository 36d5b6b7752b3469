package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"creativecity/assessment"
	"creativecity/assessment/application"
)

// checklist is the attachments the form asks for, each with whether it
// was obtained, its date and where it is kept.
func (v *applicationView) checklist(form *application.Form) fyne.CanvasObject {
	a := v.a
	box := container.NewVBox()
	for i := range form.Attachments {
		att := &form.Attachments[i]
		id := att.ID
		state := a.Assessment().Application.Attachment(id)
		edit := func(change func(*assessment.AttachmentState)) {
			a.edit(func(d *assessment.Assessment) { d.EditAttachment(id, change) })
		}
		name := widget.NewLabel(a.t("gui.attachment."+id, map[string]any{"Count": att.Count, "MB": att.MaxMB}))
		name.TextStyle.Bold = true
		name.Wrapping = fyne.TextWrapWord
		obtained := newCheck(a, a.t("gui.attachmentObtained"), state.Obtained, func(on bool) {
			edit(func(s *assessment.AttachmentState) { s.Obtained = on })
		})
		a.inputs.add(attachmentKey(id, "obtained"), obtained)
		date := a.dateEntry(attachmentKey(id, "date"), func() assessment.Value {
			if d := a.Assessment().Application.Attachment(id).Date; d != "" {
				return assessment.StringValue(d)
			}
			return assessment.Value{}
		}, func(val assessment.Value) {
			s, _ := val.String()
			edit(func(st *assessment.AttachmentState) { st.Date = s })
		})
		file := newEntry(a)
		file.SetPlaceHolder(a.t("gui.attachmentFilePlaceholder"))
		file.SetText(state.File)
		file.OnChanged = func(s string) { edit(func(st *assessment.AttachmentState) { st.File = s }) }
		a.inputs.add(attachmentKey(id, "file"), file)
		box.Add(name)
		box.Add(container.NewHBox(obtained))
		box.Add(container.NewGridWithColumns(2,
			widget.NewForm(widget.NewFormItem(a.t("gui.attachmentDate"), date)),
			widget.NewForm(widget.NewFormItem(a.t("gui.attachmentFile"), file))))
		if i < len(form.Attachments)-1 {
			box.Add(widget.NewSeparator())
		}
	}
	return box
}

// attachmentKey is the key of an input of an attachment.
func attachmentKey(id, part string) string { return "dossier/" + id + "/" + part }

// attachmentsObtained counts the attachments obtained, of those the form
// asks for.
func (a *App) attachmentsObtained() (obtained, total int) {
	form := a.applicationForm()
	if form == nil {
		return 0, 0
	}
	for _, att := range form.Attachments {
		if a.Assessment().Application.Attachment(att.ID).Obtained {
			obtained++
		}
	}
	return obtained, len(form.Attachments)
}
