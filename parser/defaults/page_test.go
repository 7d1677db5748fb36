package defaults

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
)

// TestPageEqualsFixture proves the embedded page has not drifted from the
// current-site fixture the page parser's tests read.
func TestPageEqualsFixture(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata", "pages", "current.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(Page, fixture) {
		t.Errorf("parser/defaults/response-codes.html (%d bytes) differs from testdata/pages/current.html (%d bytes): run go run ./testdata/pages/gen", len(Page), len(fixture))
	}
	if len(Page) == 0 {
		t.Error("embedded page is empty")
	}
}
