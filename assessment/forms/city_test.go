package forms

import (
	"encoding/json"
	"testing"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/report/reporttest"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

// readCity reads the city a workbook belongs to, as merging sees it.
func readCity(t *testing.T, path string) (assessment.City, assessment.CityOrigin) {
	t.Helper()
	c, _, err := ReadContribution(path, fixture.Questionnaire(t))
	if err != nil {
		t.Fatal(err)
	}
	return c.City, c.CityOrigin
}

// TestAFormCarriesItsCityAndProvince: a form names its city and the
// city's province in its hidden description; a blank form names none; a
// form written before forms named the province is read with the name
// only; a report gives its assessment's city.
func TestAFormCarriesItsCityAndProvince(t *testing.T) {
	demo := fixture.Demo(t)
	path := writeForm(t, demo, translations.VI, "gastronomy")
	if meta := hiddenMeta(t, path); meta["city"] != "Hạ Long" || meta["province"] != "Quảng Ninh" {
		t.Errorf("the hidden description names %v, %v", meta["city"], meta["province"])
	}
	if city, origin := readCity(t, path); origin != assessment.CityOfForm || city.Name != "Hạ Long" || city.Province != "Quảng Ninh" {
		t.Errorf("form: %+v from %d", city, origin)
	}
	if city, origin := readCity(t, writeForm(t, nil, translations.VI, "gastronomy")); origin != assessment.CityNone || city.Name != "" {
		t.Errorf("blank form: %+v from %d", city, origin)
	}
	if city, origin := readCity(t, oldForm(t, path)); origin != assessment.CityOfFormName || city.Name != "Hạ Long" || city.Province != "" {
		t.Errorf("older form: %+v from %d", city, origin)
	}
	report := reporttest.Exported(t, demo, translations.EN)
	if city, origin := readCity(t, report); origin != assessment.CityOfReport || city.Name != "Hạ Long" || city.Province != "Quảng Ninh" {
		t.Errorf("report: %+v from %d", city, origin)
	}
}

// oldForm rewrites a form's hidden description as forms wrote it before
// they named the province, and returns the form's path.
func oldForm(t *testing.T, path string) string {
	t.Helper()
	fixture.DropFormProvince(t, path)
	return path
}

// hiddenMeta is a form's hidden description, as JSON members.
func hiddenMeta(t *testing.T, path string) map[string]any {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw, _ := f.GetCellValue("_form", "A2")
	var meta map[string]any
	if err := json.Unmarshal([]byte(raw), &meta); err != nil {
		t.Fatal(err)
	}
	return meta
}
