package page_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/page"
	"golang.org/x/text/encoding/charmap"
)

// synthPage returns a page of n code rows 2000, 2001, ... with message
// "Message <i>." and category "Robots"; edit, when not nil, may change the
// cells of a row (code, text, description as HTML).
func synthPage(n int, edit func(i int, cells *[3]string)) string {
	var b strings.Builder
	b.WriteString("<html><head><title>Response Codes</title></head><body><table>\n<tr><th>A</th><th>B</th><th>C</th></tr>\n")
	for i := range n {
		cells := [3]string{fmt.Sprint(2000 + i), fmt.Sprintf("Message %d.", i), "Robots"}
		if edit != nil {
			edit(i, &cells)
		}
		fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n", cells[0], cells[1], cells[2])
	}
	b.WriteString("</table></body></html>\n")
	return b.String()
}

// mustParse parses input, failing the test on error.
func mustParse(t *testing.T, input []byte, opts page.Options) *model.Catalog {
	t.Helper()
	cat, err := page.Parse(input, opts)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestRowDefects checks what happens to rows that cannot be codes:
// duplicates keep the first, out-of-range codes and malformed rows are
// skipped, each with a diagnostic naming the row.
func TestRowDefects(t *testing.T) {
	input := synthPage(60, func(i int, c *[3]string) {
		switch i {
		case 3:
			c[0], c[1] = "2001", "Second 2001."
		case 4:
			c[0] = "0"
		case 5:
			c[0] = "-7"
		case 6:
			c[0] = "2147483648"
		case 7:
			c[0] = "n/a"
		case 8:
			c[2] = "Robots</td><td>extra"
		}
	})
	cat := mustParse(t, []byte(input), page.Options{URI: "defects.html"})
	if len(cat.Codes) != 54 {
		t.Errorf("got %d codes, want 54", len(cat.Codes))
	}
	if got := code(t, cat, 2001).Messages; !reflect.DeepEqual(got, []string{"Message 1."}) {
		t.Errorf("2001 messages %q, want the first row's", got)
	}
	var got []string
	for _, d := range cat.Diagnostics {
		got = append(got, fmt.Sprintf("%s %s %d %s", d.Severity, d.Source, d.Code, d.Message))
	}
	want := []string{
		"warning page 2001 page row 5: code 2001 already stated on page row 3; row skipped",
		`warning page 0 page row 6: code "0" is not a positive 32-bit integer; row skipped`,
		`warning page 0 page row 7: code "-7" is not a positive 32-bit integer; row skipped`,
		`warning page 0 page row 8: code "2147483648" is not a positive 32-bit integer; row skipped`,
		`warning page 0 page row 9: first cell "n/a", not three cells with an integer code; row skipped`,
		"warning page 0 page row 10: 4 cells, not three cells with an integer code; row skipped",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCodesAscending checks that codes come out ascending whatever the
// page's order.
func TestCodesAscending(t *testing.T) {
	input := synthPage(60, func(i int, c *[3]string) { c[0] = fmt.Sprint(3000 - i) })
	cat := mustParse(t, []byte(input), page.Options{URI: "desc.html"})
	if first, last := cat.Codes[0], cat.Codes[59]; first.Code != 2941 || last.Code != 3000 || last.Source != "page row 2" {
		t.Errorf("first %d, last %d from %q; want 2941, 3000 from page row 2", first.Code, last.Code, last.Source)
	}
}

// TestOtherTablesSkipped checks that the codes table is found by structure
// among other tables: a smaller table of integer codes, a layout table
// around it, a table nested in a cell.
func TestOtherTablesSkipped(t *testing.T) {
	statuses := `<table><tr><td>200</td><td>OK</td><td>Success</td></tr><tr><td>404</td><td>Not Found</td><td>Missing</td></tr></table>`
	nested := synthPage(60, func(i int, c *[3]string) {
		if i == 0 {
			c[2] = `Robots<table><tr><td>1</td><td>x</td><td>y</td></tr></table>`
		}
	})
	input := statuses + `<table><tr><td>` + nested + `</td></tr></table>`
	cat := mustParse(t, []byte(input), page.Options{URI: "tables.html"})
	if len(cat.Codes) != 60 || cat.Codes[0].Code != 2000 {
		t.Fatalf("got %d codes starting %d, want 60 from 2000", len(cat.Codes), cat.Codes[0].Code)
	}
	if d := cat.Codes[0].Description; d != "Robots 1 x y" {
		t.Errorf("description %q, want the nested table's text after the prose", d)
	}
}

// TestInvisibleText checks that zero-width characters, scripts, styles and
// entities do not leak into codes, names or messages.
func TestInvisibleText(t *testing.T) {
	input := synthPage(60, func(i int, c *[3]string) {
		if i == 0 {
			c[0] = "\u200b2000\ufeff"
			c[1] = "<code>Item\u200bNotFound</code>&nbsp;Robot&#39;s <script>var x = 1;</script>name&amp;value <style>p{}</style>[Name]."
			c[2] = "Only&nbsp;when\u200b enabled &lt;always&gt;."
		}
	})
	cat := mustParse(t, []byte(input), page.Options{URI: "invisible.html"})
	c := cat.Codes[0]
	want := model.Code{
		Code: 2000, Names: []string{"ItemNotFound"}, Messages: []string{"Robot's name&value [Name]."},
		Params: []string{"Name"}, Description: "Only when enabled <always>.", Endpoints: []model.Endpoint{},
		Source: "page row 2",
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
}

// latinPage returns a page whose first message is "Categoría inválida."
// encoded as ISO-8859-1, with the given <meta> charset.
func latinPage(t *testing.T, metaCharset string) []byte {
	t.Helper()
	s := synthPage(60, func(i int, c *[3]string) {
		if i == 0 {
			c[1] = "Categoría inválida."
		}
	})
	s = strings.Replace(s, "<head>", `<head><meta charset="`+metaCharset+`">`, 1)
	b, err := charmap.ISO8859_1.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(b)
}

// TestCharset checks that the page is decoded by its <meta> charset, and by
// the HTTP Content-Type's charset when that disagrees with the meta.
func TestCharset(t *testing.T) {
	tests := []struct {
		name, meta, contentType string
	}{
		{"meta", "iso-8859-1", ""},
		{"header beats meta", "utf-8", "text/html; charset=ISO-8859-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat := mustParse(t, latinPage(t, tt.meta), page.Options{URI: "latin.html", ContentType: tt.contentType})
			if got := cat.Codes[0].Messages; !reflect.DeepEqual(got, []string{"Categoría inválida."}) {
				t.Errorf("messages %q", got)
			}
		})
	}
}

// TestEndpointItemDefect checks that a list item that is not an endpoint is
// reported, and its text kept in the description.
func TestEndpointItemDefect(t *testing.T) {
	input := synthPage(60, func(i int, c *[3]string) {
		if i == 0 {
			c[2] = "Returned for the following endpoints:<ul><li>POST - <code>/odata/Robots</code></li><li>FETCH - /odata/Jobs</li></ul>"
		}
	})
	cat := mustParse(t, []byte(input), page.Options{URI: "items.html"})
	c := cat.Codes[0]
	if want := []model.Endpoint{ep("/odata/Robots", "POST")}; !reflect.DeepEqual(c.Endpoints, want) {
		t.Errorf("endpoints %+v, want %+v", c.Endpoints, want)
	}
	if want := "Returned for the following endpoints: FETCH - /odata/Jobs"; c.Description != want {
		t.Errorf("description %q, want %q", c.Description, want)
	}
	wantDiag := []model.Diagnostic{{Severity: "info", Source: "page", Code: 2000,
		Message: `page row 2: code 2000: endpoint item "FETCH - /odata/Jobs": "FETCH" is not an HTTP method`}}
	if !reflect.DeepEqual(cat.Diagnostics, wantDiag) {
		t.Errorf("diagnostics %+v, want %+v", cat.Diagnostics, wantDiag)
	}
}
