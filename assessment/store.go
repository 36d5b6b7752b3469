package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxFileSize is the largest assessment file Load reads. A full assessment
// with generous evidence is well under 1 MiB.
const MaxFileSize = 32 << 20

// BackupSuffix is appended to a file's name for the copy of its previous version.
const BackupSuffix = ".bak"

// FileError is a problem that stops a file from being read or written.
type FileError struct {
	Problem
	Err error // the underlying error, if any
}

func (e *FileError) Error() string {
	if e.Err != nil {
		return e.Problem.Error() + ": " + e.Err.Error()
	}
	return e.Problem.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

func fileError(path, code string, args Args, err error) *FileError {
	return &FileError{Problem: Problem{Severity: Error, Path: path, Code: code, Args: args}, Err: err}
}

// Load reads an assessment file. It never modifies the file. The error,
// if any, is a *FileError naming the file and the problem.
func Load(path string) (*Assessment, error) {
	data, err := ReadRegular(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Decode(data, path)
}

// Decode parses the bytes of an assessment file; path is used in errors.
func Decode(data []byte, path string) (*Assessment, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM added by some editors
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fileError(path, CodeEmpty, nil, nil)
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			line, col := position(data, syn.Offset)
			return nil, fileError(path, CodeSyntax, Args{"Line": CountArg(line), "Column": CountArg(col)}, err)
		}
		return nil, fileError(path, CodeNotObject, nil, err)
	}
	if members == nil {
		return nil, fileError(path, CodeNotObject, nil, nil)
	}
	var format string
	if json.Unmarshal(members["format"], &format) != nil || format != FileFormat {
		return nil, fileError(path, CodeWrongFormat, Args{"Format": TextArg(format)}, nil)
	}
	var version float64
	if err := json.Unmarshal(members["schemaVersion"], &version); err != nil || version != float64(int(version)) || version < 1 {
		return nil, fileError(path, CodeSchemaInvalid, Args{"Version": TextArg(string(members["schemaVersion"]))}, err)
	}
	if version > SchemaVersion {
		return nil, fileError(path, CodeSchemaNewer, Args{"Version": CountArg(int(version)), "Supported": CountArg(SchemaVersion)}, nil)
	}
	a := &Assessment{}
	if err := a.UnmarshalJSON(data); err != nil {
		member := "?"
		var fe *fieldError
		if errors.As(err, &fe) {
			member = fe.member
		}
		return nil, fileError(path, CodeMemberType, Args{"Member": MemberArg(member)}, err)
	}
	a.normalize()
	return a, nil
}

// position turns a byte offset into a 1-based line and column (in runes).
func position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
	if col == 0 {
		col = 1
	}
	return line, col
}

// normalize puts every text the model knows in Unicode NFC.
func (a *Assessment) normalize() {
	for _, p := range []*string{&a.City.Name, &a.City.Province, &a.City.Assessor, &a.City.Organization,
		&a.City.Email, &a.City.Phone, &a.City.Date, &a.QuestionnaireVersion} {
		*p = norm.NFC.String(*p)
	}
	a.Plan.normalize()
	a.Dossier.normalize()
	for _, ans := range a.Answers {
		if ans.raw != nil {
			continue
		}
		ans.Evidence = norm.NFC.String(ans.Evidence)
		ans.Source = norm.NFC.String(ans.Source)
		if s, ok := ans.Value.String(); ok {
			ans.Value = StringValue(norm.NFC.String(s))
		}
	}
}

