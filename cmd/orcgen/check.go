package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/gen/changes"
	"github.com/orcgen/orcgen/model"
)

const checkSynopsis = "orcgen check [-format text|json|github] [-config FILE] [-page SRC] [-spec SRC] [-out DIR] [-pkg NAME] [-v]"

// report is what check found, in every format.
type report struct {
	out     string
	drifts  []gen.Drift
	changes *changes.Changes // nil when the old model is unknown
}

func runCheck(ctx context.Context, a *app, args []string) error {
	fs := a.newFlags("check", checkSynopsis)
	var g genFlags
	g.register(fs)
	format := fs.String("format", "text", "output format: text, json or github")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if *format != "text" && *format != "json" && *format != "github" {
		return fmt.Errorf("-format: unknown format %q (want text, json or github)", *format)
	}
	c, err := g.settings(fs)
	if err != nil {
		return err
	}
	st := stages{w: a.stderr, verbose: g.verbose, ctx: ctx}
	if fi, err := os.Stat(c.Out); err != nil || !fi.IsDir() {
		return fmt.Errorf("check: output directory %s does not exist: nothing to check (run orcgen generate, or give -out)", c.Out)
	}
	unlock, err := gen.LockDir(ctx, c.Out, func() {
		fmt.Fprintf(a.stderr, "orcgen: waiting for another orcgen run on %s to finish\n", c.Out)
	})
	if err != nil {
		return err
	}
	defer unlock()
	cat, set, err := g.build(ctx, c, st)
	if err != nil {
		return err
	}
	if recovered, err := gen.Recover(gen.Dir(c.Out), set); err != nil {
		return fmt.Errorf("check %s: %w", c.Out, err)
	} else if recovered {
		fmt.Fprintf(a.stderr, "orcgen: %s: finished the commit an interrupted run left\n", c.Out)
	}
	r := report{out: c.Out}
	err = st.do("compare", func() (err error) {
		r.drifts, err = gen.Check(gen.Dir(c.Out), set)
		if err == nil && len(r.drifts) > 0 {
			r.changes, err = catalogChanges(c.Out, cat)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("check %s: %w", c.Out, err)
	}
	if err := r.print(a.stdout, *format); err != nil {
		return err
	}
	if len(r.drifts) > 0 {
		summary := "catalog changes unknown (no " + gen.ModelPath + " on disk)"
		if r.changes != nil {
			summary = "catalog: " + r.changes.Summary()
		}
		fmt.Fprintf(a.stderr, "orcgen: %s is out of date: %s; %s; run orcgen generate\n", c.Out, r.counts(), summary)
		return errDrift
	}
	return nil
}

// catalogChanges compares the model.json on disk with the new catalog; nil
// when there is no model.json to compare with.
func catalogChanges(out string, cat *model.Catalog) (*changes.Changes, error) {
	data, err := gen.Dir(out).ReadFile(gen.ModelPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var old model.Catalog
	if err := json.Unmarshal(data, &old); err != nil {
		return nil, nil // a damaged model.json is drift, not a failure
	}
	return changes.Compare(&old, cat), nil
}

// counts says how many files drifted, by status ("2 changed, 1 missing").
func (r report) counts() string {
	n := map[string]int{}
	for _, d := range r.drifts {
		n[d.Status]++
	}
	var parts []string
	for _, s := range []string{gen.DriftChanged, gen.DriftMissing, gen.DriftStale} {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], s))
		}
	}
	return fmt.Sprintf("%d files (%s)", len(r.drifts), strings.Join(parts, ", "))
}

func (r report) print(w io.Writer, format string) error {
	switch format {
	case "json":
		return r.printJSON(w)
	case "github":
		return writeGitHub(w, []report{r}, githubOptions{summary: os.Getenv("GITHUB_STEP_SUMMARY"), stderr: os.Stderr})
	default:
		r.printText(w)
	}
	return nil
}

func (r report) printText(w io.Writer) {
	for _, d := range r.drifts {
		io.WriteString(w, d.Diff)
	}
	if len(r.drifts) > 0 && r.changes != nil {
		fmt.Fprintf(w, "\n%s", r.changes.Markdown())
	}
}

func (r report) printJSON(w io.Writer) error {
	type out struct {
		UpToDate bool            `json:"upToDate"`
		Out      string          `json:"out"`
		Files    []gen.Drift     `json:"files"`
		Changes  json.RawMessage `json:"changes"`
	}
	o := out{UpToDate: len(r.drifts) == 0, Out: filepath.ToSlash(r.out), Files: r.drifts, Changes: json.RawMessage("null")}
	if o.Files == nil {
		o.Files = []gen.Drift{}
	}
	if r.changes != nil {
		data, err := r.changes.JSON()
		if err != nil {
			return err
		}
		o.Changes = data
	}
	data, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	_, err = w.Write(append(data, '\n'))
	return err
}
