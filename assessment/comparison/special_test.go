//go:build !windows

package comparison

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"creativecity/assessment"
	"creativecity/assessment/forms"
	"creativecity/assessment/report"
	"creativecity/assessment/testkit"
	"creativecity/assessment/testkit/fixture"
	"creativecity/translations"
)

func notRegular(err error, path string) bool {
	fe, ok := err.(*assessment.FileError)
	return ok && fe.Code == assessment.CodeNotRegular && fe.Path == path
}

// TestWorkbooksThatArePipesAreRefusedAtOnce: reading, merging and writing
// a workbook never opens a named pipe (it would wait for a writer); the
// pipe is refused, named, and left as it is.
func TestWorkbooksThatArePipesAreRefusedAtOnce(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "report.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	qn, doc := fixture.Questionnaire(t), fixture.Demo(t)
	testkit.Within(t, 2*time.Second, "reading and writing a fifo", func() {
		if _, _, err := report.ReadFile(fifo); !notRegular(err, fifo) {
			t.Errorf("ReadFile: %v", err)
		}
		if _, _, err := forms.ReadContribution(fifo, qn); !notRegular(err, fifo) {
			t.Errorf("ReadContribution: %v", err)
		}
		if _, err := report.WriteFile(fifo, qn, doc, nil, report.Options{Lang: translations.EN}); !notRegular(err, fifo) {
			t.Errorf("WriteFile: %v", err)
		}
		if err := forms.WriteFile(fifo, qn, doc, forms.Options{Lang: translations.EN}); !notRegular(err, fifo) {
			t.Errorf("WriteFormFile: %v", err)
		}
		if err := WriteFile(fifo, qn, &Comparison{}, Options{Lang: translations.EN}); !notRegular(err, fifo) {
			t.Errorf("WriteComparisonFile: %v", err)
		}
	})
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the fifo was replaced: %v", err)
	}
}

// TestComparingAFolderWithPipesSkipsThem: pipes named like inputs are
// listed as skipped, with the reason, and the good file is compared.
func TestComparingAFolderWithPipesSkipsThem(t *testing.T) {
	dir := t.TempDir()
	writeCCSA(t, filepath.Join(dir, "good.ccsa"), fixture.Demo(t))
	for _, name := range []string{"pipe.ccsa", "pipe.xlsx"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	qn := fixture.Questionnaire(t)
	var c *Comparison
	testkit.Within(t, 2*time.Second, "comparing a folder with fifos", func() {
		c = Load(qn, ExpandInputs([]string{dir}))
	})
	if len(c.Cities) != 1 || filepath.Base(c.Cities[0].Path) != "good.ccsa" {
		t.Errorf("compared %+v", c.Cities)
	}
	skipped := map[string]bool{}
	for _, s := range c.Skipped {
		skipped[filepath.Base(s.Path)] = s.Problem.Code == assessment.CodeNotRegular && s.Problem.Path == s.Path
	}
	if len(skipped) != 2 || !skipped["pipe.ccsa"] || !skipped["pipe.xlsx"] {
		t.Errorf("skipped %+v", c.Skipped)
	}
}
