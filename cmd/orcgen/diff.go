package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/gen/changes"
	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
)

const diffSynopsis = "orcgen diff [-format markdown|json] [OLD] NEW | orcgen diff [-config FILE] [-page SRC] [-spec SRC] OLD\n\n" +
	"OLD and NEW are each a model.json file, or one or two sources (page, spec or\n" +
	"snapshot; files or URLs) separated by a comma, e.g. page.html,spec-v20.0.yaml.\n" +
	"With one argument, NEW is what generate would write now from the configured\n" +
	"sources (orcgen.yaml, -page, -spec or the embedded defaults), and a names lock\n" +
	"beside an OLD model.json settles the Go identifiers on both sides."

func runDiff(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("diff", diffSynopsis)
	format := fs.String("format", "markdown", "output format: markdown or json")
	external := fs.Bool("allow-external-refs", false, "let the specs' $refs read other files and URLs")
	verbose := fs.Bool("v", false, "print each stage's time to stderr")
	config := fs.String("config", "", "config file naming the sources of NEW (one-argument form; default ./"+configName+" when it exists)")
	pageSrc := fs.String("page", "", "Response Codes page of NEW (one-argument form)")
	specSrc := fs.String("spec", "", "spec or snapshot of NEW (one-argument form)")
	var net netFlags
	net.register(fs)
	if err := parse(fs, args, -1); err != nil {
		return err
	}
	if fs.NArg() < 1 || fs.NArg() > 2 {
		fmt.Fprintf(a.stderr, "%s: want 1 or 2 arguments, got %d\n", fs.Name(), fs.NArg())
		fs.Usage()
		return errUsage
	}
	if *format != "markdown" && *format != "json" {
		return fmt.Errorf("-format: unknown format %q (want markdown or json)", *format)
	}
	st := stages{w: a.stderr, verbose: *verbose, ctx: ctx}
	opts := net.loadOptions(*external, stages{})
	var old, new *model.Catalog
	var lock *naming.Lock
	err := st.do("read old", func() (err error) { old, err = parser.LoadSide(ctx, fs.Arg(0), opts, parser.JoinOptions{}); return err })
	if err != nil {
		return fmt.Errorf("old: %w", err)
	}
	if fs.NArg() == 2 {
		err = st.do("read new", func() (err error) { new, err = parser.LoadSide(ctx, fs.Arg(1), opts, parser.JoinOptions{}); return err })
		if err != nil {
			return fmt.Errorf("new: %w", err)
		}
	} else {
		if lock, err = lockBeside(fs.Arg(0)); err != nil {
			return fmt.Errorf("old: %w", err)
		}
		c, err := loadConfig(*config)
		if err != nil {
			return err
		}
		fs.Visit(func(f *flag.Flag) {
			switch f.Name {
			case "page":
				c.Page = *pageSrc
			case "spec":
				c.Spec = *specSrc
			case "allow-external-refs":
				c.AllowExternalRefs = *external
			}
		})
		in := inputs{page: c.Page, spec: c.Spec, allowExternalRefs: c.AllowExternalRefs, extend: c.Extend, net: net}
		fresh, err := in.catalog(ctx, st)
		if err != nil {
			return fmt.Errorf("new: %w", err)
		}
		// What generate would write now: the fresh catalog named with the
		// lock the old generation left.
		named, err := naming.Resolve(fresh, lock)
		if err != nil {
			return fmt.Errorf("new: name codes: %w", err)
		}
		new = named.Catalog
	}
	notes, err := changes.NewNotesWithLock(old, new, lock)
	if err != nil {
		return err
	}
	if *format == "json" {
		data, err := notes.JSON()
		if err != nil {
			return err
		}
		_, err = a.stdout.Write(data)
		return err
	}
	_, err = a.stdout.Write(notes.Markdown())
	return err
}

// lockBeside returns the names lock next to a model.json file (its
// directory's orcgen.lock.json), nil when src is no file or has none.
func lockBeside(src string) (*naming.Lock, error) {
	if isURL(src) || strings.Contains(src, ",") {
		return nil, nil
	}
	name := filepath.Join(filepath.Dir(src), gen.DefaultLockPath)
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	l, err := gen.ParseLockfile(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return l.Names(), nil
}
