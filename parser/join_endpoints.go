package parser

import (
	"regexp"
	"slices"
	"strings"

	"github.com/orcgen/orcgen/model"
)

// keySegment matches an OData key in a path, in any of the spellings the
// page and the spec use: (id), (Id), ({key}), (key='{key}'), ('name:1.0').
var keySegment = regexp.MustCompile(`\([^()/]*\)`)

// pageNamespace and specNamespace are the older and newer spellings of the
// OData action namespace.
const (
	pageNamespace = "uipathodatasvc."
	specNamespace = "uipath.server.configuration.odata."
)

// normalizePath reduces a path to the form page and spec paths are compared
// in: lower case, every key segment "({key})", the spec's namespace, no
// trailing slash.
func normalizePath(path string) string {
	p := strings.ToLower(strings.TrimSpace(path))
	if i := strings.Index(p, "/odata/"); i > 0 {
		p = p[i:] // a full URL: keep the path
	}
	p = keySegment.ReplaceAllString(p, "({key})")
	p = strings.ReplaceAll(p, pageNamespace, specNamespace)
	return strings.TrimSuffix(p, "/")
}

// opKey identifies an operation by method and normalized path.
type opKey struct{ method, path string }

// matchEndpoints ties the page's endpoints to the spec's operations: each
// endpoint gets the operationIds it matched, each operation the codes tied
// to it. Endpoints that match nothing are reported.
func (j *joiner) matchEndpoints() {
	if len(j.out.Operations) == 0 {
		return
	}
	index := map[opKey]int{}
	for i, op := range j.out.Operations {
		k := opKey{strings.ToUpper(op.Method), normalizePath(op.Path)}
		if _, dup := index[k]; !dup {
			index[k] = i
		}
	}
	for ci := range j.out.Codes {
		c := &j.out.Codes[ci]
		for ei := range c.Endpoints {
			j.matchEndpoint(c.Code, &c.Endpoints[ei], index)
		}
	}
	for i := range j.out.Operations {
		slices.Sort(j.out.Operations[i].Codes)
		j.out.Operations[i].Codes = slices.Compact(j.out.Operations[i].Codes)
	}
}

// lookupOperation finds the operation for a method and normalized path. The
// page names the collection for updates and deletes ("PUT - /odata/Assets")
// where the spec puts them on the entity ("/odata/Assets({key})"): when the
// path itself matches nothing, the entity path is tried.
func lookupOperation(index map[opKey]int, method, path string) (int, bool) {
	if oi, ok := index[opKey{method, path}]; ok {
		return oi, true
	}
	if strings.HasSuffix(path, ")") {
		return 0, false
	}
	oi, ok := index[opKey{method, path + "({key})"}]
	return oi, ok
}

// matchEndpoint looks up each method of one endpoint.
func (j *joiner) matchEndpoint(code int, e *model.Endpoint, index map[opKey]int) {
	path := normalizePath(e.Path)
	e.OperationIDs = nil
	var missing []string
	for _, m := range e.Methods {
		oi, ok := lookupOperation(index, strings.ToUpper(m), path)
		if !ok {
			missing = append(missing, strings.ToUpper(m))
			continue
		}
		op := &j.out.Operations[oi]
		e.OperationIDs = append(e.OperationIDs, op.OperationID)
		op.Codes = append(op.Codes, code)
	}
	if len(missing) > 0 {
		j.diag(model.SeverityWarning, code, "endpoint %s %s matches no operation of the spec", strings.Join(missing, ", "), e.Path)
	}
}
