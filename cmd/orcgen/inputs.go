package main

import (
	"context"
	"flag"
	"os"
	"time"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
	"github.com/orcgen/orcgen/parser/source"
	"github.com/orcgen/orcgen/parser/spec"
)

// netFlags are the HTTP settings of commands that read sources.
type netFlags struct {
	timeout  time.Duration
	deadline time.Duration
	retries  int
	maxBytes int64
}

func (n *netFlags) register(fs *flag.FlagSet) {
	fs.DurationVar(&n.timeout, "timeout", source.DefaultTimeout, "time limit of one HTTP attempt")
	fs.DurationVar(&n.deadline, "deadline", source.DefaultDeadline, "time limit of reading one URL, every attempt and wait included")
	fs.IntVar(&n.retries, "retries", source.DefaultRetries, "retries after timeouts, 5xx and 429 answers (0 for none)")
	fs.Int64Var(&n.maxBytes, "max-bytes", source.DefaultMaxBytes, "largest body or file accepted, in bytes")
}

// options returns the source options for one kind of input.
func (n netFlags) options(accept func(string) bool) source.Options {
	retries := n.retries
	if retries == 0 {
		retries = -1 // source.Options: negative means none
	}
	return source.Options{Timeout: n.timeout, Deadline: n.deadline, Retries: retries, MaxBytes: n.maxBytes, Accept: accept}
}

// loadOptions returns the loader's settings: these HTTP settings, the spec
// cache ORCGEN_CACHE selects, and st timing each step.
func (n netFlags) loadOptions(allowExternalRefs bool, st stages) parser.LoadOptions {
	return parser.LoadOptions{
		Source:            n.options(nil),
		AllowExternalRefs: allowExternalRefs,
		Cache:             spec.DefaultCache(os.Getenv),
		Stage:             st.do,
	}
}

// inputs names the sources of a catalog.
type inputs struct {
	page, spec        string
	allowExternalRefs bool
	extend            bool
	net               netFlags
}

// catalog reads both sources (a missing one falls back to the embedded
// default) and joins them.
func (in inputs) catalog(ctx context.Context, st stages) (*model.Catalog, error) {
	return parser.LoadCatalog(ctx, parser.Sources{Page: in.page, Spec: in.spec},
		in.net.loadOptions(in.allowExternalRefs, st), parser.JoinOptions{Extend: in.extend})
}
