package application

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/testkit"
	"creativecity/translations"
)

// pdfText has LibreOffice convert a .docx to PDF and pdftotext read it
// back in the order it wrote the text (table cells whole); runs of white space (the no-break spaces of French numbers, the
// line ends of wrapped titles) become one space.
func pdfText(t *testing.T, bin, docx string) string {
	t.Helper()
	out := t.TempDir()
	profile := "file://" + filepath.Join(t.TempDir(), "lo-profile")
	cmd := exec.Command(bin, "-env:UserInstallation="+profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, docx)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice failed: %v\n%s", err, b)
	}
	pdf := filepath.Join(out, strings.TrimSuffix(filepath.Base(docx), ".docx")+".pdf")
	if _, err := os.Stat(pdf); err != nil {
		entries, _ := os.ReadDir(out)
		t.Fatalf("LibreOffice wrote no PDF (is Writer installed? libreoffice-writer-nogui): %v", entries)
	}
	txt, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(string(txt), "\u00a0", " ")), " ")
}

// TestTheDemoDraftsReadBackFromLibreOffice is the "done when":
// the demonstration gives an English and a French draft that LibreOffice
// converts to PDF, and the PDF's text has every section heading, the
// city, the field's name in the application language, the population and the
// budget in that language's notation, the six initiatives and the
// attachments checklist.
func TestTheDemoDraftsReadBackFromLibreOffice(t *testing.T) {
	bin := testkit.Soffice(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils; make test installs it)")
	}
	qn, demo, form := fixtures(t)
	want := map[translations.Lang]struct {
		field, population, total, city, usd string
	}{
		// The plan's budget is 45,000 million VND, 23,400 of them from the
		// city; at 25,400 VND to the dollar that is 1,771,654 USD.
		translations.EN: {"Gastronomy", "300,000", "45,000", "23,400", "1,771,654"},
		translations.FR: {"Gastronomie", "300 000", "45 000", "23 400", "1 771 654"},
	}
	for lang, w := range want {
		t.Run(string(lang), func(t *testing.T) {
			data, err := Write(qn, demo, form, Options{Lang: lang, RateUSD: 25400, RateEUR: 27500, Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "Hạ Long "+string(lang)+".docx")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, bin, path)
			loc, _ := translations.Application(lang)
			expect := []string{demo.City.Name, w.field, w.population, w.total, w.city, w.usd,
				loc.T("dossier.subtitle", map[string]any{"City": "Hạ Long", "Country": loc.T("dossier.country"), "Field": w.field})}
			for _, s := range form.Sections {
				expect = append(expect, loc.T(s.HeadingID(), map[string]any{"Field": w.field}))
			}
			for _, in := range demo.Plan.Initiatives {
				expect = append(expect, in.Application[string(lang)].Title)
			}
			for _, a := range form.Attachments {
				expect = append(expect, loc.T(a.NameID(), map[string]any{"MB": a.MaxMB}))
			}
			for _, s := range expect {
				if !strings.Contains(text, strings.Join(strings.Fields(s), " ")) {
					t.Errorf("the PDF lacks %q", s)
				}
			}
			other := want[translations.FR].field
			if lang == translations.FR {
				other = "Gastronomy"
			}
			if strings.Contains(text, other) {
				t.Errorf("the %s draft names the field in another language: %q", lang, other)
			}
			if t.Failed() {
				t.Logf("text of the PDF: %s", text)
			}
		})
	}
}

func fixtures(t *testing.T) (*assessment.Questionnaire, *assessment.Assessment, *Form) {
	t.Helper()
	qn, err := assessment.Default()
	if err != nil {
		t.Fatal(err)
	}
	demo, err := assessment.Demo()
	if err != nil {
		t.Fatal(err)
	}
	form, err := DefaultForm(qn)
	if err != nil {
		t.Fatal(err)
	}
	return qn, demo, form
}
