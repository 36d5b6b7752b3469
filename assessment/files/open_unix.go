//go:build unix

package files

import (
	"os"
	"syscall"
)

// openNoBlock opens path for reading without waiting: a FIFO with no
// writer opens at once (and is then refused), a terminal does not become
// the process's controlling one.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}

// openWriteNoBlock opens an existing path for writing, without waiting
// either (a FIFO swapped in with no reader fails at once), to see whether
// another program holds it; it neither creates nor truncates.
func openWriteNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
}

// blocking puts a regular file opened by openNoBlock back in blocking
// mode, the mode every reader expects (some network file systems honour
// the flag on regular files).
func blocking(f *os.File) {
	if c, err := f.SyscallConn(); err == nil {
		_ = c.Control(func(fd uintptr) { _ = syscall.SetNonblock(int(fd), false) })
	}
}
