//go:build !windows

package translations

// systemLocale is empty: elsewhere the locale variables say it all.
func systemLocale() string { return "" }
