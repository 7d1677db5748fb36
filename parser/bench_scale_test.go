package parser_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/synth"
	"github.com/orcgen/orcgen/internal/synthmodel"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/spec"
)

// synthInputs returns the parsed synthetic page and spec of scale n.
func synthInputs(tb testing.TB, n int) (*model.Catalog, *model.Spec) {
	tb.Helper()
	p, err := page.Parse(synth.Page(tb, n), page.Options{URI: "synth.html"})
	if err != nil {
		tb.Fatal(err)
	}
	s, err := spec.Load(synth.Spec(tb, n), spec.Options{URI: "synth.json"})
	if err != nil {
		tb.Fatal(err)
	}
	return p, s
}

// BenchmarkScaleJoin joins the synthetic page and spec of each scale. A
// scale whose inputs the page or spec parser refuses (x100, beyond
// page.MaxRows and spec.MaxMappingKeys) is skipped.
func BenchmarkScaleJoin(b *testing.B) {
	synthmodel.ForScales(b, func(b *testing.B, n int) {
		if limit := min(synth.PageScaleLimit(b), synth.SpecScaleLimit(b)); n > limit {
			b.Skipf("x%d is beyond the parsers' limits (page.MaxRows, spec.MaxMappingKeys); the largest scale both accept is x%d", n, limit)
		}
		p, s := synthInputs(b, n)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parser.Join(p, s, parser.JoinOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestScaleCatalog checks that the catalog gen's BenchmarkScaleGenerate
// measures (synthmodel.Catalog, n copies of generated/model.json) is the
// size and shape of the join of the synthetic inputs BenchmarkScaleJoin
// measures: the same codes, error names, enums and operations, in the same
// order. Names given from evidence may differ between the two (the join
// of the scaled inputs has its own reduced spec and ties inline endpoints
// across copies), which costs an emitter the same.
func TestScaleCatalog(t *testing.T) {
	for _, n := range []int{1, 3} {
		p, s := synthInputs(t, n)
		joined, err := parser.Join(p, s, parser.JoinOptions{})
		if err != nil {
			t.Fatal(err)
		}
		synthetic := synthmodel.Catalog(t, n)
		key := func(c *model.Catalog) map[string][]string {
			m := map[string][]string{}
			for _, c := range c.Codes {
				m["codes"] = append(m["codes"], strconv.Itoa(c.Code))
			}
			for _, nm := range c.Names {
				m["names"] = append(m["names"], nm.Name)
			}
			for _, e := range c.Enums {
				m["enums"] = append(m["enums"], e.Name+"="+strings.Join(e.Values, ","))
			}
			for _, op := range c.Operations {
				m["operations"] = append(m["operations"], op.Method+" "+op.Path+" "+op.OperationID)
			}
			return m
		}
		got, want := key(synthetic), key(joined)
		for _, field := range []string{"codes", "names", "enums", "operations"} {
			if len(want[field]) == 0 {
				t.Fatalf("x%d: the join has no %s", n, field)
			}
			if len(got[field]) != len(want[field]) {
				t.Errorf("x%d: synthmodel.Catalog has %d %s, the join %d", n, len(got[field]), field, len(want[field]))
				continue
			}
			for i := range got[field] {
				if got[field][i] != want[field][i] {
					t.Errorf("x%d %s[%d]: synthmodel.Catalog has %q, the join %q", n, field, i, got[field][i], want[field][i])
					break
				}
			}
		}
	}
}
