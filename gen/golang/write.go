package golang

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/orcgen/orcgen/model"
)

// LoadCatalog reads a catalog from a model JSON file.
func LoadCatalog(path string) (*model.Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load catalog: %w", err)
	}
	var cat model.Catalog
	if err := json.Unmarshal(data, &cat); err != nil {
		return nil, fmt.Errorf("load catalog %s: %w", path, err)
	}
	return &cat, nil
}

// WriteDir generates the package for cat into dir, reading and updating the
// names lock dir/orcgen.lock.json (opts.Lock, when set, is used instead of
// the file). It writes only after everything is generated. The package name
// defaults to the directory's base name.
func WriteDir(cat *model.Catalog, dir string, opts Options) error {
	if opts.Package == "" {
		opts.Package = filepath.Base(dir)
	}
	if opts.Lock == nil {
		lock, err := readLock(filepath.Join(dir, LockFile))
		if err != nil {
			return err
		}
		opts.Lock = lock
	}
	out, err := Generate(cat, opts)
	if err != nil {
		return err
	}
	lock, err := out.Lock.Marshal()
	if err != nil {
		return err
	}
	files := map[string][]byte{LockFile: lock}
	for name, src := range out.Files {
		files[name] = src
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return fmt.Errorf("write generated package: %w", err)
		}
	}
	return nil
}

// readLock reads a lock file; a missing file is no lock.
func readLock(path string) (*Lock, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read names lock: %w", err)
	}
	lock, err := ParseLock(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return lock, nil
}
