package main

import (
	"context"
	"fmt"

	"github.com/orcgen/orcgen/gen/changes"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
)

const diffSynopsis = "orcgen diff [-format markdown|json] OLD NEW\n\n" +
	"OLD and NEW are each a model.json file, or one or two sources (page, spec or\n" +
	"snapshot; files or URLs) separated by a comma, e.g. page.html,spec-v20.0.yaml."

func runDiff(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("diff", diffSynopsis)
	format := fs.String("format", "markdown", "output format: markdown or json")
	external := fs.Bool("allow-external-refs", false, "let the specs' $refs read other files and URLs")
	verbose := fs.Bool("v", false, "print each stage's time to stderr")
	var net netFlags
	net.register(fs)
	if err := parse(fs, args, 2); err != nil {
		return err
	}
	if *format != "markdown" && *format != "json" {
		return fmt.Errorf("-format: unknown format %q (want markdown or json)", *format)
	}
	st := stages{w: a.stderr, verbose: *verbose}
	opts := net.loadOptions(*external, stages{})
	var old, new *model.Catalog
	err := st.do("read old", func() (err error) { old, err = parser.LoadSide(ctx, fs.Arg(0), opts, parser.JoinOptions{}); return err })
	if err != nil {
		return fmt.Errorf("old: %w", err)
	}
	err = st.do("read new", func() (err error) { new, err = parser.LoadSide(ctx, fs.Arg(1), opts, parser.JoinOptions{}); return err })
	if err != nil {
		return fmt.Errorf("new: %w", err)
	}
	c := changes.Compare(old, new)
	if *format == "json" {
		data, err := c.JSON()
		if err != nil {
			return err
		}
		_, err = a.stdout.Write(data)
		return err
	}
	_, err = a.stdout.Write(c.Markdown())
	return err
}
