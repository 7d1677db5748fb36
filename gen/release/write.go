package release

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/orcgen/orcgen/gen"
)

// WriteOptions tune Write.
type WriteOptions struct {
	// Force lets Write replace files that orcgen did not write.
	Force bool
	// Context, when set, is checked before the commit starts: once
	// cancelled, nothing is written.
	Context context.Context
}

// Write makes fsys, the release directory, hold the bundle's files. The
// SHA256SUMS already in the directory, when it is one a release wrote
// (every line a checksum, naming RELEASE-NOTES.md and an archive), is the
// manifest of the previous release: its files are orcgen's. A file at one
// of the bundle's paths with other content that orcgen did not write is
// refused (a *gen.ForeignFileError, nothing changed) unless opts.Force.
// The files are committed together through gen.Write (staged, journaled,
// renamed; an unchanged file is not touched); then the archives the
// previous manifest lists and the bundle no longer holds are removed. Any
// failure before the commit leaves the directory as it was.
func Write(fsys gen.FileSystem, b *Bundle, opts WriteOptions) (*gen.Result, error) {
	owned, err := previousRelease(fsys)
	if err != nil {
		return nil, err
	}
	var foreign []string
	for _, f := range b.Files {
		old, err := fsys.ReadFile(f.Path)
		switch {
		case isNotExist(err):
			continue
		case err != nil:
			return nil, fmt.Errorf("read %q: %w", f.Path, err)
		case bytes.Equal(old, f.Data), opts.Force, slices.Contains(owned, f.Path):
			continue
		}
		foreign = append(foreign, f.Path)
	}
	if len(foreign) > 0 {
		return nil, &gen.ForeignFileError{Paths: foreign}
	}
	var stale []string
	for _, name := range owned {
		if isArchiveName(name) && name != b.Archive {
			if _, err := fsys.ReadFile(name); err == nil {
				stale = append(stale, name)
			}
		}
	}
	res, err := gen.Write(fsys, &gen.Set{Files: b.Files}, gen.WriteOptions{Force: true, Context: opts.Context})
	if err != nil {
		return nil, err
	}
	for _, name := range stale {
		if err := fsys.Remove(name); err != nil && !isNotExist(err) {
			return res, fmt.Errorf("remove the previous archive %q: %w", name, err)
		}
		res.Removed = append(res.Removed, name)
	}
	return res, nil
}

// previousRelease returns the files of the release already in fsys, sorted:
// those its SHA256SUMS lists, and SHA256SUMS itself; none when there is no
// SHA256SUMS or it is not one a release wrote.
func previousRelease(fsys gen.FileSystem) ([]string, error) {
	data, err := fsys.ReadFile(SumsName)
	if isNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", SumsName, err)
	}
	sums, err := ParseSums(data)
	if err != nil {
		return nil, nil // not ours: every file in the way is foreign
	}
	names := []string{SumsName}
	notes, archive := false, false
	for _, s := range sums {
		names = append(names, s.Name)
		notes = notes || s.Name == NotesMarkdown
		archive = archive || isArchiveName(s.Name)
	}
	if !notes || !archive {
		return nil, nil
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}
