package gen

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// Result tells what Write did, each list sorted by path.
type Result struct {
	// Written are the files created or replaced.
	Written []string
	// Unchanged are the files whose content was already right: not touched.
	Unchanged []string
	// Removed are the stale generated files deleted.
	Removed []string
	// Recovered is true when an interrupted earlier commit was finished
	// first.
	Recovered bool
}

// WriteOptions tune Write.
type WriteOptions struct {
	// Force lets Write replace files at output paths that orcgen did not
	// write.
	Force bool
	// Context, when set, is checked before the commit starts: once
	// cancelled, nothing is written.
	Context context.Context
}

// ForeignFileError is a file at an output path that orcgen did not write.
type ForeignFileError struct {
	// Paths are the files in the way, sorted.
	Paths []string
}

// Error lists the files.
func (e *ForeignFileError) Error() string {
	return fmt.Sprintf("not written by orcgen, left as they are (use -force to replace them): %s", strings.Join(e.Paths, ", "))
}

// journalName is the record of a commit in progress, in the output
// directory: the files being renamed into place and those being removed.
const journalName = ".orcgen-journal.json"

// journal is journalName's content.
type journal struct {
	// Commit are the files whose staged temporary (TempName) is renamed
	// into place.
	Commit []string `json:"commit"`
	// Remove are the stale files deleted after the renames.
	Remove []string `json:"remove"`
}

// Write makes fsys hold the set. It first finishes a commit an earlier run
// left unfinished (Recover), then refuses, changing nothing, if a file at
// one of the set's paths is not orcgen's (see owned) unless opts.Force. It
// stages every changed file, records the commit in a journal, renames the
// files into place, removes the files of the previous manifest that the set
// no longer holds, and drops the journal. A file whose content did not
// change is not rewritten. If staging fails nothing is changed; if the
// process dies during the commit, the next Write or Check finishes it, so
// the lock, the Go package and model.json always end up from one
// generation.
func Write(fsys FileSystem, set *Set, opts WriteOptions) (*Result, error) {
	recovered, err := Recover(fsys, set)
	if err != nil {
		return nil, err
	}
	prev, err := previousLock(fsys, set)
	if err != nil {
		return nil, err
	}
	res := &Result{Recovered: recovered}
	var changed []File
	var foreign []string
	for _, f := range set.Files {
		exists, same, old, err := sameContent(fsys, f.Path, f.Data)
		if err != nil {
			return nil, err
		}
		switch {
		case same:
			res.Unchanged = append(res.Unchanged, f.Path)
			continue
		case exists && !opts.Force && !owned(prev, set, f.Path, old):
			foreign = append(foreign, f.Path)
		}
		changed = append(changed, f)
	}
	if len(foreign) > 0 {
		return nil, &ForeignFileError{Paths: foreign}
	}
	old, err := stale(fsys, set, prev)
	if err != nil {
		return nil, err
	}
	// Files are staged in parallel: each is written and synced before any
	// is committed, and the syncs are most of the time a write takes.
	staged := make([]Pending, len(changed))
	errs := make([]error, len(changed))
	var wg sync.WaitGroup
	for i, f := range changed {
		wg.Go(func() { staged[i], errs[i] = fsys.Stage(f.Path, f.Data) })
	}
	wg.Wait()
	discard := func() {
		for _, p := range staged {
			if p != nil {
				p.Discard()
			}
		}
	}
	for i, f := range changed {
		if errs[i] != nil {
			discard()
			return nil, fmt.Errorf("stage %q: %w", f.Path, errs[i])
		}
		res.Written = append(res.Written, f.Path)
	}
	if opts.Context != nil && opts.Context.Err() != nil {
		discard()
		return nil, fmt.Errorf("interrupted before writing: %w", context.Cause(opts.Context))
	}
	if len(staged) == 0 && len(old) == 0 {
		return res, nil
	}
	j := journal{Commit: res.Written, Remove: old}
	if err := writeJournal(fsys, j); err != nil {
		discard()
		return nil, err
	}
	if err := commit(fsys, j); err != nil {
		return nil, err
	}
	res.Removed = old
	return res, nil
}

// writeJournal records j atomically.
func writeJournal(fsys FileSystem, j journal) error {
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	p, err := fsys.Stage(journalName, data)
	if err == nil {
		err = p.Commit()
	}
	if err != nil {
		return fmt.Errorf("record the commit: %w", err)
	}
	return nil
}

// commit carries out a journal: each staged file still waiting is renamed
// into place, each stale file removed, then the journal is dropped. It can
// be run again after an interruption: what is done is skipped.
func commit(fsys FileSystem, j journal) error {
	for _, name := range j.Commit {
		if err := fsys.Rename(TempName(name), name); err != nil && !isNotExist(err) {
			return fmt.Errorf("write %q: %w", name, err)
		}
	}
	for _, name := range j.Remove {
		if err := fsys.Remove(name); err != nil && !isNotExist(err) {
			return fmt.Errorf("remove stale %q: %w", name, err)
		}
	}
	if err := fsys.Remove(journalName); err != nil && !isNotExist(err) {
		return fmt.Errorf("finish the commit: %w", err)
	}
	return nil
}

// Recover finishes a commit that an interrupted run recorded and removes
// the temporary files a killed run left in the set's directories. It
// reports whether there was a commit to finish. Callers hold LockDir.
func Recover(fsys FileSystem, set *Set) (bool, error) {
	recovered := false
	data, err := fsys.ReadFile(journalName)
	switch {
	case err == nil:
		var j journal
		if err := json.Unmarshal(data, &j); err != nil {
			return false, fmt.Errorf("%s: %w", journalName, err)
		}
		for _, name := range slices.Concat(j.Commit, j.Remove) {
			if !fs.ValidPath(name) || isTemp(name) {
				return false, fmt.Errorf("%s: invalid path %q", journalName, name)
			}
		}
		if err := commit(fsys, j); err != nil {
			return false, fmt.Errorf("finish the interrupted commit: %w", err)
		}
		recovered = true
	case !isNotExist(err):
		return false, fmt.Errorf("read %s: %w", journalName, err)
	}
	dirs := map[string]bool{".": true}
	for _, f := range set.Files {
		dirs[path.Dir(f.Path)] = true
	}
	for dir := range dirs {
		names, err := fsys.List(dir)
		if err != nil {
			return recovered, fmt.Errorf("list %q: %w", dir, err)
		}
		for _, name := range names {
			if isTemp(name) {
				if err := fsys.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return recovered, fmt.Errorf("remove leftover %q: %w", name, err)
				}
			}
		}
	}
	return recovered, nil
}