// Encode returns the file content of the assessment: indented JSON, NFC text.
func Encode(a *Assessment) ([]byte, error) {
	a.normalize()
	compact, err := a.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// Save writes the assessment to path atomically: the content goes to a
// temporary file in the same folder, is flushed to disk and renamed over
// the target, so that a crash leaves either the old or the new file. The
// previous version is kept as path + ".bak". A target written by a newer
// schema, a folder or anything else but a regular file, a file marked
// read-only or one another program holds open (see CheckWritable) is
// refused, never overwritten. Save sets UpdatedAt.
func Save(path string, a *Assessment) error {
	if err := CheckWritable(path); err != nil {
		return err
	}
	if v := existingSchema(path); v > SchemaVersion {
		return fileError(path, CodeSchemaNewer, Args{"Version": CountArg(v), "Supported": CountArg(SchemaVersion)}, nil)
	}
	previous := a.UpdatedAt
	a.UpdatedAt = time.Now().UTC().Truncate(time.Second)
	data, err := Encode(a)
	if err != nil {
		a.UpdatedAt = previous
		return fileError(path, CodeWriteFailed, Args{"Detail": TextArg(err.Error())}, err)
	}
	if err := WriteWithBackup(path, data); err != nil {
		a.UpdatedAt = previous
		return err
	}
	return nil
}

// WriteWithBackup keeps the current content of path, if any, as
// path + ".bak", then writes data to path atomically. A target that
// CheckWritable refuses (a file marked read-only, one another program
// holds open) is left untouched, and so is its backup.
func WriteWithBackup(path string, data []byte) error {
	if err := CheckWritable(path); err != nil {
		return err
	}
	if err := backup(path); err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// existingSchema returns the schemaVersion of the file at path, or 0.
func existingSchema(path string) int {
	data, err := ReadRegular(path, MaxFileSize)
	if err != nil {
		return 0
	}
	var head struct {
		Format        string  `json:"format"`
		SchemaVersion float64 `json:"schemaVersion"`
	}
	if json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &head) != nil || head.Format != FileFormat {
		return 0
	}
	return int(head.SchemaVersion)
}

// backup copies the current content of path, if any, to path + ".bak",
// itself atomically. An empty file is no version worth keeping: it never
// replaces a backup. Anything but a regular file is refused.
func backup(path string) error {
	old, err := ReadRegular(path, 0)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(old) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	return WriteFileAtomic(path+BackupSuffix, old)
}

// WriteFileAtomic writes data to path through a synced temporary file in
// the same folder and a rename. On failure the target is untouched and the
// temporary file removed. A target that is not a regular file (a folder, a
// device, a pipe) is refused. The error is a *FileError.
func WriteFileAtomic(path string, data []byte) (err error) {
	if err := checkTarget(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return ioError(path, err, CodeWriteFailed)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return ioError(path, err, CodeWriteFailed)
	}
	if err = tmp.Sync(); err != nil {
		return ioError(path, err, CodeWriteFailed)
	}
	if err = tmp.Close(); err != nil {
		return ioError(path, err, CodeWriteFailed)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return ioError(path, err, CodeWriteFailed)
	}
	syncDir(dir)
	removeStaleTemps(dir, filepath.Base(path))
	return nil
}

// staleTempAge is how old a temporary file of an interrupted save must be
// before a later save removes it (younger ones may belong to a save under way).
const staleTempAge = 10 * time.Minute

// removeStaleTemps removes temporary files that saves of the same file left
// when they were interrupted (a crash, a power cut).
func removeStaleTemps(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*.tmp"))
	for _, m := range matches {
		if info, err := os.Stat(m); err == nil && time.Since(info.ModTime()) > staleTempAge {
			os.Remove(m)
		}
	}
}

// globEscape quotes the pattern characters of a file name.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// syncDir flushes a folder's entries so that a rename survives a power
// cut. Not every system can open a folder for that; the rename stands anyway.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// ioError classifies an operating-system error into a FileError.
func ioError(path string, err error, fallback string) *FileError {
	if code := systemCode(path, err); code != "" {
		return fileError(path, code, nil, err)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fileError(path, CodeNotFound, nil, err)
	case errors.Is(err, fs.ErrPermission):
		return fileError(path, CodePermission, nil, err)
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EFBIG):
		return fileError(path, CodeDiskFull, nil, err)
	case errors.Is(err, syscall.EISDIR):
		return fileError(path, CodeIsDir, nil, err)
	case errors.Is(err, syscall.EROFS):
		return fileError(path, CodeReadOnlyFS, nil, err)
	}
	detail := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		detail = pe.Err.Error()
	}
	return fileError(path, fallback, Args{"Detail": TextArg(detail)}, fmt.Errorf("%w", err))
}
