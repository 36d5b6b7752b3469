package assessment

// CityOrigin tells where a contribution's city comes from, and so how sure
// it is of the city it belongs to.
type CityOrigin int

// Origins of a contribution's city.
const (
	CityNone       CityOrigin = iota // a blank form, made without a city: merges into any
	CityOfReport                     // a report: the city of its assessment
	CityOfForm                       // a form that names the city and its province
	CityOfFormName                   // a form from before forms named the province: the name only
)

// CheckCity compares the city a contribution belongs to with the city of
// the assessment it is merged into, base. It returns nil when they are the
// same city (SameCity, after the province mapping), when the contribution
// names no city (a blank form) or when base has no name yet (the merge
// fills it in). A form that names the city only (written before forms
// named the province), or a city without a province on either side, is
// matched by name, folded as CityKey folds it, with a warning saying so.
// Any other contribution is of another city: an error naming both cities
// and the file.
func CheckCity(in Contribution, base City, provinces Provinces) *Problem {
	if in.CityOrigin == CityNone || foldName(in.City.Name) == "" || foldName(base.Name) == "" {
		return nil
	}
	args := Args{"City": TextArg(CityLabel(in.City)), "Base": TextArg(CityLabel(base))}
	sameName := foldName(in.City.Name) == foldName(base.Name)
	byName := in.CityOrigin == CityOfFormName || foldName(in.City.Province) == "" || foldName(base.Province) == ""
	switch {
	case in.CityOrigin != CityOfFormName && SameCity(in.City, base, provinces):
		return nil
	case byName && sameName:
		return &Problem{Severity: Warning, Path: in.File, Code: CodeCityMatchedByName, Args: args}
	}
	return &Problem{Severity: Error, Path: in.File, Code: CodeCityMismatch, Args: args}
}
