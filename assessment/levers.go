package assessment

// MaxLevers is the number of questions shown as what would most raise the
// recommended field's lead, and the most answers a swap of the first two
// fields may take for the runner-up to count as within reach.
const MaxLevers = 3

// Swap is what would put the runner-up first: its answers, most valuable
// first, whose improvement to full marks would together take it past the
// recommended field's lead.
type Swap struct {
	Field     string  // the runner-up
	Lead      float64 // the recommended field's lead over it, in points
	Questions []Gap
}

// Levers are the questions whose improvement would most raise the
// recommended field's lead: raising one of its answers raises its score,
// and so its lead, by the question's gain.
func (r *Result) Levers() []Gap {
	return r.Gaps[:min(MaxLevers, len(r.Gaps))]
}

// whatWouldSwap finds the fewest answers of the runner-up (at most
// MaxLevers) that would put it first; nil when it is out of reach or
// there is no runner-up.
func whatWouldSwap(qn *Questionnaire, r *Result) *Swap {
	top, ok := r.Field(r.Recommendation.Field)
	second, hasSecond := r.RunnerUp()
	if !ok || !hasSecond {
		return nil
	}
	s, _ := qn.Section(second.ID)
	lead := top.Score - second.Score
	sw := &Swap{Field: second.ID, Lead: lead}
	var gained float64
	for _, g := range gaps(s, r.Questions) {
		if len(sw.Questions) == MaxLevers {
			return nil
		}
		sw.Questions = append(sw.Questions, g)
		// Level scores keep the order of completeness and IDs: the runner-up
		// passes only when it is strictly ahead.
		if gained += g.Gain; gained > lead+1e-9 {
			return sw
		}
	}
	return nil
}

// RunnerUp is the assessed candidate field ranked next after the
// recommended one, if any: fields set aside and fields not assessed are
// never compared with the recommendation.
func (r *Result) RunnerUp() (SectionScore, bool) {
	rec, ok := r.Field(r.Recommendation.Field)
	best := SectionScore{}
	for _, f := range r.Fields {
		if ok && f.Rank > rec.Rank && f.Candidate() && f.Assessed() && (best.Rank == 0 || f.Rank < best.Rank) {
			best = f
		}
	}
	return best, best.Rank > 0
}
