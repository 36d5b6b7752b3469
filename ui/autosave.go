package ui

import (
	"errors"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
)

// AutosaveInterval is how often unsaved work is copied to the app's storage.
const AutosaveInterval = 30 * time.Second

// recoveryDir is the folder of autosaved work, one copy a window:
// Options.RecoveryDir, or "recovery" in the app's storage.
func (a *App) recoveryDir() string {
	if a.opts.RecoveryDir != "" {
		return a.opts.RecoveryDir
	}
	if root := a.fyne.Storage().RootURI(); root != nil {
		return filepath.Join(root.Path(), "recovery")
	}
	return ""
}

// autosaveTimer autosaves the document every 30 seconds (and the window on
// page changes), so that a crash or power cut loses at most seconds.
type autosaveTimer struct {
	a      *App
	ticker *time.Ticker
	done   chan struct{}
}

// start runs the periodic autosave.
func (s *autosaveTimer) start() {
	if s.ticker != nil {
		return
	}
	s.ticker = time.NewTicker(AutosaveInterval)
	s.done = make(chan struct{})
	go func() {
		for {
			select {
			case <-s.ticker.C:
				fyne.Do(s.now)
			case <-s.done:
				return
			}
		}
	}()
}

func (s *autosaveTimer) stop() {
	if s.ticker != nil {
		s.ticker.Stop()
		close(s.done)
		s.ticker = nil
	}
}

// now autosaves the unsaved changes, if any; a failure is shown on the
// status line.
func (s *autosaveTimer) now() {
	a := s.a
	if err := a.doc.Autosave(); err != nil {
		var fe *assessment.FileError
		msg := err.Error()
		if errors.As(err, &fe) {
			msg = l10n.Problem(a.loc, fe.Problem)
		}
		a.chrome.status.SetText(a.t("gui.autosaveFailed", map[string]any{"Detail": msg}))
	}
}
