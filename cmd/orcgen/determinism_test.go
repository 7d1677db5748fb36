package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/orcgen/orcgen/gen"
	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser"
	"github.com/orcgen/orcgen/parser/source"
)

// defaultNet are the network settings of a command run without flags.
var defaultNet = netFlags{timeout: source.DefaultTimeout, retries: source.DefaultRetries, maxBytes: source.DefaultMaxBytes}

// loaded is a parsed page and spec, ready to be joined.
type loaded struct {
	page *model.Catalog
	spec *model.Spec
}

// load reads the page and the spec of in with the functions orcgen
// generate uses.
func load(in inputs) (loaded, error) {
	ctx := context.Background()
	opts := in.net.loadOptions(in.allowExternalRefs, stages{})
	p, err := parser.Load(ctx, in.page, parser.KindPage, opts)
	if err != nil {
		return loaded{}, err
	}
	s, err := parser.Load(ctx, in.spec, parser.KindSpec, opts)
	if err != nil {
		return loaded{}, err
	}
	return loaded{page: p.Page, spec: s.Spec}, nil
}

// generateFrom joins the loaded inputs and generates every artifact in
// memory, without a names lock, as orcgen generate does on an empty output
// directory.
func generateFrom(l loaded) (*gen.Set, error) {
	cat, err := parser.Join(l.page, l.spec, parser.JoinOptions{})
	if err != nil {
		return nil, err
	}
	return gen.Generate(cat, gen.Options{})
}

// hashSet returns the hex SHA-256 of every file of the set, by path.
func hashSet(set *gen.Set) map[string]string {
	out := make(map[string]string, len(set.Files))
	for _, f := range set.Files {
		sum := sha256.Sum256(f.Data)
		out[f.Path] = hex.EncodeToString(sum[:])
	}
	return out
}

// generateParallel runs generateFrom n times in parallel goroutines sharing
// l, and returns every run's hashes in run order.
func generateParallel(l loaded, n int) ([]map[string]string, error) {
	hashes := make([]map[string]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			set, err := generateFrom(l)
			if err == nil {
				hashes[i] = hashSet(set)
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("run %d: %w", i, err)
		}
	}
	return hashes, nil
}

// diffHashes names the files whose hashes differ between want and got,
// sorted; empty when they are equal.
func diffHashes(want, got map[string]string) []string {
	var out []string
	for _, p := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[p]; !ok {
			out = append(out, p+" (missing)")
		} else if g != want[p] {
			out = append(out, p)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[p]; !ok {
			out = append(out, p+" (extra)")
		}
	}
	return out
}

// withGOMAXPROCS runs f with runtime.GOMAXPROCS(procs), restoring the
// previous value after; 0 keeps the current one.
func withGOMAXPROCS[T any](procs int, f func() (T, error)) (T, error) {
	if procs > 0 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	}
	return f()
}

// mustJSON returns v as JSON, failing the test when it cannot be encoded.
func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// determinismInputs are the inputs the determinism tests generate from:
// the embedded defaults, and the embedded page with the real v20.0
// definition as OpenAPI 3.0 YAML and as Swagger 2.0 JSON.
func determinismInputs(t *testing.T) map[string]inputs {
	return map[string]inputs{
		"embedded":      {net: defaultNet},
		"v20.0 yaml":    {spec: testenv.Shared(t, "specs", "orchestrator-v20.0.yaml"), net: defaultNet},
		"v20.0 swagger": {spec: testenv.Shared(t, "specs", "orchestrator-v20.0.swagger2.json"), net: defaultNet},
	}
}

