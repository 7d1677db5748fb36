package gen

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sync"

	"github.com/orcgen/orcgen/gen/golang"
	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/model"
)

// Default option values: the one place each is defined (the package name's
// is the Go emitter's own default).
const (
	DefaultPackage  = golang.DefaultPackage
	DefaultLockPath = "orcgen.lock.json"
	DefaultOut      = "generated"
)

// MaxFileBytes is the largest file Generate emits. The page's limits keep
// real inputs far below it (the 20.0 catalog's largest file is under
// 0.5 MB); it bounds what a hostile input can make orcgen write.
const MaxFileBytes = 64 << 20

// maxFileBytes is the limit applied: MaxFileBytes, lowered by tests.
var maxFileBytes = MaxFileBytes

// ModelPath is model.json's path relative to the output directory.
const ModelPath = "model.json"

// Options configure Generate.
type Options struct {
	// Package is the Go package name and its directory; DefaultPackage when
	// empty.
	Package string
	// Artifacts selects what to generate (names from Table); all when
	// empty.
	Artifacts []string
	// Lock is the current content of the names lock, nil when there is
	// none yet.
	Lock []byte
	// LockPath is where the names lock lives, relative to the output
	// directory; DefaultLockPath when empty.
	LockPath string
	// Templates overrides the Markdown templates; nil uses the embedded
	// ones.
	Templates fs.FS
	// Settings are recorded in the lock for check to redo the generation;
	// nil records none.
	Settings *Settings
}

func (o *Options) setDefaults() {
	if o.Package == "" {
		o.Package = DefaultPackage
	}
	if len(o.Artifacts) == 0 {
		o.Artifacts = Artifacts()
	}
	if o.LockPath == "" {
		o.LockPath = DefaultLockPath
	}
}

// emission is what every emitter of one generation shares.
type emission struct {
	opts  Options
	names *naming.Result
}

// Generate runs the naming stage once, then the selected emitters (in
// parallel) on the named catalog, and returns their files together with the
// updated lock, which records them. Nothing is written.
func Generate(cat *model.Catalog, opts Options) (*Set, error) {
	opts.setDefaults()
	if err := naming.CheckPackage(opts.Package); err != nil {
		return nil, err
	}
	var arts []Artifact
	for _, name := range opts.Artifacts {
		a, ok := LookupArtifact(name)
		if !ok {
			return nil, fmt.Errorf("unknown artifact %q (want one of %q)", name, Artifacts())
		}
		arts = append(arts, a)
	}
	var prev *Lockfile
	if opts.Lock != nil {
		l, err := ParseLockfile(opts.Lock)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", opts.LockPath, err)
		}
		prev = l
	}
	names, err := naming.Resolve(cat, prev.Names())
	if err != nil {
		return nil, fmt.Errorf("name codes: %w", err)
	}
	e := &emission{opts: opts, names: names}

	results := make([][]File, len(arts))
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	for i, a := range arts {
		wg.Go(func() { results[i], errs[i] = a.emit(e) })
	}
	wg.Wait()

	set := &Set{LockPath: opts.LockPath, Catalog: names.Catalog}
	for i, a := range arts {
		if errs[i] != nil {
			return nil, fmt.Errorf("generate %s: %w", a.Name, errs[i])
		}
		dir := a.dir(opts)
		for _, f := range results[i] {
			f.Path = path.Join(dir, f.Path)
			f.Data = markFile(f.Path, f.Data)
			if len(f.Data) > maxFileBytes {
				return nil, fmt.Errorf("generate %s: %s would be %d bytes; the limit is %d bytes a file (gen.MaxFileBytes)", a.Name, f.Path, len(f.Data), maxFileBytes)
			}
			if err := set.add(f); err != nil {
				return nil, fmt.Errorf("generate %s: %w", a.Name, err)
			}
		}
	}
	lock := &Lockfile{
		SchemaVersion: LockSchemaVersion,
		Package:       opts.Package,
		Settings:      opts.Settings,
		Files:         manifest(set.Files, opts.LockPath),
		Codes:         names.Lock(opts.Package).Codes,
	}
	lockData, err := lock.Marshal()
	if err != nil {
		return nil, err
	}
	if err := set.add(File{Path: opts.LockPath, Data: lockData}); err != nil {
		return nil, fmt.Errorf("names lock: %w", err)
	}
	return set, nil
}

// MarshalModel returns the catalog as model.json holds it: indented JSON
// with a trailing newline.
func MarshalModel(cat *model.Catalog) ([]byte, error) {
	data, err := json.MarshalIndent(cat, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode model: %w", err)
	}
	return append(data, '\n'), nil
}
