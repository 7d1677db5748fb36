package gen_test

import (
	"testing"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/internal/synthmodel"
)

// BenchmarkScaleGenerate runs each emitter, in memory, on catalogs of n
// copies of the committed catalog (the size of the join of n copies of the
// real inputs; parser's TestScaleCatalog checks that).
func BenchmarkScaleGenerate(b *testing.B) {
	synthmodel.ForScales(b, func(b *testing.B, n int) {
		cat := synthmodel.Catalog(b, n)
		for _, a := range gen.Artifacts() {
			b.Run(a, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := gen.Generate(cat, gen.Options{Artifacts: []string{a}}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	})
}
