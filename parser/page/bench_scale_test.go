package page_test

import (
	"testing"

	"github.com/orcgen/orcgen/internal/synth"
	"github.com/orcgen/orcgen/internal/synthmodel"
	"github.com/orcgen/orcgen/parser/page"
)

// BenchmarkScalePage parses synthetic pages of n times the real rows. A
// scale beyond page.MaxRows (x100: 11,900 rows) is skipped: the parser
// refuses such a page.
func BenchmarkScalePage(b *testing.B) {
	synthmodel.ForScales(b, func(b *testing.B, n int) {
		if limit := synth.PageScaleLimit(b); n > limit {
			b.Skipf("x%d is beyond page.MaxRows (%d rows); the largest scale the parser accepts is x%d", n, page.MaxRows, limit)
		}
		data := synth.Page(b, n)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := page.Parse(data, page.Options{URI: "synth.html"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
