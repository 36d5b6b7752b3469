//go:build !windows

package files

// systemCode is the problem code of a system error that only one system
// gives; other systems have none.
func systemCode(string, error) string { return "" }

// replaceable refuses a file that another program keeps from being
// replaced; only Windows has such locks.
func replaceable(string) error { return nil }

// deviceName is the error of reading path; only Windows has device names.
func deviceName(_ string, err error) error { return err }
