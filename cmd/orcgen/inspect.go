package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/gen/openapi"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
	"github.com/orcgen/orcgen/parser/spec"
)

const modelSynopsis = "orcgen model [-page SRC] [-spec SRC]"

// runModel prints the catalog of the given sources; no embedded fallback.
func runModel(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("model", modelSynopsis)
	pageSrc := fs.String("page", "", "Response Codes page: file or URL")
	specSrc := fs.String("spec", "", "Swagger/OpenAPI definition or snapshot: file or URL")
	external := fs.Bool("allow-external-refs", false, "let the spec's $refs read other files and URLs")
	extend := fs.Bool("extend", false, "also adopt aligned names of medium confidence (see orcgen explain)")
	verbose := fs.Bool("v", false, "print each stage's time and every diagnostic to stderr")
	quiet := fs.Bool("q", false, "print no diagnostics to stderr (rows of the page dropped, merged or changed)")
	var net netFlags
	net.register(fs)
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *pageSrc == "" && *specSrc == "" {
		fmt.Fprintf(a.stderr, "orcgen model: give -page, -spec or both\n")
		fs.Usage()
		return errUsage
	}
	st := stages{w: a.stderr, verbose: *verbose}
	opts := net.loadOptions(*external, st)
	var p *model.Catalog
	var s *model.Spec
	if *pageSrc != "" {
		if err := st.do("read page", func() error { in, err := parser.Load(ctx, *pageSrc, parser.KindPage, opts); p = pageOf(in); return err }); err != nil {
			return err
		}
	}
	if *specSrc != "" {
		if err := st.do("read spec", func() error { in, err := parser.Load(ctx, *specSrc, parser.KindSpec, opts); s = specOf(in); return err }); err != nil {
			return err
		}
	}
	var cat *model.Catalog
	if err := st.do("join", func() (err error) { cat, err = parser.Join(p, s, parser.JoinOptions{Extend: *extend}); return err }); err != nil {
		return err
	}
	printDiagnostics(a.stderr, cat, diagnosticsMode{verbose: *verbose, quiet: *quiet})
	data, err := gen.MarshalModel(cat)
	if err != nil {
		return err
	}
	_, err = a.stdout.Write(data)
	return err
}

const snapshotSynopsis = "orcgen snapshot -spec SRC -o FILE"

// runSnapshot writes the spec's facts as a snapshot file.
func runSnapshot(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("snapshot", snapshotSynopsis)
	specSrc := fs.String("spec", "", "Swagger/OpenAPI definition: file or URL (required)")
	out := fs.String("o", "", "snapshot file to write (required)")
	external := fs.Bool("allow-external-refs", false, "let the spec's $refs read other files and URLs")
	var net netFlags
	net.register(fs)
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *specSrc == "" || *out == "" {
		fmt.Fprintf(a.stderr, "orcgen snapshot: -spec and -o are required\n")
		fs.Usage()
		return errUsage
	}
	in, err := parser.Load(ctx, *specSrc, parser.KindSpec, net.loadOptions(*external, stages{}))
	if err != nil {
		return err
	}
	s := in.Spec
	if !isURL(*specSrc) {
		// A snapshot is committed and embedded: it names the file it came
		// from, not where that file sat on one machine.
		s.Source.URI = filepath.Base(*specSrc)
	}
	data, err := spec.Snapshot(s)
	if err != nil {
		return err
	}
	return writeFile(*out, data)
}

const patchSynopsis = "orcgen patch -spec SRC [-page SRC] -o FILE"

// runPatch writes the user's spec with orcgen's error schemas patched in,
// as JSON when FILE ends in .json and YAML otherwise.
func runPatch(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("patch", patchSynopsis)
	specSrc := fs.String("spec", "", "Swagger/OpenAPI definition to patch: file or URL (required)")
	pageSrc := fs.String("page", "", "Response Codes page: file or URL (default: embedded copy)")
	out := fs.String("o", "", "patched definition to write, .json or .yaml (required)")
	external := fs.Bool("allow-external-refs", false, "let the spec's $refs read other files and URLs")
	var net netFlags
	net.register(fs)
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *specSrc == "" || *out == "" {
		fmt.Fprintf(a.stderr, "orcgen patch: -spec and -o are required\n")
		fs.Usage()
		return errUsage
	}
	opts := net.loadOptions(*external, stages{})
	opts.Document = true
	in, err := parser.Load(ctx, *specSrc, parser.KindSpec, opts)
	if err != nil {
		return err
	}
	if in.Document == nil {
		return fmt.Errorf("spec %s: an orcgen spec snapshot holds no OpenAPI document: give the definition itself", *specSrc)
	}
	doc := in.Document
	opts.Document = false
	p, err := parser.Load(ctx, *pageSrc, parser.KindPage, opts)
	if err != nil {
		return err
	}
	cat, err := parser.Join(p.Page, in.Spec, parser.JoinOptions{})
	if err != nil {
		return err
	}
	names, err := naming.Resolve(cat, nil)
	if err != nil {
		return fmt.Errorf("name codes: %w", err)
	}
	wantJSON := strings.EqualFold(filepath.Ext(*out), ".json")
	// An OpenAPI 3 document is patched in its own text, lines only added,
	// when the output keeps its format; otherwise (and for Swagger 2.0,
	// patched as its OpenAPI 3 conversion) it is re-serialised.
	if isJSON(in.Data) == wantJSON {
		res, err := openapi.PatchSource(in.Data, names.Catalog)
		switch {
		case err == nil:
			if _, err := spec.LoadDocument(res.Data, spec.Options{URI: *out, AllowExternalRefs: *external}); err != nil {
				return fmt.Errorf("patch %s: the patched document does not load: %w", *specSrc, err)
			}
			return writeFile(*out, res.Data)
		case !errors.Is(err, openapi.ErrSwagger2):
			return fmt.Errorf("patch %s: %w", *specSrc, err)
		}
	}
	if err := openapi.Patch(doc, names.Catalog); err != nil {
		return fmt.Errorf("patch %s: %w", *specSrc, err)
	}
	yamlData, jsonData, err := openapi.Marshal(doc)
	if err != nil {
		return err
	}
	if wantJSON {
		return writeFile(*out, jsonData)
	}
	return writeFile(*out, yamlData)
}

// isJSON reports whether data is JSON rather than YAML: its first
// character after spaces and a byte order mark opens an object.
func isJSON(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff"))), []byte("{"))
}

// pageOf and specOf return what a load read, nil after a failed one.
func pageOf(in *parser.Loaded) *model.Catalog {
	if in == nil {
		return nil
	}
	return in.Page
}

func specOf(in *parser.Loaded) *model.Spec {
	if in == nil {
		return nil
	}
	return in.Spec
}

// writeFile writes one output file atomically.
func writeFile(name string, data []byte) error {
	if err := renameio.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
