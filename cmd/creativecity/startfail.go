package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"creativecity/translations"
	"creativecity/ui"
)

// logRecord keeps what the toolkit logs while the window is being made,
// which is where it says why it could not make one.
type logRecord struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (r *logRecord) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.buf.Write(p)
	// A GUI program on Windows has no standard error; a failed write there
	// must not stop the record.
	os.Stderr.Write(p)
	return len(p), nil
}

func (r *logRecord) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.buf.String()
}

// recordLog starts recording the standard logger's output (it still goes to
// standard error too).
func recordLog() *logRecord {
	r := &logRecord{}
	log.SetOutput(r)
	return r
}

// startLogName is the log of a failed start, in the app's storage beside
// the folder of autosaved work.
const startLogName = "start-error.log"

// startFailed tells the user that the window could not be opened, in the
// user's language and with what to do, writes the details to a log file,
// and returns the exit status.
func startFailed(fa fyne.App, lang translations.Lang, err error, rec *logRecord) int {
	loc := translations.New(ui.StartLanguage(fa, lang))
	cause := err.Error()
	if lines := toolkitErrors(rec.String()); lines != "" {
		cause = lines + "\n" + cause
	}
	msg := loc.T("gui.startFailed", map[string]any{"CLI": cliName})
	if logPath := writeStartLog(fa, cause); logPath != "" {
		msg += "\n\n" + loc.T("gui.startFailedLog", map[string]any{"Log": logPath})
	}
	msg += "\n\n" + loc.T("gui.startFailedCause", map[string]any{"Cause": cause})
	showStartFailure(loc.T("gui.startFailedTitle"), msg)
	return 1
}

// toolkitErrors picks the error lines out of the toolkit's log, without
// their time stamps and source positions.
func toolkitErrors(logged string) string {
	var out []string
	for _, line := range strings.Split(logged, "\n") {
		if len(line) > 20 && line[4] == '/' && line[19] == ' ' {
			line = line[20:] // the logger's "2006/01/02 15:04:05 "
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "At:") || strings.Contains(line, "user locale") ||
			strings.HasPrefix(line, "Cause: language:") {
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// writeStartLog writes the failure to the log file and returns its path,
// or "" when it cannot be written.
func writeStartLog(fa fyne.App, cause string) string {
	root := fa.Storage().RootURI()
	if root == nil {
		return ""
	}
	path := filepath.Join(root.Path(), startLogName)
	text := fmt.Sprintf("%s\n%s %s, %s/%s\n%s\n", time.Now().Format(time.RFC3339), AppID,
		appVersion(fa), runtime.GOOS, runtime.GOARCH, cause)
	if os.MkdirAll(filepath.Dir(path), 0o755) != nil || os.WriteFile(path, []byte(text), 0o644) != nil {
		return ""
	}
	return path
}
