// Package synthmodel turns orcgen's committed catalog (generated/model.json)
// into larger synthetic catalogs for scale benchmarks, and holds the scaling
// rules that the page and spec synthesizers of internal/synth share. It
// imports no parser, so gen's tests can use it.
package synthmodel

import (
	"cmp"
	"slices"
	"strconv"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// Scales are the sizes of the synthetic inputs of the scale benchmarks, in
// copies of the real ones (119 rows and codes; 418 operations and 637 error
// names).
var Scales = []int{1, 10, 100}

// ForScales runs f as one sub-benchmark of b per scale in Scales, named
// x1, x10, x100.
func ForScales(b *testing.B, f func(b *testing.B, n int)) {
	for _, n := range Scales {
		b.Run("x"+strconv.Itoa(n), func(b *testing.B) { f(b, n) })
	}
}

// CodeStride is what copy k of a synthetic input adds to every code, times
// k. It is above every real code (1000 to 1999), so copies never collide.
const CodeStride = 10000

// Code returns copy k of a numeric code; 0 stays 0 (no code).
func Code(code, k int) int {
	if code == 0 {
		return 0
	}
	return code + k*CodeStride
}

// Name returns copy k of a symbolic name: the name itself for copy 0, the
// name with "V<k>" appended otherwise. An empty name stays empty.
func Name(name string, k int) string {
	if k == 0 || name == "" {
		return name
	}
	return name + "V" + strconv.Itoa(k)
}

// Path returns copy k of an operation path: the path itself for copy 0, the
// path with "/v<k>" prefixed otherwise.
func Path(path string, k int) string {
	if k == 0 {
		return path
	}
	return "/v" + strconv.Itoa(k) + path
}

// Catalog returns n copies of the committed generated/model.json as one
// catalog: copy k adds k*CodeStride to every code, appends "V<k>" to every
// symbolic name and operation ID and prefixes "/v<k>" to every path, as the
// synthetic page and spec of internal/synth do. Each enum holds its values n
// times over, and the names follow the enums' order, so a copy's names come
// after the previous copy's names of the same enum; the operations stay
// ordered by path. The sources and the error schema are the real ones. It
// fails tb when the file cannot be read.
func Catalog(tb testing.TB, n int) *model.Catalog {
	tb.Helper()
	real := testenv.Catalog(tb, "generated", "model.json")
	out := &model.Catalog{
		SchemaVersion: real.SchemaVersion,
		Sources:       real.Sources,
		ErrorSchema:   real.ErrorSchema,
	}
	for k := range n {
		for _, c := range real.Codes {
			out.Codes = append(out.Codes, code(c, k))
		}
		for _, op := range real.Operations {
			out.Operations = append(out.Operations, operation(op, k))
		}
		for _, d := range real.Diagnostics {
			d.Code = Code(d.Code, k)
			out.Diagnostics = append(out.Diagnostics, d)
		}
	}
	out.Names = scaleNames(real, n)
	// Stable: the methods of one path keep their order.
	slices.SortStableFunc(out.Operations, func(a, b model.Operation) int { return cmp.Compare(a.Path, b.Path) })
	for _, e := range real.Enums {
		values := make([]string, 0, n*len(e.Values))
		for k := range n {
			for _, v := range e.Values {
				values = append(values, Name(v, k))
			}
		}
		out.Enums = append(out.Enums, model.Enum{Name: e.Name, Values: values, Sites: e.Sites})
	}
	return out
}

// scaleNames returns n copies of real's names, grouped by the first enum
// that holds them: the first enum's names of copy 0, 1, ..., then the names
// the second enum adds, copy by copy.
func scaleNames(real *model.Catalog, n int) []model.Name {
	first := func(nm model.Name) int {
		if len(nm.Enums) == 0 {
			return len(real.Enums)
		}
		return slices.IndexFunc(real.Enums, func(e model.Enum) bool { return e.Name == nm.Enums[0] })
	}
	groups := make([][]model.Name, len(real.Enums)+1)
	for _, nm := range real.Names {
		i := first(nm)
		if i < 0 {
			i = len(real.Enums)
		}
		groups[i] = append(groups[i], nm)
	}
	out := make([]model.Name, 0, n*len(real.Names))
	for _, g := range groups {
		for k := range n {
			for _, nm := range g {
				out = append(out, model.Name{Name: Name(nm.Name, k), Enums: nm.Enums, Code: Code(nm.Code, k), Origin: nm.Origin})
			}
		}
	}
	return out
}

// code returns copy k of one code of the catalog.
func code(c model.Code, k int) model.Code {
	c.Code = Code(c.Code, k)
	c.Names = names(c.Names, k)
	c.Name = Name(c.Name, k)
	c.Aliases = names(c.Aliases, k)
	c.Guess = Name(c.Guess, k)
	if a := c.Alignment; a != nil {
		scaled := *a
		scaled.Name = Name(a.Name, k)
		scaled.RunnerUp = Name(a.RunnerUp, k)
		scaled.Before = Code(a.Before, k)
		scaled.After = Code(a.After, k)
		c.Alignment = &scaled
	}
	eps := make([]model.Endpoint, len(c.Endpoints))
	for i, ep := range c.Endpoints {
		eps[i] = model.Endpoint{Methods: ep.Methods, Path: Path(ep.Path, k), OperationIDs: names(ep.OperationIDs, k)}
	}
	c.Endpoints = eps
	return c
}

// operation returns copy k of one operation of the catalog.
func operation(op model.Operation, k int) model.Operation {
	op.Path = Path(op.Path, k)
	op.OperationID = Name(op.OperationID, k)
	codes := make([]int, len(op.Codes))
	for i, c := range op.Codes {
		codes[i] = Code(c, k)
	}
	if op.Codes == nil {
		codes = nil
	}
	op.Codes = codes
	return op
}

// names returns copy k of a list of names, nil for nil.
func names(list []string, k int) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = Name(s, k)
	}
	return out
}
