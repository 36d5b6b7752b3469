package application

import (
	"slices"
	"strconv"
	"strings"

	"creativecity/assessment"
)

// plan writes the initiatives, local then international, the budget
// table and the objectives each initiative serves.
func (d *draft) plan(s *Section) {
	d.para(d.t("dossier.wordLimitEach", map[string]any{"Limit": d.number(float64(s.WordLimit), 0)}))
	for _, scope := range assessment.Scopes {
		d.heading(d.t("dossier.plan."+string(scope)), 2)
		ins := d.a.Plan.Of(scope)
		if len(ins) == 0 {
			d.para(d.t("dossier.noInformation"))
			continue
		}
		for i, in := range ins {
			d.initiative(scope, i+1, in)
		}
	}
	d.heading(d.t("dossier.plan.budgetHeading"), 2)
	if d.a.Plan == nil || len(d.a.Plan.Initiatives) == 0 {
		d.para(d.t("dossier.noInformation"))
		return
	}
	d.budget()
}

// title is an initiative's title in the application language, or its
// Vietnamese title marked for the translator.
func (d *draft) title(in *assessment.Initiative) string {
	if t := strings.TrimSpace(in.Application[string(d.opt.Lang)].Title); t != "" {
		return t
	}
	return in.Title + " " + d.t("dossier.toTranslate")
}

func (d *draft) initiative(scope assessment.Scope, n int, in *assessment.Initiative) {
	prefix := "L"
	if scope == assessment.International {
		prefix = "I"
	}
	d.heading(prefix+strconv.Itoa(n)+". "+d.title(in), 3)
	if sum := strings.TrimSpace(in.Application[string(d.opt.Lang)].Summary); sum != "" {
		d.para(sum)
	} else {
		d.doc.AddEmptyParagraph().AddText(d.t("dossier.toWrite")).Bold(true)
	}
	var names []string
	for _, o := range in.Objectives {
		names = append(names, d.t("dossier.objective."+o))
	}
	partners := "dossier.plan.partners"
	if scope == assessment.International {
		partners = "dossier.plan.partnerCities"
	}
	rows := [][]string{
		{d.t("dossier.plan.years"), d.years(in.Years)},
		{d.t("dossier.plan.objectives"), d.orComplete(strings.Join(names, "; "))},
		{d.t("dossier.plan.budget"), d.number(in.Budgeted(), 0)},
		{d.t("dossier.plan.originalTitle"), in.Title},
	}
	d.table([]int{35, 65}, nil, rows)
	if strings.TrimSpace(in.Aims+in.Activities+in.Partners+in.TargetGroups) != "" {
		d.para(d.t("dossier.evidence"))
	}
	for _, q := range []struct{ label, text string }{
		{d.t("dossier.plan.aims"), in.Aims}, {d.t("dossier.plan.activities"), in.Activities},
		{d.t(partners), in.Partners}, {d.t("dossier.plan.targetGroups"), in.TargetGroups},
	} {
		if strings.TrimSpace(q.text) != "" {
			d.quote(q.label, q.text)
		}
	}
}

