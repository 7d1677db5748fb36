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

	"github.com/google/renameio/v2"
)

// FileSystem is the storage Write and Check work on. Names are slash paths
// relative to the output directory.
type FileSystem interface {
	// ReadFile returns the content of name; an error wrapping fs.ErrNotExist
	// when it does not exist.
	ReadFile(name string) ([]byte, error)
	// ReadDir lists the regular files below dir, recursively, as slash paths
	// relative to the file system's root, sorted; nil when dir is missing.
	ReadDir(dir string) ([]string, error)
	// Stage prepares name to hold data without making it visible yet.
	Stage(name string, data []byte) (Pending, error)
	// Remove deletes name.
	Remove(name string) error
}

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

// ReadDir lists the files below dir, recursively, as slash paths.
func (o osFS) ReadDir(dir string) ([]string, error) {
	base, err := o.path(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	err = filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
			rel, err := filepath.Rel(o.root, p)
			if err != nil {
				return err
			}
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	sort.Strings(names)
	return names, err
}

// Stage writes data to a temporary file beside name, renamed into place by
// Commit.
func (o osFS) Stage(name string, data []byte) (Pending, error) {
	p, err := o.path(name)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := renameio.NewPendingFile(p,
		renameio.WithTempDir(filepath.Dir(p)),
		renameio.WithPermissions(0o644),
		renameio.WithExistingPermissions())
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		f.Cleanup()
		return nil, err
	}
	return osPending{f}, nil
}

// Remove deletes a file below the directory.
func (o osFS) Remove(name string) error {
	p, err := o.path(name)
	if err != nil {
		return err
	}
	return os.Remove(p)
}

type osPending struct{ f *renameio.PendingFile }

// Commit renames the temporary file into place.
func (p osPending) Commit() error { return p.f.CloseAtomicallyReplace() }

// Discard removes the temporary file.
func (p osPending) Discard() error { return p.f.Cleanup() }

// MemFS is an in-memory FileSystem for tests: a map from slash path to
// content. Fail, when set, is consulted before every Stage, Commit and
// Remove and can inject an error.
type MemFS struct {
	// Files holds the committed files.
	Files map[string][]byte
	// Fail returns an error to inject for operation op ("stage", "commit",
	// "remove") on name, or nil.
	Fail func(op, name string) error
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
	data, ok := m.Files[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return data, nil
}

// ReadDir implements FileSystem.
func (m *MemFS) ReadDir(dir string) ([]string, error) {
	var names []string
	for name := range m.Files {
		if dir == "." || strings.HasPrefix(name, dir+"/") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names, nil
}

// Stage implements FileSystem.
func (m *MemFS) Stage(name string, data []byte) (Pending, error) {
	if !fs.ValidPath(name) || path.Clean(name) != name {
		return nil, fmt.Errorf("invalid file name %q", name)
	}
	if err := m.fail("stage", name); err != nil {
		return nil, err
	}
	return &memPending{m: m, name: name, data: data}, nil
}

// Remove implements FileSystem.
func (m *MemFS) Remove(name string) error {
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
	data []byte
}

// Commit stores the staged content.
func (p *memPending) Commit() error {
	if err := p.m.fail("commit", p.name); err != nil {
		return err
	}
	p.m.Files[p.name] = append([]byte(nil), p.data...)
	return nil
}

// Discard drops the staged content.
func (p *memPending) Discard() error { return nil }
