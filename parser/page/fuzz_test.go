package page_test

import (
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
	f.Fuzz(func(t *testing.T, data []byte) { checkParsed(t, data, "fuzz.html") })
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
