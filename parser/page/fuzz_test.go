package page_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/parser/page"
)

// FuzzParse checks that Parse never panics and that what it returns holds
// together: an error naming the source, or ascending unique positive codes
// with a provenance each.
func FuzzParse(f *testing.F) {
	for _, name := range fixtures {
		f.Add(fixture(f, name))
	}
	f.Add([]byte(synthPage(page.MinRows, nil)))
	f.Add([]byte(""))
	f.Add([]byte("<table><tr><td>1</td><td>[x</td><td>GET - `/a</td></tr></table>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := page.Parse(data, page.Options{URI: "fuzz.html"})
		if err != nil {
			var npe *page.NotPageError
			if cat != nil || !strings.HasPrefix(err.Error(), "fuzz.html: ") || (errors.As(err, &npe) && npe.URI != "fuzz.html") {
				t.Fatalf("error %v with catalog %v", err, cat != nil)
			}
			return
		}
		if len(cat.Codes) < page.MinRows {
			t.Fatalf("%d codes, fewer than MinRows", len(cat.Codes))
		}
		prev := 0
		for _, c := range cat.Codes {
			if c.Code <= prev || c.Source == "" || c.Names == nil || c.Messages == nil || c.Params == nil || c.Endpoints == nil {
				t.Fatalf("code %+v after %d", c, prev)
			}
			prev = c.Code
		}
	})
}

// BenchmarkParse parses the current site page.
func BenchmarkParse(b *testing.B) {
	data := fixture(b, "current.html")
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := page.Parse(data, page.Options{URI: "current.html"}); err != nil {
			b.Fatal(err)
		}
	}
}
