package testenv

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/aymanbagabas/go-udiff"

	"github.com/orcgen/orcgen/model"
)

// Catalog reads a model JSON file below the module root, e.g.
// Catalog(t, "testdata", "models", "small.json").
func Catalog(t testing.TB, elem ...string) *model.Catalog {
	t.Helper()
	path := filepath.Join(append([]string{Root()}, elem...)...)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cat model.Catalog
	if err := json.Unmarshal(data, &cat); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &cat
}

// Golden compares got with the golden file at path. With update it rewrites
// the file instead (creating its directory); on a mismatch it reports a
// unified diff and leaves the output beside the golden as path+".got".
func Golden(t testing.TB, update bool, path string, got []byte) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if string(want) != string(got) {
		_ = os.WriteFile(path+".got", got, 0o644)
		t.Errorf("%s differs from its golden file (output in %s.got):\n%s", path, path, udiff.Unified(path, "got", string(want), string(got)))
	}
}
