package golang

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/orcgen/orcgen/internal/testenv"
)

// BenchmarkGenerate emits the Go package for the committed catalog
// (generated/model.json, 119 codes and 632 spec names).
func BenchmarkGenerate(b *testing.B) {
	cat := testenv.Catalog(b, "generated", "model.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(cat, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRenderError checks that a file that does not parse fails with its
// name and the syntax error, without the whole source jennifer appends.
func TestRenderError(t *testing.T) {
	g := &generator{pkg: "orcerr"}
	_, err := g.render("broken_gen.go", func(f *jen.File) error {
		f.Func().Id("F").Params().Op("{").Op("{")
		return nil
	})
	if err == nil || !strings.HasPrefix(err.Error(), "render broken_gen.go: ") || strings.Contains(err.Error(), "\n") {
		t.Errorf("render = %v, want one line naming broken_gen.go", err)
	}
}
