package golang

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/model"
)

// DefaultPackage is the generated package's default name.
const DefaultPackage = "orcerr"

// Options tunes Generate.
type Options struct {
	// Package is the package name, default "orcerr".
	Package string
	// Names is the naming stage's result for the catalog. When nil,
	// Generate runs the stage itself with Lock.
	Names *naming.Result
	// Lock is the names lock of the previous generation, nil for none; used
	// only when Names is nil.
	Lock *naming.Lock
}

func (o *Options) setDefaults() {
	if o.Package == "" {
		o.Package = DefaultPackage
	}
}

// Output is one generated package.
type Output struct {
	// Files maps a file name (no directory) to its gofmt'd content.
	Files map[string][]byte
	// Lock is the updated names lock to write back.
	Lock *naming.Lock
}

// Generate emits the Go package for cat: orcerr_gen.go (codes), names_gen.go
// (spec names) and error_gen.go (the wire error body, Format and Fill).
func Generate(cat *model.Catalog, opts Options) (*Output, error) {
	opts.setDefaults()
	if err := naming.CheckPackage(opts.Package); err != nil {
		return nil, err
	}
	res := opts.Names
	if res == nil {
		var err error
		if res, err = naming.Resolve(cat, opts.Lock); err != nil {
			return nil, fmt.Errorf("generate go package: %w", err)
		}
	}
	g := &generator{cat: res.Catalog, plan: makePlan(res), pkg: opts.Package}
	out := &Output{Files: map[string][]byte{}, Lock: res.Lock(opts.Package)}
	files := []struct {
		name  string
		build func(*jen.File) error
	}{
		{"orcerr_gen.go", g.codesFile},
		{"names_gen.go", g.namesFile},
		{"error_gen.go", g.errorFile},
	}
	// The files share only what the generator holds, read-only: they are
	// built and formatted in parallel.
	srcs := make([][]byte, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() { srcs[i], errs[i] = g.render(f.name, f.build) })
	}
	wg.Wait()
	for i, f := range files {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out.Files[f.name] = srcs[i]
	}
	return out, nil
}

// generator holds what the file builders share.
type generator struct {
	cat  *model.Catalog
	plan *plan
	pkg  string
}

// render builds one file and renders it. jennifer's Render runs
// format.Source, which parses the file, so the output is gofmt'd and
// syntactically valid without another pass; a file that does not parse is
// an error naming it. The generated-file marker is the artifact table's
// (package gen) to write.
func (g *generator) render(name string, build func(*jen.File) error) ([]byte, error) {
	f := jen.NewFilePathName("", g.pkg)
	if err := build(f); err != nil {
		return nil, fmt.Errorf("generate %s: %w", name, err)
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, firstLine(err))
	}
	return buf.Bytes(), nil
}

// firstLine keeps the first line of jennifer's error, which names the
// syntax error, and drops the whole source it appends.
func firstLine(err error) error {
	msg, _, cut := strings.Cut(err.Error(), "\n")
	if !cut {
		return err
	}
	return errors.New(strings.TrimSuffix(msg, ":"))
}
