package spec

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/internal/testenv"
)

func readShared(b *testing.B, name string) []byte {
	b.Helper()
	data, err := os.ReadFile(testenv.Shared(b, "specs", name))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkLoad measures Load on the real 20.0 definition, as YAML and as
// JSON (converted in setup, keys in file order): detection, the key budget,
// the decode without origins, validation visiting each schema once, and
// extraction.
func BenchmarkLoad(b *testing.B) {
	data := readShared(b, "orchestrator-v20.0.yaml")
	forms := []struct {
		name string
		data []byte
	}{{"yaml", data}, {"json", yamlToJSON(b, data)}}
	for _, f := range forms {
		form, in := f.name, f.data
		b.Run(form, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(in, Options{URI: "orchestrator-v20.0." + form}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkKinLoad is the baseline: a bare kin-openapi load of the same file.
func BenchmarkKinLoad(b *testing.B) {
	data := readShared(b, "orchestrator-v20.0.yaml")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := openapi3.NewLoader().LoadFromData(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadRatio measures, in one run, a bare kin-openapi LoadFromData
// of the 20.0 definition (the floor: no validation, no facts) and Load of
// the same bytes (no cache), for the YAML file and for its JSON form
// (converted in setup, keys in file order). Each iteration times all four,
// interleaved, so that a busy machine slows floor and load alike. Reported:
// yaml-x and json-x, Load over the floor of the same bytes (goal ≤ 1.3);
// json/yaml, Load of the JSON over Load of the YAML (goal ≤ 1); and each
// mean in ms.
func BenchmarkLoadRatio(b *testing.B) {
	yamlData := readShared(b, "orchestrator-v20.0.yaml")
	jsonData := yamlToJSON(b, yamlData)
	var floorY, loadY, floorJ, loadJ time.Duration
	floor := func(data []byte) func() error {
		return func() error { _, err := openapi3.NewLoader().LoadFromData(data); return err }
	}
	load := func(data []byte, uri string) func() error {
		return func() error { _, err := Load(data, Options{URI: uri}); return err }
	}
	n := 0
	for b.Loop() {
		floorY += timed(b, floor(yamlData))
		loadY += timed(b, load(yamlData, "v20.yaml"))
		floorJ += timed(b, floor(jsonData))
		loadJ += timed(b, load(jsonData, "v20.json"))
		n++
	}
	b.ReportMetric(loadY.Seconds()/floorY.Seconds(), "yaml-x")
	b.ReportMetric(loadJ.Seconds()/floorJ.Seconds(), "json-x")
	b.ReportMetric(loadJ.Seconds()/loadY.Seconds(), "json/yaml")
	for name, d := range map[string]time.Duration{"floor-yaml-ms": floorY, "load-yaml-ms": loadY, "floor-json-ms": floorJ, "load-json-ms": loadJ} {
		b.ReportMetric(float64(d.Milliseconds())/float64(n), name)
	}
}

// timed runs fn and returns how long it took.
func timed(b *testing.B, fn func() error) time.Duration {
	start := time.Now()
	if err := fn(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// BenchmarkValidateChain validates chains of 1,500 to 6,000 $refs between
// schemas: the time per schema stays flat, where kin-openapi's own Validate
// is quadratic (16 s for 6,000). The load of such a chain stays slightly
// superlinear, in kin-openapi's YAML decoder (its duplicate-key check
// compares every key of a mapping with every other), which MaxMappingKeys
// bounds.
func BenchmarkValidateChain(b *testing.B) {
	for _, n := range []int{1500, 3000, 6000} {
		doc, err := openapi3.NewLoader().LoadFromData(chainSpec(n, "      type: string\n"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if err := validate(doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1000, "µs/schema")
		})
	}
}
