package templates

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
)

func TestTemplatesAnnotated(t *testing.T) {
	names, err := fs.Glob(FS, "*.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"codes.md.tmpl", "indexes.md.tmpl", "response-codes.md.tmpl", "sources.md.tmpl", "summary.md.tmpl"}; !slices.Equal(names, want) {
		t.Fatalf("templates = %v, want %v", names, want)
	}
	for _, name := range names {
		data, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		if first != "{{- /*gotype: github.com/orcgen/orcgen/gen/markdown.View*/ -}}" {
			t.Errorf("%s: first line %q is not the gotype annotation", name, first)
		}
	}
}
