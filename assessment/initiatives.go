package assessment

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"

	"golang.org/x/text/unicode/norm"
)

// The action plan of a UNESCO application: up to three local and three
// international initiatives over four years (DOMAIN.md 4). It is stored in
// the file's "actionPlan" member, beside the answers; a build that does not
// know the member keeps it unchanged, as every unknown member.

// Scope tells whether an initiative is local or international.
type Scope string

// The scopes of an initiative.
const (
	Local         Scope = "local"
	International Scope = "international"
)

// Scopes lists the scopes in the order of the form.
var Scopes = []Scope{Local, International}

// MaxInitiatives is how many initiatives of each scope the form allows.
const MaxInitiatives = 3

// PlanYears is the length of the action plan, in years.
const PlanYears = 4

// The six objectives of the UCCN a city's initiatives serve (DOMAIN.md 4),
// in the order of the Network's mission statement. Their names are the
// messages "objective.<ID>".
var Objectives = []string{
	"cooperation",  // cooperation among cities
	"partnerships", // public, private and civil-society partnerships
	"production",   // cultural production and distribution
	"hubs",         // creative hubs and clusters
	"access",       // access for vulnerable groups
	"development",  // culture in local development plans
}

// YearBudget is what an initiative costs in one year of the plan, in
// million VND, by source.
type YearBudget struct {
	Year     int     `json:"year"`
	City     float64 `json:"city"`     // the city's own budget
	Province float64 `json:"province"` // the provincial budget
	NonState float64 `json:"nonState"` // enterprises, sponsors, associations
}

// Total is the year's budget from every source.
func (y YearBudget) Total() float64 { return y.City + y.Province + y.NonState }

// Summary is an initiative's title and summary in a language of the
// application (English, French), written for the application.
type Summary struct {
	Title   string `json:"title,omitempty"`
	Summary string `json:"summary,omitempty"`
}

// Initiative is one initiative of the action plan, entered in the
// language of the office, with a title and summary for the application.
type Initiative struct {
	Scope      Scope  `json:"scope"`
	Title      string `json:"title"`
	Aims       string `json:"aims,omitempty"`
	Activities string `json:"activities,omitempty"`
	// Partners are the partners; for an international initiative, the
	// partner cities and networks.
	Partners     string       `json:"partners,omitempty"`
	TargetGroups string       `json:"targetGroups,omitempty"`
	Objectives   []string     `json:"objectives,omitempty"` // IDs of Objectives
	Years        []int        `json:"years,omitempty"`      // calendar years within the plan
	Budget       []YearBudget `json:"budget,omitempty"`
	// Application holds the title and summary by application language ("en", "fr").
	Application map[string]Summary `json:"dossier,omitempty"`

	extra map[string]json.RawMessage
}

// Budgeted is the initiative's budget over the plan, in million VND.
func (in *Initiative) Budgeted() float64 {
	var sum float64
	for _, y := range in.Budget {
		sum += y.Total()
	}
	return sum
}

// ActionPlan is the plan of initiatives of the application.
type ActionPlan struct {
	// FirstYear is the plan's first calendar year; it runs PlanYears years.
	FirstYear   int           `json:"firstYear,omitempty"`
	Initiatives []*Initiative `json:"initiatives"`

	extra map[string]json.RawMessage
}

// LastYear is the plan's last calendar year.
func (p *ActionPlan) LastYear() int { return p.FirstYear + PlanYears - 1 }

// Of returns the initiatives of one scope, in their order.
func (p *ActionPlan) Of(s Scope) []*Initiative {
	if p == nil {
		return nil
	}
	var out []*Initiative
	for _, in := range p.Initiatives {
		if in.Scope == s {
			out = append(out, in)
		}
	}
	return out
}

// Empty reports whether the plan holds nothing worth storing.
func (p *ActionPlan) Empty() bool {
	return p == nil || (p.FirstYear == 0 && len(p.Initiatives) == 0 && len(p.extra) == 0)
}

type initiativeJSON Initiative

// MarshalJSON writes the initiative with any members it was read with
// that this build does not know.
func (in *Initiative) MarshalJSON() ([]byte, error) {
	return marshalWithExtra((*initiativeJSON)(in), in.extra)
}

// UnmarshalJSON reads an initiative and keeps unknown members.
func (in *Initiative) UnmarshalJSON(data []byte) error {
	extra, err := unmarshalKeeping(data, (*initiativeJSON)(in), "scope", "title", "aims", "activities", "partners",
		"targetGroups", "objectives", "years", "budget", "dossier")
	in.extra = extra
	return err
}

type actionPlanJSON ActionPlan

// MarshalJSON writes the plan with any members it was read with that this
// build does not know.
func (p *ActionPlan) MarshalJSON() ([]byte, error) {
	out := *p
	if out.Initiatives == nil {
		out.Initiatives = []*Initiative{}
	}
	return marshalWithExtra((*actionPlanJSON)(&out), p.extra)
}

// UnmarshalJSON reads a plan and keeps unknown members.
func (p *ActionPlan) UnmarshalJSON(data []byte) error {
	extra, err := unmarshalKeeping(data, (*actionPlanJSON)(p), "firstYear", "initiatives")
	p.extra = extra
	for i := 0; i < len(p.Initiatives); i++ {
		if p.Initiatives[i] == nil {
			p.Initiatives = slices.Delete(p.Initiatives, i, i+1)
			i--
		}
	}
	return err
}

