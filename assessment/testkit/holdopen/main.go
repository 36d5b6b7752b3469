//go:build windows

// Command holdopen holds a file open as Excel holds a workbook it shows:
// read access, shared for reading only, so that no other program may
// write, replace or delete the file meanwhile. It is a test-only Windows
// program, run under Wine by the tests of the Windows builds.
//
//	holdopen [-share-write] FILE RELEASE
//
// It opens FILE, prints "held", and keeps it open until the file RELEASE
// exists (or two minutes have passed), then prints "released". With
// -share-write, others may write the file but still neither replace nor
// delete it, as some programs hold their documents.
package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func main() {
	args := os.Args[1:]
	share := uint32(syscall.FILE_SHARE_READ)
	if len(args) == 3 && args[0] == "-share-write" {
		share |= syscall.FILE_SHARE_WRITE
		args = args[1:]
	}
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: holdopen [-share-write] FILE RELEASE")
		os.Exit(2)
	}
	name, err := syscall.UTF16PtrFromString(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ, share, nil,
		syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "holdopen:", err)
		os.Exit(1)
	}
	fmt.Println("held")
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(args[1]); err == nil {
			break
		}
	}
	syscall.CloseHandle(h)
	fmt.Println("released")
}
