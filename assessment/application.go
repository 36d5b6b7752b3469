package assessment

import (
	"encoding/json"
	"maps"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// The office's work on the UNESCO application beyond the action plan: the
// prose it wrote for the form's sections and pastes back into the app,
// and the attachments it has gathered. It is stored in the file's
// "dossier" member; a build that does not know the member keeps it
// unchanged, as every unknown member.

// Application is the written prose and the attachments of the application.
type Application struct {
	// Prose maps a section of the form (its ID in the form's data) to the
	// text written for it, in the application's language.
	Prose map[string]string `json:"prose,omitempty"`
	// Attachments maps an attachment of the form (its ID) to what the
	// office has of it.
	Attachments map[string]*AttachmentState `json:"attachments,omitempty"`

	extra map[string]json.RawMessage
}

// AttachmentState is how far the office is with one attachment.
type AttachmentState struct {
	Obtained bool   `json:"obtained,omitempty"`
	Date     string `json:"date,omitempty"` // ISO date it was obtained or signed
	// File is where it is kept: a file name, a folder, an archive number.
	File string `json:"file,omitempty"`

	extra map[string]json.RawMessage
}

// Empty reports whether the attachment holds nothing worth storing.
func (s *AttachmentState) Empty() bool {
	return s == nil || (!s.Obtained && s.Date == "" && s.File == "" && len(s.extra) == 0)
}

// Empty reports whether the application holds nothing worth storing.
func (d *Application) Empty() bool {
	if d == nil {
		return true
	}
	for _, p := range d.Prose {
		if p != "" {
			return false
		}
	}
	for _, s := range d.Attachments {
		if !s.Empty() {
			return false
		}
	}
	return len(d.extra) == 0
}

// ProseOf is the text written for a section of the form.
func (d *Application) ProseOf(section string) string {
	if d == nil {
		return ""
	}
	return d.Prose[section]
}

// Attachment is what the office has of an attachment (never nil).
func (d *Application) Attachment(id string) AttachmentState {
	if d == nil || d.Attachments[id] == nil {
		return AttachmentState{}
	}
	return *d.Attachments[id]
}

// SetProse sets the text written for a section; blank text removes it.
func (a *Assessment) SetProse(section, text string) {
	d := a.application()
	if strings.TrimSpace(text) == "" {
		delete(d.Prose, section)
		return
	}
	if d.Prose == nil {
		d.Prose = map[string]string{}
	}
	d.Prose[section] = text
}

// EditAttachment changes what the office has of an attachment.
func (a *Assessment) EditAttachment(id string, change func(*AttachmentState)) {
	d := a.application()
	s := d.Attachments[id]
	if s == nil {
		s = &AttachmentState{}
	}
	change(s)
	if s.Empty() {
		delete(d.Attachments, id)
		return
	}
	if d.Attachments == nil {
		d.Attachments = map[string]*AttachmentState{}
	}
	d.Attachments[id] = s
}

// application is the assessment's application, made when it has none.
func (a *Assessment) application() *Application {
	if a.Application == nil {
		a.Application = &Application{}
	}
	return a.Application
}

type applicationJSON Application

// MarshalJSON writes the application with any members it was read with that
// this build does not know.
func (d *Application) MarshalJSON() ([]byte, error) {
	return marshalWithExtra((*applicationJSON)(d), d.extra)
}

// UnmarshalJSON reads an application and keeps unknown members.
func (d *Application) UnmarshalJSON(data []byte) error {
	extra, err := unmarshalKeeping(data, (*applicationJSON)(d), "prose", "attachments")
	d.extra = extra
	maps.DeleteFunc(d.Attachments, func(_ string, s *AttachmentState) bool { return s == nil })
	return err
}

type attachmentStateJSON AttachmentState

// MarshalJSON writes the attachment with any members it was read with
// that this build does not know.
func (s *AttachmentState) MarshalJSON() ([]byte, error) {
	return marshalWithExtra((*attachmentStateJSON)(s), s.extra)
}

// UnmarshalJSON reads an attachment and keeps unknown members.
func (s *AttachmentState) UnmarshalJSON(data []byte) error {
	extra, err := unmarshalKeeping(data, (*attachmentStateJSON)(s), "obtained", "date", "file")
	s.extra = extra
	return err
}

// normalize puts the application's texts in Unicode NFC.
func (d *Application) normalize() {
	if d == nil {
		return
	}
	for id, p := range d.Prose {
		d.Prose[id] = norm.NFC.String(p)
	}
	for _, s := range d.Attachments {
		s.File = norm.NFC.String(s.File)
		s.Date = norm.NFC.String(s.Date)
	}
}
