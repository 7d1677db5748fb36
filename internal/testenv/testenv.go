// Package testenv locates the files orcgen's tests read from outside the
// module: the shared material (real specs, the page seed) that CI lays beside
// the checkout as ../shared.
package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the module's root directory (the one holding go.mod).
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// SharedDir returns the ../shared directory beside the checkout. When it is
// missing the test is skipped, except under CI (CI=true), where its absence
// is a failure: CI always has it, so a skip there would hide a broken setup.
func SharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(Root(), "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "specs")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared material missing under CI: %v", err)
		}
		t.Skipf("shared material not found at %s: %v", dir, err)
	}
	return dir
}

// Shared returns the path of a file below the shared directory, e.g.
// Shared(t, "specs", "orchestrator-v20.0.yaml"), skipping as SharedDir does.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	return filepath.Join(append([]string{SharedDir(t)}, elem...)...)
}
