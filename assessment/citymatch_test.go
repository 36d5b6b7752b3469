package assessment

import "testing"

// TestCheckCity: a contribution of the same city passes, across the
// province mapping; a blank form passes; an older form that names the
// city only is matched by name with a warning; any other city is an error
// naming both cities.
func TestCheckCity(t *testing.T) {
	provinces, err := ParseProvinces([]byte(`[provinces]
"Thừa Thiên Huế" = "Huế"
"Huế" = "Huế"
`))
	if err != nil {
		t.Fatal(err)
	}
	hue := City{Name: "Huế", Province: "Huế"}
	halong := City{Name: "Hạ Long", Province: "Quảng Ninh"}
	cases := []struct {
		name string
		in   Contribution
		code string // "" for none
		sev  Severity
	}{
		{"report of the same city, old province name", Contribution{City: City{Name: " huế ", Province: "Thừa Thiên Huế"}, CityOrigin: CityOfReport}, "", 0},
		{"new form of the same city", Contribution{City: City{Name: "HUẾ", Province: "Huế"}, CityOrigin: CityOfForm}, "", 0},
		{"blank form", Contribution{CityOrigin: CityNone}, "", 0},
		{"form of another city", Contribution{City: halong, CityOrigin: CityOfForm}, CodeCityMismatch, Error},
		{"report of another city", Contribution{City: halong, CityOrigin: CityOfReport}, CodeCityMismatch, Error},
		{"same name, another province", Contribution{City: City{Name: "Huế", Province: "Quảng Ninh"}, CityOrigin: CityOfForm}, CodeCityMismatch, Error},
		{"old form, same name", Contribution{City: City{Name: "huế"}, CityOrigin: CityOfFormName}, CodeCityMatchedByName, Warning},
		{"report without a province", Contribution{City: City{Name: "Huế"}, CityOrigin: CityOfReport}, CodeCityMatchedByName, Warning},
		{"report without a province, other name", Contribution{City: City{Name: "Hạ Long"}, CityOrigin: CityOfReport}, CodeCityMismatch, Error},
		{"old form, other name", Contribution{City: City{Name: "Hạ Long"}, CityOrigin: CityOfFormName}, CodeCityMismatch, Error},
	}
	for _, c := range cases {
		c.in.File = "form.xlsx"
		p := CheckCity(c.in, hue, provinces)
		switch {
		case c.code == "" && p != nil:
			t.Errorf("%s: unexpected %v", c.name, p)
		case c.code == "":
		case p == nil:
			t.Errorf("%s: no problem, want %s", c.name, c.code)
		case p.Code != c.code || p.Severity != c.sev || p.Path != "form.xlsx" ||
			p.Args["City"] != TextArg(CityLabel(c.in.City)) || p.Args["Base"] != TextArg("Huế, Huế"):
			t.Errorf("%s: got %+v", c.name, *p)
		}
	}
	if p := CheckCity(Contribution{City: halong, CityOrigin: CityOfReport}, City{}, provinces); p != nil {
		t.Errorf("a base without a name refused a report: %v", p)
	}
	if p := CheckCity(Contribution{City: hue, CityOrigin: CityOfForm}, City{Name: "Huế"}, provinces); p == nil || p.Code != CodeCityMatchedByName {
		t.Errorf("a base without a province: %v", p)
	}
}
