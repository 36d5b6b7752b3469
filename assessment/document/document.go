// Package document holds the assessment open for editing in the desktop
// app: the file it belongs to, that file's lock, whether it has unsaved
// changes, its score and problems, and its autosaved copy. It has no user
// interface: the window is a view over a Document, and when a Document
// reports a condition (a file held or changed by someone else, autosaved
// work worth restoring) the view asks the user and calls back.
//
// Each document (each window) has its own autosaved copy in the recovery
// folder, locked by the operating system while the document is open, so
// that windows of one or several processes never overwrite, remove or
// offer each other's copy (slot.go, pending.go).
//
// A Document is not safe for concurrent use: the UI calls it from its one
// thread. The only goroutines it starts are Pending's checks of files,
// which it waits for a few seconds at most.
package document

import (
	"os"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/files"
)

// Options are the choices a Document is made with.
type Options struct {
	// Now returns the current time (tests set it); nil means time.Now.
	Now func() time.Time
	// RecoveryDir is the folder of the autosaved copies, shared by all the
	// windows of the app; "" turns autosave off.
	RecoveryDir string
}

// Document is the assessment open for editing: its content, its file, and
// what the app knows about that file. It is the one owner of this state;
// views read it through the accessors, change the assessment only through
// Edit, and redraw when OnChange tells them to.
type Document struct {
	qn   *assessment.Questionnaire
	opts Options

	doc  *assessment.Assessment
	path string // the file the assessment is saved to; "" if never saved
	// seenModTime is the file's modification time when this document last
	// read or wrote it: a different time on disk means someone else saved.
	seenModTime          time.Time
	dirty                bool
	res                  *assessment.Result
	version              uint64 // counts rescorings
	problems             []assessment.Problem
	savedAt, autosavedAt time.Time
	lockedBy             *files.LockInfo      // another editor holding path when we locked it
	migrated             []assessment.Problem // what opening the file changed (an older version)
	onChange             func()

	slot    *slot       // this document's autosaved copy; nil until the first autosave
	offered []*Recovery // the copies Pending offered and holds, not yet answered
}

// New returns a document holding an empty assessment that was never saved.
func New(qn *assessment.Questionnaire, opts Options) *Document {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	d := &Document{qn: qn, opts: opts, doc: assessment.New(qn)}
	d.rescore()
	return d
}

// OnChange sets the function called after every change of the document
// (edit, open, replace, save, autosave, restore, discard), replacing the
// previous one; nil calls nothing. It is called synchronously, so that a
// view rebuilt after a language switch simply sets it again.
func (d *Document) OnChange(f func()) { d.onChange = f }

// Assessment returns the assessment, for reading. The pointer is only good
// until the next Open, Replace or Restore: views look it up again rather
// than keep it, and change it only through Edit.
func (d *Document) Assessment() *assessment.Assessment { return d.doc }

// Questionnaire returns the questionnaire the document is scored against.
func (d *Document) Questionnaire() *assessment.Questionnaire { return d.qn }

// Path returns the file the assessment belongs to; "" if never saved.
func (d *Document) Path() string { return d.path }

// Dirty reports whether there are changes not saved to the file.
func (d *Document) Dirty() bool { return d.dirty }

// SavedAt returns when the file was last saved: by this document, or the
// file's modification time when it was opened; zero if never saved.
func (d *Document) SavedAt() time.Time { return d.savedAt }

// AutosavedAt returns when the unsaved changes were last copied to the
// recovery folder; zero if they have not been.
func (d *Document) AutosavedAt() time.Time { return d.autosavedAt }

// Result returns the scoring of the assessment as it is now.
func (d *Document) Result() *assessment.Result { return d.res }

// Problems returns what validation finds in the assessment as it is now.
func (d *Document) Problems() []assessment.Problem { return d.problems }

// Migrated returns what changed when the assessment, written for an
// older questionnaire version, was brought up to this one as it was opened
// (for the view to tell the user); nil if nothing was.
func (d *Document) Migrated() []assessment.Problem { return d.migrated }

// LockedBy returns the other editor that held the file when this document
// took it (by Open, Restore or saving to a new file), so that the view can
// warn; nil if the file was free.
func (d *Document) LockedBy() *files.LockInfo { return d.lockedBy }

