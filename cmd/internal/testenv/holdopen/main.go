//go:build windows

// Command holdopen holds a file open as Excel holds a workbook it shows:
// read access, shared for reading only, so that no other program may
// write, replace or delete the file meanwhile. It is a test-only Windows
// program, run under Wine by the tests of the Windows builds.
//
//	holdopen FILE RELEASE
//
// It opens FILE, prints "held", and keeps it open until the file RELEASE
// exists (or two minutes have passed), then prints "released".
package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: holdopen FILE RELEASE")
		os.Exit(2)
	}
	name, err := syscall.UTF16PtrFromString(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ, syscall.FILE_SHARE_READ, nil,
		syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "holdopen:", err)
		os.Exit(1)
	}
	fmt.Println("held")
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(os.Args[2]); err == nil {
			break
		}
	}
	syscall.CloseHandle(h)
	fmt.Println("released")
}
