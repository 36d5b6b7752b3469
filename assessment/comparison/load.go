// Package comparison puts many cities' assessments side by side: it loads
// the inputs (assessment files and exported reports, a folder standing
// for the files in it), scores them and leaves each city once, then lays
// them out, in the window's table through the one list of columns
// (Columns) and in the comparison workbook. The rules (which cities are
// the same, their ranks and separability, who needs following up) are
// package assessment's.
package comparison

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/files"
	"creativecity/assessment/report"
)

// City is one assessment in a comparison, with its scores.
type City = assessment.CityResult

// Skipped is an input that could not be compared, with the reason.
type Skipped struct {
	Path    string
	Problem assessment.Problem
}

// Comparison is what a set of inputs gave: the cities in input order,
// each city once, from its newest input (see assessment.DedupeCities),
// the other inputs of a city, not compared, and the inputs skipped.
type Comparison struct {
	Cities     []City
	Duplicates []assessment.Duplicate
	Skipped    []Skipped
	// Warnings are about inputs compared or not: an UpdatedAt in the
	// future, whose file's time stands for it (see assessment.FutureProblem).
	Warnings []assessment.Problem
	// Ranks are the cities' rank intervals (see assessment.AnalyseCities).
	Ranks *assessment.CityRanks
}

// ExpandInputs turns the command-line inputs into files: a folder stands
// for the .ccsa and .xlsx files in it (not its subfolders), sorted.
func ExpandInputs(inputs []string) []string {
	var out []string
	for _, in := range inputs {
		info, err := os.Stat(in)
		if err != nil || !info.IsDir() {
			out = append(out, in)
			continue
		}
		entries, err := os.ReadDir(in)
		if err != nil {
			out = append(out, in) // reported as unreadable when loaded
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
				continue
			}
			if strings.EqualFold(filepath.Ext(name), assessment.Extension) || report.IsWorkbook(name) {
				out = append(out, filepath.Join(in, name))
			}
		}
	}
	return out
}

// Load reads every input (an assessment file or an exported report),
// concurrently up to the number of CPUs, and scores it. A bad input is
// skipped with its reason and never stops the others. A city given more
// than once is compared once, from its newest input (see
// assessment.DedupeCities); the others are listed as its duplicates.
func Load(qn *assessment.Questionnaire, paths []string) *Comparison {
	type result struct {
		city City
		skip *Skipped
	}
	results := make([]result, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.NumCPU())
	for i, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			doc, err := loadInput(qn, p)
			if err != nil {
				results[i].skip = &Skipped{Path: p, Problem: problemOf(err, p)}
				return
			}
			results[i].city = City{Path: p, Doc: doc, Result: assessment.ScoreQuick(qn, doc), FileTime: fileTime(p)}
		}()
	}
	wg.Wait()
	c := &Comparison{}
	var cities []City
	for _, r := range results {
		if r.skip != nil {
			c.Skipped = append(c.Skipped, *r.skip)
		} else {
			cities = append(cities, r.city)
		}
	}
	now := time.Now()
	for _, city := range cities {
		if _, future := city.ChangedAt(now); future {
			c.Warnings = append(c.Warnings, assessment.FutureProblem(city))
		}
	}
	c.Cities, c.Duplicates = assessment.DedupeCities(cities, qn.Provinces, now)
	// The uncertainty analysis of all the cities at once, on the same
	// variations; a duplicate, not compared, on its own.
	c.Ranks = assessment.AnalyseCities(qn, c.Cities)
	for _, d := range c.Duplicates {
		assessment.Analyse(qn, d.City.Doc, d.City.Result)
	}
	return c
}

// loadInput reads one input; an assessment whose values are invalid is
// refused like a bad file, so that no score comes from bad data. A
// problem of the action plan, which no score uses, does not keep a city
// out of the comparison.
func loadInput(qn *assessment.Questionnaire, path string) (*assessment.Assessment, error) {
	var doc *assessment.Assessment
	var err error
	if report.IsWorkbook(path) {
		doc, _, err = report.ReadFile(path)
	} else {
		doc, err = files.Load(path)
	}
	if err != nil {
		return nil, err
	}
	qn.Migrate(doc) // an older version's answers, compared as today's
	for _, p := range assessment.ValidateAnswers(qn, doc, path) {
		if p.Severity == assessment.Error {
			return nil, &assessment.FileError{Problem: p}
		}
	}
	return doc, nil
}

// fileTime is a file's modification time, zero when unknown.
func fileTime(path string) time.Time {
	info, err := os.Stat(path)
	if err != nil {
		return time.Time{}
	}
	return info.ModTime()
}

func problemOf(err error, path string) assessment.Problem {
	var fe *assessment.FileError
	if errors.As(err, &fe) {
		return fe.Problem
	}
	return assessment.Problem{Severity: assessment.Error, Path: path, Code: assessment.CodeReadFailed,
		Args: assessment.Args{"Detail": assessment.TextArg(err.Error())}}
}

// CityLabel names a city with its province, when there is one.
func CityLabel(c assessment.City) string { return assessment.CityLabel(c) }
