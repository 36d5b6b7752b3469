package report

import (
	"creativecity/assessment"
	"creativecity/assessment/files"
)

// WriteFile writes the workbook to path atomically: it is built in memory,
// written to a temporary file in the same folder and renamed, so that no
// half-written workbook is ever left at path. A name Windows cannot use,
// an existing file that the user may not write, one marked read-only or
// held open by another program, or a folder, is refused and left
// untouched. Errors
// are *assessment.FileError.
func WriteFile(path string, qn *assessment.Questionnaire, a *assessment.Assessment, res *assessment.Result, opts Options) ([]assessment.Problem, error) {
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	f, warnings, err := Build(qn, a, res, opts)
	if err != nil {
		return nil, &assessment.FileError{Problem: assessment.Problem{Severity: assessment.Error, Path: path,
			Code: assessment.CodeWriteFailed, Args: assessment.Args{"Detail": assessment.TextArg(err.Error())}}, Err: err}
	}
	defer f.Close()
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, &assessment.FileError{Problem: assessment.Problem{Severity: assessment.Error, Path: path,
			Code: assessment.CodeWriteFailed, Args: assessment.Args{"Detail": assessment.TextArg(err.Error())}}, Err: err}
	}
	if err := files.WriteFileAtomic(path, buf.Bytes()); err != nil {
		return nil, err
	}
	for i := range warnings {
		warnings[i].Path = path
	}
	return warnings, nil
}

// checkWritable refuses a name Windows cannot use (see
// files.CheckName: every workbook is a file the user names) and a
// target the write would fail on or should not replace (see
// files.CheckWritable).
func checkWritable(path string) error {
	if err := files.CheckName(path); err != nil {
		return err
	}
	return files.CheckWritable(path)
}
