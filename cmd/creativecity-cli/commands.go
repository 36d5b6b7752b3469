package main

import (
	"fmt"
	"math"
	"text/tabwriter"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
)

// Version is the application version, set at build time by the Makefile.
var Version = "0.1.0-dev"

type questionJSON struct {
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Text      string   `json:"text"`
	Help      string   `json:"help"`
	Min       *float64 `json:"min"`
	Max       *float64 `json:"max"`
	Unit      *string  `json:"unit"`
	Reference *float64 `json:"reference"`
	PerCapita bool     `json:"perCapita"`
	MinCount  *float64 `json:"minCount,omitempty"`
	Integer   bool     `json:"integer"`
	Weight    float64  `json:"weight"`
	Dimension string   `json:"dimension"`
	Criteria  []string `json:"criteria"`
	CityField string   `json:"cityField,omitempty"`
	Levels    []string `json:"levels"`
}

type sectionJSON struct {
	ID          string         `json:"id"`
	Kind        string         `json:"kind"`
	Name        string         `json:"name"`
	Description string         `json:"description"`
	Criteria    []criterion    `json:"criteria"`
	Questions   []questionJSON `json:"questions"`
}

type criterion struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func ptr[T any](v T) *T { return &v }

func (c *cli) questions(o options, args []string) int {
	if len(args) != 0 {
		c.fail("cli.tooManyArgs", map[string]any{"Command": "questions"})
		return exitUsage
	}
	out := struct {
		Version  string        `json:"questionnaireVersion"`
		Sections []sectionJSON `json:"sections"`
	}{Version: c.qn.Version}
	for _, s := range c.qn.Sections {
		sj := sectionJSON{ID: s.ID, Kind: string(s.Kind), Name: c.loc.T(s.NameID()),
			Description: c.loc.T(s.DescriptionID()), Criteria: []criterion{}, Questions: []questionJSON{}}
		for _, id := range s.Criteria {
			sj.Criteria = append(sj.Criteria, criterion{id, c.loc.T(s.CriterionID(id))})
		}
		for _, q := range s.Questions {
			qj := questionJSON{ID: q.ID, Type: string(q.Type), Text: c.loc.T(q.TextID()), Help: c.loc.T(q.HelpID()),
				PerCapita: q.PerCapita, Integer: q.Integer, Weight: q.Weight, Dimension: q.Dimension,
				Criteria: q.Criteria, CityField: q.CityField, Levels: []string{}}
			if qj.Criteria == nil {
				qj.Criteria = []string{}
			}
			switch q.Type {
			case assessment.Rubric:
				qj.Min, qj.Max = ptr(0.0), ptr(float64(assessment.MaxRubric))
				for n := range assessment.RubricLevels {
					qj.Levels = append(qj.Levels, c.loc.T(q.LevelID(n)))
				}
			case assessment.Number:
				qj.Min, qj.Unit = ptr(0.0), ptr(l10n.CountUnit(c.loc, q))
				if q.MinCount > 0 {
					qj.MinCount = ptr(q.MinCount)
				}
				if q.Max > 0 {
					qj.Max = ptr(q.Max)
				}
				if q.Reference > 0 {
					qj.Reference = ptr(q.Reference)
				}
			}
			sj.Questions = append(sj.Questions, qj)
		}
		out.Sections = append(out.Sections, sj)
	}
	if o.json {
		return c.writeJSON(out)
	}
	for _, s := range out.Sections {
		fmt.Fprintf(c.stdout, "\n== %s [%s]\n", s.Name, s.ID)
		for _, q := range s.Questions {
			fmt.Fprintf(c.stdout, "- %s (%s) %s\n", q.ID, l10n.QuestionType(c.loc, assessment.QuestionType(q.Type)), q.Text)
			for n, level := range q.Levels {
				fmt.Fprintf(c.stdout, "    %d: %s\n", n, level)
			}
			switch {
			case q.Reference != nil && q.PerCapita:
				data := map[string]any{"Unit": *q.Unit, "Reference": l10n.Number(c.loc, *q.Reference, 2), "MinCount": 0}
				if q.MinCount != nil {
					data["MinCount"] = l10n.Number(c.loc, *q.MinCount, 0)
				}
				fmt.Fprintf(c.stdout, "    %s\n", c.loc.T("cli.unitLinePerCapita", data))
			case q.Reference != nil:
				fmt.Fprintf(c.stdout, "    %s\n", c.loc.T("cli.unitLine", map[string]any{"Unit": *q.Unit,
					"Reference": l10n.Number(c.loc, *q.Reference, 2)}))
			case q.Unit != nil:
				fmt.Fprintf(c.stdout, "    %s\n", c.loc.T("cli.unitOnly", map[string]any{"Unit": *q.Unit}))
			}
		}
	}
	return exitOK
}

func (c *cli) validate(_ options, args []string) int {
	if len(args) == 0 {
		c.fail("cli.needFile", map[string]any{"Command": "validate"})
		return exitUsage
	}
	status := exitOK
	for _, path := range args {
		if _, ok := c.load(path); !ok {
			status = exitInput
			continue
		}
		fmt.Fprintln(c.stdout, c.loc.T("cli.valid", map[string]any{"File": path}))
	}
	return status
}

