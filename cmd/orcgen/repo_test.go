package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
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
