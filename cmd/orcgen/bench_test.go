package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/orcgen/orcgen/gen"
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

// BenchmarkRatio measures, in one benchmark, what issue 10 states its goals
// in: the whole model and generate pipelines on the real page and the 20.0
// definition, without the spec cache, as multiples of a bare kin-openapi
// load of the same YAML (the floor). Each iteration times the floor, model
// (read both sources, join, encode model.json), generate from the YAML and
// generate from the same definition as OpenAPI 3 JSON (read, join, name,
// emit, write into a fresh directory), so that the ratios pair runs made
// under the same load. Metrics: model/floor (goal ≤ 1.3), generate/floor
// (goal ≤ 1.5) and json/yaml (generate from JSON over generate from YAML,
// goal ≤ 1).
func BenchmarkRatio(b *testing.B) {
	b.Setenv("ORCGEN_CACHE", "off")
	yamlPath := testenv.Shared(b, "specs", "orchestrator-v20.0.yaml")
	yamlData, err := os.ReadFile(yamlPath)
	if err != nil {
		b.Fatal(err)
	}
	var tree any
	if err := yaml.Unmarshal(yamlData, &tree); err != nil {
		b.Fatal(err)
	}
	jsonData, err := json.Marshal(tree)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	jsonPath := filepath.Join(dir, "orchestrator-v20.0.json")
	if err := os.WriteFile(jsonPath, jsonData, 0o644); err != nil {
		b.Fatal(err)
	}
	pagePath := filepath.Join(testenv.Root(), "parser", "defaults", "response-codes.html")
	ctx := context.Background()
	floor := func() {
		loader := openapi3.NewLoader()
		if _, err := loader.LoadFromData(yamlData); err != nil {
			b.Fatal(err)
		}
	}
	modelRun := func() {
		in := inputs{page: pagePath, spec: yamlPath, net: benchNet}
		cat, err := in.catalog(ctx, stages{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := gen.MarshalModel(cat); err != nil {
			b.Fatal(err)
		}
	}
	generateRun := func(specPath, out string) {
		c := &config{Page: pagePath, Spec: specPath, Out: out}
		c.setDefaults()
		g := &genFlags{net: benchNet}
		_, set, err := g.build(ctx, c, stages{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := gen.Write(gen.Dir(out), set, gen.WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	// A fresh output directory for each generate, made and removed outside
	// the timed runs.
	fresh := func() string {
		out, err := os.MkdirTemp(dir, "out")
		if err != nil {
			b.Fatal(err)
		}
		return out
	}
	timed := func(total *time.Duration, f func()) {
		start := time.Now()
		f()
		*total += time.Since(start)
	}
	var tFloor, tModel, tYAML, tJSON time.Duration
	b.ReportAllocs()
	for b.Loop() {
		timed(&tFloor, floor)
		timed(&tModel, modelRun)
		outYAML, outJSON := fresh(), fresh()
		timed(&tYAML, func() { generateRun(yamlPath, outYAML) })
		timed(&tJSON, func() { generateRun(jsonPath, outJSON) })
		os.RemoveAll(outYAML)
		os.RemoveAll(outJSON)
	}
	b.ReportMetric(float64(tModel)/float64(tFloor), "model/floor")
	b.ReportMetric(float64(tYAML)/float64(tFloor), "generate/floor")
	b.ReportMetric(float64(tJSON)/float64(tYAML), "json/yaml")
	b.ReportMetric(float64(tFloor.Milliseconds())/float64(b.N), "floor-ms")
}