type scoreJSON struct {
	City                 string        `json:"city"`
	Province             string        `json:"province"`
	QuestionnaireVersion string        `json:"questionnaireVersion"`
	Fields               []fieldJSON   `json:"fields"`
	Readiness            readinessJSON `json:"readiness"`
	Recommendation       recommendJSON `json:"recommendation"`
	Gaps                 []gapJSON     `json:"gaps"`
	// ReadinessGaps are the readiness questions with the most points to
	// gain, as gaps are for the recommended field.
	ReadinessGaps []gapJSON `json:"readinessGaps"`
	// Decisions are the city's choices as the file holds them: the
	// intended field ("" none) and the fields set aside with their reasons.
	Decisions decisionsJSON `json:"decisions"`
	// WhatWouldChange: the answers that would most widen the lead, and
	// those that would put the runner-up first.
	WhatWouldChange changeJSON `json:"whatWouldChange"`
	// PerCapita are the answered per-capita counts with the rate per
	// 100,000 inhabitants the score uses (none without a population).
	PerCapita []perCapitaJSON `json:"perCapita"`
}

type perCapitaJSON struct {
	QuestionID string  `json:"questionId"`
	Count      float64 `json:"count"`
	Rate       float64 `json:"ratePer100k"`
}

type fieldJSON struct {
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	Score        float64 `json:"score"`
	Completeness float64 `json:"completeness"`
	Rank         int     `json:"rank"`
	// RankRange is [best, worst] over 90% of the uncertainty analysis's
	// variations; null for a field not assessed.
	RankRange *[2]int `json:"rankRange"`
	// SetAside marks a field the city does not consider: it keeps its
	// score and rank but is never recommended.
	SetAside bool `json:"setAside,omitempty"`
}

type decisionsJSON struct {
	IntendedField string            `json:"intendedField"`
	SetAside      map[string]string `json:"setAside"`
}

type changeJSON struct {
	Levers []gapJSON `json:"levers"`
	Swap   *swapJSON `json:"swap"`
	// UnknownFields are the candidate fields with nothing answered: any of
	// them could come first once assessed.
	UnknownFields []string `json:"unknownFields"`
}

type swapJSON struct {
	Field     string    `json:"field"`
	Lead      float64   `json:"lead"`
	Questions []gapJSON `json:"questions"`
}

type readinessJSON struct {
	Score        float64 `json:"score"`
	Completeness float64 `json:"completeness"`
}

type recommendJSON struct {
	Field      string `json:"field"`
	Name       string `json:"name"`
	Confidence string `json:"confidence"`
	// Stability is the share (0–1) of the variations that keep the field
	// first; null without a recommendation.
	Stability *float64 `json:"stability"`
	Reasons   []string `json:"reasons"`
}

type gapJSON struct {
	QuestionID string  `json:"questionId"`
	Field      string  `json:"field"`
	Text       string  `json:"text"`
	Gain       float64 `json:"gain"`
	Answered   bool    `json:"answered"`
}

func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

func (c *cli) score(o options, args []string) int {
	if len(args) != 1 {
		c.fail("cli.needOneFile", map[string]any{"Command": "score"})
		return exitUsage
	}
	a, ok := c.load(args[0])
	if !ok {
		return exitInput
	}
	r := assessment.Score(c.qn, a)
	out := scoreJSON{City: a.City.Name, Province: a.City.Province, QuestionnaireVersion: a.QuestionnaireVersion,
		Fields: []fieldJSON{}, Gaps: []gapJSON{}, PerCapita: []perCapitaJSON{}}
	for _, f := range r.Fields {
		fj := fieldJSON{ID: f.ID, Name: l10n.SectionName(c.loc, f.ID), Score: round(f.Score, 2),
			Completeness: round(f.Completeness, 3), Rank: f.Rank, SetAside: f.SetAside}
		if rr, ok := r.Uncertainty.RankRanges[f.ID]; ok {
			fj.RankRange = &rr
		}
		out.Fields = append(out.Fields, fj)
	}
	out.Readiness = readinessJSON{round(r.Readiness.Score, 2), round(r.Readiness.Completeness, 3)}
	rec := r.Recommendation
	out.Recommendation = recommendJSON{Field: rec.Field, Confidence: string(rec.Confidence), Reasons: []string{}}
	if rec.Field != "" {
		out.Recommendation.Name = l10n.SectionName(c.loc, rec.Field)
		stability := round(r.Uncertainty.Stability, 3)
		out.Recommendation.Stability = &stability
	}
	for _, reason := range rec.Reasons {
		out.Recommendation.Reasons = append(out.Recommendation.Reasons, l10n.Reason(c.loc, reason))
	}
	out.Gaps = c.gapsJSON(r.Gaps)
	out.ReadinessGaps = c.gapsJSON(r.ReadinessGaps)
	out.WhatWouldChange.UnknownFields = append([]string{}, assessment.UnknownFields(r)...)
	out.Decisions = decisionsJSON{IntendedField: a.IntendedField(), SetAside: map[string]string{}}
	for _, id := range a.SetAsideFields() {
		out.Decisions.SetAside[id], _ = a.SetAsideReason(id)
	}
	out.WhatWouldChange.Levers = c.gapsJSON(r.Levers())
	if sw := r.Swap; sw != nil {
		out.WhatWouldChange.Swap = &swapJSON{Field: sw.Field, Lead: round(sw.Lead, 2), Questions: c.gapsJSON(sw.Questions)}
	}
	for _, s := range c.qn.Sections {
		for _, q := range s.ScoredQuestions() {
			count, ok := a.Value(q.ID).Number()
			if rate, given := assessment.RateOf(count, a.City.Population); ok && q.PerCapita && given {
				out.PerCapita = append(out.PerCapita, perCapitaJSON{q.ID, count, round(rate, 3)})
			}
		}
	}
	if o.json {
		return c.writeJSON(out)
	}
	c.printScore(out, a.City.Population, l10n.WhatWouldChange(c.loc, c.qn, r, a.IntendedField()))
	return exitOK
}

