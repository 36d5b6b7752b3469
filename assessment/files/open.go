package files

import (
	"io"
	"io/fs"
	"os"

	"creativecity/assessment"
)

// OpenRegular opens the file at path for reading. Anything but a regular
// file is refused without blocking: a folder, a named pipe (FIFO), a
// socket, a device. Opening a FIFO waits for a writer and reading a
// device may never end, which would freeze the window or the tool. The
// type is checked before the file is opened and again on the open file,
// so that a file swapped in between is refused too. Every reader of a
// path the user gave goes through here. The error is a
// *assessment.FileError naming the file. On Windows a device name
// (CON.ccsa) is refused as such.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	f, info, err := openRegular(path)
	if err != nil {
		return nil, nil, deviceName(path, err)
	}
	return f, info, nil
}

func openRegular(path string) (*os.File, fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, ioError(path, err, assessment.CodeReadFailed)
	}
	if err := CheckRegular(path, info); err != nil {
		return nil, nil, err
	}
	f, err := openNoBlock(path)
	if err != nil {
		return nil, nil, ioError(path, err, assessment.CodeReadFailed)
	}
	if info, err = f.Stat(); err != nil {
		f.Close()
		return nil, nil, ioError(path, err, assessment.CodeReadFailed)
	}
	if err := CheckRegular(path, info); err != nil {
		f.Close()
		return nil, nil, err
	}
	blocking(f)
	return f, info, nil
}

// ReadRegular reads the whole regular file at path, refused as by
// OpenRegular, or as too large when it holds more than limit bytes
// (limit <= 0: no limit). The error is a *assessment.FileError naming the
// file.
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, info, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if limit > 0 && info.Size() > limit {
		return nil, tooLarge(path, info.Size(), limit)
	}
	var r io.Reader = f
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, deviceName(path, ioError(path, err, assessment.CodeReadFailed))
	}
	if limit > 0 && int64(len(data)) > limit {
		return nil, tooLarge(path, int64(len(data)), limit) // it grew while read
	}
	return data, nil
}

func tooLarge(path string, size, limit int64) *assessment.FileError {
	return assessment.NewFileError(path, assessment.CodeTooLarge, assessment.Args{"Size": assessment.CountArg(size), "Limit": assessment.CountArg(limit)}, nil)
}

// CheckRegular refuses what info describes unless it is a regular file:
// a folder as CodeIsDir, anything else as CodeNotRegular naming its kind
// (the codes of package assessment).
func CheckRegular(path string, info fs.FileInfo) *assessment.FileError {
	switch m := info.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return assessment.NewFileError(path, assessment.CodeIsDir, nil, nil)
	}
	return assessment.NewFileError(path, assessment.CodeNotRegular, assessment.Args{"Kind": assessment.NotesArg(fileKind(info.Mode()))}, nil)
}

// fileKind is the message naming what a special file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "problem.fileKind.pipe"
	case m&fs.ModeSocket != 0:
		return "problem.fileKind.socket"
	case m&fs.ModeDevice != 0:
		return "problem.fileKind.device"
	}
	return "problem.fileKind.special"
}
