package main

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/parser/source"
)

// benchNet are the command's default HTTP settings (files are read, not
// fetched, but the size limit applies).
var benchNet = netFlags{timeout: source.DefaultTimeout, retries: source.DefaultRetries, maxBytes: source.DefaultMaxBytes}

// benchGenerate measures what "orcgen generate -page P -spec S" costs short
// of writing: reading both files, page.Parse, spec.Load (or the spec cache),
// parser.Join and gen.Generate into an in-memory file set. cache is the
// ORCGEN_CACHE value; a cache directory is filled before the timer starts.
func benchGenerate(b *testing.B, pagePath, specPath, cache string) {
	b.Setenv("ORCGEN_CACHE", cache)
	c := &config{Page: pagePath, Spec: specPath, Out: b.TempDir()}
	c.setDefaults()
	g := &genFlags{net: benchNet}
	ctx := context.Background()
	if _, _, err := g.build(ctx, c, stages{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, set, err := g.build(ctx, c, stages{}); err != nil || len(set.Files) == 0 {
			b.Fatalf("build: %v", err)
		}
	}
}

// BenchmarkGenerate runs the whole pipeline on the real page with the real
// 20.0 definition (YAML, and its Swagger 2.0 JSON form) without a cache and
// with a warm one, and with the embedded snapshot (orcgen's default).
func BenchmarkGenerate(b *testing.B) {
	pagePath := testenv.Root() + "/parser/defaults/response-codes.html"
	specs := []struct{ name, path string }{
		{"yaml", testenv.Shared(b, "specs", "orchestrator-v20.0.yaml")},
		{"json", testenv.Shared(b, "specs", "orchestrator-v20.0.swagger2.json")},
	}
	for _, s := range specs {
		b.Run("spec="+s.name+"/cache=off", func(b *testing.B) { benchGenerate(b, pagePath, s.path, "off") })
		b.Run("spec="+s.name+"/cache=warm", func(b *testing.B) { benchGenerate(b, pagePath, s.path, b.TempDir()) })
	}
	b.Run("spec=embedded", func(b *testing.B) { benchGenerate(b, pagePath, "", "off") })
}

// BenchmarkSpecFloor measures what the dependencies alone cost on the
// Swagger 2.0 JSON form of the 20.0 definition: a plain encoding/json decode
// (into any), and kin-openapi's decode plus its conversion to OpenAPI 3 (the
// least spec.Load must do). The YAML form's floor is parser/spec's
// BenchmarkKinLoad.
func BenchmarkSpecFloor(b *testing.B) {
	data, err := os.ReadFile(testenv.Shared(b, "specs", "orchestrator-v20.0.swagger2.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json=encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json=kin-openapi", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var doc openapi2.T
			if err := json.Unmarshal(data, &doc); err != nil {
				b.Fatal(err)
			}
			if _, err := openapi2conv.ToV3(&doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}
