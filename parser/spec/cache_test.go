package spec

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// entries returns the names of the files in a cache directory.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

// checkCached loads data fresh, then through an empty cache (a miss that
// writes the entry) and again under another URI (a hit), and compares the
// facts.
func checkCached(t *testing.T, data []byte, uri string) {
	t.Helper()
	fresh, err := Load(data, Options{URI: uri})
	if err != nil {
		t.Fatal(err)
	}
	c := Cache{Dir: t.TempDir()}
	cold, err := c.Load(data, Options{URI: uri})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cold, fresh) {
		t.Fatalf("cold cache load differs from a fresh load")
	}
	want := []string{cacheKey(data, Options{}) + ".json"}
	if got := entries(t, c.Dir); !reflect.DeepEqual(got, want) {
		t.Fatalf("cache holds %q, want %q", got, want)
	}
	warm, err := c.Load(data, Options{URI: "copy/" + uri})
	if err != nil {
		t.Fatal(err)
	}
	fresh.Source.URI = "copy/" + uri
	if !reflect.DeepEqual(warm, fresh) {
		t.Fatalf("warm cache load differs from a fresh load:\nwarm  %+v\nfresh %+v", warm.Source, fresh.Source)
	}
}

func TestCacheSameFacts(t *testing.T) {
	for _, name := range []string{"small-3.0.yaml", "small-3.0.json", "small-3.1.yaml", "small-2.0.yaml"} {
		t.Run(name, func(t *testing.T) {
			checkCached(t, readTestdata(t, name), name)
		})
	}
}

func TestCacheSameFactsReal(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real definitions")
	}
	for _, name := range []string{"orchestrator-v20.0.yaml", "orchestrator-v20.0.swagger2.json"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(testenv.Shared(t, "specs", name))
			if err != nil {
				t.Fatal(err)
			}
			checkCached(t, data, name)
		})
	}
}

// TestCacheCorruptEntry: a damaged entry is not an error; the facts are
// loaded afresh and the entry is rewritten.
func TestCacheCorruptEntry(t *testing.T) {
	data := readTestdata(t, "small-3.0.yaml")
	c := Cache{Dir: t.TempDir()}
	path := filepath.Join(c.Dir, cacheKey(data, Options{})+".json")
	for _, bad := range []string{"", `{"orcgenSpecSnapshot": 1, "sour`, "\x00\xff", `{"orcgenSpecSnapshot": 2}`} {
		if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := c.Load(data, Options{URI: "small-3.0.yaml"})
		if err != nil {
			t.Fatalf("entry %q: %v", bad, err)
		}
		if s.Source.URI != "small-3.0.yaml" || s.Source.Title != "Small API" {
			t.Errorf("entry %q: source %+v", bad, s.Source)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := readEntry(path, data); !ok {
			t.Errorf("entry %q was not rewritten, holds %.40q", bad, b)
		}
	}
}

// TestCacheEntryOfOtherBytes: an entry whose facts came from other bytes
// (a copied or renamed file) is not used.
func TestCacheEntryOfOtherBytes(t *testing.T) {
	data := readTestdata(t, "small-3.0.yaml")
	other, err := Load(readTestdata(t, "small-3.1.yaml"), Options{URI: "small-3.1.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	c := Cache{Dir: t.TempDir()}
	writeEntry(filepath.Join(c.Dir, cacheKey(data, Options{})+".json"), other)
	s, err := c.Load(data, Options{URI: "small-3.0.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Load(data, Options{URI: "small-3.0.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s, fresh) {
		t.Errorf("used the entry of other bytes: source %+v", s.Source)
	}
}

// TestCacheBypass: failures, snapshots and loads with external refs allowed
// leave the cache empty.
func TestCacheBypass(t *testing.T) {
	snap, err := Snapshot(&model.Spec{Source: model.Source{Kind: model.SourceSpec, URI: "x.yaml"}, Enums: []model.Enum{}, Operations: []model.Operation{}})
	if err != nil {
		t.Fatal(err)
	}
	dir := copyToTemp(t, "external-file.yaml", "other.yaml")
	tests := []struct {
		name    string
		data    []byte
		opts    Options
		wantErr string
	}{
		{"not a spec", readTestdata(t, "not-a-spec.yaml"), Options{URI: "not-a-spec.yaml"}, "spec not-a-spec.yaml: not a Swagger 2.0"},
		{"refused ref", readTestdata(t, "external-file.yaml"), Options{URI: "external-file.yaml"}, `spec external-file.yaml: external $ref "other.yaml#/components/schemas/ErrorResult" refused`},
		{"snapshot", snap, Options{URI: "snap.json"}, ""},
		{"external refs allowed", readTestdata(t, "external-file.yaml"), Options{URI: filepath.Join(dir, "external-file.yaml"), AllowExternalRefs: true}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Cache{Dir: t.TempDir()}
			_, err := c.Load(tt.data, tt.opts)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr)) {
				t.Fatalf("error = %v, want prefix %q", err, tt.wantErr)
			}
			if got := entries(t, c.Dir); len(got) != 0 {
				t.Errorf("cache holds %q", got)
			}
		})
	}
}

// TestCacheUnwritable: a cache directory that cannot be created costs a
// fresh load, never an error.
func TestCacheUnwritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Cache{Dir: filepath.Join(file, "spec")}.Load(readTestdata(t, "small-3.0.yaml"), Options{URI: "small-3.0.yaml"})
	if err != nil || s.Source.Title != "Small API" {
		t.Fatalf("Load = %+v, %v", s, err)
	}
}

