package main

import (
	"context"
	"flag"
	"os"
	"time"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
	"github.com/orcgen/orcgen/parser/defaults"
	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/source"
	"github.com/orcgen/orcgen/parser/spec"
)

// netFlags are the HTTP settings of commands that read sources.
type netFlags struct {
	timeout  time.Duration
	retries  int
	maxBytes int64
}

func (n *netFlags) register(fs *flag.FlagSet) {
	fs.DurationVar(&n.timeout, "timeout", source.DefaultTimeout, "time limit of one HTTP attempt")
	fs.IntVar(&n.retries, "retries", source.DefaultRetries, "retries after timeouts, 5xx and 429 answers (0 for none)")
	fs.Int64Var(&n.maxBytes, "max-bytes", source.DefaultMaxBytes, "largest body or file accepted, in bytes")
}

// options returns the source options for one kind of input.
func (n netFlags) options(accept func(string) bool) source.Options {
	retries := n.retries
	if retries == 0 {
		retries = -1 // source.Options: negative means none
	}
	return source.Options{Timeout: n.timeout, Retries: retries, MaxBytes: n.maxBytes, Accept: accept}
}

// inputs names the sources of a catalog.
type inputs struct {
	page, spec        string
	allowExternalRefs bool
	extend            bool
	net               netFlags
}

// readPage parses the page at src, or the embedded default when src is "".
func readPage(ctx context.Context, src string, net netFlags) (*model.Catalog, error) {
	data, uri, ctype := defaults.Page, defaults.PageURI, "text/html; charset=utf-8"
	if src != "" {
		in, err := source.Read(ctx, src, net.options(source.AcceptPage))
		if err != nil {
			return nil, err
		}
		data, uri, ctype = in.Data, src, in.ContentType
	}
	return page.Parse(data, page.Options{URI: uri, ContentType: ctype})
}

// readSpec loads the spec (or snapshot) at src, or the embedded snapshot
// when src is "". Facts of definitions come from the spec cache that
// ORCGEN_CACHE selects (spec.DefaultCache) when their bytes were seen before.
func readSpec(ctx context.Context, src string, allowExternalRefs bool, net netFlags) (*model.Spec, error) {
	data, uri := defaults.Spec, defaults.SpecURI
	if src != "" {
		in, err := source.Read(ctx, src, net.options(source.AcceptSpec))
		if err != nil {
			return nil, err
		}
		data, uri = in.Data, src
	}
	return spec.DefaultCache(os.Getenv).Load(data, spec.Options{URI: uri, AllowExternalRefs: allowExternalRefs})
}

// catalog reads both sources (a missing one falls back to the embedded
// default) and joins them.
func (in inputs) catalog(ctx context.Context, st stages) (*model.Catalog, error) {
	var p *model.Catalog
	var s *model.Spec
	err := st.do("read page", func() (err error) {
		p, err = readPage(ctx, in.page, in.net)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = st.do("read spec", func() (err error) {
		s, err = readSpec(ctx, in.spec, in.allowExternalRefs, in.net)
		return err
	})
	if err != nil {
		return nil, err
	}
	var cat *model.Catalog
	err = st.do("join", func() (err error) {
		cat, err = parser.Join(p, s, parser.JoinOptions{Extend: in.extend})
		return err
	})
	return cat, err
}
