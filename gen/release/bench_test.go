package release

import (
	"testing"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/internal/testenv"
)

// BenchmarkBuild builds the bundle of the committed catalog
// (generated/model.json, every artifact): archive, notes and checksums.
// It reports the archive's size.
func BenchmarkBuild(b *testing.B) {
	cat := testenv.Catalog(b, "generated", "model.json")
	set, err := gen.Generate(cat, gen.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var bundle *Bundle
	for b.Loop() {
		if bundle, err = Build(set, nil); err != nil {
			b.Fatal(err)
		}
	}
	for _, f := range bundle.Files {
		if f.Path == bundle.Archive {
			b.ReportMetric(float64(len(f.Data)), "archive-bytes")
		}
	}
}
