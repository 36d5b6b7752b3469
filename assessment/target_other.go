//go:build !windows

package assessment

// systemCode is the problem code of a system error that only one system
// gives; other systems have none.
func systemCode(string, error) string { return "" }