// Open loads an assessment file and makes it the document, locking it. On
// failure the document is unchanged and the error is the store's
// *assessment.FileError, naming the file and the problem.
func (d *Document) Open(path string) error {
	doc, err := files.Load(path)
	if err != nil {
		return err
	}
	d.Replace(doc, path)
	return nil
}

// OpenQuick is Open with the quick score only: the result has no
// uncertainty analysis until the caller runs Analysis off its thread and
// applies it (the window opens its first file so, and shows it without
// waiting for the analysis).
func (d *Document) OpenQuick(path string) error {
	doc, err := files.Load(path)
	if err != nil {
		return err
	}
	d.take(doc, path)
	d.rescoreQuick()
	d.notify()
	return nil
}

// Replace makes doc the document, with no unsaved changes: a new or
// demonstration assessment with path "" (never saved), or one just read
// from path, which is then locked.
func (d *Document) Replace(doc *assessment.Assessment, path string) {
	d.take(doc, path)
	d.rescore()
	d.notify()
}

// take makes doc, read from path (or "" if never saved), the document,
// with no unsaved changes, before it is scored.
func (d *Document) take(doc *assessment.Assessment, path string) {
	d.moveLock(path)
	d.migrated = d.qn.Migrate(doc)
	d.doc, d.path, d.dirty = doc, path, false
	d.autosavedAt = time.Time{}
	// A file just read was last saved when it was last modified.
	d.seenModTime = modTime(path)
	d.savedAt = d.seenModTime
}

// Edit applies a change to the assessment, marks it unsaved and updates
// the score and problems. Every change of the content goes through Edit,
// so that none escapes the unsaved mark or the autosave.
func (d *Document) Edit(change func(a *assessment.Assessment)) {
	change(d.doc)
	d.dirty = true
	d.rescoreQuick()
	d.notify()
}

// Close releases the file's lock, so that others can edit it without a
// warning, and ends the document's autosaved copy: with no unsaved
// changes the copy is removed; with unsaved changes (the window ends
// without the user saving or discarding them) it is left, unlocked, for
// the next start to offer. Copies offered by Pending and not answered are
// kept for later. Call it when the window closes; calling it again does
// nothing more.
func (d *Document) Close() {
	if d.path != "" {
		files.Unlock(d.path)
	}
	d.lockedBy = nil
	d.keepOffered()
	if d.slot != nil {
		if d.dirty {
			d.slot.release()
		} else {
			d.slot.remove()
		}
		d.slot = nil
	}
}

// moveLock locks path for this document and releases the previous file's
// lock. The lock only warns: another editor holding path is recorded for
// LockedBy, never an obstacle.
func (d *Document) moveLock(path string) {
	if d.path != "" && d.path != path {
		files.Unlock(d.path)
	}
	d.lockedBy = nil
	if path != "" {
		d.lockedBy = files.Lock(path, d.opts.Now())
	}
}

// rescore recomputes the score with its uncertainty analysis, and the
// problems; problems name the file.
func (d *Document) rescore() {
	d.rescoreQuick()
	assessment.Analyse(d.qn, d.doc, d.res)
}

// rescoreQuick recomputes the score without the uncertainty analysis,
// which the window runs a moment after typing stops (Analysis), and the
// problems.
func (d *Document) rescoreQuick() {
	d.version++
	d.res = assessment.ScoreQuick(d.qn, d.doc)
	d.problems = assessment.Validate(d.qn, d.doc, d.path)
}

// Analysis is the uncertainty analysis the current result still needs,
// ready to run on another goroutine, with the version of the document it
// belongs to; nil when the result has it.
func (d *Document) Analysis() (*assessment.Analysis, uint64) {
	if d.res.Uncertainty != nil {
		return nil, d.version
	}
	return assessment.NewAnalysis(d.qn, d.doc, d.res), d.version
}

// ApplyAnalysis completes the result with an analysis run for version; it
// reports false, changing nothing, when the document has changed since.
func (d *Document) ApplyAnalysis(version uint64, u *assessment.Uncertainty) bool {
	if version != d.version || d.res.Uncertainty != nil {
		return false
	}
	assessment.Apply(d.res, u)
	return true
}

func (d *Document) notify() {
	if d.onChange != nil {
		d.onChange()
	}
}

// modTime returns the modification time of the file at path; zero if there
// is no such file (or path is "").
func modTime(path string) time.Time {
	if path == "" {
		return time.Time{}
	}
	info, err := os.Stat(path)
	if err != nil {
		return time.Time{}
	}
	return info.ModTime()
}
