package application

import (
	"strings"
	"testing"
	"time"

	"creativecity/translations"
)

// TestTheApplicationIsForTheIntendedField: the draft is for the field
// the city intends to apply in when it has chosen one, else for the
// recommended field; a field set aside is never the application's.
func TestTheApplicationIsForTheIntendedField(t *testing.T) {
	qn, demo, form := fixtures(t)
	if got := ChosenField(qn, demo); got != "gastronomy" {
		t.Fatalf("no intended field: %q, want the recommended gastronomy", got)
	}
	loc, _ := translations.Application(translations.EN)
	opts := Options{Lang: translations.EN, Date: time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)}
	if data, err := Write(qn, demo, form, opts); err != nil || strings.Contains(documentText(t, data), loc.T("dossier.field.music")) {
		t.Fatalf("the recommended field's draft names music, or fails: %v", err)
	}
	a := demo.Clone()
	a.SetIntendedField("music")
	if got := ChosenField(qn, a); got != "music" {
		t.Errorf("intended music: %q", got)
	}
	data, err := Write(qn, a, form, opts)
	if err != nil {
		t.Fatal(err)
	}
	if text := documentText(t, data); !strings.Contains(text, loc.T("dossier.field.music")) {
		t.Errorf("the draft does not name the intended field %q", loc.T("dossier.field.music"))
	}
	a.SetAside("music", "")
	if got := ChosenField(qn, a); got != "gastronomy" {
		t.Errorf("intended music, set aside: %q", got)
	}
	a.Reconsider("music")
	a.SetIntendedField("readiness")
	if got := ChosenField(qn, a); got != "gastronomy" {
		t.Errorf("an intended section that is no field: %q", got)
	}
}
