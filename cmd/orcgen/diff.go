package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/orcgen/orcgen/gen/changes"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/source"
	"github.com/orcgen/orcgen/parser/spec"
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
	l := sideLoader{net: net, external: *external}
	var old, new *model.Catalog
	err := st.do("read old", func() (err error) { old, err = l.load(ctx, fs.Arg(0)); return err })
	if err != nil {
		return fmt.Errorf("old: %w", err)
	}
	err = st.do("read new", func() (err error) { new, err = l.load(ctx, fs.Arg(1)); return err })
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

// sideLoader reads one side of a diff.
type sideLoader struct {
	net      netFlags
	external bool
}

// load reads arg as a model file or a comma-separated list of sources and
// returns the (joined) catalog.
func (l sideLoader) load(ctx context.Context, arg string) (*model.Catalog, error) {
	var p *model.Catalog
	var s *model.Spec
	parts := strings.Split(arg, ",")
	for _, src := range parts {
		in, err := source.Read(ctx, src, l.net.options(nil))
		if err != nil {
			return nil, err
		}
		if cat, ok := asModel(in.Data); ok {
			if len(parts) > 1 {
				return nil, fmt.Errorf("%s: a model file cannot be combined with other sources", src)
			}
			if cat.SchemaVersion != model.SchemaVersion {
				return nil, fmt.Errorf("%s: model schemaVersion %d, want %d", src, cat.SchemaVersion, model.SchemaVersion)
			}
			return cat, nil
		}
		kp, ks, err := l.parse(in)
		switch {
		case err != nil:
			return nil, err
		case kp != nil && p != nil, ks != nil && s != nil:
			return nil, fmt.Errorf("%s: two sources of the same kind in %q", src, arg)
		case kp != nil:
			p = kp
		default:
			s = ks
		}
	}
	return parser.Join(p, s, parser.JoinOptions{})
}

// parse reads in as a page when it looks like HTML, else as a spec, and as
// a page again when it is not a spec.
func (l sideLoader) parse(in *source.Input) (*model.Catalog, *model.Spec, error) {
	popts := page.Options{URI: in.URI, ContentType: in.ContentType}
	if bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(in.Data, []byte("\ufeff"))), []byte("<")) {
		p, err := page.Parse(in.Data, popts)
		return p, nil, err
	}
	s, specErr := spec.Load(in.Data, spec.Options{URI: in.URI, AllowExternalRefs: l.external})
	if specErr == nil {
		return nil, s, nil
	}
	p, err := page.Parse(in.Data, popts)
	if err == nil {
		return p, nil, nil
	}
	if _, notPage := errors.AsType[*page.NotPageError](err); notPage {
		return nil, nil, specErr
	}
	return nil, nil, err
}

// asModel decodes data as a model.json file; false when it is not one.
func asModel(data []byte) (*model.Catalog, bool) {
	var probe struct {
		SchemaVersion *int            `json:"schemaVersion"`
		Codes         json.RawMessage `json:"codes"`
	}
	if json.Unmarshal(data, &probe) != nil || probe.SchemaVersion == nil || probe.Codes == nil {
		return nil, false
	}
	var cat model.Catalog
	if json.Unmarshal(data, &cat) != nil {
		return nil, false
	}
	return &cat, true
}
