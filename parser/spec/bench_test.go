package spec

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/internal/testenv"
)

func readShared(b testing.TB, name string) []byte {
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
// (converted in setup, keys in file order). Each iteration runs all four,
// interleaved, each after a garbage collection, and times each in wall
// time and in CPU time (user and system, the collector's work included).
// Reported: yaml-x-wall and json-x-wall, Load over the floor of the same
// bytes; json/yaml-wall, Load of the JSON over Load of the YAML (goal ≤ 1);
// the same in CPU time (yaml-x, json-x, json/yaml); and each mean in ms of
// CPU. Load parses a large YAML definition in pieces on every processor, so
// its CPU time exceeds its wall time: the wall time is what a run of
// orcgen waits for, the CPU time what it costs a machine that is busy with
// other work.
func BenchmarkLoadRatio(b *testing.B) {
	yamlData := readShared(b, "orchestrator-v20.0.yaml")
	jsonData := yamlToJSON(b, yamlData)
	floor := func(data []byte) func() error {
		return func() error { _, err := openapi3.NewLoader().LoadFromData(data); return err }
	}
	load := func(data []byte, uri string) func() error {
		return func() error { _, err := Load(data, Options{URI: uri}); return err }
	}
	runs := []func() error{floor(yamlData), load(yamlData, "v20.yaml"), floor(jsonData), load(jsonData, "v20.json")}
	var cpu, wall [4]time.Duration
	n := 0
	for b.Loop() {
		for i, run := range runs {
			c, w := timed(b, run)
			cpu[i] += c
			wall[i] += w
		}
		n++
	}
	ratio := func(d [4]time.Duration, a, b int) float64 { return d[a].Seconds() / d[b].Seconds() }
	b.ReportMetric(ratio(cpu, 1, 0), "yaml-x")
	b.ReportMetric(ratio(cpu, 3, 2), "json-x")
	b.ReportMetric(ratio(cpu, 3, 1), "json/yaml")
	b.ReportMetric(ratio(wall, 1, 0), "yaml-x-wall")
	b.ReportMetric(ratio(wall, 3, 2), "json-x-wall")
	b.ReportMetric(ratio(wall, 3, 1), "json/yaml-wall")
	for i, name := range []string{"floor-yaml-ms", "load-yaml-ms", "floor-json-ms", "load-json-ms"} {
		b.ReportMetric(float64(cpu[i].Microseconds())/1000/float64(n), name)
	}
}

// timed runs fn after a garbage collection and returns the CPU time and the
// wall time it took.
func timed(b *testing.B, fn func() error) (cpu, wall time.Duration) {
	runtime.GC()
	c, start := cpuTime(), time.Now()
	if err := fn(); err != nil {
		b.Fatal(err)
	}
	return cpuTime() - c, time.Since(start)
}

// BenchmarkValidateChain validates chains of 1,500 to 6,000 $refs between
// schemas: the time per schema grows slowly (about 1.3 times for each
// doubling of the chain, 1.0 to 1.75 µs in BENCHMARKS.md), where
// kin-openapi's own Validate is quadratic (16 s for 6,000). The load of such a chain stays slightly
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