func TestCacheKey(t *testing.T) {
	a, b := []byte("openapi: 3.0.1\n"), []byte("openapi: 3.0.2\n")
	if cacheKey(a, Options{URI: "x"}) != cacheKey(a, Options{URI: "y"}) {
		t.Error("the key depends on the URI")
	}
	if cacheKey(a, Options{}) == cacheKey(b, Options{}) {
		t.Error("the key ignores the bytes")
	}
	if cacheKey(a, Options{}) == cacheKey(a, Options{AllowExternalRefs: true}) {
		t.Error("the key ignores AllowExternalRefs")
	}
	if k := cacheKey(a, Options{}); len(k) != 64 || strings.Trim(k, "0123456789abcdef") != "" {
		t.Errorf("key %q is not hex SHA-256", k)
	}
}

func TestDefaultCache(t *testing.T) {
	user, err := os.UserCacheDir()
	if err != nil {
		t.Skip(err)
	}
	for env, want := range map[string]string{
		"off":        "",
		"":           filepath.Join(user, "orcgen", "spec"),
		"/tmp/cache": "/tmp/cache",
	} {
		getenv := func(k string) string {
			if k != "ORCGEN_CACHE" {
				t.Fatalf("getenv(%q)", k)
			}
			return env
		}
		if got := DefaultCache(getenv).Dir; got != want {
			t.Errorf("ORCGEN_CACHE=%q: Dir = %q, want %q", env, got, want)
		}
	}
}

// BenchmarkCacheCold loads the real 20.0 definition through an empty cache:
// a full Load plus writing the entry.
func BenchmarkCacheCold(b *testing.B) {
	data := readShared(b, "orchestrator-v20.0.yaml")
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		c := Cache{Dir: b.TempDir()}
		b.StartTimer()
		if _, err := c.Load(data, Options{URI: "orchestrator-v20.0.yaml"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCacheWarm loads the real 20.0 definition from its cache entry:
// hashing the bytes and decoding the snapshot.
func BenchmarkCacheWarm(b *testing.B) {
	data := readShared(b, "orchestrator-v20.0.yaml")
	c := Cache{Dir: b.TempDir()}
	if _, err := c.Load(data, Options{URI: "orchestrator-v20.0.yaml"}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Load(data, Options{URI: "orchestrator-v20.0.yaml"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCacheEntryBeyondLimitsIsNotServed shows that an entry written before
// a limit existed (or tampered with) cannot smuggle facts past Load's
// checks: the cache falls back to a fresh load, which refuses them.
func TestCacheEntryBeyondLimitsIsNotServed(t *testing.T) {
	data := enumSpec(MaxNames + 1)
	c := Cache{Dir: t.TempDir()}
	facts, err := Load(enumSpec(MaxNames), Options{URI: "enum.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	facts.Enums[0].Values = append(facts.Enums[0].Values, "OneTooMany")
	sum := sha256.Sum256(data)
	facts.Source.SHA256 = hex.EncodeToString(sum[:])
	writeEntry(filepath.Join(c.Dir, cacheKey(data, Options{URI: "enum.yaml"})+".json"), facts)
	if _, err := c.Load(data, Options{URI: "enum.yaml"}); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("more than the limit of %d", MaxNames)) {
		t.Fatalf("cached entry beyond MaxNames: err = %v, want the limit's error", err)
	}
}

// TestCacheLoadDocumentAndFacts: patch's one parse returns the document and
// the facts of a fresh load, and leaves the facts in the cache, where the
// next facts-only load finds them.
func TestCacheLoadDocumentAndFacts(t *testing.T) {
	data := readTestdata(t, "small-3.0.yaml")
	c := Cache{Dir: t.TempDir()}
	doc, s, err := c.LoadDocumentAndFacts(data, Options{URI: "small-3.0.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Load(data, Options{URI: "small-3.0.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if doc == nil || doc.Components.Schemas["ErrorResult"] == nil || !reflect.DeepEqual(s, fresh) {
		t.Fatalf("document %v, facts differ from a fresh load: %v", doc != nil, !reflect.DeepEqual(s, fresh))
	}
	path := filepath.Join(c.Dir, cacheKey(data, Options{})+".json")
	if _, ok := readEntry(path, data); !ok {
		t.Fatal("no cache entry after LoadDocumentAndFacts")
	}
	warm, err := c.Load(data, Options{URI: "small-3.0.yaml"})
	if err != nil || !reflect.DeepEqual(warm, fresh) {
		t.Errorf("warm load after LoadDocumentAndFacts: %v, facts equal %v", err, reflect.DeepEqual(warm, fresh))
	}
	if _, _, err := c.LoadDocumentAndFacts([]byte(`{"orcgenSpecSnapshot": 1}`), Options{URI: "snap.json"}); err == nil ||
		err.Error() != "spec snap.json: an orcgen spec snapshot holds no OpenAPI document: give the definition itself" {
		t.Errorf("snapshot: error = %v", err)
	}
}
