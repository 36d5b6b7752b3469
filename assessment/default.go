package assessment

import (
	"sync"

	"creativecity/assets"
	"creativecity/translations"
)

var (
	defaultOnce sync.Once
	defaultQn   *Questionnaire
	defaultErr  error
)

// Default returns the questionnaire shipped with the app, with its
// migration table and its table of provinces, parsed and checked once.
func Default() (*Questionnaire, error) {
	defaultOnce.Do(func() {
		defaultQn, defaultErr = ParseQuestionnaire(assets.QuestionnaireTOML)
		if defaultErr == nil {
			var ms []Migration
			if ms, defaultErr = ParseMigrations(assets.MigrationsTOML); defaultErr == nil {
				defaultErr = defaultQn.SetMigrations(ms)
			}
		}
		if defaultErr == nil {
			defaultQn.Provinces, defaultErr = ParseProvinces(assets.ProvincesTOML)
			defaultQn.FieldNames = sync.OnceValue(func() FieldNames { return translatedFieldNames(defaultQn) })
		}
	})
	return defaultQn, defaultErr
}

// translatedFieldNames are the fields' names in every language the
// message files have, with their IDs written as words ("media arts"):
// the one place where the domain reads words, to turn a city's free text
// into a field ID.
func translatedFieldNames(qn *Questionnaire) FieldNames {
	names := FieldNames{}
	for _, s := range qn.Fields() {
		names[s.ID] = append(names[s.ID], s.ID)
		for _, lang := range translations.Languages() {
			names[s.ID] = append(names[s.ID], translations.New(lang).T("section."+s.ID+".name"))
		}
	}
	return names
}

// Demo returns a fresh copy of the demonstration assessment.
func Demo() (*Assessment, error) {
	return Decode(assets.DemoCCSA, assets.DemoName)
}
