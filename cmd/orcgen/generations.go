package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/orcgen/orcgen/gen"
)

// findGenerations returns the lock files a check argument names: DIR's own
// orcgen.lock.json, or for "DIR/..." every one below DIR, skipping
// testdata, vendor and directories whose name starts with "." or "_", as
// the go command does. A pattern that names none is an error.
func findGenerations(pattern string) ([]string, error) {
	root, recursive := strings.CutSuffix(filepath.ToSlash(pattern), "...")
	if recursive {
		root = strings.TrimSuffix(root, "/")
		if root == "" {
			root = "."
		}
	}
	root = filepath.FromSlash(root)
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("check %s: %s is not a directory", pattern, root)
	}
	if !recursive {
		lock := filepath.Join(root, gen.DefaultLockPath)
		if _, err := os.Stat(lock); err != nil {
			return nil, fmt.Errorf("check %s: no %s there: not an orcgen output directory", pattern, gen.DefaultLockPath)
		}
		return []string{lock}, nil
	}
	var locks []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == gen.DefaultLockPath && d.Type().IsRegular() {
			locks = append(locks, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", pattern, err)
	}
	if len(locks) == 0 {
		return nil, fmt.Errorf("check %s: no orcgen generation (no %s) under %s", pattern, gen.DefaultLockPath, root)
	}
	return locks, nil
}

// settingsFromLock rebuilds a generation's settings from the lock file at
// lockPath: its output directory is the lock's, its inputs are relative to
// it. Flags that were set override the recorded settings.
func (g *genFlags) settingsFromLock(fset *flag.FlagSet, lockPath string) (*config, error) {
	data, err := os.ReadFile(lockPath)
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	lock, err := gen.ParseLockfile(data)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", lockPath, err)
	}
	if lock.Settings == nil {
		return nil, fmt.Errorf("check %s: a lock of schemaVersion %d records no settings: run orcgen generate once to record them", lockPath, lock.SchemaVersion)
	}
	dir := filepath.Dir(lockPath)
	s := lock.Settings
	out := dir
	if s.Lock != "" {
		// The lock sits at s.Lock under the output directory.
		for range strings.Count(s.Lock, "/") {
			out = filepath.Dir(out)
		}
		if filepath.Join(out, filepath.FromSlash(s.Lock)) != filepath.Clean(lockPath) {
			return nil, fmt.Errorf("check %s: the lock records its path as %s under the output directory, and it is not there", lockPath, s.Lock)
		}
	}
	c := &config{
		Page:              s.Page,
		Spec:              s.Spec,
		Package:           lock.Package,
		Artifacts:         s.Artifacts,
		Lock:              filepath.Base(lockPath),
		Templates:         s.Templates,
		AllowExternalRefs: s.AllowExternalRefs,
		Extend:            s.Extend,
	}
	c.rebase(dir)
	c.Out = out
	if s.Lock != "" {
		c.Lock = filepath.FromSlash(s.Lock)
	}
	var errs []error
	fset.Visit(func(f *flag.Flag) {
		if f.Name == "config" || slices.Contains(outputFlags, f.Name) {
			errs = append(errs, fmt.Errorf("-%s cannot be combined with directory arguments: each generation's lock records it", f.Name))
			return
		}
		g.override(c, f.Name)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	c.setDefaults()
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("check %s: invalid recorded settings:\n%w", lockPath, err)
	}
	return c, nil
}
