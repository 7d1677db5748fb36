package gen

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"

	"github.com/orcgen/orcgen/gen/naming"
)

// LockSchemaVersion is the version of the lock file's JSON form that
// Generate writes. Version 1 (identifiers only, written with the Go package
// alone) is still read, and upgraded on the next generate.
const LockSchemaVersion = 2

// Lockfile is orcgen.lock.json: what one generation wrote and the
// identifiers it gave each code. It is written for every artifact set.
type Lockfile struct {
	// SchemaVersion is LockSchemaVersion.
	SchemaVersion int `json:"schemaVersion"`
	// Package is the generated Go package's name.
	Package string `json:"package"`
	// Settings are the settings the generation used, nil when unknown
	// (a lock of version 1).
	Settings *Settings `json:"settings,omitempty"`
	// Files is the manifest: every file the generation wrote besides the
	// lock itself, sorted by path. orcgen replaces or removes only these.
	Files []ManifestFile `json:"files"`
	// Codes are the identifiers of each code, ascending by code.
	Codes []naming.LockedCode `json:"codes"`
}

// ManifestFile is one file a generation wrote.
type ManifestFile struct {
	// Path is the slash path relative to the output directory.
	Path string `json:"path"`
	// SHA256 is the hex SHA-256 of the content written.
	SHA256 string `json:"sha256"`
}

// Settings are what a generation was asked for: what check needs to redo
// it. Input paths are relative to the lock file's directory.
type Settings struct {
	// Page and Spec are the inputs as configured ("" for the embedded
	// defaults); URLs lose their user info and query.
	Page string `json:"page,omitempty"`
	Spec string `json:"spec,omitempty"`
	// Artifacts are the artifacts generated, in Table order.
	Artifacts []string `json:"artifacts"`
	// Lock is the lock file's own slash path relative to the output
	// directory, when it is not DefaultLockPath: with it, the output
	// directory is found from the lock.
	Lock string `json:"lock,omitempty"`
	// Templates is the Markdown templates directory, "" for the embedded
	// ones.
	Templates string `json:"templates,omitempty"`
	// AllowExternalRefs and Extend are the join and load switches.
	AllowExternalRefs bool `json:"allowExternalRefs,omitempty"`
	Extend            bool `json:"extend,omitempty"`
}

// ParseLockfile decodes a lock file of version 1 or 2 strictly and checks
// its identifiers (naming.CheckLock) and its manifest.
func ParseLockfile(data []byte) (*Lockfile, error) {
	var probe struct {
		SchemaVersion int `json:"schemaVersion"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("parse names lock: %w", err)
	}
	if probe.SchemaVersion == naming.LockSchemaVersion {
		l, err := naming.ParseLock(data)
		if err != nil {
			return nil, err
		}
		return &Lockfile{SchemaVersion: l.SchemaVersion, Package: l.Package, Codes: l.Codes}, nil
	}
	if probe.SchemaVersion != LockSchemaVersion {
		return nil, fmt.Errorf("parse names lock: schemaVersion %d, want %d", probe.SchemaVersion, LockSchemaVersion)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var l Lockfile
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("parse names lock: %w", err)
	}
	if err := naming.CheckLock(l.Names()); err != nil {
		return nil, err
	}
	for i, f := range l.Files {
		switch {
		case !fs.ValidPath(f.Path) || f.Path == ".":
			return nil, fmt.Errorf("names lock: files: invalid path %q", f.Path)
		case i > 0 && f.Path <= l.Files[i-1].Path:
			return nil, fmt.Errorf("names lock: files: %q after %q: paths must ascend", f.Path, l.Files[i-1].Path)
		}
	}
	return &l, nil
}

// Names returns the identifiers part of the lock, nil for a nil lock.
func (l *Lockfile) Names() *naming.Lock {
	if l == nil {
		return nil
	}
	return &naming.Lock{SchemaVersion: naming.LockSchemaVersion, Package: l.Package, Codes: l.Codes}
}

// owns reports whether the lock's manifest lists path.
func (l *Lockfile) owns(path string) bool {
	_, ok := slices.BinarySearchFunc(l.Files, path, func(f ManifestFile, p string) int {
		switch {
		case f.Path < p:
			return -1
		case f.Path > p:
			return 1
		}
		return 0
	})
	return ok
}

// hasManifest reports whether the lock records the files it wrote (version
// 2); a lock of version 1, or none, does not.
func (l *Lockfile) hasManifest() bool { return l != nil && l.SchemaVersion >= LockSchemaVersion }

// Marshal encodes the lock deterministically, indented, with a trailing
// newline.
func (l *Lockfile) Marshal() ([]byte, error) {
	data, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("marshal names lock: %w", err)
	}
	return append(data, '\n'), nil
}

// manifest lists the set's files, the lock excepted, with their hashes.
func manifest(files []File, lockPath string) []ManifestFile {
	out := make([]ManifestFile, 0, len(files))
	for _, f := range files {
		if f.Path == lockPath {
			continue
		}
		sum := sha256.Sum256(f.Data)
		out = append(out, ManifestFile{Path: f.Path, SHA256: hex.EncodeToString(sum[:])})
	}
	return out
}
