//go:build !unix

package files

import "os"

// openNoBlock opens path for reading. Windows has no FIFO in the file
// system: a plain open does not wait.
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }

// openWriteNoBlock opens an existing path for writing, to see whether
// another program holds it (Windows refuses a file open in Excel); it
// neither creates nor truncates.
func openWriteNoBlock(path string) (*os.File, error) { return os.OpenFile(path, os.O_WRONLY, 0) }

func blocking(*os.File) {}