// loadTwiceInParallel loads in twice at the same time and requires both
// models to be equal.
func loadTwiceInParallel(t *testing.T, in inputs) loaded {
	t.Helper()
	var runs [2]loaded
	var errs [2]error
	var wg sync.WaitGroup
	for i := range runs {
		wg.Go(func() { runs[i], errs[i] = load(in) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(mustJSON(t, runs[0]), mustJSON(t, runs[1])) {
		t.Fatal("two parallel loads of the same inputs gave different models")
	}
	return runs[0]
}

// TestGenerateIsDeterministic loads every input twice in parallel, then
// joins and generates every artifact many times in parallel goroutines
// sharing the loaded models, under the default GOMAXPROCS and under 1 and
// 2, and requires byte-identical files from every run. Sharing the models
// also lets -race see any write to them.
func TestGenerateIsDeterministic(t *testing.T) {
	runs := map[int]int{0: 20, 1: 10, 2: 10} // GOMAXPROCS (0: default) -> runs
	if testing.Short() {
		runs = map[int]int{0: 4, 1: 2, 2: 2}
	}
	all := determinismInputs(t)
	for _, name := range slices.Sorted(maps.Keys(all)) {
		t.Run(name, func(t *testing.T) {
			l := loadTwiceInParallel(t, all[name])
			before := mustJSON(t, l)
			set, err := generateFrom(l)
			if err != nil {
				t.Fatal(err)
			}
			want := hashSet(set)
			if len(want) != 8 {
				t.Fatalf("generated %d files, want 8 (every artifact): %v", len(want), slices.Sorted(maps.Keys(want)))
			}
			for _, procs := range slices.Sorted(maps.Keys(runs)) {
				got, err := withGOMAXPROCS(procs, func() ([]map[string]string, error) {
					return generateParallel(l, runs[procs])
				})
				if err != nil {
					t.Fatalf("GOMAXPROCS %d: %v", procs, err)
				}
				for i, h := range got {
					if d := diffHashes(want, h); len(d) > 0 {
						t.Errorf("GOMAXPROCS %d, run %d: files differ from the first run: %s", procs, i, strings.Join(d, ", "))
					}
				}
			}
			if !bytes.Equal(before, mustJSON(t, l)) {
				t.Error("joining and generating changed the loaded page or spec model")
			}
		})
	}
}

// TestYAMLAndSwaggerGenerateAlike loads the real v20.0 definition in both
// its forms. The models differ in exactly two facts: the spec's Source (URI
// and SHA-256 of the bytes read) and the order of ErrorResult's
// properties, which each document lists differently (the Swagger 2.0 JSON
// alphabetically). With those two made equal, the catalogs and every
// generated file are byte-identical.
func TestYAMLAndSwaggerGenerateAlike(t *testing.T) {
	all := determinismInputs(t)
	yml, err := load(all["v20.0 yaml"])
	if err != nil {
		t.Fatal(err)
	}
	swg, err := load(all["v20.0 swagger"])
	if err != nil {
		t.Fatal(err)
	}
	if yml.spec.Source.URI == swg.spec.Source.URI || yml.spec.Source.SHA256 == swg.spec.Source.SHA256 {
		t.Errorf("sources %+v and %+v should name different files", yml.spec.Source, swg.spec.Source)
	}
	if got, want := propertyNames(swg.spec.ErrorSchema), []string{"Details", "ErrorCode", "Message", "ResourceIds", "TraceId"}; !slices.Equal(got, want) {
		t.Errorf("swagger ErrorResult properties = %q, want %q", got, want)
	}
	if got, want := propertyNames(yml.spec.ErrorSchema), []string{"Message", "ErrorCode", "TraceId", "ResourceIds", "Details"}; !slices.Equal(got, want) {
		t.Errorf("yaml ErrorResult properties = %q, want %q", got, want)
	}
	swg.spec.Source = yml.spec.Source
	swg.spec.ErrorSchema.Properties = slices.Clone(swg.spec.ErrorSchema.Properties)
	slices.SortFunc(swg.spec.ErrorSchema.Properties, func(a, b model.Property) int {
		return slices.Index(propertyNames(yml.spec.ErrorSchema), a.Name) - slices.Index(propertyNames(yml.spec.ErrorSchema), b.Name)
	})
	if !reflect.DeepEqual(yml.spec, swg.spec) {
		t.Fatal("with source and property order aligned, the YAML and Swagger models still differ")
	}
	ys, err := generateFrom(yml)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := generateFrom(swg)
	if err != nil {
		t.Fatal(err)
	}
	if d := diffHashes(hashSet(ys), hashSet(ss)); len(d) > 0 {
		t.Errorf("generated files differ between the YAML and the Swagger form: %s", strings.Join(d, ", "))
	}
}

// propertyNames returns the names of s's properties, in order.
func propertyNames(s *model.ErrorSchema) []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, p := range s.Properties {
		out = append(out, p.Name)
	}
	return out
}
