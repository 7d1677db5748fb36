package main

import (
	"bytes"
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

const checkSynopsis = "orcgen check [-format text|json|github] [-config FILE] [-page SRC] [-spec SRC] [-out DIR] [-pkg NAME] [-v] [DIR | ./...]\n\n" +
	"With no argument, check compares the generation that orcgen.yaml or the flags\n" +
	"describe. With arguments, it checks the generation whose orcgen.lock.json sits\n" +
	"in each DIR, or every one under a directory ending in /... (skipping testdata,\n" +
	"vendor and directories starting with . or _), each with the settings its lock\n" +
	"records; flags that are set override them."

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
	if err := parse(fs, args, -1); err != nil {
		return err
	}
	if *format != "text" && *format != "json" && *format != "github" {
		return fmt.Errorf("-format: unknown format %q (want text, json or github)", *format)
	}
	var targets []*config
	if fs.NArg() == 0 {
		c, err := g.settings(fs)
		if err != nil {
			return err
		}
		targets = append(targets, c)
	}
	for _, pattern := range fs.Args() {
		locks, err := findGenerations(pattern)
		if err != nil {
			return err
		}
		for _, lock := range locks {
			c, err := g.settingsFromLock(fs, lock)
			if err != nil {
				return err
			}
			targets = append(targets, c)
		}
	}
	st := stages{w: a.stderr, verbose: g.verbose, ctx: ctx}
	var reports []report
	for _, c := range targets {
		r, err := checkOne(ctx, a, &g, c, st)
		if err != nil {
			return err
		}
		reports = append(reports, r)
	}
	out := a.stdout
	if *format == "github" {
		out = a.rawStdout // its own commands; page text it fences itself
	}
	if err := printReports(out, reports, *format); err != nil {
		return err
	}
	drift := false
	for _, r := range reports {
		if len(r.drifts) == 0 {
			continue
		}
		drift = true
		summary := "catalog changes unknown (no " + gen.ModelPath + " on disk)"
		if r.changes != nil {
			summary = "catalog: " + r.changes.Summary()
		}
		fmt.Fprintf(a.stderr, "orcgen: %s is out of date: %s; %s; run orcgen generate\n", r.out, r.counts(), summary)
	}
	if drift {
		return errDrift
	}
	return nil
}

// checkOne regenerates one generation in memory and compares it with its
// output directory, after finishing a commit an interrupted run left.
func checkOne(ctx context.Context, a *app, g *genFlags, c *config, st stages) (report, error) {
	if fi, err := os.Stat(c.Out); err != nil || !fi.IsDir() {
		return report{}, fmt.Errorf("check: output directory %s does not exist: nothing to check (run orcgen generate, or give -out)", c.Out)
	}
	unlock, err := gen.LockDir(ctx, c.Out, func() {
		fmt.Fprintf(a.stderr, "orcgen: waiting for another orcgen run on %s to finish\n", c.Out)
	})
	if err != nil {
		return report{}, err
	}
	defer unlock()
	cat, set, err := g.build(ctx, c, st)
	if err != nil {
		return report{}, err
	}
	if recovered, err := gen.Recover(gen.Dir(c.Out), set); err != nil {
		return report{}, fmt.Errorf("check %s: %w", c.Out, err)
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
		return report{}, fmt.Errorf("check %s: %w", c.Out, err)
	}
	return r, nil
}

// printReports writes the reports in format: text and GitHub take them
// all; JSON is one object for one generation, an array for several.
func printReports(w io.Writer, reports []report, format string) error {
	switch format {
	case "github":
		return writeGitHub(w, reports, githubOptions{summary: os.Getenv("GITHUB_STEP_SUMMARY"), stderr: os.Stderr})
	case "json":
		if len(reports) == 1 {
			return reports[0].printJSON(w)
		}
		var buf bytes.Buffer
		buf.WriteString("[\n")
		for i, r := range reports {
			if i > 0 {
				buf.WriteString(",\n")
			}
			if err := r.printJSON(&buf); err != nil {
				return err
			}
		}
		buf.WriteString("]\n")
		_, err := w.Write(buf.Bytes())
		return err
	}
	for _, r := range reports {
		r.printText(w)
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
