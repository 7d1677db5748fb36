package main

import "testing"

// TestSpecSnapshotName checks the file name fetch gives a spec snapshot:
// YAML by the source's extension (any case, query ignored), JSON otherwise.
func TestSpecSnapshotName(t *testing.T) {
	for src, want := range map[string]string{
		"https://x/swagger/v1/swagger.json": "openapi.json",
		"https://x/spec.YAML?x=1":           "openapi.yaml",
		"specs/v20.yml":                     "openapi.yaml",
		"https://x/swagger":                 "openapi.json",
	} {
		if got := specSnapshotName(src); got != want {
			t.Errorf("specSnapshotName(%q) = %q, want %q", src, got, want)
		}
	}
}
