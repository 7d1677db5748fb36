package parser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/defaults"
	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/source"
	"github.com/orcgen/orcgen/parser/spec"
)

// Kind is what an input holds.
type Kind int

// Input kinds. KindAny asks Load to tell them apart by content.
const (
	KindAny   Kind = iota // sniff: a model file, a page or a spec
	KindPage              // the Response Codes page
	KindSpec              // a Swagger/OpenAPI definition or an orcgen spec snapshot
	KindModel             // a model.json file orcgen wrote
)

// String names the kind as messages do.
func (k Kind) String() string {
	switch k {
	case KindPage:
		return "page"
	case KindSpec:
		return "spec"
	case KindModel:
		return "model"
	}
	return "input"
}

// LoadOptions configure Load and LoadCatalog.
type LoadOptions struct {
	// Source configures reading files and URLs (size limit, HTTP timeouts
	// and retries). Its Accept is set per kind.
	Source source.Options
	// AllowExternalRefs lets a spec's $refs read other files and URLs.
	AllowExternalRefs bool
	// Document asks Load to return a spec's parsed document too (patch
	// needs it): the definition is parsed and validated once, and its facts
	// go to the cache for the commands that need only them.
	Document bool
	// Cache serves the facts of definitions seen before; the zero Cache
	// loads every time.
	Cache spec.Cache
	// Stage, when set, runs each step of LoadCatalog ("read page", "read
	// spec", "join"); the command uses it to time them.
	Stage func(name string, step func() error) error
}

// Loaded is one input as Load read it: exactly one of Page, Spec and Model
// is set, as Kind says.
type Loaded struct {
	// Kind is what the input held.
	Kind Kind
	// Page is the page's catalog (codes without names), for KindPage.
	Page *model.Catalog
	// Spec is the spec's facts, for KindSpec.
	Spec *model.Spec
	// Document is the parsed definition, for KindSpec with
	// LoadOptions.Document (nil for a snapshot, which holds only facts).
	Document *openapi3.T
	// Model is the decoded model file, for KindModel.
	Model *model.Catalog
	// Data are the bytes read.
	Data []byte
}

// Load reads src (a file path or an http(s) URL) and parses it as want, or
// as what its content shows when want is KindAny. An empty src is orcgen's
// embedded default of the wanted kind (page or spec).
func Load(ctx context.Context, src string, want Kind, opts LoadOptions) (*Loaded, error) {
	if src == "" {
		return loadDefault(want, opts)
	}
	sopts := opts.Source
	switch want {
	case KindPage:
		sopts.Accept = source.AcceptPage
	case KindSpec:
		sopts.Accept = source.AcceptSpec
	default:
		sopts.Accept = nil
	}
	in, err := source.Read(ctx, src, sopts)
	if err != nil {
		return nil, err
	}
	l, err := parseInput(in.Data, src, in.ContentType, want, opts)
	if err != nil {
		return nil, err
	}
	l.Data = in.Data
	return l, nil
}

// loadDefault returns the embedded page or spec snapshot.
func loadDefault(want Kind, opts LoadOptions) (*Loaded, error) {
	var l *Loaded
	var err error
	switch want {
	case KindPage:
		l, err = parseInput(defaults.Page, defaults.PageURI, "text/html; charset=utf-8", KindPage, opts)
	case KindSpec:
		l, err = parseInput(defaults.Spec, defaults.SpecURI, "", KindSpec, opts)
	default:
		return nil, fmt.Errorf("no default %s: name a source", want)
	}
	if err != nil {
		return nil, err
	}
	l.Data = map[Kind][]byte{KindPage: defaults.Page, KindSpec: defaults.Spec}[want]
	return l, nil
}

// Parse parses bytes already read from uri (with their HTTP Content-Type,
// "" for a file) as want, or as what their content shows for KindAny: what
// Load does once it has the bytes, for callers that read them another way
// (fetch validates a response body before saving it).
func Parse(data []byte, uri, contentType string, want Kind, opts LoadOptions) (*Loaded, error) {
	l, err := parseInput(data, uri, contentType, want, opts)
	if err != nil {
		return nil, err
	}
	l.Data = data
	return l, nil
}

// parseInput parses data read from uri as want, sniffing the kind when want
// is KindAny.
func parseInput(data []byte, uri, contentType string, want Kind, opts LoadOptions) (*Loaded, error) {
	switch want {
	case KindPage:
		p, err := page.Parse(data, page.Options{URI: uri, ContentType: contentType})
		if err != nil {
			return nil, err
		}
		return &Loaded{Kind: KindPage, Page: p}, nil
	case KindSpec:
		return loadSpec(data, uri, opts)
	case KindModel:
		m, ok, err := decodeModel(data, uri)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("%s: not an orcgen model file", uri)
		}
		return &Loaded{Kind: KindModel, Model: m}, nil
	}
	return sniff(data, uri, contentType, opts)
}

