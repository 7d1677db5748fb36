package spec

import (
	"os"
	"testing"

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

// BenchmarkLoad measures Load on the real 20.0 definition: detection, a
// kin-openapi load with origins, lenient validation and extraction.
func BenchmarkLoad(b *testing.B) {
	data := readShared(b, "orchestrator-v20.0.yaml")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(data, Options{URI: "orchestrator-v20.0.yaml"}); err != nil {
			b.Fatal(err)
		}
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
