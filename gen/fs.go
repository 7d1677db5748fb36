package gen

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// FileSystem is the storage Write and Check work on. Names are slash paths
// relative to the output directory.
type FileSystem interface {
	// ReadFile returns the content of name; an error wrapping fs.ErrNotExist
	// when it does not exist.
	ReadFile(name string) ([]byte, error)
	// List returns the names of the regular files directly in dir (no
	// subdirectories), as slash paths relative to the file system's root,
	// sorted; nil when dir is missing.
	List(dir string) ([]string, error)
	// Stage prepares name to hold data without making it visible yet: the
	// data goes to TempName(name), which Commit renames into place.
	Stage(name string, data []byte) (Pending, error)
	// Rename moves from to to, replacing to atomically.
	Rename(from, to string) error
	// Remove deletes name.
	Remove(name string) error
}

// tempPrefix starts the name of every temporary file orcgen writes: one
// recognisable pattern, so that a later run removes what a killed one left.
const tempPrefix = ".orcgen-tmp."

// TempName returns the temporary file that stages name: in the same
// directory, so that the rename is atomic. Runs on one output directory are
// serialised (LockDir), so one name per target suffices.
func TempName(name string) string {
	dir, base := path.Split(name)
	return dir + tempPrefix + base
}

// isTemp reports whether the slash path name is a temporary file of orcgen.
func isTemp(name string) bool { return strings.HasPrefix(path.Base(name), tempPrefix) }

// Pending is a staged write: Commit makes it visible atomically, Discard
// drops it.
type Pending interface {
	// Commit atomically replaces the destination with the staged content.
	Commit() error
	// Discard removes the staged content; the destination is unchanged.
	Discard() error
}

// Dir returns the FileSystem of the directory dir on disk. Writes go to a
// temporary file in the destination's directory, renamed into place.
func Dir(dir string) FileSystem { return osFS{root: dir} }

type osFS struct{ root string }

func (o osFS) path(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", fmt.Errorf("invalid file name %q", name)
	}
	return filepath.Join(o.root, filepath.FromSlash(name)), nil
}

// ReadFile reads a file below the directory.
func (o osFS) ReadFile(name string) ([]byte, error) {
	p, err := o.path(name)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(p)
}

// List lists the regular files directly in dir as slash paths.
func (o osFS) List(dir string) ([]string, error) {
	base, err := o.path(dir)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(base)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, path.Join(dir, e.Name()))
		}
	}
	return names, nil
}

// Stage writes data to TempName(name), synced, renamed into place by
// Commit. A file already at name keeps its permissions.
func (o osFS) Stage(name string, data []byte) (Pending, error) {
	p, err := o.path(name)
	if err != nil {
		return nil, err
	}
	tmp, err := o.path(TempName(name))
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	perm := fs.FileMode(0o644)
	if fi, err := os.Stat(p); err == nil {
		perm = fi.Mode().Perm()
	}
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, perm)
	if err != nil {
		return nil, err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return nil, err
	}
	return osPending{tmp: tmp, dst: p}, nil
}

// Rename moves a file below the directory, replacing the target.
func (o osFS) Rename(from, to string) error {
	f, err := o.path(from)
	if err != nil {
		return err
	}
	t, err := o.path(to)
	if err != nil {
		return err
	}
	return os.Rename(f, t)
}

// Remove deletes a file below the directory.
func (o osFS) Remove(name string) error {
	p, err := o.path(name)
	if err != nil {
		return err
	}
	return os.Remove(p)
}

type osPending struct{ tmp, dst string }

// Commit renames the temporary file into place.
func (p osPending) Commit() error { return os.Rename(p.tmp, p.dst) }

// Discard removes the temporary file.
func (p osPending) Discard() error { return os.Remove(p.tmp) }

// MemFS is an in-memory FileSystem for tests: a map from slash path to
// content. Fail, when set, is consulted before every Stage, Commit and
// Remove and can inject an error. Its methods are safe for concurrent use
// (Write stages files in parallel); Files is for a test to read between
// calls.
type MemFS struct {
	// Files holds the committed files.
	Files map[string][]byte
	// Fail returns an error to inject for operation op ("stage", "commit",
	// "remove") on name, or nil.
	Fail func(op, name string) error

	mu sync.Mutex
}

// NewMemFS returns a MemFS holding a copy of files.
func NewMemFS(files map[string]string) *MemFS {
	m := &MemFS{Files: make(map[string][]byte, len(files))}
	for name, data := range files {
		m.Files[name] = []byte(data)
	}
	return m
}

func (m *MemFS) fail(op, name string) error {
	if m.Fail == nil {
		return nil
	}
	return m.Fail(op, name)
}

// ReadFile implements FileSystem.
func (m *MemFS) ReadFile(name string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.Files[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return data, nil
}

// List implements FileSystem.
func (m *MemFS) List(dir string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var names []string
	for name := range m.Files {
		if d := path.Dir(name); d == dir || dir == "" && d == "." {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names, nil
}

// Rename implements FileSystem.
func (m *MemFS) Rename(from, to string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.fail("commit", to); err != nil {
		return err
	}
	data, ok := m.Files[from]
	if !ok {
		return &fs.PathError{Op: "rename", Path: from, Err: fs.ErrNotExist}
	}
	m.Files[to] = data
	delete(m.Files, from)
	return nil
}

// Stage implements FileSystem.
func (m *MemFS) Stage(name string, data []byte) (Pending, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !fs.ValidPath(name) || path.Clean(name) != name {
		return nil, fmt.Errorf("invalid file name %q", name)
	}
	if err := m.fail("stage", name); err != nil {
		return nil, err
	}
	m.Files[TempName(name)] = append([]byte(nil), data...)
	return &memPending{m: m, name: name}, nil
}

// Remove implements FileSystem.
func (m *MemFS) Remove(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.fail("remove", name); err != nil {
		return err
	}
	if _, ok := m.Files[name]; !ok {
		return &fs.PathError{Op: "remove", Path: name, Err: fs.ErrNotExist}
	}
	delete(m.Files, name)
	return nil
}

type memPending struct {
	m    *MemFS
	name string
}

// Commit renames the staged content into place.
func (p *memPending) Commit() error { return p.m.Rename(TempName(p.name), p.name) }

// Discard drops the staged content.
func (p *memPending) Discard() error {
	p.m.mu.Lock()
	defer p.m.mu.Unlock()
	delete(p.m.Files, TempName(p.name))
	return nil
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
