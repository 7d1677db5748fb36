package spec_test

import (
	"testing"

	"github.com/orcgen/orcgen/internal/synth"
	"github.com/orcgen/orcgen/internal/synthmodel"
	"github.com/orcgen/orcgen/parser/spec"
)

// BenchmarkScaleSpec loads synthetic definitions of n times the real
// operations and enum names. A scale whose paths object is beyond
// spec.MaxMappingKeys (x100: 34,300 paths) is skipped: Load refuses such a
// definition.
func BenchmarkScaleSpec(b *testing.B) {
	synthmodel.ForScales(b, func(b *testing.B, n int) {
		if limit := synth.SpecScaleLimit(b); n > limit {
			b.Skipf("x%d is beyond spec.MaxMappingKeys (%d paths); the largest scale Load accepts is x%d", n, spec.MaxMappingKeys, limit)
		}
		data := synth.Spec(b, n)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := spec.Load(data, spec.Options{URI: "synth.json"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
