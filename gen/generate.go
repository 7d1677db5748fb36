package gen

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"github.com/orcgen/orcgen/gen/golang"
	"github.com/orcgen/orcgen/gen/markdown"
	"github.com/orcgen/orcgen/gen/openapi"
	"github.com/orcgen/orcgen/model"
)

// Artifact names, as Options.Artifacts and the config's artifacts list
// spell them.
const (
	ArtifactGo       = "go"       // the Go package, in <Package>/
	ArtifactOpenAPI  = "openapi"  // openapi/errors.yaml and errors.json
	ArtifactMarkdown = "markdown" // docs/response-codes.md
	ArtifactModel    = "model"    // model.json
)

// Artifacts returns every artifact name, in generation order.
func Artifacts() []string {
	return []string{ArtifactGo, ArtifactOpenAPI, ArtifactMarkdown, ArtifactModel}
}

// Default option values.
const (
	DefaultPackage  = "orcerr"
	DefaultLockPath = "orcgen.lock.json"
)

// Output paths of the fixed artifacts, relative to the output directory.
const (
	OpenAPIYAMLPath = "openapi/errors.yaml"
	OpenAPIJSONPath = "openapi/errors.json"
	MarkdownPath    = "docs/response-codes.md"
	ModelPath       = "model.json"
)

// Options configure Generate.
type Options struct {
	// Package is the Go package name and its directory; DefaultPackage when
	// empty.
	Package string
	// Artifacts selects what to generate (Artifact constants); all when
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

// Generate runs the selected emitters on the catalog in memory and returns
// their files. Nothing is written.
func Generate(cat *model.Catalog, opts Options) (*Set, error) {
	opts.setDefaults()
	set := &Set{}
	for _, a := range opts.Artifacts {
		emit := emitterFor(a)
		if emit == nil {
			return nil, fmt.Errorf("unknown artifact %q (want one of %q)", a, Artifacts())
		}
		files, dir, err := emit(cat, opts)
		if err != nil {
			return nil, fmt.Errorf("generate %s: %w", a, err)
		}
		for _, f := range files {
			if err := set.add(f); err != nil {
				return nil, fmt.Errorf("generate %s: %w", a, err)
			}
		}
		if dir != "" && !slices.Contains(set.Dirs, dir) {
			set.Dirs = append(set.Dirs, dir)
		}
	}
	slices.Sort(set.Dirs)
	return set, nil
}

// emitter produces one artifact's files and the directory it owns ("" for
// none).
type emitter func(cat *model.Catalog, opts Options) ([]File, string, error)

// emitterFor returns the emitter of artifact a, nil for an unknown name.
func emitterFor(a string) emitter {
	switch a {
	case ArtifactGo:
		return emitGo
	case ArtifactOpenAPI:
		return emitOpenAPI
	case ArtifactMarkdown:
		return emitMarkdown
	case ArtifactModel:
		return emitModel
	}
	return nil
}

func emitGo(cat *model.Catalog, opts Options) ([]File, string, error) {
	var lock *golang.Lock
	if opts.Lock != nil {
		l, err := golang.ParseLock(opts.Lock)
		if err != nil {
			return nil, "", fmt.Errorf("names lock %q: %w", opts.LockPath, err)
		}
		lock = l
	}
	out, err := golang.Generate(cat, golang.Options{Package: opts.Package, Lock: lock})
	if err != nil {
		return nil, "", err
	}
	names := make([]string, 0, len(out.Files))
	for name := range out.Files {
		names = append(names, name)
	}
	slices.Sort(names)
	var files []File
	for _, name := range names {
		files = append(files, File{Path: path.Join(opts.Package, name), Data: out.Files[name]})
	}
	if out.Lock != nil {
		data, err := out.Lock.Marshal()
		if err != nil {
			return nil, "", fmt.Errorf("names lock: %w", err)
		}
		files = append(files, File{Path: opts.LockPath, Data: data})
	}
	return files, opts.Package, nil
}

func emitOpenAPI(cat *model.Catalog, _ Options) ([]File, string, error) {
	doc, err := openapi.Errors(cat)
	if err != nil {
		return nil, "", err
	}
	yamlData, jsonData, err := openapi.Marshal(doc)
	if err != nil {
		return nil, "", err
	}
	return []File{{Path: OpenAPIYAMLPath, Data: yamlData}, {Path: OpenAPIJSONPath, Data: jsonData}}, "openapi", nil
}

func emitMarkdown(cat *model.Catalog, opts Options) ([]File, string, error) {
	data, err := markdown.Render(cat, markdown.Options{Templates: opts.Templates})
	if err != nil {
		return nil, "", err
	}
	return []File{{Path: MarkdownPath, Data: data}}, "docs", nil
}

func emitModel(cat *model.Catalog, _ Options) ([]File, string, error) {
	data, err := MarshalModel(cat)
	if err != nil {
		return nil, "", err
	}
	return []File{{Path: ModelPath, Data: data}}, "", nil
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
