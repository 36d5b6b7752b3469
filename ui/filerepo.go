package ui

import (
	"errors"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"

	"creativecity/assessment"
	"creativecity/assessment/files"
)

// fileRepository is the toolkit's repository of file: URIs, which its
// file dialogs go through, with two changes that keep the user's files
// safe:
//
//   - Writer opens nothing until something is written. When the user
//     confirms a file in the save dialog, the dialog asks for a writer of
//     it, and the toolkit's writer truncates the file at once. The app
//     only takes the writer's path and closes it; the atomic save then
//     replaces the file and keeps its previous content as the .bak. With
//     the toolkit's writer, that previous content was already gone.
//   - Reader (and CanRead, CanWrite) never open anything but a regular
//     file, through the app's one safe open: opening a named pipe waits
//     for a writer, and the file dialog reads the start of every file of
//     an unknown extension to guess its type, so that a pipe in a folder
//     froze the window. A special file gives a reader whose reads fail;
//     the app, which only takes its path, then says what it is.
//
// Everything else is the toolkit's.
type fileRepository struct{ inner repository.Repository }

var (
	_ repository.WritableRepository     = (*fileRepository)(nil)
	_ repository.AppendableRepository   = (*fileRepository)(nil)
	_ repository.DeleteAllRepository    = (*fileRepository)(nil)
	_ repository.HierarchicalRepository = (*fileRepository)(nil)
	_ repository.ListableRepository     = (*fileRepository)(nil)
	_ repository.MovableRepository      = (*fileRepository)(nil)
	_ repository.CopyableRepository     = (*fileRepository)(nil)
)

// useSafeFileRepository puts fileRepository in front of the repository
// the toolkit's driver registered for file: URIs. The driver registers
// its own each time an app is made, so it is called once the app exists.
func useSafeFileRepository() {
	inner, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := inner.(*fileRepository); done {
		return
	}
	repository.Register("file", &fileRepository{inner: inner})
}

// innerAs is the toolkit's repository as an optional interface.
func innerAs[T any](r *fileRepository) (T, error) {
	x, ok := r.inner.(T)
	if !ok {
		return x, repository.ErrOperationNotSupported
	}
	return x, nil
}

// special reports whether path is something other than a file or a folder.
func special(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.Mode().IsRegular() && !info.IsDir()
}

func (r *fileRepository) Exists(u fyne.URI) (bool, error) { return r.inner.Exists(u) }

func (r *fileRepository) Destroy(string) {}

// Reader opens a regular file for reading without ever blocking.
func (r *fileRepository) Reader(u fyne.URI) (fyne.URIReadCloser, error) {
	f, _, err := files.OpenRegular(u.Path())
	var fe *assessment.FileError
	switch {
	case err == nil:
		return &fileReader{File: f, uri: u}, nil
	case errors.As(err, &fe) && (fe.Code == assessment.CodeNotRegular || fe.Code == assessment.CodeIsDir || fe.Code == assessment.CodeNameReserved):
		return &refusedReader{uri: u, err: err}, nil
	case fe != nil && fe.Err != nil:
		return nil, fe.Err // the system's error, as the toolkit gives it
	}
	return nil, err
}

func (r *fileRepository) CanRead(u fyne.URI) (bool, error) {
	if special(u.Path()) {
		return false, nil
	}
	return r.inner.CanRead(u)
}

// Writer returns a writer that truncates the file only when written to.
func (r *fileRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	w, err := innerAs[repository.WritableRepository](r)
	if err != nil {
		return nil, err
	}
	return &lazyWriter{uri: u, open: w.Writer}, nil
}

func (r *fileRepository) CanWrite(u fyne.URI) (bool, error) {
	w, err := innerAs[repository.WritableRepository](r)
	if err != nil {
		return false, err
	}
	if special(u.Path()) {
		return false, nil
	}
	return w.CanWrite(u)
}

func (r *fileRepository) Delete(u fyne.URI) error {
	w, err := innerAs[repository.WritableRepository](r)
	if err != nil {
		return err
	}
	return w.Delete(u)
}

func (r *fileRepository) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	a, err := innerAs[repository.AppendableRepository](r)
	if err != nil {
		return nil, err
	}
	return a.Appender(u)
}

func (r *fileRepository) DeleteAll(u fyne.URI) error {
	d, err := innerAs[repository.DeleteAllRepository](r)
	if err != nil {
		return err
	}
	return d.DeleteAll(u)
}

func (r *fileRepository) Parent(u fyne.URI) (fyne.URI, error) {
	h, err := innerAs[repository.HierarchicalRepository](r)
	if err != nil {
		return nil, err
	}
	return h.Parent(u)
}

func (r *fileRepository) Child(u fyne.URI, component string) (fyne.URI, error) {
	h, err := innerAs[repository.HierarchicalRepository](r)
	if err != nil {
		return nil, err
	}
	return h.Child(u, component)
}

func (r *fileRepository) CanList(u fyne.URI) (bool, error) {
	l, err := innerAs[repository.ListableRepository](r)
	if err != nil {
		return false, err
	}
	return l.CanList(u)
}

func (r *fileRepository) List(u fyne.URI) ([]fyne.URI, error) {
	l, err := innerAs[repository.ListableRepository](r)
	if err != nil {
		return nil, err
	}
	return l.List(u)
}

func (r *fileRepository) CreateListable(u fyne.URI) error {
	l, err := innerAs[repository.ListableRepository](r)
	if err != nil {
		return err
	}
	return l.CreateListable(u)
}

func (r *fileRepository) Copy(source, destination fyne.URI) error {
	c, err := innerAs[repository.CopyableRepository](r)
	if err != nil {
		return err
	}
	return c.Copy(source, destination)
}

func (r *fileRepository) Move(source, destination fyne.URI) error {
	m, err := innerAs[repository.MovableRepository](r)
	if err != nil {
		return err
	}
	return m.Move(source, destination)
}
