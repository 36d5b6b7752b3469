package ui

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"creativecity/assessment"
	"creativecity/assessment/l10n"
)

// AutosaveInterval is how often unsaved work is copied to the app's storage.
const AutosaveInterval = 30 * time.Second

// recoveryFile is the autosaved copy: the work and the facts needed to
// decide whether it is newer than its file, in one file written atomically,
// so that a kill at any moment leaves either the previous copy or the new
// one, never the work of one document paired with another's file name.
const recoveryFile = "recovery.json"

// recoveryCopy is the content of the recovery file.
type recoveryCopy struct {
	recoveryInfo
	Assessment json.RawMessage `json:"assessment"`
}

// recoveryInfo describes an autosaved copy.
type recoveryInfo struct {
	Path        string    `json:"path"` // the file the work belongs to; "" if never saved
	AutosavedAt time.Time `json:"autosavedAt"`
	// FileModTime is the modification time of Path when it was last opened
	// or saved by the app: if the file still has it, the autosave holds
	// later work whatever the clocks say.
	FileModTime time.Time `json:"fileModTime"`
}

// autosaver copies unsaved work to the app's storage every 30 seconds and
// on page changes, so that a crash or power cut loses at most seconds.
type autosaver struct {
	a      *App
	dir    string
	ticker *time.Ticker
	done   chan struct{}
}

func newAutosaver(a *App) *autosaver {
	dir := a.opts.RecoveryDir
	if dir == "" {
		if root := a.fyne.Storage().RootURI(); root != nil {
			dir = filepath.Join(root.Path(), "recovery")
		}
	}
	return &autosaver{a: a, dir: dir}
}

// start runs the periodic autosave.
func (s *autosaver) start() {
	if s.ticker != nil || s.dir == "" {
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

func (s *autosaver) stop() {
	if s.ticker != nil {
		s.ticker.Stop()
		close(s.done)
		s.ticker = nil
	}
}

// now writes the recovery copy if there are unsaved changes.
func (s *autosaver) now() {
	a := s.a
	if !a.dirty || s.dir == "" {
		return
	}
	at := a.opts.Now()
	err := os.MkdirAll(s.dir, 0o700)
	var doc, data []byte
	if err == nil {
		doc, err = assessment.Encode(a.doc.Clone())
	}
	if err == nil {
		data, err = json.Marshal(recoveryCopy{
			recoveryInfo: recoveryInfo{Path: a.path, AutosavedAt: at.UTC(), FileModTime: a.modTime},
			Assessment:   doc,
		})
	}
	if err == nil {
		err = assessment.WriteFileAtomic(filepath.Join(s.dir, recoveryFile), data)
	}
	if err != nil {
		var fe *assessment.FileError
		msg := err.Error()
		if errors.As(err, &fe) {
			msg = l10n.Problem(a.loc, fe.Problem)
		}
		a.status.SetText(a.t("gui.autosaveFailed", map[string]any{"Detail": msg}))
		return
	}
	a.autosavedAt = at
	a.refreshChrome()
}

// discard removes the recovery copy (after a save, or when the user
// discards the changes).
func (s *autosaver) discard() {
	if s.dir == "" {
		return
	}
	os.Remove(filepath.Join(s.dir, recoveryFile))
	s.a.autosavedAt = time.Time{}
}

// pending returns the recovery copy worth offering: one newer than its
// saved file, or of work never saved.
func (s *autosaver) pending() (*assessment.Assessment, recoveryInfo, bool) {
	var rc recoveryCopy
	if s.dir == "" {
		return nil, rc.recoveryInfo, false
	}
	path := filepath.Join(s.dir, recoveryFile)
	if st, err := os.Stat(path); err != nil || st.Size() > assessment.MaxFileSize {
		return nil, rc.recoveryInfo, false
	}
	data, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(data, &rc) != nil {
		return nil, rc.recoveryInfo, false
	}
	info := rc.recoveryInfo
	doc, err := assessment.Decode(rc.Assessment, path)
	if err != nil {
		return nil, info, false
	}
	if info.Path != "" {
		st, err := os.Stat(info.Path)
		switch {
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return nil, info, false
		case err != nil:
			// The file is gone: the autosave is all there is.
		case st.ModTime().Equal(info.FileModTime):
			// The file is as the app last saw it: the autosave is newer,
			// even if the clock has gone backwards since.
		case !st.ModTime().Before(info.AutosavedAt):
			return nil, info, false // the file was saved after the autosave
		}
	}
	return doc, info, true
}

// offerRecovery asks whether to restore autosaved work found at start.
func (a *App) offerRecovery() bool {
	doc, info, ok := a.autosave.pending()
	if !ok {
		return false
	}
	file := info.Path
	if file == "" {
		file = a.t("gui.notSavedYet")
	}
	name := doc.City.Name
	if name == "" {
		name = a.t("gui.untitled")
	}
	msg := a.t("gui.recoveryQuestion", map[string]any{"City": name, "File": file,
		"Time": info.AutosavedAt.Local().Format("15:04 02/01/2006")})
	d := dialog.NewConfirm(a.t("gui.recoveryTitle"), msg, func(restore bool) {
		if !restore {
			a.autosave.discard()
			return
		}
		a.restore(doc, info)
	}, a.win)
	d.SetConfirmText(a.t("gui.restore"))
	d.SetDismissText(a.t("gui.discard"))
	d.Show()
	a.pendingDialog = d
	return true
}

// restore makes recovered work the current document, unsaved.
func (a *App) restore(doc *assessment.Assessment, info recoveryInfo) {
	a.lockPath(info.Path)
	a.doc, a.path, a.dirty = doc, info.Path, true
	a.drafts = map[string]string{}
	a.autosavedAt = info.AutosavedAt
	// The file as the app last saw it: saving warns if it changed since.
	a.modTime, a.savedAt = info.FileModTime, info.FileModTime
	a.rescore()
	a.showPage(a.page)
	a.refreshChrome()
	a.showLockWarning()
}
