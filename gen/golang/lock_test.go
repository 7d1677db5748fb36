package golang

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/model"
)

func findCode(cat *model.Catalog, code int) *model.Code {
	for i := range cat.Codes {
		if cat.Codes[i].Code == code {
			return &cat.Codes[i]
		}
	}
	return nil
}

// TestLockKeepsIdentifiers regenerates with a renamed message (1917's
// derived name changes) and a new page name for 1300: the derived rename
// keeps the locked constant, the new name becomes the constant and the old
// one stays as a deprecated alias.
func TestLockKeepsIdentifiers(t *testing.T) {
	first, err := Generate(loadModel(t, "small.json"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	cat := loadModel(t, "small.json")
	c1917 := findCode(cat, 1917)
	c1917.Messages, c1917.Name = []string{"Not enough runtimes."}, "NotEnoughRuntimes"
	c1300 := findCode(cat, 1300)
	c1300.Names, c1300.Name, c1300.NameOrigin = []string{"ResourceConflict"}, "ResourceConflict", model.OriginPage
	second, err := Generate(cat, Options{Lock: first.Lock})
	if err != nil {
		t.Fatal(err)
	}
	if got := second.Lock.Identifiers(1917); !slices.Equal(got, []string{"ThereNotEnough"}) {
		t.Errorf("1917 identifiers = %q", got)
	}
	if got := second.Lock.Identifiers(1300); !slices.Equal(got, []string{"ResourceConflict", "Conflict"}) {
		t.Errorf("1300 identifiers = %q", got)
	}
	src := second.Files["orcerr_gen.go"]
	for _, want := range []string{
		"\tThereNotEnough Code = 1917\n",
		"\tResourceConflict Code = 1300\n",
		"\t// Deprecated: Use ResourceConflict.\n\tConflict Code = ResourceConflict\n",
	} {
		if !bytes.Contains(src, []byte(want)) {
			t.Errorf("orcerr_gen.go lacks %q", want)
		}
	}
	buildModule(t, second)
	// A third run with the second lock changes nothing.
	third, err := Generate(cat, Options{Lock: second.Lock})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := second.Lock.Marshal()
	b, _ := third.Lock.Marshal()
	if !bytes.Equal(a, b) || !bytes.Equal(second.Files["orcerr_gen.go"], third.Files["orcerr_gen.go"]) {
		t.Error("regeneration with its own lock is not stable")
	}
}

func TestRemovedCodeStaysDeprecated(t *testing.T) {
	lock := &naming.Lock{SchemaVersion: 1, Package: "orcerr", Codes: []naming.LockedCode{{Code: 1999, Identifiers: []string{"GoneAway"}}}}
	out, err := Generate(loadModel(t, "small.json"), Options{Lock: lock})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Files["orcerr_gen.go"], []byte("\t// Deprecated: The code is no longer documented.\n\tGoneAway Code = 1999\n")) {
		t.Error("removed code not kept as a deprecated constant")
	}
}

func TestGenerateRejects(t *testing.T) {
	for _, tt := range []struct {
		edit func(*model.Catalog)
		want string
	}{
		{func(c *model.Catalog) { c.Codes[1].Name = "" }, "generate go package: code 1001: empty name"},
		{func(c *model.Catalog) { c.Codes[1].Name = "ItemNotFound" }, "generate go package: code 1002: name \"ItemNotFound\" already used by code 1001"},
		{func(c *model.Catalog) { c.Codes[1].Name = "nil" }, "generate go package: code 1001: name \"nil\" is not a valid exported Go identifier"},
	} {
		cat := loadModel(t, "small.json")
		tt.edit(cat)
		if _, err := Generate(cat, Options{}); err == nil || err.Error() != tt.want {
			t.Errorf("Generate = %v, want %q", err, tt.want)
		}
	}
}

// TestCodeNamedLikeTheAPI shows the rule for a code whose name the
// package's own API declares: "Code" is appended until the identifier is
// free, and the package still builds its tables under that identifier.
func TestCodeNamedLikeTheAPI(t *testing.T) {
	cat := loadModel(t, "small.json")
	cat.Codes[1].Name, cat.Codes[2].Name = "Lookup", "LookupCode"
	cat.Codes[3].Name = "Code"
	out, err := Generate(cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := string(out.Files["orcerr_gen.go"])
	for _, want := range []string{"LookupCodeCode Code = 1001", "LookupCode Code = 1002", "CodeCode Code = 1003"} {
		if !strings.Contains(src, want) {
			t.Errorf("no %q in the generated constants", want)
		}
	}
	if got := out.Lock.Identifiers(1001); len(got) == 0 || got[0] != "LookupCodeCode" {
		t.Errorf("lock of 1001 = %v, want LookupCodeCode first", got)
	}
}

func TestCommentLines(t *testing.T) {
	got := commentLines("a */ b\n//go:generate x\x00\u202e\r\n/* c")
	want := []string{"a */ b", "// //go:generate x", "// /* c"}
	if !slices.Equal(got, want) {
		t.Errorf("commentLines = %q, want %q", got, want)
	}
}
