package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/model"
)

// genFlags are the flags of generate and check: each overrides the
// config's field of the same meaning.
type genFlags struct {
	config    string
	page      string
	spec      string
	out       string
	pkg       string
	templates string
	artifacts string
	lock      string
	external  bool
	extend    bool
	verbose   bool
	quiet     bool
	force     bool
	net       netFlags
}

func (g *genFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&g.config, "config", "", "config file (default ./"+configName+" when it exists)")
	fs.StringVar(&g.page, "page", "", "Response Codes page: file or URL (default: embedded copy)")
	fs.StringVar(&g.spec, "spec", "", "Swagger/OpenAPI definition or snapshot: file or URL (default: embedded snapshot)")
	fs.StringVar(&g.out, "out", "", "output directory (default "+gen.DefaultOut+")")
	fs.StringVar(&g.pkg, "pkg", "", "Go package name and directory (default "+gen.DefaultPackage+")")
	fs.StringVar(&g.templates, "templates", "", "directory of Markdown templates overriding the embedded ones")
	fs.StringVar(&g.artifacts, "artifacts", "", gen.ArtifactsHelp())
	fs.StringVar(&g.lock, "lock", "", "names lock path inside the output directory (default "+gen.DefaultLockPath+")")
	fs.BoolVar(&g.external, "allow-external-refs", false, "let the spec's $refs read other files and URLs")
	fs.BoolVar(&g.extend, "extend", false, "also adopt aligned names of medium confidence (see orcgen explain)")
	fs.BoolVar(&g.verbose, "v", false, "print each stage's time and every diagnostic to stderr")
	fs.BoolVar(&g.quiet, "q", false, "print no diagnostics to stderr (rows of the page dropped, merged or changed)")
	g.net.register(fs)
}

// settings loads the config and lets the flags that were set override it.
func (g *genFlags) settings(fs *flag.FlagSet) (*config, error) {
	c, err := loadConfig(g.config)
	if err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) { g.override(c, f.Name) })
	c.setDefaults()
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("invalid settings:\n%w", err)
	}
	return c, nil
}

// outputFlags are the flags that say where and what a generation writes.
var outputFlags = []string{"out", "pkg", "lock", "artifacts"}

// override sets c's field that the flag called name sets, and reports
// whether name is such a flag.
func (g *genFlags) override(c *config, name string) bool {
	switch name {
	case "page":
		c.Page = g.page
	case "spec":
		c.Spec = g.spec
	case "out":
		c.Out = g.out
	case "pkg":
		c.Package = g.pkg
	case "templates":
		c.Templates = g.templates
	case "lock":
		c.Lock = g.lock
	case "artifacts":
		c.Artifacts = splitList(g.artifacts)
	case "allow-external-refs":
		c.AllowExternalRefs = g.external
	case "extend":
		c.Extend = g.extend
	default:
		return false
	}
	return true
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// build reads the inputs and generates the file set in memory; it returns
// the named catalog (what model.json holds) with the set. Callers that
// write hold the output directory's lock (gen.LockDir), so that the names
// lock read here is the one the write replaces.
func (g *genFlags) build(ctx context.Context, c *config, st stages) (*model.Catalog, *gen.Set, error) {
	in := inputs{page: c.Page, spec: c.Spec, allowExternalRefs: c.AllowExternalRefs, extend: c.Extend, net: g.net}
	cat, err := in.catalog(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	printDiagnostics(st.w, cat, diagnosticsMode{verbose: g.verbose, quiet: g.quiet})
	lock, err := gen.Dir(c.Out).ReadFile(c.Lock)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("names lock: %w", err)
	}
	opts := gen.Options{Package: c.Package, Artifacts: c.Artifacts, Lock: lock, LockPath: c.Lock, Settings: c.recorded()}
	if c.Templates != "" {
		opts.Templates = os.DirFS(c.Templates)
	}
	var set *gen.Set
	err = st.do("generate", func() (err error) {
		set, err = gen.Generate(cat, opts)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return set.Catalog, set, nil
}

const generateSynopsis = "orcgen generate [-config FILE] [-page SRC] [-spec SRC] [-out DIR] [-pkg NAME] [-artifacts LIST] [-templates DIR] [-force] [-v]"

func runGenerate(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("generate", generateSynopsis)
	var g genFlags
	g.register(fs)
	fs.BoolVar(&g.force, "force", false, "replace files at output paths that orcgen did not write")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	c, err := g.settings(fs)
	if err != nil {
		return err
	}
	st := stages{w: a.stderr, verbose: g.verbose, ctx: ctx}
	unlock, err := gen.LockDir(ctx, c.Out, func() {
		fmt.Fprintf(a.stderr, "orcgen: waiting for another orcgen run on %s to finish\n", c.Out)
	})
	if err != nil {
		return err
	}
	defer unlock()
	_, set, err := g.build(ctx, c, st)
	if err != nil {
		return err
	}
	var res *gen.Result
	err = st.do(writeStage, func() (err error) {
		res, err = gen.Write(gen.Dir(c.Out), set, gen.WriteOptions{Force: g.force, Context: ctx})
		return err
	})
	if err != nil {
		return fmt.Errorf("write %s: %w", c.Out, err)
	}
	if res.Recovered {
		fmt.Fprintf(a.stderr, "orcgen: %s: finished the commit an interrupted run left\n", c.Out)
	}
	if g.verbose {
		fmt.Fprintf(a.stderr, "orcgen: %s: %d written, %d unchanged, %d removed\n",
			c.Out, len(res.Written), len(res.Unchanged), len(res.Removed))
	}
	return nil
}
