package xlsxkit

import (
	"bytes"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"creativecity/assessment"
	"creativecity/assessment/files"
)

// Limits for opening workbooks that may come from anywhere: a zip bomb is
// refused once it unpacks past these sizes, within bounded memory.
const (
	MaxWorkbookSize = 32 << 20  // the .xlsx file itself
	UnzipSizeLimit  = 128 << 20 // everything unpacked
	UnzipXMLLimit   = 32 << 20  // one unpacked part held in memory
)

// OpenFile opens a workbook that may come from anywhere, within the size
// limits, through the one safe open of a path (no pipe or device is ever
// opened): excelize reads it from that reader. Errors are
// *assessment.FileError.
func OpenFile(path string) (*excelize.File, error) {
	r, info, err := files.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if info.Size() > MaxWorkbookSize {
		return nil, ReadError(path, assessment.CodeTooLarge, assessment.Args{"Size": assessment.CountArg(info.Size()), "Limit": assessment.CountArg(int64(MaxWorkbookSize))}, nil)
	}
	return OpenReader(r, path)
}

// OpenReader opens a workbook read from r, within the size limits; path
// names it in errors.
func OpenReader(r io.Reader, path string) (*excelize.File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookSize+1))
	if err != nil {
		return nil, ReadError(path, assessment.CodeReadFailed, assessment.Args{"Detail": assessment.TextArg(err.Error())}, err)
	}
	if len(data) > MaxWorkbookSize {
		return nil, ReadError(path, assessment.CodeTooLarge, assessment.Args{"Size": assessment.CountArg(len(data)), "Limit": assessment.CountArg(int64(MaxWorkbookSize))}, nil)
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return nil, ReadError(path, assessment.CodeNotWorkbook, nil, nil)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: UnzipSizeLimit, UnzipXMLSizeLimit: UnzipXMLLimit})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, ReadError(path, assessment.CodeUnzipLimit, assessment.Args{"Limit": assessment.CountArg(int64(UnzipSizeLimit))}, err)
		}
		return nil, ReadError(path, assessment.CodeNotWorkbook, nil, err)
	}
	return f, nil
}

// ReadError is the error of a workbook that cannot be read.
func ReadError(path, code string, args assessment.Args, err error) *assessment.FileError {
	return assessment.NewFileError(path, code, args, err)
}

// CellError names the sheet and cell that no longer parse.
func CellError(path, sheet string, col, row int, code string, args assessment.Args) *assessment.FileError {
	if args == nil {
		args = assessment.Args{}
	}
	args["Sheet"], args["Cell"] = assessment.TextArg(sheet), assessment.TextArg(Cell(col, row))
	return ReadError(path, code, args, nil)
}

// WriteFile writes a workbook to path atomically: write builds it in
// memory, it is written to a temporary file in the same folder and
// renamed, so that no half-written workbook is ever left at path; a file
// it replaces is kept as path + ".bak" (files.WriteWithBackup). A name
// Windows cannot use (see files.CheckName: every workbook is a file
// the user names), an existing file that the user may not write, one
// marked read-only or held open by another program, or a folder, is
// refused and left untouched (see files.CheckWritable). Errors are
// *assessment.FileError.
func WriteFile(path string, write func(io.Writer) error) error {
	if err := files.CheckName(path); err != nil {
		return err
	}
	if err := files.CheckWritable(path); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return ReadError(path, assessment.CodeWriteFailed, assessment.Args{"Detail": assessment.TextArg(err.Error())}, err)
	}
	return files.WriteWithBackup(path, buf.Bytes())
}
