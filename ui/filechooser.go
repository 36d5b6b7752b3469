package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// The app's own file dialogs, replacing the toolkit's (whose words, such
// as "Overwrite?", "Home" and "Computer", are English whatever the
// language): a row of places, the folder shown, a list of its folders and
// of the files of the extensions asked, and for saving a name entry.
// Everything is reachable by keyboard: in the list, Up and Down move,
// Enter opens a folder or chooses a file, Backspace goes up, a letter
// goes to the next name that starts with it; Tab moves between the name,
// the list, the places and the buttons; Enter anywhere else presses the
// default button, Esc cancels.

// chooserMode is what a file dialog asks for.
type chooserMode int

const (
	chooseOpen   chooserMode = iota // an existing file
	chooseSave                      // a file name to write
	chooseFolder                    // a folder
)

// prefFolders remembers the folders last chosen in the file dialogs.
const prefFolders = "recentFolders"

// maxFolders is how many folders the dialogs remember.
const maxFolders = 5

// fileChooser is one file dialog.
type fileChooser struct {
	a       *App
	mode    chooserMode
	exts    []string // the extensions of the files listed (".ccsa")
	dir     string   // the folder shown
	offered string   // the name offered at first (save)
	name    *entry   // the file name (save)
	list    *fileList
	where   *widget.Label
	m       *modal
	done    func(path string)
}

// fileRow is one line of the list: the parent folder, a folder or a file.
type fileRow struct {
	name   string
	path   string
	folder bool
	parent bool
}

