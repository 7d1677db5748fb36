package gen

import (
	"bytes"
	"sort"

	udiff "github.com/aymanbagabas/go-udiff"
)

// Drift statuses.
const (
	// DriftMissing: the set holds the file, the disk does not.
	DriftMissing = "missing"
	// DriftChanged: the file on disk differs from the set's.
	DriftChanged = "changed"
	// DriftStale: the previous generation's manifest lists the file, the
	// set no longer holds it.
	DriftStale = "stale"
)

// Drift is one file on disk that does not match the set.
type Drift struct {
	// Path is the file's slash path relative to the output directory.
	Path string `json:"path"`
	// Status is DriftMissing, DriftChanged or DriftStale.
	Status string `json:"status"`
	// Diff is the unified diff from the disk's content to the set's, with
	// labels "a/<path>" and "b/<path>".
	Diff string `json:"diff"`
}

// Check compares the set with fsys without changing anything, and returns
// one Drift per missing, changed or stale file, sorted by path; none when
// the files are up to date. Stale files are those of the lock's manifest on
// disk that the set no longer holds; nothing else is looked at. Run Recover
// first to finish an interrupted commit.
func Check(fsys FileSystem, set *Set) ([]Drift, error) {
	var drifts []Drift
	for _, f := range set.Files {
		exists, same, old, err := sameContent(fsys, f.Path, f.Data)
		if err != nil {
			return nil, err
		}
		if exists && !same && f.Path == set.LockPath {
			same = sameButSettings(old, f.Data)
		}
		switch {
		case !exists:
			drifts = append(drifts, newDrift(f.Path, DriftMissing, nil, f.Data))
		case !same:
			drifts = append(drifts, newDrift(f.Path, DriftChanged, old, f.Data))
		}
	}
	prev, err := previousLock(fsys, set)
	if err != nil {
		return nil, err
	}
	old, err := stale(fsys, set, prev)
	if err != nil {
		return nil, err
	}
	for _, name := range old {
		data, err := fsys.ReadFile(name)
		if err != nil {
			return nil, err
		}
		drifts = append(drifts, newDrift(name, DriftStale, data, nil))
	}
	sort.Slice(drifts, func(i, j int) bool { return drifts[i].Path < drifts[j].Path })
	return drifts, nil
}

func newDrift(name, status string, old, new []byte) Drift {
	from, to := "a/"+name, "b/"+name
	if old == nil {
		from = "/dev/null"
	}
	if new == nil {
		to = "/dev/null"
	}
	return Drift{Path: name, Status: status, Diff: udiff.Unified(from, to, string(old), string(new))}
}

// sameButSettings reports whether two lock files differ at most in the
// settings they record: which inputs a generation named is not drift, what
// it generated from them is.
func sameButSettings(old, new []byte) bool {
	o, err := ParseLockfile(old)
	if err != nil {
		return false
	}
	n, err := ParseLockfile(new)
	if err != nil {
		return false
	}
	n.Settings = o.Settings
	a, err := o.Marshal()
	if err != nil {
		return false
	}
	b, err := n.Marshal()
	return err == nil && bytes.Equal(a, b)
}
