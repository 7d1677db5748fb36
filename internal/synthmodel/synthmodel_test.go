package synthmodel_test

import (
	"slices"
	"testing"

	"github.com/orcgen/orcgen/internal/synthmodel"
	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// TestCatalog checks that n copies of the committed catalog keep its
// invariants: n times its codes, names and operations, codes ascending and
// unique, identifiers and names unique, operations ordered by path past copy
// 9 ("/v10" sorts before "/v2"), and copy k named and numbered as the
// synthetic inputs name and number it.
func TestCatalog(t *testing.T) {
	real := testenv.Catalog(t, "generated", "model.json")
	const n = 12
	cat := synthmodel.Catalog(t, n)
	if len(cat.Codes) != n*len(real.Codes) || len(cat.Names) != n*len(real.Names) || len(cat.Operations) != n*len(real.Operations) {
		t.Fatalf("x%d: %d codes, %d names, %d operations; want %d, %d, %d", n,
			len(cat.Codes), len(cat.Names), len(cat.Operations), n*len(real.Codes), n*len(real.Names), n*len(real.Operations))
	}
	if !slices.IsSortedFunc(cat.Codes, func(a, b model.Code) int { return a.Code - b.Code }) {
		t.Error("codes are not ascending")
	}
	idents := map[string]int{}
	for i, c := range cat.Codes {
		if i > 0 && c.Code == cat.Codes[i-1].Code {
			t.Errorf("code %d twice", c.Code)
		}
		if j, dup := idents[c.Name]; dup {
			t.Errorf("codes %d and %d are both named %q", j, c.Code, c.Name)
		}
		idents[c.Name] = c.Code
	}
	seen := map[string]bool{}
	for _, nm := range cat.Names {
		if seen[nm.Name] {
			t.Errorf("name %q twice", nm.Name)
		}
		seen[nm.Name] = true
	}
	for i := 1; i < len(cat.Operations); i++ {
		if a, b := cat.Operations[i-1], cat.Operations[i]; a.Path > b.Path {
			t.Fatalf("operation %d: path %q after %q", i, b.Path, a.Path)
		}
	}
	for _, e := range cat.Enums {
		if len(e.Values) == 0 || e.Values[len(e.Values)-1] != synthmodel.Name(e.Values[len(e.Values)/n-1], n-1) {
			t.Errorf("enum %s does not end with copy %d of its values", e.Name, n-1)
		}
	}
	i := slices.IndexFunc(cat.Codes, func(c model.Code) bool { return c.Code == 11002 })
	if i < 0 || cat.Codes[i].Name != "ItemNotFoundV1" || !slices.Contains(cat.Codes[i].Names, "ItemNotFoundV1") {
		t.Errorf("copy 1 of code 1002 is not 11002 ItemNotFoundV1")
	}
}
