package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/orcgen/orcgen/parser"
	"github.com/orcgen/orcgen/parser/source"
)

const fetchSynopsis = "orcgen fetch [-page URL] [-spec URL] -o DIR"

// Snapshot file names written by fetch.
const (
	pageSnapshotName = "response-codes.html"
	specSnapshotBase = "openapi"
)

func runFetch(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("fetch", fetchSynopsis)
	pageSrc := fs.String("page", "", "Response Codes page URL or file")
	specSrc := fs.String("spec", "", "Swagger/OpenAPI definition URL or file")
	dir := fs.String("o", "", "directory to save the snapshots in (required)")
	verbose := fs.Bool("v", false, "print each stage's time to stderr")
	var net netFlags
	net.register(fs)
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *dir == "" || *pageSrc == "" && *specSrc == "" {
		fmt.Fprintf(a.stderr, "orcgen fetch: -o and at least one of -page and -spec are required\n")
		fs.Usage()
		return errUsage
	}
	st := stages{w: a.stderr, verbose: *verbose}
	var errs []error
	if *pageSrc != "" {
		opts := net.options(source.AcceptPage)
		errs = append(errs, st.do("fetch page", func() error {
			return a.fetchOne(ctx, *pageSrc, *dir, pageSnapshotName, validatePage, opts)
		}))
	}
	if *specSrc != "" {
		opts := net.options(source.AcceptSpec)
		errs = append(errs, st.do("fetch spec", func() error {
			return a.fetchOne(ctx, *specSrc, *dir, specSnapshotName(*specSrc), validateSpec, opts)
		}))
	}
	return errors.Join(errs...)
}

// fetchOne saves one snapshot and prints what happened.
func (a *app) fetchOne(ctx context.Context, src, dir, name string, validate func(*source.Input) error, opts source.Options) error {
	res, err := source.Fetch(ctx, src, dir, name, validate, opts)
	if err != nil {
		return err
	}
	what := "saved"
	switch {
	case res.NotModified:
		what = "not modified (kept)"
	case res.Unchanged:
		what = "unchanged (kept)"
	}
	fmt.Fprintf(a.stdout, "%s: %s, sha256 %s\n", path.Base(res.Path), what, res.SHA256)
	return nil
}

// specSnapshotName keeps the definition's format in the snapshot's name:
// openapi.yaml for a .yaml or .yml source, openapi.json otherwise.
func specSnapshotName(src string) string {
	p := src
	if u, err := url.Parse(src); err == nil && u.Path != "" {
		p = u.Path
	}
	switch strings.ToLower(path.Ext(p)) {
	case ".yaml", ".yml":
		return specSnapshotBase + ".yaml"
	}
	return specSnapshotBase + ".json"
}

// validatePage refuses a body that is not the Response Codes page (an
// error or login page), one cut short (page.Parse refuses a table never
// closed), and one holding more than 10% fewer codes than the previous
// snapshot (a body cut short after a closed table); the previous snapshot
// is then kept.
func validatePage(in *source.Input) error {
	cat, err := parser.Parse(in.Data, in.URI, in.ContentType, parser.KindPage, parser.LoadOptions{})
	if err != nil || in.Previous == nil {
		return err
	}
	prev, err := parser.Parse(in.Previous.Data, in.URI, in.Previous.ContentType, parser.KindPage, parser.LoadOptions{})
	if err != nil {
		return nil // a previous snapshot that is not the page sets no bar
	}
	if n, m := len(cat.Page.Codes), len(prev.Page.Codes); n*10 < m*9 {
		return fmt.Errorf("%d codes, more than 10%% fewer than the previous snapshot's %d: the body looks cut short (remove the previous snapshot to accept it)", n, m)
	}
	return nil
}

// validateSpec refuses a body that is not a definition orcgen can load.
func validateSpec(in *source.Input) error {
	_, err := parser.Parse(in.Data, in.URI, in.ContentType, parser.KindSpec, parser.LoadOptions{})
	return err
}
