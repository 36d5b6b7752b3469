package xlsxkit

import (
	"archive/zip"
	"bufio"
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

// Limits of one part of a workbook, checked on the zip's directory before
// the workbook is opened, so that no part is ever unpacked past what the
// app writes. The largest part the app writes is the shared-string table
// of a report: every text of the assessment at most twice (whole on the
// data sheet, and on a visible sheet), each character XML-escaped to at
// most twice the bytes its JSON takes in the file; hence three times the
// largest assessment file accepted. A part that unpacks to more than
// MaxPartRatio times its packed size (beyond MinRatioCheck bytes) is
// refused too: the app's sheets are markup that packs a few times, never
// hundreds of times (a sheet of millions of empty cells does, and costs
// gigabytes to parse).
//
// The shared-string table is the exception: it holds the user's texts,
// and a text that repeats itself (a phrase pasted a thousand times) packs
// as much as a bomb does, so its ratio says nothing. What parsing it costs
// beyond its size is per text, so its texts are counted instead, as a
// stream, and a table of more than MaxSharedStrings is refused. A report
// writes a few texts per entry of the file (assessment.MaxEntries) and a
// few thousand of its own.
const (
	MaxPartSize      = 3 * files.MaxFileSize
	MaxPartRatio     = 100
	MinRatioCheck    = 1 << 20
	MaxSharedStrings = 8*assessment.MaxEntries + 20000
	sharedStrings    = "xl/sharedStrings.xml"
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
	if err := CheckParts(data, path); err != nil {
		return nil, err
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

// CheckParts checks a workbook's zip directory before anything is
// unpacked: everything together within UnzipSizeLimit, each part within
// MaxPartSize and MaxPartRatio. The sizes checked are the ones the
// directory declares; the zip reader refuses a part that unpacks to more
// than its declared size. Errors are *assessment.FileError naming the part.
func CheckParts(data []byte, path string) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ReadError(path, assessment.CodeNotWorkbook, nil, err)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > UnzipSizeLimit {
		return ReadError(path, assessment.CodeUnzipLimit, assessment.Args{"Limit": assessment.CountArg(int64(UnzipSizeLimit))}, nil)
	}
	for _, f := range zr.File {
		if err := checkPart(f, path); err != nil {
			return err
		}
	}
	return nil
}

// checkPart checks one part's declared sizes.
func checkPart(f *zip.File, path string) error {
	size := f.UncompressedSize64
	if size > MaxPartSize {
		return ReadError(path, assessment.CodePartTooLarge, assessment.Args{"Part": assessment.TextArg(f.Name),
			"Size": assessment.CountArg(int64(size)), "Limit": assessment.CountArg(int64(MaxPartSize))}, nil)
	}
	if strings.EqualFold(f.Name, sharedStrings) {
		return checkSharedStrings(f, path)
	}
	if size > MinRatioCheck && size > MaxPartRatio*max(f.CompressedSize64, 1) {
		return ReadError(path, assessment.CodePartAmplifies, assessment.Args{"Part": assessment.TextArg(f.Name),
			"Size": assessment.CountArg(int64(size)), "Packed": assessment.CountArg(int64(f.CompressedSize64)),
			"Limit": assessment.CountArg(int64(MaxPartRatio))}, nil)
	}
	return nil
}

// checkSharedStrings counts the texts of the shared-string table as it
// unpacks (never more than its declared size, which checkPart bounded),
// and refuses a table of more than MaxSharedStrings.
func checkSharedStrings(f *zip.File, path string) error {
	r, err := f.Open()
	if err != nil {
		return ReadError(path, assessment.CodeNotWorkbook, nil, err)
	}
	defer r.Close()
	n, err := countElements(bufio.NewReaderSize(r, 64<<10), "si", MaxSharedStrings+1)
	if err != nil {
		return ReadError(path, assessment.CodeNotWorkbook, nil, err)
	}
	if n > MaxSharedStrings {
		return ReadError(path, assessment.CodePartTooManyTexts, assessment.Args{"Part": assessment.TextArg(f.Name),
			"Limit": assessment.CountArg(MaxSharedStrings)}, nil)
	}
	return nil
}

// countElements counts the start tags of the elements named local (with
// or without a namespace prefix) in XML read from r, stopping once it has
// counted stop of them.
func countElements(r *bufio.Reader, local string, stop int) (int, error) {
	n := 0
	var name []byte
	for n < stop {
		if _, err := r.ReadSlice('<'); err == io.EOF {
			return n, nil
		} else if err != nil && err != bufio.ErrBufferFull {
			return n, err
		} else if err == bufio.ErrBufferFull {
			continue
		}
		name = name[:0]
		for len(name) <= 64 {
			c, err := r.ReadByte()
			if err == io.EOF {
				return n, nil
			} else if err != nil {
				return n, err
			}
			if c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' {
				break
			}
			name = append(name, c)
		}
		if s := string(name); s == local || strings.HasSuffix(s, ":"+local) {
			n++
		}
	}
	return n, nil
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
