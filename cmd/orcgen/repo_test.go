package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/gen/markdown/mdtest"
	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/parser/defaults"
)

// TestRepositoryGeneratedIsCurrent runs the drift check on the repository's
// own generated/ tree: the committed artifacts must be exactly what orcgen
// makes from its embedded default inputs.
func TestRepositoryGeneratedIsCurrent(t *testing.T) {
	out := filepath.Join(testenv.Root(), "generated")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("orcgen check -out generated exited %d (regenerate with go run ./cmd/orcgen generate):\n%s%s", code, stdout.String(), stderr.String())
	}
}

// TestRepositoryArtifactsReadBack reads the committed artifacts back the way
// their users do: the Markdown through a CommonMark/GFM parser (every table
// row has its columns, every code's text comes back intact) and the OpenAPI
// files through kin-openapi's loader and validator.
func TestRepositoryArtifactsReadBack(t *testing.T) {
	dir := filepath.Join(testenv.Root(), "generated")
	cat := testenv.Catalog(t, "generated", "model.json")
	if len(cat.Codes) != 119 {
		t.Fatalf("generated/model.json has %d codes, want the page's 119", len(cat.Codes))
	}
	md, err := os.ReadFile(filepath.Join(dir, "docs", "response-codes.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := mdtest.Verify(md, cat); err != nil {
		t.Errorf("generated/docs/response-codes.md does not read back:\n%v", err)
	}
	for _, name := range []string{"errors.yaml", "errors.json"} {
		doc, err := openapi3.NewLoader().LoadFromFile(filepath.Join(dir, "openapi", name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := doc.Validate(context.Background()); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if n := len(doc.Components.Schemas["ErrorCode"].Value.Enum); n != len(cat.Codes) {
			t.Errorf("%s: ErrorCode enum has %d values, want %d", name, n, len(cat.Codes))
		}
	}
}

// TestEmbeddedSnapshotIsOrcgens proves that the embedded spec snapshot is
// exactly what "orcgen snapshot" derives from the real 20.0 definition.
func TestEmbeddedSnapshotIsOrcgens(t *testing.T) {
	out := filepath.Join(t.TempDir(), "snap.json")
	var stdout, stderr bytes.Buffer
	args := []string{"snapshot", "-spec", testenv.Shared(t, "specs", "orchestrator-v20.0.yaml"), "-o", out}
	if code := run(args, &stdout, &stderr); code != 0 {
		t.Fatalf("orcgen snapshot exited %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, defaults.Spec) {
		t.Errorf("orcgen snapshot of orchestrator-v20.0.yaml differs from parser/defaults/orchestrator-v20.0.snapshot.json")
	}
}
