package ui

import (
	"os"

	"fyne.io/fyne/v2"
)

// The readers and writers of fileRepository.

// fileReader is a regular file open for reading.
type fileReader struct {
	*os.File
	uri fyne.URI
}

func (f *fileReader) URI() fyne.URI { return f.uri }

// refusedReader stands for a special file that is never opened: reads
// fail with the reason.
type refusedReader struct {
	uri fyne.URI
	err error
}

func (r *refusedReader) Read([]byte) (int, error) { return 0, r.err }
func (r *refusedReader) Close() error             { return nil }
func (r *refusedReader) URI() fyne.URI            { return r.uri }

// lazyWriter opens (and so truncates) its file at the first write only:
// closed unwritten, it leaves the file as it was.
type lazyWriter struct {
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
	err  error
}

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil && l.err == nil {
		w, err := l.open(l.uri)
		if err != nil {
			l.err = err
		} else {
			l.w = w
		}
	}
	if l.err != nil {
		return 0, l.err
	}
	return l.w.Write(p)
}

func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}

func (l *lazyWriter) URI() fyne.URI { return l.uri }
