package main

import (
	"errors"
	"time"

	"creativecity/assessment/files"
)

// lockForWriting takes the exclusive lock of each of paths (a file named
// twice, as in import --into X -o X, is locked once) for a command that
// reads and writes them: from before it reads them until after its write,
// no other writer (the window, another run, LibreOffice) may have them.
// When one is held, it says by whom, releases what it took and returns
// ok false: the command then writes nothing. release undoes the locks.
func (c *cli) lockForWriting(paths ...string) (release func(), ok bool) {
	var held []*files.WriteLock
	release = func() {
		for _, l := range held {
			l.Release()
		}
	}
	for i, path := range paths {
		if lockedEarlier(path, paths[:i]) {
			continue
		}
		l, err := files.LockForWriting(path, time.Now())
		if err != nil {
			release()
			c.lockError(err, path)
			return nil, false
		}
		held = append(held, l)
	}
	return release, true
}

// lockedEarlier reports whether path is one of earlier, by name or as the
// same file.
func lockedEarlier(path string, earlier []string) bool {
	for _, e := range earlier {
		if files.LockPath(e) == files.LockPath(path) || sameFile(e, path) {
			return true
		}
	}
	return false
}

// lockError says why path cannot be locked: who holds it.
func (c *cli) lockError(err error, path string) {
	var held *files.HeldError
	if !errors.As(err, &held) {
		c.fileError(err, path)
		return
	}
	h := held.Holder
	if h.User == "" && h.Host == "" {
		c.fail("cli.lockedByUnknown", map[string]any{"File": path, "Lock": files.LockPath(path)})
		return
	}
	since := "?"
	if !h.Since.IsZero() {
		since = h.Since.Local().Format(c.loc.Setting("dateTime"))
	}
	c.fail("cli.lockedByOther", map[string]any{"File": path, "User": h.User, "Host": h.Host, "Since": since})
}
