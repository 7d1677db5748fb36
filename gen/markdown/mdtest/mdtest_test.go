package mdtest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/gen/markdown"
	"github.com/orcgen/orcgen/model"
)

// hostileCatalog holds text meant to break a Markdown document.
func hostileCatalog() *model.Catalog {
	return &model.Catalog{
		SchemaVersion: model.SchemaVersion,
		Sources:       []model.Source{{Kind: model.SourcePage, URI: "a|b`c", SHA256: "00"}},
		Codes: []model.Code{
			{Code: 1001, Name: "Pipe", NameOrigin: model.OriginPage, Messages: []string{"A | B", "<b>bold</b> *x* _y_ `z`"}, Category: "A|B", HTTPStatus: 400, Description: "Line one\nline two & &amp; [l](u)"},
			{Code: 1002, Name: "List", NameOrigin: model.OriginDerived, Names: []string{"Stated|Name"}, Aliases: []string{"Alias_*x*"}, Guess: "Guess`d", Messages: []string{"1. one", "- two", "# three", " lead and trail ", "a\\b\\"}, Params: []string{"x"}},
		},
	}
}

func TestCheckHostile(t *testing.T) {
	Check(t, hostileCatalog())
}

// TestVerifyCatchesBrokenDocuments proves Verify fails on the breakages it
// exists to catch, made by hand from a good rendering.
func TestVerifyCatchesBrokenDocuments(t *testing.T) {
	cat := hostileCatalog()
	good, err := markdown.Render(cat, markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(good, cat); err != nil {
		t.Fatalf("good document rejected: %v", err)
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"unescaped pipe in a cell", `| A \| B<br>`, `| A | B<br>`, "summary row 1"},
		{"unescaped HTML in a message", `- \<b\>bold\</b\>`, `- <b>bold</b>`, `message 2`},
		{"ordered list marker", `- 1\. one`, `- 1. one`, `message 1 "1. one"`},
		{"missing anchor", `<a id="code-1002"></a>`, ``, `no anchor`},
		{"emphasis", `\*x\*`, `*x*`, "summary row 1"},
		{"code missing from the status index", "### 400 Bad Request\n\n- [1001](#code-1001) Pipe\n", "### 400 Bad Request\n\n", `code 1001: not listed under "400 Bad Request"`},
		{"name missing from the index", "| Guess\\`d | [1002](#code-1002) |", "| Guess | [1002](#code-1002) |", `name "Guess` + "`" + `d" has no row`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !bytes.Contains(good, []byte(tc.old)) {
				t.Fatalf("rendering has no %q", tc.old)
			}
			broken := bytes.Replace(good, []byte(tc.old), []byte(tc.new), 1)
			err := Verify(broken, cat)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Verify = %v, want an error mentioning %q", err, tc.want)
			}
		})
	}
}

func TestCheckTables(t *testing.T) {
	good := "# T\n\n| a | b |\n| --- | --- |\n| x \\| y | z |\n"
	if err := CheckTables([]byte(good)); err != nil {
		t.Errorf("CheckTables(good) = %v", err)
	}
	bad := "| a | b |\n| --- | --- |\n| x | y | z |\n"
	if err := CheckTables([]byte(bad)); err == nil || !strings.Contains(err.Error(), "row 1 has more cells than its header") {
		t.Errorf("CheckTables(bad) = %v, want an error about row 1", err)
	}
}