// unmarshalKeeping reads a JSON object into v and returns its members
// other than known.
func unmarshalKeeping(data []byte, v any, known ...string) (map[string]json.RawMessage, error) {
	if err := json.Unmarshal(data, v); err != nil {
		return nil, err
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return nil, err
	}
	var extra map[string]json.RawMessage
	for k, m := range members {
		if !slices.Contains(known, k) {
			if extra == nil {
				extra = map[string]json.RawMessage{}
			}
			extra[k] = m
		}
	}
	return extra, nil
}

// normalize puts the plan's texts in Unicode NFC.
func (p *ActionPlan) normalize() {
	if p == nil {
		return
	}
	for _, in := range p.Initiatives {
		for _, s := range []*string{&in.Title, &in.Aims, &in.Activities, &in.Partners, &in.TargetGroups} {
			*s = norm.NFC.String(*s)
		}
		for lang, sum := range in.Application {
			in.Application[lang] = Summary{Title: norm.NFC.String(sum.Title), Summary: norm.NFC.String(sum.Summary)}
		}
	}
}

// Problem codes of the action plan.
const (
	CodePlanTooMany        = "planTooMany"        // Args: Scope, Count, Max
	CodePlanScope          = "planScope"          // Args: Initiative, Scope
	CodePlanNoTitle        = "planNoTitle"        // Args: Initiative
	CodePlanNoFirstYear    = "planNoFirstYear"    // years given without the plan's first year
	CodePlanYear           = "planYear"           // Args: Initiative, Year, First, Last
	CodePlanBudgetNegative = "planBudgetNegative" // Args: Initiative, Year, Value
	CodePlanBudgetYear     = "planBudgetYear"     // Args: Initiative, Year (a budget for a year the initiative does not run)
	CodePlanObjective      = "planObjective"      // Args: Initiative, Objective
)

// ValidatePlan checks the action plan: at most three initiatives of each
// scope, a known scope, a title, years within the four years of the plan,
// budgets that are not negative and fall in the initiative's years, known
// UCCN objectives. Errors mark what the form cannot take; warnings what
// is incomplete.
func ValidatePlan(p *ActionPlan, path string) []Problem {
	if p == nil {
		return nil
	}
	var ps []Problem
	add := func(sev Severity, code string, args Args) {
		ps = append(ps, Problem{Severity: sev, Path: path, Code: code, Args: args})
	}
	for _, s := range Scopes {
		if n := len(p.Of(s)); n > MaxInitiatives {
			add(Error, CodePlanTooMany, Args{"Scope": ScopeArg(s), "Count": CountArg(n), "Max": CountArg(MaxInitiatives)})
		}
	}
	count := map[Scope]int{}
	for _, in := range p.Initiatives {
		count[in.Scope]++
		name := initiativeName(in, count[in.Scope])
		if !slices.Contains(Scopes, in.Scope) {
			add(Error, CodePlanScope, Args{"Initiative": name, "Scope": TextArg(string(in.Scope))})
		}
		if in.Title == "" {
			add(Warning, CodePlanNoTitle, Args{"Initiative": name})
		}
		years := slices.Clone(in.Years)
		for _, b := range in.Budget {
			years = append(years, b.Year)
		}
		if len(years) > 0 && p.FirstYear == 0 {
			if !slices.ContainsFunc(ps, func(q Problem) bool { return q.Code == CodePlanNoFirstYear }) {
				add(Error, CodePlanNoFirstYear, nil)
			}
		} else {
			seen := map[int]bool{}
			for _, y := range years {
				if (y < p.FirstYear || y > p.LastYear()) && !seen[y] {
					seen[y] = true
					add(Error, CodePlanYear, Args{"Initiative": name, "Year": YearArg(y),
						"First": YearArg(p.FirstYear), "Last": YearArg(p.LastYear())})
				}
			}
		}
		for _, b := range in.Budget {
			for _, v := range []float64{b.City, b.Province, b.NonState} {
				if v < 0 || math.IsNaN(v) {
					add(Error, CodePlanBudgetNegative, Args{"Initiative": name, "Year": YearArg(b.Year), "Value": NumberArg(v)})
				}
			}
			if len(in.Years) > 0 && !slices.Contains(in.Years, b.Year) {
				add(Warning, CodePlanBudgetYear, Args{"Initiative": name, "Year": YearArg(b.Year)})
			}
		}
		for _, o := range in.Objectives {
			if !slices.Contains(Objectives, o) {
				add(Error, CodePlanObjective, Args{"Initiative": name, "Objective": TextArg(o)})
			}
		}
	}
	return ps
}

// initiativeName names an initiative in a problem: its title, or its
// scope and place when it has none.
func initiativeName(in *Initiative, n int) Arg {
	if in.Title != "" {
		return TextArg(in.Title)
	}
	return Arg{Kind: ArgScope, Text: string(in.Scope), Num: float64(n)}
}

// ScopeArg is the scope of initiatives, written as its name.
func ScopeArg(s Scope) Arg { return Arg{Kind: ArgScope, Text: string(s)} }

// YearArg is a calendar year, written without a thousands separator.
func YearArg(y int) Arg { return TextArg(strconv.Itoa(y)) }
