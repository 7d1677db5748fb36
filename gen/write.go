package gen

import (
	"errors"
	"fmt"
	"io/fs"
)

// Result tells what Write did, each list sorted by path.
type Result struct {
	// Written are the files created or replaced.
	Written []string
	// Unchanged are the files whose content was already right: not touched.
	Unchanged []string
	// Removed are the stale generated files deleted.
	Removed []string
}

// Write makes fsys hold exactly the set: it stages every changed file
// first, and only when all are staged renames them into place, then
// removes stale generated files. A file whose content did not change is not
// rewritten. If staging fails, nothing is changed. If a rename fails, the
// files renamed before it hold their new content and the others their old
// one, no temporary file is left, and running Write again completes the
// job.
func Write(fsys FileSystem, set *Set) (*Result, error) {
	res := &Result{}
	var staged []Pending
	discard := func() {
		for _, p := range staged {
			p.Discard()
		}
	}
	for _, f := range set.Files {
		_, same, _, err := sameContent(fsys, f.Path, f.Data)
		if err != nil {
			discard()
			return nil, err
		}
		if same {
			res.Unchanged = append(res.Unchanged, f.Path)
			continue
		}
		p, err := fsys.Stage(f.Path, f.Data)
		if err != nil {
			discard()
			return nil, fmt.Errorf("stage %q: %w", f.Path, err)
		}
		staged = append(staged, p)
		res.Written = append(res.Written, f.Path)
	}
	old, err := stale(fsys, set)
	if err != nil {
		discard()
		return nil, err
	}
	for i, p := range staged {
		if err := p.Commit(); err != nil {
			for _, q := range staged[i:] {
				q.Discard() // the failed one too: its temporary file stays otherwise
			}
			return nil, fmt.Errorf("write %q: %w", res.Written[i], err)
		}
	}
	for _, name := range old {
		if err := fsys.Remove(name); err != nil {
			return nil, fmt.Errorf("remove stale %q: %w", name, err)
		}
		res.Removed = append(res.Removed, name)
	}
	return res, nil
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
