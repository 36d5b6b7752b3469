package assessment

import (
	"reflect"
	"strings"
	"testing"
)

// TestCityAttributesAreTheCityMembers: the table covers every member of
// City, under its JSON name, with the right kind of value.
func TestCityAttributesAreTheCityMembers(t *testing.T) {
	typ := reflect.TypeOf(City{})
	if n := len(CityAttributes()); n != typ.NumField() {
		t.Fatalf("%d attributes for %d City fields", n, typ.NumField())
	}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		attr, ok := LookupCityAttribute(name)
		if !ok {
			t.Errorf("City.%s (%s) has no attribute", f.Name, name)
			continue
		}
		var c City
		want := NumberValue(12.5)
		if f.Type.Kind() == reflect.String {
			want = StringValue("Hạ Long")
		}
		attr.Set(&c, want)
		if got := reflect.ValueOf(c).Field(i).Interface(); got != attr.Raw(&c) {
			t.Errorf("%s: Set wrote %v into another field", name, attr.Raw(&c))
		}
		if !reflect.DeepEqual(attr.Value(&c), want) {
			t.Errorf("%s: value %v, want %v", name, attr.Value(&c), want)
		}
		attr.Set(&c, Value{})
		if !attr.Value(&c).IsNone() {
			t.Errorf("%s: not cleared", name)
		}
	}
}
