package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/gen/release"
	"github.com/orcgen/orcgen/parser"
	"github.com/orcgen/orcgen/parser/source"
)

const releaseSynopsis = "orcgen release -o DIR [-previous MODEL.json|ARCHIVE] [-force] [-config FILE] [-page SRC] [-spec SRC] [-out DIR] [-pkg NAME] [-v]\n\n" +
	"Generates every artifact as generate does (all of them, whatever the config\n" +
	"selects; -artifacts is refused), reading the names lock under -out (default\n" +
	"generated), and writes into DIR the archive\n" +
	"orcgen-catalog-<spec version>-<model.json sha256, 12 hex>.tar.gz, RELEASE-NOTES.md\n" +
	"and .json (the changes since -previous, or a first release) and SHA256SUMS."

func runRelease(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("release", releaseSynopsis)
	var g genFlags
	g.register(fs)
	dir := fs.String("o", "", "release directory to write (required)")
	previous := fs.String("previous", "", "the previous release: its model.json or its .tar.gz archive (default: a first release)")
	fs.BoolVar(&g.force, "force", false, "replace files in the release directory that orcgen did not write")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *dir == "" {
		fmt.Fprintf(a.stderr, "orcgen release: -o is required\n")
		fs.Usage()
		return errUsage
	}
	artifactsSet := false
	fs.Visit(func(f *flag.Flag) { artifactsSet = artifactsSet || f.Name == "artifacts" })
	if artifactsSet {
		fmt.Fprintf(a.stderr, "orcgen release: -artifacts: a release bundles every artifact\n")
		fs.Usage()
		return errUsage
	}
	c, err := g.settings(fs)
	if err != nil {
		return err
	}
	c.Artifacts = gen.Artifacts() // the bundle holds every artifact, whatever the config selects
	st := stages{w: a.stderr, verbose: g.verbose, ctx: ctx}
	_, set, err := g.build(ctx, c, st)
	if err != nil {
		return err
	}
	var prev *release.Previous
	if *previous != "" {
		err = st.do("read previous", func() (err error) { prev, err = loadPrevious(ctx, *previous, g.net); return err })
		if err != nil {
			return fmt.Errorf("previous release %s: %w", *previous, err)
		}
	}
	var b *release.Bundle
	if err := st.do("bundle", func() (err error) { b, err = release.Build(set, prev); return err }); err != nil {
		return err
	}
	unlock, err := gen.LockDir(ctx, *dir, func() {
		fmt.Fprintf(a.stderr, "orcgen: waiting for another orcgen run on %s to finish\n", *dir)
	})
	if err != nil {
		return err
	}
	defer unlock()
	var res *gen.Result
	err = st.do(writeStage, func() (err error) {
		res, err = release.Write(gen.Dir(*dir), b, release.WriteOptions{Force: g.force, Context: ctx})
		return err
	})
	if err != nil {
		return fmt.Errorf("write %s: %w", *dir, err)
	}
	if g.verbose {
		fmt.Fprintf(a.stderr, "orcgen: %s: %d written, %d unchanged, %d removed\n",
			*dir, len(res.Written), len(res.Unchanged), len(res.Removed))
	}
	_, err = fmt.Fprintln(a.stdout, filepath.Join(*dir, b.Archive))
	return err
}

// loadPrevious reads the previous release from a file or URL: a .tar.gz or
// .tgz archive a release wrote (its model.json and names lock), or a
// model.json, of this build's schemaVersion or an earlier one.
func loadPrevious(ctx context.Context, src string, net netFlags) (*release.Previous, error) {
	if strings.HasSuffix(src, ".tar.gz") || strings.HasSuffix(src, ".tgz") {
		in, err := source.Read(ctx, src, net.options(nil))
		if err != nil {
			return nil, err
		}
		return release.PreviousFromArchive(in.Data)
	}
	in, err := parser.Load(ctx, src, parser.KindModel, net.loadOptions(false, stages{}))
	if err != nil {
		return nil, err
	}
	return &release.Previous{Catalog: in.Model}, nil
}
