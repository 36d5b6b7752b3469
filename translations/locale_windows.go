package translations

import (
	"syscall"
	"unsafe"
)

// systemLocale is the Windows user's locale name, such as "vi-VN": Windows
// sets no LANG variable.
func systemLocale() string {
	const localeNameMaxLength = 85
	var buf [localeNameMaxLength]uint16
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetUserDefaultLocaleName")
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	if n == 0 {
		return ""
	}
	return syscall.UTF16ToString(buf[:])
}
