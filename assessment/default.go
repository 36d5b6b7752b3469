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

// Default returns the questionnaire shipped with the app, parsed and
// checked once.
func Default() (*Questionnaire, error) {
	defaultOnce.Do(func() { defaultQn, defaultErr = ParseQuestionnaire(assets.QuestionnaireTOML) })
	return defaultQn, defaultErr
}

// Demo returns a fresh copy of the demonstration assessment.
func Demo() (*Assessment, error) {
	return Decode(assets.DemoCCSA, assets.DemoName)
}
