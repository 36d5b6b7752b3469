package application

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assets"
	"creativecity/translations"
)

// TestEverySectionHasTheRightStatus for the demonstration and for an
// empty assessment: the demo's contacts and plan are filled, its prose
// sections need writing; an empty assessment has nothing but the
// checklist, which is always drawn up.
func TestEverySectionHasTheRightStatus(t *testing.T) {
	qn, demo, form := fixtures(t)
	want := map[string][2]Status{ // demo, empty
		"general":     {Filled, Empty},
		"profile":     {NeedsWriting, Empty},
		"assets":      {NeedsWriting, Empty},
		"objectives":  {NeedsWriting, Empty},
		"plan":        {Filled, Empty},
		"management":  {NeedsWriting, Empty},
		"commitments": {NeedsWriting, Empty},
		"attachments": {Filled, Filled},
	}
	for i, a := range []*assessment.Assessment{demo, assessment.New(qn)} {
		got := Statuses(form, qn, a, "en")
		if len(got) != len(want) {
			t.Fatalf("%d sections, want %d", len(got), len(want))
		}
		for _, s := range got {
			if w, ok := want[s.Section.ID]; !ok || s.Status != w[i] {
				t.Errorf("assessment %d, section %s: %s, want %s", i, s.Section.ID, s.Status, w[i])
			}
		}
	}
	// An initiative without its French title and summary leaves the plan
	// to be written in French.
	fr := demo.Clone()
	in := fr.Plan.Initiatives[0]
	in.Application = map[string]assessment.Summary{"en": in.Application["en"]}
	for _, s := range Statuses(form, qn, fr, "fr") {
		if s.Section.ID == "plan" && s.Status != NeedsWriting {
			t.Errorf("plan in French: %s", s.Status)
		}
	}
	// A contact missing: general needs completing.
	partial := demo.Clone()
	partial.SetValue("profile.alternate_contact", assessment.Value{})
	if s := Statuses(form, qn, partial, "en")[0]; s.Status != NeedsWriting {
		t.Errorf("general without the alternate contact: %s", s.Status)
	}
}

