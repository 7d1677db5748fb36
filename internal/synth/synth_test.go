package synth_test

import (
	"bytes"
	"testing"

	"github.com/orcgen/orcgen/internal/synth"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/defaults"
	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/spec"
)

// TestSynthInputs checks that copy k of the inputs holds what copy 0 holds:
// n times the real codes, operations and names.
func TestSynthInputs(t *testing.T) {
	real, err := page.Parse(defaults.Page, page.Options{URI: defaults.PageURI})
	if err != nil {
		t.Fatal(err)
	}
	facts, err := spec.Load(defaults.Spec, spec.Options{URI: defaults.SpecURI})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 3} {
		p, err := page.Parse(synth.Page(t, n), page.Options{URI: "synth.html"})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Codes) != n*len(real.Codes) {
			t.Errorf("x%d page: %d codes, want %d", n, len(p.Codes), n*len(real.Codes))
		}
		s, err := spec.Load(synth.Spec(t, n), spec.Options{URI: "synth.json"})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Operations) != n*len(facts.Operations) || countNames(s) != n*countNames(facts) {
			t.Errorf("x%d spec: %d operations, %d names, want %d, %d", n,
				len(s.Operations), countNames(s), n*len(facts.Operations), n*countNames(facts))
		}
	}
	if !bytes.Contains(synth.Page(t, 2), []byte("<td><p>11002</p></td>\n<td><p><code>ItemNotFoundV1</code>")) {
		t.Error("copy 1 of code 1002 is not 11002 ItemNotFoundV1")
	}
}

// countNames returns the number of enum values of s.
func countNames(s *model.Spec) int {
	n := 0
	for _, e := range s.Enums {
		n += len(e.Values)
	}
	return n
}
