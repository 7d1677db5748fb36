package gen

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// errInjected is the failure the fault tests inject.
var errInjected = errors.New("injected failure")

// faultFixture is an output directory generated from one catalog, a user
// file and a stale generated file beside it, and the set of a changed
// catalog to write over it.
type faultFixture struct {
	// old is the directory's content before the write, by path.
	old map[string][]byte
	// set is what Write must leave.
	set *Set
	// changed are the set's files whose content differs from old, sorted:
	// each is staged and committed.
	changed []string
}

// userFile and staleFile are the files the fault fixture adds to the
// generated ones: the user's (no marker) and orcgen's earlier output.
const (
	userFile  = "orcerr/user.go"
	staleFile = "orcerr/removed_gen.go"
)

func newFaultFixture(t *testing.T) faultFixture {
	t.Helper()
	before, err := Generate(smallCatalog(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	old := map[string][]byte{
		userFile:  []byte("package orcerr\n"),
		staleFile: []byte(goHeader),
	}
	for _, f := range before.Files {
		old[f.Path] = f.Data
	}
	// The stale file was written by an earlier generation: its manifest
	// lists it.
	lock, err := ParseLockfile(old[DefaultLockPath])
	if err != nil {
		t.Fatal(err)
	}
	lock.Files = append(lock.Files, ManifestFile{Path: staleFile})
	slices.SortFunc(lock.Files, func(a, b ManifestFile) int { return strings.Compare(a.Path, b.Path) })
	if old[DefaultLockPath], err = lock.Marshal(); err != nil {
		t.Fatal(err)
	}
	cat := smallCatalog()
	cat.Codes[0].Messages = []string{"Tenant does not exist."}
	cat.Codes = append(cat.Codes, model.Code{Code: 1001, Names: []string{}, Messages: []string{"Robot not found."},
		Params: []string{}, Endpoints: []model.Endpoint{}, Name: "RobotNotFound", NameOrigin: model.OriginMessage})
	set, err := Generate(cat, Options{Lock: old[DefaultLockPath]})
	if err != nil {
		t.Fatal(err)
	}
	var changed []string
	for _, f := range set.Files {
		if string(old[f.Path]) != string(f.Data) {
			changed = append(changed, f.Path)
		}
	}
	if len(changed) < 5 {
		t.Fatalf("the fixture changes %d files (%q), want at least 5", len(changed), changed)
	}
	return faultFixture{old: old, set: set, changed: changed}
}

// want returns what a complete Write leaves: the set's files and the
// user's file; the stale file is gone.
func (f faultFixture) want() map[string][]byte {
	out := map[string][]byte{userFile: f.old[userFile]}
	for _, file := range f.set.Files {
		out[file.Path] = file.Data
	}
	return out
}

// checkOldOrNew requires every file of got to hold either its old or its
// new content, and no other file to exist; it returns how many are new.
func (f faultFixture) checkOldOrNew(t *testing.T, got map[string][]byte) int {
	t.Helper()
	news := 0
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if isTemp(name) || name == journalName {
			continue // an interrupted commit's record: the next run finishes it
		}
		data := string(got[name])
		old, hadOld := f.old[name]
		file, inSet := f.set.Lookup(name)
		switch {
		case inSet && data == string(file.Data) && (!hadOld || data != string(old)):
			news++
		case hadOld && data == string(old):
		default:
			t.Errorf("%s holds %d bytes that are neither its old nor its new content", name, len(data))
		}
	}
	for name := range f.old {
		if _, ok := got[name]; !ok && name != staleFile {
			t.Errorf("%s was removed", name)
		}
	}
	return news
}

// TestWriteStageFailureKeepsOldFiles fails the staging of each changed file
// in turn, in memory and on disk: Write returns the error naming the file,
// and every file keeps its old content, with no temporary file left.
func TestWriteStageFailureKeepsOldFiles(t *testing.T) {
	fx := newFaultFixture(t)
	for i, name := range fx.changed {
		for _, store := range faultStores() {
			t.Run(fmt.Sprintf("%s/%d %s", store.name, i, name), func(t *testing.T) {
				fsys, snapshot := store.open(t, fx.old, func(op, n string) error {
					if op == "stage" && n == name {
						return errInjected
					}
					return nil
				})
				_, err := Write(fsys, fx.set, WriteOptions{})
				if want := fmt.Sprintf("stage %q: %v", name, errInjected); err == nil || err.Error() != want {
					t.Fatalf("Write error = %v, want %s", err, want)
				}
				if got := snapshot(); !maps.EqualFunc(got, fx.old, bytesEqual) {
					t.Errorf("files after a failed stage differ from before: %s", diffFiles(fx.old, got))
				}
			})
		}
	}
}

// TestWriteCommitFailureLeavesWholeFiles fails the rename of each changed
// file in turn (a generate interrupted between writes), in memory and on
// disk: the files renamed before hold their new content, the others their
// old one, none is truncated or mixed and no temporary file is left; a
// second Write finishes the recorded commit first, which completes the job.
func TestWriteCommitFailureLeavesWholeFiles(t *testing.T) {
	fx := newFaultFixture(t)
	for i, name := range fx.changed {
		for _, store := range faultStores() {
			t.Run(fmt.Sprintf("%s/%d %s", store.name, i, name), func(t *testing.T) {
				fail := true
				fsys, snapshot := store.open(t, fx.old, func(op, n string) error {
					if fail && op == "commit" && n == name {
						return errInjected
					}
					return nil
				})
				_, err := Write(fsys, fx.set, WriteOptions{})
				if want := fmt.Sprintf("write %q: %v", name, errInjected); err == nil || err.Error() != want {
					t.Fatalf("Write error = %v, want %s", err, want)
				}
				if news := fx.checkOldOrNew(t, snapshot()); news != i {
					t.Errorf("%d files hold their new content, want the %d renamed before %s", news, i, name)
				}
				fail = false
				res, err := Write(fsys, fx.set, WriteOptions{})
				if err != nil {
					t.Fatalf("second Write: %v", err)
				}
				if !res.Recovered || len(res.Written) != 0 || len(res.Removed) != 0 {
					t.Errorf("second Write = %+v, want the interrupted commit finished by recovery, nothing left to write", res)
				}
				if got := snapshot(); !maps.EqualFunc(got, fx.want(), bytesEqual) {
					t.Errorf("files after the second Write differ from the set: %s", diffFiles(fx.want(), got))
				}
			})
		}
	}
}

// faultStore opens a FileSystem holding files whose Stage and Commit
// consult fail, and a function returning every file it holds.
type faultStore struct {
	name string
	open func(t *testing.T, files map[string][]byte, fail func(op, name string) error) (FileSystem, func() map[string][]byte)
}

func faultStores() []faultStore {
	return []faultStore{
		{name: "memfs", open: func(_ *testing.T, files map[string][]byte, fail func(op, name string) error) (FileSystem, func() map[string][]byte) {
			m := &MemFS{Files: maps.Clone(files), Fail: fail}
			return m, func() map[string][]byte { return maps.Clone(m.Files) }
		}},
		{name: "dir", open: func(t *testing.T, files map[string][]byte, fail func(op, name string) error) (FileSystem, func() map[string][]byte) {
			dir := t.TempDir()
			for name, data := range files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			return failingFS{FileSystem: Dir(dir), fail: fail}, func() map[string][]byte { return testenv.ReadTree(t, dir) }
		}},
	}
}

// failingFS wraps a FileSystem, injecting the errors fail returns before
// each Stage and Commit.
type failingFS struct {
	FileSystem
	fail func(op, name string) error
}

func (f failingFS) Stage(name string, data []byte) (Pending, error) {
	if err := f.fail("stage", name); err != nil {
		return nil, err
	}
	p, err := f.FileSystem.Stage(name, data)
	if err != nil {
		return nil, err
	}
	return failingPending{Pending: p, fail: func() error { return f.fail("commit", name) }}, nil
}

func (f failingFS) Rename(from, to string) error {
	if err := f.fail("commit", to); err != nil {
		return err
	}
	return f.FileSystem.Rename(from, to)
}

// failingPending is a staged write whose Commit can fail before renaming.
type failingPending struct {
	Pending
	fail func() error
}

func (p failingPending) Commit() error {
	if err := p.fail(); err != nil {
		return err
	}
	return p.Pending.Commit()
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

// diffFiles names the files that differ between want and got, sorted.
func diffFiles(want, got map[string][]byte) string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[name]; !ok {
			out = append(out, name+" (missing)")
		} else if string(g) != string(want[name]) {
			out = append(out, name+" (changed)")
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[name]; !ok {
			out = append(out, name+" (extra)")
		}
	}
	return strings.Join(out, ", ")
}