// loadSpec loads a definition's facts (from the cache when it holds them),
// and its document too when asked.
func loadSpec(data []byte, uri string, opts LoadOptions) (*Loaded, error) {
	sopts := spec.Options{URI: uri, AllowExternalRefs: opts.AllowExternalRefs}
	if !opts.Document {
		s, err := opts.Cache.Load(data, sopts)
		if err != nil {
			return nil, err
		}
		return &Loaded{Kind: KindSpec, Spec: s}, nil
	}
	doc, s, err := opts.Cache.LoadDocumentAndFacts(data, sopts)
	if err != nil {
		return nil, err
	}
	return &Loaded{Kind: KindSpec, Spec: s, Document: doc}, nil
}

// sniff tells a model file, a page and a spec apart by content: a JSON
// object with schemaVersion and codes is a model; markup is a page; anything
// else is tried as a spec, then as a page. When neither fits, the spec's
// error is reported unless the page reader found a page it could not use.
func sniff(data []byte, uri, contentType string, opts LoadOptions) (*Loaded, error) {
	if m, ok, err := decodeModel(data, uri); ok || err != nil {
		if err != nil {
			return nil, err
		}
		return &Loaded{Kind: KindModel, Model: m}, nil
	}
	if bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff"))), []byte("<")) {
		return parseInput(data, uri, contentType, KindPage, opts)
	}
	s, specErr := loadSpec(data, uri, opts)
	if specErr == nil {
		return s, nil
	}
	p, err := parseInput(data, uri, contentType, KindPage, opts)
	if err == nil {
		return p, nil
	}
	if _, notPage := errors.AsType[*page.NotPageError](err); notPage {
		return nil, specErr
	}
	return nil, err
}

// decodeModel decodes data as a model.json file (model.Decode), naming uri
// in its errors.
func decodeModel(data []byte, uri string) (*model.Catalog, bool, error) {
	cat, ok, err := model.Decode(data)
	if err != nil {
		return nil, true, fmt.Errorf("%s: %w", uri, err)
	}
	return cat, ok, nil
}

// Sources names the inputs of one catalog.
type Sources struct {
	// Page is the Response Codes page; "" for the embedded default.
	Page string
	// Spec is the definition or snapshot; "" for the embedded default.
	Spec string
}

// LoadCatalog reads both sources (a missing one is the embedded default),
// concurrently, and joins them: the one way every command turns sources
// into a catalog. opts.Stage, when set, must be safe for concurrent use.
func LoadCatalog(ctx context.Context, src Sources, opts LoadOptions, join JoinOptions) (*model.Catalog, error) {
	stage := opts.Stage
	if stage == nil {
		stage = func(_ string, step func() error) error { return step() }
	}
	// The page and the spec are read at once: the page is parsed while
	// the spec (most of the time) loads. A failed page is reported first,
	// as if they had been read in turn.
	var p, s *Loaded
	var pageErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		pageErr = stage("read page", func() (err error) { p, err = Load(ctx, src.Page, KindPage, opts); return err })
	})
	specErr := stage("read spec", func() (err error) { s, err = Load(ctx, src.Spec, KindSpec, opts); return err })
	wg.Wait()
	if pageErr != nil {
		return nil, pageErr
	}
	if specErr != nil {
		return nil, specErr
	}
	var cat *model.Catalog
	err := stage("join", func() (err error) { cat, err = Join(p.Page, s.Spec, join); return err })
	return cat, err
}

// LoadSide reads one side of a comparison: a model file, or one or two
// sources (a page, a spec, or both) separated by commas, each told apart by
// content and joined. A side without a spec or a page is joined without it.
func LoadSide(ctx context.Context, arg string, opts LoadOptions, join JoinOptions) (*model.Catalog, error) {
	var p *model.Catalog
	var s *model.Spec
	parts := strings.Split(arg, ",")
	for _, src := range parts {
		in, err := Load(ctx, src, KindAny, opts)
		if err != nil {
			return nil, err
		}
		switch {
		case in.Kind == KindModel && len(parts) > 1:
			return nil, fmt.Errorf("%s: a model file cannot be combined with other sources", src)
		case in.Kind == KindModel:
			return in.Model, nil
		case in.Kind == KindPage && p != nil, in.Kind == KindSpec && s != nil:
			return nil, fmt.Errorf("%s: two sources of the same kind in %q", src, arg)
		case in.Kind == KindPage:
			p = in.Page
		default:
			s = in.Spec
		}
	}
	return Join(p, s, join)
}
