package defaults

import (
	"bytes"
	"testing"
)

// TestPageIsThePage checks the embedded page is there and holds the
// table (the parser's tests prove every row of it).
func TestPageIsThePage(t *testing.T) {
	if len(Page) == 0 || !bytes.Contains(Page, []byte("<table")) || !bytes.Contains(Page, []byte("NameAlreadyUsed")) {
		t.Errorf("embedded page (%d bytes) is not the Response Codes page: regenerate it with go run ./testdata/pages/gen", len(Page))
	}
}