// chooseFile shows a file dialog; done gets the path chosen (for saving,
// with the first extension added when missing), and is not called on
// Cancel.
func (a *App) chooseFile(mode chooserMode, exts []string, offered string, done func(path string)) *fileChooser {
	c := &fileChooser{a: a, mode: mode, exts: exts, offered: offered, done: done}
	c.where = widget.NewLabel("")
	c.where.Wrapping = fyne.TextWrapBreak
	c.list = newFileList(c)
	bottom := fyne.CanvasObject(message(a.t("gui.fileKeys")))
	if mode == chooseSave {
		c.name = newEntry(a)
		c.name.SetText(offered)
		label := widget.NewLabelWithStyle(a.t("gui.fileName"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		bottom = container.NewVBox(container.NewBorder(nil, nil, label, nil, c.name), bottom)
	}
	top := container.NewVBox(c.placesRow(), c.where)
	// The order of the objects is the order of Tab: the name, the list,
	// the places, then the dialog's buttons.
	c.m = a.newModal(c.title(), container.New(layout.NewBorderLayout(top, bottom, nil, nil), bottom, c.list, top))
	ok := c.m.button(c.actionLabel(), nil)
	ok.OnTapped = c.accept // accept closes the dialog itself, or not
	cancel := c.m.button(a.t("gui.cancel"), nil)
	c.m.withDefault(ok).withCancel(cancel).withSize(fyne.NewSize(900, 600))
	c.load(a.dialogFolder())
	if c.name != nil {
		c.m.withFocus(c.name)
	} else {
		c.m.withFocus(c.list)
	}
	c.m.show()
	if c.name != nil {
		c.name.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
	return c
}

func (c *fileChooser) title() string {
	return c.a.t([]string{"gui.fileOpenTitle", "gui.fileSaveTitle", "gui.fileFolderTitle"}[c.mode])
}

func (c *fileChooser) actionLabel() string {
	return c.a.t([]string{"gui.fileOpen", "gui.save", "gui.fileChooseFolder"}[c.mode])
}

// load shows a folder: its parent, its folders, then its files of the
// extensions asked, each sorted by name. A folder that cannot be read is
// shown empty, with the reason.
func (c *fileChooser) load(dir string) {
	dir = filepath.Clean(dir)
	var rows []fileRow
	if parent := filepath.Dir(dir); parent != dir {
		rows = append(rows, fileRow{name: c.a.t("gui.fileParent"), path: parent, folder: true, parent: true})
	}
	entries, err := os.ReadDir(dir)
	var folders, files []fileRow
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		if isFolder(path) {
			folders = append(folders, fileRow{name: name, path: path, folder: true})
		} else if c.mode != chooseFolder && c.matches(name) {
			files = append(files, fileRow{name: name, path: path})
		}
	}
	byName := func(x, y fileRow) int { return strings.Compare(strings.ToLower(x.name), strings.ToLower(y.name)) }
	slices.SortFunc(folders, byName)
	slices.SortFunc(files, byName)
	c.dir = dir
	text := c.a.t("gui.fileFolder", map[string]any{"Path": dir})
	if err != nil {
		text += "\n" + c.a.t("gui.fileUnreadable", map[string]any{"Error": err.Error()})
	}
	c.where.SetText(text)
	c.list.setRows(append(append(rows, folders...), files...))
}

// matches reports whether a file name has one of the extensions asked.
func (c *fileChooser) matches(name string) bool {
	return slices.ContainsFunc(c.exts, func(ext string) bool { return strings.EqualFold(filepath.Ext(name), ext) })
}

// isFolder reports whether path is a folder (following links).
func isFolder(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// activate does what Enter or a click does on a row: a folder opens, a
// file is chosen (for saving, its name is taken).
func (c *fileChooser) activate(r fileRow) {
	switch {
	case r.folder:
		c.load(r.path)
	case c.mode == chooseSave:
		c.setName(r.name)
		c.accept()
	default:
		c.finish(r.path)
	}
}

// accept is the default button: open the row chosen, choose the folder
// shown, or save under the name typed (a name that is a folder opens it).
func (c *fileChooser) accept() {
	switch c.mode {
	case chooseOpen:
		if r, ok := c.list.current(); ok {
			c.activate(r)
		}
	case chooseFolder:
		c.finish(c.dir)
	case chooseSave:
		c.acceptName()
	}
}

// acceptName saves under the name typed: relative to the folder shown,
// with the extension added when missing; a file that exists is replaced
// only when the user says so (Cancel is the default).
func (c *fileChooser) acceptName() {
	text := strings.TrimSpace(c.name.Text)
	if text == "" {
		return
	}
	path := text
	if !filepath.IsAbs(path) {
		path = filepath.Join(c.dir, path)
	}
	if isFolder(path) {
		c.load(path)
		c.setName(c.offered)
		return
	}
	if len(c.exts) > 0 && !strings.EqualFold(filepath.Ext(path), c.exts[0]) {
		path += c.exts[0]
	}
	if _, err := os.Stat(path); err == nil {
		a := c.a
		a.ask(a.t("gui.fileReplaceTitle"), a.t("gui.fileReplaceQuestion", map[string]any{"File": filepath.Base(path),
			"Folder": filepath.Dir(path)}), a.t("gui.overwrite"), true, func() { c.finish(path) })
		return
	}
	c.finish(path)
}

// setName puts a name in the name entry, with the caret at its end and
// nothing selected.
func (c *fileChooser) setName(text string) {
	c.name.SetText(text)
	c.name.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
}

// finish closes the dialog, remembers the folder and gives the path.
func (c *fileChooser) finish(path string) {
	c.m.hide()
	folder := path
	if c.mode != chooseFolder {
		folder = filepath.Dir(path)
	}
	c.a.rememberFolder(folder)
	c.done(path)
}

// placesRow is the row of places: the home folder, Documents and Desktop
// when they exist, the folders last used, and on Windows the drives.
func (c *fileChooser) placesRow() fyne.CanvasObject {
	row := container.NewHBox(widget.NewLabel(c.a.t("gui.filePlaces")))
	for _, p := range c.a.places() {
		path := p.path
		row.Add(newDialogButton(c.a, p.name, func() { c.load(path) }))
	}
	return container.NewHScroll(row)
}

// place is a folder of the row of places, with its name.
type place struct{ name, path string }

// places are the folders the file dialogs offer at once.
func (a *App) places() []place {
	var out []place
	add := func(name, path string) {
		if path != "" && isFolder(path) && !slices.ContainsFunc(out, func(p place) bool { return p.path == path }) {
			out = append(out, place{name, path})
		}
	}
	home, _ := os.UserHomeDir()
	add(a.t("gui.fileHome"), home)
	if home != "" {
		add(a.t("gui.fileDocuments"), filepath.Join(home, "Documents"))
		add(a.t("gui.fileDesktop"), filepath.Join(home, "Desktop"))
	}
	for _, f := range a.recentFolders() {
		add(filepath.Base(f), f)
	}
	for _, d := range drives() {
		add(a.t("gui.fileDrive", map[string]any{"Drive": strings.TrimRight(d, `\`)}), d)
	}
	return out
}

// recentFolders are the folders last chosen in a file dialog, then those
// of the recent files, newest first.
func (a *App) recentFolders() []string {
	out := a.fyne.Preferences().StringList(prefFolders)
	for _, f := range a.recentFiles() {
		out = append(out, filepath.Dir(f))
	}
	var seen []string
	for _, f := range out {
		if !slices.Contains(seen, f) && len(seen) < maxFolders {
			seen = append(seen, f)
		}
	}
	return seen
}

// drives are the drives of a Windows computer (C: to Z:), none elsewhere.
func drives() []string {
	if runtime.GOOS != "windows" {
		return nil
	}
	var out []string
	for l := 'C'; l <= 'Z'; l++ {
		if d := string(l) + `:\`; isFolder(d) {
			out = append(out, d)
		}
	}
	return out
}

// rememberFolder puts a folder first in those the dialogs remember.
func (a *App) rememberFolder(dir string) {
	list := slices.DeleteFunc(a.fyne.Preferences().StringList(prefFolders), func(f string) bool { return f == dir })
	list = append([]string{dir}, list...)
	if len(list) > maxFolders {
		list = list[:maxFolders]
	}
	a.fyne.Preferences().SetStringList(prefFolders, list)
}

// dialogFolder is the folder a file dialog opens in: the current file's,
// else the one last used, else the home folder.
func (a *App) dialogFolder() string {
	if p := a.doc.Path(); p != "" && isFolder(filepath.Dir(p)) {
		return filepath.Dir(p)
	}
	for _, f := range a.recentFolders() {
		if isFolder(f) {
			return f
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return string(filepath.Separator)
}