func (c *cli) gapsJSON(gaps []assessment.Gap) []gapJSON {
	out := []gapJSON{}
	for _, g := range gaps {
		q, _ := c.qn.Question(g.QuestionID)
		out = append(out, gapJSON{g.QuestionID, g.Field, c.loc.T(q.TextID()), round(g.Gain, 2), g.Answered})
	}
	return out
}

// printFields prints the field table, strongest first. A field not
// assessed shows no rank and no score (it is unknown, not 0); a field set
// aside says so.
func (c *cli) printFields(fields []fieldJSON) {
	t := c.loc.T
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t("cli.colRank"), t("cli.colField"), t("cli.colScore"), t("cli.colCompleteness"),
		t("cli.colRankRange"))
	for rank := 1; rank <= len(fields); rank++ {
		for _, f := range fields {
			if f.Rank != rank {
				continue
			}
			name, shown, score, rr := f.Name, fmt.Sprint(f.Rank), l10n.Score(c.loc, f.Score), "–"
			switch {
			case f.Completeness == 0:
				shown, score = "–", t("result.notAssessed")
			case f.RankRange == nil:
			case f.RankRange[0] == f.RankRange[1]:
				rr = fmt.Sprint(f.RankRange[0])
			default:
				rr = fmt.Sprintf("%d–%d", f.RankRange[0], f.RankRange[1])
			}
			if f.SetAside {
				name = t("cli.setAside", map[string]any{"Field": f.Name})
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", shown, name, score, l10n.Percent(c.loc, f.Completeness), rr)
		}
	}
	tw.Flush()
}

func (c *cli) printScore(out scoreJSON, population float64, change []l10n.ChangeLine) {
	t := c.loc.T
	fmt.Fprintln(c.stdout, t("cli.scoreTitle", map[string]any{"City": out.City, "Province": out.Province,
		"Version": out.QuestionnaireVersion}))
	c.printFields(out.Fields)
	fmt.Fprintln(c.stdout, t("cli.readinessLine", map[string]any{"Score": l10n.Score(c.loc, out.Readiness.Score),
		"Completeness": l10n.Percent(c.loc, out.Readiness.Completeness)}))
	rec := out.Recommendation
	if rec.Field == "" {
		fmt.Fprintln(c.stdout, t("cli.noRecommendation"))
	} else {
		fmt.Fprintln(c.stdout, t("cli.recommendationLine", map[string]any{"Field": rec.Name,
			"Confidence": l10n.Confidence(c.loc, assessment.Confidence(rec.Confidence))}))
	}
	for _, r := range rec.Reasons {
		fmt.Fprintf(c.stdout, "  - %s\n", r)
	}
	if len(out.Gaps) > 0 {
		fmt.Fprintln(c.stdout, t("cli.gapsTitle"))
		for _, g := range out.Gaps {
			fmt.Fprintf(c.stdout, "  - [%s] %s (%s)\n", g.QuestionID, g.Text,
				t("cli.gain", map[string]any{"Points": l10n.Score(c.loc, g.Gain)}))
		}
	}
	if len(change) > 0 {
		fmt.Fprintln(c.stdout, t("change.title")+":")
		for _, l := range change {
			if l.QuestionID == "" {
				fmt.Fprintf(c.stdout, "  %s\n", l.Text)
			} else {
				fmt.Fprintf(c.stdout, "    - [%s] %s\n", l.QuestionID, l.Text)
			}
		}
	}
	if len(out.PerCapita) > 0 {
		fmt.Fprintln(c.stdout, t("cli.perCapitaTitle", map[string]any{"Population": l10n.Number(c.loc, population, 0)}))
		for _, p := range out.PerCapita {
			q, _ := c.qn.Question(p.QuestionID)
			fmt.Fprintf(c.stdout, "  - [%s] %s\n", p.QuestionID, t("cli.perCapitaLine", map[string]any{
				"Count": l10n.Number(c.loc, p.Count, 2) + " " + l10n.CountUnit(c.loc, q),
				"Rate":  l10n.Rate(c.loc, q, p.Count, population)}))
		}
	}
}
