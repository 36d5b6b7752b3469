// Package assets embeds the data the app ships with: the questionnaire
// structure, the demonstration assessment and the icon. It is a leaf:
// it only holds bytes, and the assessment package parses them.
package assets

import _ "embed"

// QuestionnaireTOML is the questionnaire structure (assets/questionnaire.toml).
//
//go:embed questionnaire.toml
var QuestionnaireTOML []byte

// MigrationsTOML says how answers of older questionnaire versions carry
// over to the next (assets/migrations.toml).
//
//go:embed migrations.toml
var MigrationsTOML []byte

// ProvincesTOML maps province names before the merger of 2025 to today's
// (assets/provinces.toml).
//
//go:embed provinces.toml
var ProvincesTOML []byte

// DemoName is the file name of the demonstration assessment.
const DemoName = "demo-halong-gastronomy.ccsa"

// DemoCCSA is the demonstration assessment: a coastal city strong in
// gastronomy, with illustrative figures that are not official data.
//
//go:embed demo-halong-gastronomy.ccsa
var DemoCCSA []byte

// IconPNG is the application icon (512×512).
//
//go:embed icon.png
var IconPNG []byte

// ApplicationFormTOML is the UNESCO application form as data: its sections,
// word limits and attachments (assets/application-form.toml).
//
//go:embed application-form.toml
var ApplicationFormTOML []byte