func TestTheFormIsCheckedAgainstTheQuestionnaire(t *testing.T) {
	qn, _, form := fixtures(t)
	if form.Year != 2021 || len(form.Sections) != 8 || len(form.Attachments) != 6 {
		t.Errorf("form %d, %d sections, %d attachments", form.Year, len(form.Sections), len(form.Attachments))
	}
	for name, bad := range map[string]string{
		"unknown question": strings.Replace(string(assets.ApplicationFormTOML), "profile.main_contact", "profile.nobody", 1),
		"unknown kind":     strings.Replace(string(assets.ApplicationFormTOML), `kind = "plan"`, `kind = "poem"`, 1),
		"unknown key":      string(assets.ApplicationFormTOML) + "\nextra = 1\n",
		"no limit":         strings.Replace(string(assets.ApplicationFormTOML), "wordLimit = 500\ntables = [\"city\"]", "tables = [\"city\"]", 1),
	} {
		if _, err := ParseForm([]byte(bad), qn); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestAnEmptyAssessmentGivesADraftSayingWhatIsMissing: every prose section
// carries UNESCO's phrase for a section with nothing to say, and nothing
// of the demonstration leaks in.
func TestAnEmptyAssessmentGivesADraftSayingWhatIsMissing(t *testing.T) {
	qn, _, form := fixtures(t)
	for _, lang := range []translations.Lang{translations.EN, translations.FR} {
		data, err := Write(qn, assessment.New(qn), form, Options{Lang: lang, Date: time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		text := documentText(t, data)
		loc, _ := translations.Application(lang)
		if n := strings.Count(text, loc.T("dossier.noInformation")); n < 5 {
			t.Errorf("%s: the phrase for nothing to say appears %d times", lang, n)
		}
		date := map[translations.Lang]string{translations.EN: "5 January 2027", translations.FR: "5 janvier 2027"}[lang]
		if !strings.Contains(text, date) || strings.Contains(text, "Hạ Long") {
			t.Errorf("%s: date or demo text: %s", lang, text)
		}
	}
}

// documentText is the text of a .docx's body, its XML tags removed.
func documentText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, _ := f.Open()
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		var out strings.Builder
		inTag := false
		for _, r := range b.String() {
			switch {
			case r == '<':
				inTag = true
				out.WriteByte(' ')
			case r == '>':
				inTag = false
			case !inTag:
				out.WriteRune(r)
			}
		}
		return strings.Join(strings.Fields(out.String()), " ")
	}
	t.Fatal("no word/document.xml")
	return ""
}

// TestTheDraftCarriesWhatWasWrittenAndObtained: prose pasted back on the
// application page replaces the marker of a section to write, with its
// word count (a warning over the limit); the checklist gives what the
// office recorded of each attachment.
func TestTheDraftCarriesWhatWasWrittenAndObtained(t *testing.T) {
	qn, demo, form := fixtures(t)
	a := demo.Clone()
	a.SetProse("management", "The steering committee meets every quarter.\nIts secretariat is the culture department.")
	var commitments *Section
	for i := range form.Sections {
		if form.Sections[i].ID == "commitments" {
			commitments = &form.Sections[i]
		}
	}
	a.SetProse("commitments", strings.Repeat("word ", commitments.WordLimit+1))
	a.EditAttachment("mayor_letter", func(s *assessment.AttachmentState) {
		s.Obtained, s.Date, s.File = true, "2027-01-05", "CV-12/UBND"
	})
	data, err := Write(qn, a, form, Options{Lang: translations.EN, Date: time.Date(2027, 1, 6, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	text := documentText(t, data)
	loc, _ := translations.Application(translations.EN)
	for _, want := range []string{"The steering committee meets every quarter.", "Its secretariat is the culture department.",
		loc.T("dossier.wordCount", map[string]any{"Words": "12", "Limit": formatCount(form.Sections[5].WordLimit)}),
		loc.T("dossier.wordCountOver", map[string]any{"Words": formatCount(commitments.WordLimit + 1), "Limit": formatCount(commitments.WordLimit)}),
		"5 January 2027", "CV-12/UBND"} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	before, _ := Write(qn, demo, form, Options{Lang: translations.EN, Date: time.Date(2027, 1, 6, 0, 0, 0, 0, time.UTC)})
	markers := func(s string) int { return strings.Count(s, loc.T("dossier.toWrite")) }
	if markers(text) >= markers(documentText(t, before)) {
		t.Errorf("a section written is still marked to write (%d markers, %d before)", markers(text), markers(documentText(t, before)))
	}
}

// formatCount writes a count as the English draft does.
func formatCount(n int) string {
	return assessment.FormatNumber(float64(n), assessment.Notation{Decimal: '.', Thousands: ','}, 0)
}

// TestTheDraftsBudgetTotalsAreThePlans: the draft's budget table gives
// each initiative's totals and the plan's as ActionPlan.Totals rounds
// them for the report's plan sheet. Figures whose sum in binary falls
// just under a half (0.1 + 4.1 + 1.3 = 5.499999999999999) show the
// rounded 5.5, written 6 without decimals, never 5.
func TestTheDraftsBudgetTotalsAreThePlans(t *testing.T) {
	qn, demo, form := fixtures(t)
	a := demo.Clone()
	year := a.Plan.FirstYear
	a.Plan.Initiatives = []*assessment.Initiative{{Scope: assessment.Local, Title: "Food market",
		Years: []int{year}, Budget: []assessment.YearBudget{{Year: year, City: 0.1, Province: 4.1, NonState: 1.3}}}}
	totals := a.Plan.Totals()
	if totals.All != 5.5 || a.Plan.Initiatives[0].Totals().All != 5.5 {
		t.Fatalf("the plan's total is %v, the initiative's %v; want 5.5", totals.All, a.Plan.Initiatives[0].Totals().All)
	}
	data, err := Write(qn, a, form, Options{Lang: translations.EN, Date: time.Date(2027, 1, 6, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	text := documentText(t, data)
	loc, _ := translations.Application(translations.EN)
	figures := formatCount(0) + " " + formatCount(4) + " " + formatCount(1) + " " + formatCount(6)
	for _, want := range []string{"L1 " + figures, loc.T("dossier.plan.totalAll") + " " + figures} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft's budget table lacks %q:\n%s", want, text[max(0, strings.LastIndex(text, "L1 ")):][:200])
		}
	}
}
