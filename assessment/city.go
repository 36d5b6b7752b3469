package assessment

import (
	"slices"
	"time"
)

// AttributeKind is what an attribute of the city profile holds, which
// decides how it is typed in, checked and written to the report.
type AttributeKind int

// Kinds of city attributes.
const (
	AttributeText   AttributeKind = iota // free text
	AttributeNumber                      // a non-negative number; 0 is "not given"
	AttributeDate                        // an ISO date, 2006-01-02
	AttributeEmail                       // an e-mail address
	AttributePhone                       // a telephone number
)

// CityAttribute is one attribute of the city profile: a member of the
// file's "city" object (its ID is the member's name and the cityField of
// the profile question that edits it). This table is the one place that
// ties the names to the City struct: the file model, validation, the
// questionnaire, the report and the window all go through it.
type CityAttribute struct {
	ID     string
	Kind   AttributeKind
	text   func(*City) *string
	number func(*City) *float64
}

func textAttribute(id string, kind AttributeKind, field func(*City) *string) CityAttribute {
	return CityAttribute{ID: id, Kind: kind, text: field}
}

func numberAttribute(id string, field func(*City) *float64) CityAttribute {
	return CityAttribute{ID: id, Kind: AttributeNumber, number: field}
}

// cityAttributes in the order of the file.
var cityAttributes = []CityAttribute{
	textAttribute("name", AttributeText, func(c *City) *string { return &c.Name }),
	textAttribute("province", AttributeText, func(c *City) *string { return &c.Province }),
	numberAttribute("population", func(c *City) *float64 { return &c.Population }),
	numberAttribute("areaKm2", func(c *City) *float64 { return &c.AreaKm2 }),
	textAttribute("assessor", AttributeText, func(c *City) *string { return &c.Assessor }),
	textAttribute("organization", AttributeText, func(c *City) *string { return &c.Organization }),
	textAttribute("email", AttributeEmail, func(c *City) *string { return &c.Email }),
	textAttribute("phone", AttributePhone, func(c *City) *string { return &c.Phone }),
	textAttribute("date", AttributeDate, func(c *City) *string { return &c.Date }),
}

// CityAttributes lists the attributes of the city profile in file order.
func CityAttributes() []CityAttribute { return slices.Clone(cityAttributes) }

// LookupCityAttribute finds an attribute by its ID.
func LookupCityAttribute(id string) (CityAttribute, bool) {
	i := slices.IndexFunc(cityAttributes, func(c CityAttribute) bool { return c.ID == id })
	if i < 0 {
		return CityAttribute{}, false
	}
	return cityAttributes[i], true
}

// check returns the problem code of a text attribute that is not written
// as its kind requires (an e-mail address, a telephone number, an ISO
// date), "" when it is empty or fine.
func (ca CityAttribute) check(c *City) string {
	s, _ := ca.Value(c).String()
	switch {
	case s == "":
	case ca.Kind == AttributeEmail && !ValidEmail(s):
		return CodeEmailInvalid
	case ca.Kind == AttributePhone && !ValidPhone(s):
		return CodePhoneInvalid
	case ca.Kind == AttributeDate:
		if _, err := time.Parse(ISODate, s); err != nil {
			return CodeDateInvalid
		}
	}
	return ""
}

// QuestionType is the type of the profile question that edits the attribute.
func (ca CityAttribute) QuestionType() QuestionType {
	if ca.Kind == AttributeNumber {
		return Number
	}
	return Text
}

// Value is the attribute's value in c: a number or a string, or no value
// when it is not given (0 or empty).
func (ca CityAttribute) Value(c *City) Value {
	if ca.number != nil {
		if f := *ca.number(c); f != 0 {
			return NumberValue(f)
		}
		return Value{}
	}
	if s := *ca.text(c); s != "" {
		return StringValue(s)
	}
	return Value{}
}

// Raw is the attribute's value as the file stores it (a float64 or a
// string, given or not).
func (ca CityAttribute) Raw(c *City) any {
	if ca.number != nil {
		return *ca.number(c)
	}
	return *ca.text(c)
}

// Set stores v in c; no value clears the attribute.
func (ca CityAttribute) Set(c *City, v Value) {
	if ca.number != nil {
		f, _ := v.Number()
		*ca.number(c) = f
		return
	}
	s, _ := v.String()
	*ca.text(c) = s
}
