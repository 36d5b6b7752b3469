package main

import (
	"syscall"
	"unsafe"
)

// cliName is the command-line tool's file name.
const cliName = "creativecity-cli.exe"

// showStartFailure shows the message in a Windows message box: a program
// of the GUI subsystem has no console to print it to.
func showStartFailure(title, msg string) {
	const mbOK, mbIconError = 0x0, 0x10
	t, err1 := syscall.UTF16PtrFromString(title)
	m, err2 := syscall.UTF16PtrFromString(msg)
	if err1 != nil || err2 != nil {
		return
	}
	box := syscall.NewLazyDLL("user32.dll").NewProc("MessageBoxW")
	box.Call(0, uintptr(unsafe.Pointer(m)), uintptr(unsafe.Pointer(t)), mbOK|mbIconError)
}
