package spec

import (
	"strings"
	"testing"
)

// FuzzLoad checks that Load never panics and that every error names the
// input as "spec <uri>: ".
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"small-3.0.yaml", "small-3.0.json", "small-2.0.yaml", "small-3.1.yaml", "not-a-spec.yaml"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte(`{"orcgenSpecSnapshot": 1, "enums": [], "operations": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Load(data, Options{URI: "fuzz.yaml"})
		if err != nil && !strings.HasPrefix(err.Error(), "spec fuzz.yaml: ") {
			t.Errorf("error without the spec's name: %v", err)
		}
	})
}
