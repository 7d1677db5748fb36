package golang

import (
	"strings"

	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/model"
)

// plan is the naming stage's decisions in the shape the file builders
// walk: the identifiers themselves are settled by package naming.
type plan struct {
	codes   []codeEntry // documented codes, ascending
	removed []codeEntry // codes only the lock knows: all identifiers deprecated
	names   []nameEntry // Name constants, in catalog order
}

// codeEntry is one code's constant and its deprecated aliases.
type codeEntry struct {
	code    model.Code
	ident   string   // current identifier
	retired []string // deprecated aliases, newest first
}

// nameEntry is one Name constant.
type nameEntry struct {
	ident string
	name  model.Name
}

// makePlan pairs the named catalog's codes with their identifiers.
func makePlan(res *naming.Result) *plan {
	p := &plan{}
	for i, c := range res.Catalog.Codes {
		p.codes = append(p.codes, codeEntry{code: c, ident: res.Codes[i].Ident, retired: res.Codes[i].Deprecated})
	}
	for _, r := range res.Removed {
		p.removed = append(p.removed, codeEntry{code: model.Code{Code: r.Code}, retired: r.Deprecated})
	}
	for _, n := range res.Names {
		p.names = append(p.names, nameEntry{ident: n.Ident, name: n.Name})
	}
	return p
}

// endpointStrings renders a code's endpoints as "METHOD PATH", one per
// method, in page order; an endpoint without methods is its path alone.
func endpointStrings(eps []model.Endpoint) []string {
	var out []string
	for _, ep := range eps {
		if len(ep.Methods) == 0 {
			out = append(out, ep.Path)
		}
		for _, m := range ep.Methods {
			out = append(out, strings.TrimSpace(m+" "+ep.Path))
		}
	}
	return out
}
