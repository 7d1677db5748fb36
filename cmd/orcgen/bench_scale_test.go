package main

import (
	"strconv"
	"testing"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/spec"
)

// scales are the sizes of the synthetic inputs, in copies of the real ones
// (119 rows; 418 operations and 645 enum names).
var scales = []int{1, 10, 100}

// forScales runs f as one sub-benchmark per scale, named x1, x10, x100.
func forScales(b *testing.B, f func(b *testing.B, n int)) {
	for _, n := range scales {
		b.Run("x"+strconv.Itoa(n), func(b *testing.B) { f(b, n) })
	}
}

// BenchmarkScalePage parses synthetic pages of n times the real rows.
func BenchmarkScalePage(b *testing.B) {
	forScales(b, func(b *testing.B, n int) {
		data := synthPage(b, n)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := page.Parse(data, page.Options{URI: "synth.html"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkScaleSpec loads synthetic definitions of n times the real
// operations and enum names.
func BenchmarkScaleSpec(b *testing.B) {
	forScales(b, func(b *testing.B, n int) {
		data := synthSpec(b, n)
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := spec.Load(data, spec.Options{URI: "synth.json"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// synthInputs returns the parsed synthetic page and spec of scale n.
func synthInputs(b *testing.B, n int) (*model.Catalog, *model.Spec) {
	b.Helper()
	p, err := page.Parse(synthPage(b, n), page.Options{URI: "synth.html"})
	if err != nil {
		b.Fatal(err)
	}
	s, err := spec.Load(synthSpec(b, n), spec.Options{URI: "synth.json"})
	if err != nil {
		b.Fatal(err)
	}
	return p, s
}

// BenchmarkScaleJoin joins the synthetic page and spec of each scale.
func BenchmarkScaleJoin(b *testing.B) {
	forScales(b, func(b *testing.B, n int) {
		p, s := synthInputs(b, n)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parser.Join(p, s, parser.JoinOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkScaleGenerate runs each emitter on the joined catalog of each
// scale, in memory.
func BenchmarkScaleGenerate(b *testing.B) {
	forScales(b, func(b *testing.B, n int) {
		p, s := synthInputs(b, n)
		cat, err := parser.Join(p, s, parser.JoinOptions{})
		if err != nil {
			b.Fatal(err)
		}
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
