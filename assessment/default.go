package assessment

import (
	"sync"

	"creativecity/assets"
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
		}
	})
	return defaultQn, defaultErr
}

// Demo returns a fresh copy of the demonstration assessment.
func Demo() (*Assessment, error) {
	return Decode(assets.DemoCCSA, assets.DemoName)
}
