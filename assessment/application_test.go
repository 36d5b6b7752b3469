package assessment

import (
	"bytes"
	"encoding/json"
	"testing"
)

// applicationFile is an assessment with prose and attachments, members a
// newer build may add (in the dossier and in an attachment) included.
const applicationFile = `{
  "format": "creativecity-assessment",
  "schemaVersion": 1,
  "questionnaireVersion": "2027.1",
  "city": {"name": "Hạ Long"},
  "answers": {},
  "dossier": {
    "prose": {"profile": "Ha Long lies on the bay.", "management": "A steering committee meets monthly."},
    "attachments": {
      "mayor_letter": {"obtained": true, "date": "2027-03-02", "file": "Thư Chủ tịch.pdf", "signedBy": "Chairman"},
      "photos": {"file": "ảnh/"}
    },
    "translator": "Công ty dịch thuật A"
  }
}`

// member is one top-level member of a file, in a canonical form.
func member(t *testing.T, file []byte, name string) string {
	t.Helper()
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(file, &doc); err != nil {
		t.Fatal(err)
	}
	var v any
	_ = json.Unmarshal(doc[name], &v)
	canon, _ := json.Marshal(v)
	return string(canon)
}

func TestTheApplicationIsReadAndWrittenBackWithWhatThisBuildDoesNotKnow(t *testing.T) {
	a, err := Decode([]byte(applicationFile), "d.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	d := a.Application
	if d.ProseOf("profile") != "Ha Long lies on the bay." || d.ProseOf("assets") != "" {
		t.Errorf("prose %+v", d.Prose)
	}
	if m := d.Attachment("mayor_letter"); !m.Obtained || m.Date != "2027-03-02" || m.File != "Thư Chủ tịch.pdf" {
		t.Errorf("mayor's letter %+v", m)
	}
	if p := d.Attachment("photos"); p.Obtained || p.File != "ảnh/" {
		t.Errorf("photos %+v", p)
	}
	out, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	if member(t, out, "dossier") != member(t, []byte(applicationFile), "dossier") {
		t.Errorf("the dossier changed:\n%s", out)
	}
	again, err := Decode(out, "d.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if out2, _ := Encode(again); !bytes.Equal(out, out2) {
		t.Errorf("a second round trip changed the file:\n%s\n%s", out, out2)
	}
}

func TestEditingTheApplicationStoresOnlyWhatIsThere(t *testing.T) {
	a := New(mustDefault(t))
	a.SetProse("profile", "Hạ Long")
	a.EditAttachment("links", func(s *AttachmentState) { s.Obtained, s.Date = true, "2027-04-30" })
	b, err := Decode(mustEncode(t, a), "x.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	if l := b.Application.Attachment("links"); b.Application.ProseOf("profile") != "Hạ Long" || !l.Obtained || l.Date != "2027-04-30" || l.File != "" {
		t.Errorf("read back %+v %+v", b.Application.Prose, b.Application.Attachment("links"))
	}
	// Clearing everything leaves no member.
	a.SetProse("profile", "  ")
	a.EditAttachment("links", func(s *AttachmentState) { *s = AttachmentState{} })
	if out := mustEncode(t, a); bytes.Contains(out, []byte(`"dossier"`)) {
		t.Errorf("an empty dossier was written:\n%s", out)
	}
	if len(a.Application.Attachments) != 0 || len(a.Application.Prose) != 0 {
		t.Errorf("cleared entries kept: %+v", a.Application)
	}
}

func TestAnApplicationSurvivesThePreviousRelease(t *testing.T) {
	a, err := Decode([]byte(applicationFile), "d.ccsa")
	if err != nil {
		t.Fatal(err)
	}
	data := mustEncode(t, a)
	saved := throughPreviousRelease(t, data)
	if member(t, saved, "dossier") != member(t, data, "dossier") || member(t, data, "dossier") == "null" {
		t.Errorf("the previous release changed the dossier:\n%s\n%s", member(t, data, "dossier"), member(t, saved, "dossier"))
	}
}

func mustEncode(t *testing.T, a *Assessment) []byte {
	t.Helper()
	out, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