// years writes the years of an initiative, a run of years as a range.
func (d *draft) years(ys []int) string {
	if len(ys) == 0 {
		return d.t("dossier.toComplete")
	}
	ys = slices.Sorted(slices.Values(ys))
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, strconv.Itoa(ys[i])+"–"+strconv.Itoa(ys[j]))
		} else {
			parts = append(parts, strconv.Itoa(ys[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// budget is the table of each initiative's budget by source over the
// plan, in million VND, with its total in the currencies asked for.
func (d *draft) budget() {
	header := []string{d.t("dossier.plan.initiative"), d.t("dossier.plan.city"),
		d.t("dossier.plan.province"), d.t("dossier.plan.nonState"), d.t("dossier.plan.total")}
	type currency struct {
		code string
		rate float64
	}
	var currencies []currency
	for _, c := range []currency{{"USD", d.opt.RateUSD}, {"EUR", d.opt.RateEUR}} {
		if c.rate > 0 && ValidRate(c.rate) {
			currencies = append(currencies, c)
			header = append(header, c.code)
		}
	}
	// Each line's figures are the plan's totals, rounded as the plan's
	// sheet of the report rounds them.
	line := func(label string, t assessment.BudgetTotals) []string {
		r := []string{label}
		for _, src := range assessment.Sources {
			r = append(r, d.number(t.BySource[src], 0))
		}
		r = append(r, d.number(t.All, 0))
		for _, c := range currencies {
			r = append(r, d.number(t.All*1e6/c.rate, 0))
		}
		return r
	}
	var rows [][]string
	for _, scope := range assessment.Scopes {
		prefix := "L"
		if scope == assessment.International {
			prefix = "I"
		}
		for i, in := range d.a.Plan.Of(scope) {
			rows = append(rows, line(prefix+strconv.Itoa(i+1), in.Totals()))
		}
	}
	rows = append(rows, line(d.t("dossier.plan.totalAll"), d.a.Plan.Totals()))
	shares := []int{16, 14, 14, 14, 14}
	for range currencies {
		shares = append(shares, 14)
	}
	d.table(shares, header, rows)
	d.para(d.t("dossier.plan.unit"))
	if len(currencies) == 0 {
		d.para(d.t("dossier.plan.noRate"))
	}
	for _, c := range currencies {
		d.para(d.t("dossier.plan.rate", map[string]any{"Currency": c.code, "Rate": d.number(c.rate, 0)}))
	}
}

// objectives lists the six objectives with the initiatives serving each.
func (d *draft) objectives() {
	if d.a.Plan == nil || len(d.a.Plan.Initiatives) == 0 {
		return
	}
	var rows [][]string
	for _, o := range assessment.Objectives {
		var titles []string
		for _, scope := range assessment.Scopes {
			prefix := "L"
			if scope == assessment.International {
				prefix = "I"
			}
			for i, in := range d.a.Plan.Of(scope) {
				if slices.Contains(in.Objectives, o) {
					titles = append(titles, prefix+strconv.Itoa(i+1))
				}
			}
		}
		served := strings.Join(titles, ", ")
		if served == "" {
			served = d.t("dossier.noInformation")
		}
		rows = append(rows, []string{d.t("dossier.objective." + o), served})
	}
	d.table([]int{65, 35}, []string{d.t("dossier.objective.heading"), d.t("dossier.objective.servedBy")}, rows)
}

// checklist is the attachments, with what the assessment says of each.
func (d *draft) checklist() {
	var rows [][]string
	for i := range d.form.Attachments {
		at := &d.form.Attachments[i]
		status := d.t("dossier.attachment.unknown")
		if at.Question != "" {
			switch v := d.a.Value(at.Question); v.Kind() {
			case assessment.KindBool:
				status = d.t("dossier.attachment.missing")
				if yes, _ := v.Bool(); yes {
					status = d.t("dossier.attachment.obtained")
				}
			case assessment.KindNumber:
				n, _ := v.Number()
				status = d.number(n, 0) + " / " + d.number(float64(at.Count), 0)
			}
		}
		// What the office recorded on the application page comes first.
		have := d.a.Application.Attachment(at.ID)
		if have.Obtained {
			status = d.t("dossier.attachment.obtained")
		}
		date := ""
		if t, err := assessment.ParseDate(have.Date); have.Date != "" && err == nil {
			date = d.date(t)
		}
		rows = append(rows, []string{d.t(at.NameID(), map[string]any{"MB": at.MaxMB}), d.number(float64(at.Count), 0), status,
			date, have.File})
	}
	d.table([]int{34, 14, 18, 17, 17}, []string{d.t("dossier.attachment.heading"), d.t("dossier.attachment.required"),
		d.t("dossier.attachment.status"), d.t("dossier.attachment.date"), d.t("dossier.attachment.reference")}, rows)
}
