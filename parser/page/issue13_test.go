package page_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/page"
)

// table returns a table under header (three cells, "" for none) of the
// code rows from first to last, each "Message <code>." and "Robots"; edit,
// when not nil, may rewrite a row's markup.
func table(header string, first, last int, edit func(code int, row string) string) string {
	var b strings.Builder
	b.WriteString("<table>\n")
	if header != "" {
		b.WriteString("<tr><th>" + strings.ReplaceAll(header, "|", "</th><th>") + "</th></tr>\n")
	}
	for c := first; c <= last; c++ {
		row := fmt.Sprintf("<tr><td>%d</td><td>Message %d.</td><td>Robots</td></tr>\n", c, c)
		if edit != nil {
			row = edit(c, row)
		}
		b.WriteString(row)
	}
	return b.String() + "</table>\n"
}

// html13 wraps tables in a page.
func html13(tables ...string) []byte {
	return []byte("<html><head><title>Response Codes</title></head><body>\n" + strings.Join(tables, "<p>Between.</p>\n") + "</body></html>\n")
}

// warnings returns the warning diagnostics' messages.
func warnings(cat *model.Catalog) []string {
	var out []string
	for _, d := range cat.Diagnostics {
		if d.Severity == model.SeverityWarning {
			out = append(out, d.Message)
		}
	}
	return out
}

// TestIssue13SplitTable checks that a table split in two (60 + 59 codes)
// under the same header is read as one, positions counted across both,
// with a warning.
func TestIssue13SplitTable(t *testing.T) {
	h := "Code|Text|Description"
	cat := mustParse(t, html13(table(h, 1000, 1059, nil), table(h, 1060, 1118, nil)), page.Options{URI: "split.html"})
	if len(cat.Codes) != 119 {
		t.Fatalf("%d codes, want 119", len(cat.Codes))
	}
	if got := code(t, cat, 1060).Source; got != "page row 63" {
		t.Errorf("1060 from %q, want page row 63 (61 rows of the first table, then the header)", got)
	}
	want := []string{"page: 2 tables have the same header and columns and no code in common: read as one table of 119 codes (table 1: page rows 1-61, table 2: page rows 62-121)"}
	if got := warnings(cat); !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestIssue13RepeatedTable checks that a second table of the same header
// repeating the codes is not read into the first, and says so.
func TestIssue13RepeatedTable(t *testing.T) {
	h := "Code|Text|Description"
	cat := mustParse(t, html13(table(h, 1000, 1059, nil), table(h, 1050, 1052, nil)), page.Options{URI: "repeat.html"})
	if len(cat.Codes) != 60 || code(t, cat, 1050).Source != "page row 52" {
		t.Errorf("%d codes, want the first table's 60", len(cat.Codes))
	}
	want := []string{"page: table 2 has the codes table's header and columns but repeats its codes: not read (3 codes)"}
	if got := warnings(cat); !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestIssue13Decoy checks that a bigger table of integer codes under
// another header is not the codes table, whatever its size, and that the
// choice is reported.
func TestIssue13Decoy(t *testing.T) {
	decoy := table("Status|Reason|Details", 1, 300, nil)
	real := table("Code|Text|Description", 1000, 1118, nil)
	for _, order := range [][]string{{decoy, real}, {real, decoy}} {
		cat := mustParse(t, html13(order...), page.Options{URI: "decoy.html"})
		if len(cat.Codes) != 119 || cat.Codes[0].Code != 1000 {
			t.Fatalf("%d codes from %d, want the 119 of the codes table", len(cat.Codes), cat.Codes[0].Code)
		}
		if w := warnings(cat); len(w) != 1 || !strings.Contains(w[0], `(300 codes, header "status | reason | details") is not the codes table`) {
			t.Errorf("warnings %q", w)
		}
	}
	// A localized header names the columns as well as the English one.
	cat := mustParse(t, html13(decoy, table("Código|Texto|Descripción", 1000, 1118, nil)), page.Options{URI: "es.html"})
	if len(cat.Codes) != 119 {
		t.Errorf("%d codes under the Spanish header, want 119", len(cat.Codes))
	}
	// A codes header with too few codes is not the page, even next to a
	// big decoy.
	_, err := page.Parse(html13(decoy, table("Code|Text|Description", 1000, 1010, nil)), page.Options{URI: "short.html"})
	if err == nil || !strings.Contains(err.Error(), `found 11 distinct codes under the header "code | text | description"`) {
		t.Errorf("error %v", err)
	}
}

// TestIssue13Spans checks that a rowspan in a description keeps the next
// row's code (its description is the spanning cell's) and a colspan keeps
// its row, each with a warning naming the row.
func TestIssue13Spans(t *testing.T) {
	in := html13(table("Code|Text|Description", 1000, 1059, func(c int, row string) string {
		switch c {
		case 1010:
			return `<tr><td>1010</td><td>Message 1010.</td><td rowspan="2">Shared description.</td></tr>`
		case 1011:
			return `<tr><td>1011</td><td>Message 1011.</td></tr>`
		case 1020:
			return `<tr><td>1020</td><td colspan="2">Message 1020.</td></tr>`
		}
		return row
	}))
	cat := mustParse(t, in, page.Options{URI: "spans.html"})
	if len(cat.Codes) != 60 {
		t.Fatalf("%d codes, want 60", len(cat.Codes))
	}
	if d := code(t, cat, 1011).Description; d != "Shared description." {
		t.Errorf("1011 description %q, want the spanning cell's", d)
	}
	if c := code(t, cat, 1020); !slices.Equal(c.Messages, []string{"Message 1020."}) || c.Description != "" || c.Category != "" {
		t.Errorf("1020: %q %q %q, want the message and no description", c.Messages, c.Description, c.Category)
	}
	want := []string{
		"page row 13: code 1011: column 3 is the cell of page row 12 (rowspan)",
		"page row 22: code 1020: columns 2-3 are one cell (colspan), read as column 2 and empty cells",
	}
	if got := warnings(cat); !slices.Equal(got, want) {
		t.Errorf("warnings\n%q\nwant\n%q", got, want)
	}
}

// TestIssue13CodeSpelling checks that codes written with spaces, no-break
// spaces or full-width digits are read, each with a warning, even as the
// first data row, and that a first data row whose code cannot be read is
// reported instead of taken for a header.
func TestIssue13CodeSpelling(t *testing.T) {
	spelled := map[int]string{1000: "1 000", 1001: "1\u00a0001", 1002: "１００２", 1003: "1\u202f003"}
	in := html13(table("Code|Text|Description", 1000, 1059, func(c int, row string) string {
		if s, ok := spelled[c]; ok {
			return strings.Replace(row, fmt.Sprint(c), s, 1)
		}
		return row
	}))
	cat := mustParse(t, in, page.Options{URI: "spelling.html"})
	if len(cat.Codes) != 60 || cat.Codes[0].Code != 1000 || cat.Codes[0].Source != "page row 2" {
		t.Fatalf("%d codes from %d, want 60 from 1000 on page row 2", len(cat.Codes), cat.Codes[0].Code)
	}
	want := []string{
		`page row 2: code "1 000" read as 1000`,
		`page row 3: code "1 001" read as 1001`,
		`page row 4: code "１００２" read as 1002`,
		`page row 5: code "1 003" read as 1003`,
	}
	if got := warnings(cat); !slices.Equal(got, want) {
		t.Errorf("warnings\n%q\nwant\n%q", got, want)
	}

	bad := html13(table("Code|Text|Description", 1000, 1060, func(c int, row string) string {
		switch c {
		case 1000:
			return strings.Replace(row, "1000", "1OOO", 1)
		case 1001:
			return "<tr><td>1001</td><td>Message 1001.</td></tr>"
		}
		return row
	}))
	cat = mustParse(t, bad, page.Options{URI: "bad.html"})
	want = []string{
		`page row 2: first cell "1OOO", not three cells with an integer code; row skipped`,
		"page row 3: 2 cells, not three cells with an integer code; row skipped",
	}
	if got := warnings(cat); !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestIssue13Limits checks that each limit refuses the page with a
// *LimitError naming the limit, the row and the code.
func TestIssue13Limits(t *testing.T) {
	h := "Code|Text|Description"
	tests := []struct {
		name string
		page []byte
		want string
	}{
		{"rows", html13(table(h, 1, page.MaxRows+1, nil)),
			"rows.html: the codes table has 10001 code rows; the limit is 10000 code rows (page.MaxRows)"},
		{"messages", html13(table(h, 1000, 1059, func(c int, row string) string {
			if c == 1001 {
				return "<tr><td>1001</td><td>" + strings.Repeat("<p>a</p>", page.MaxMessages+1) + "</td><td>d</td></tr>"
			}
			return row
		})), "messages.html: page row 3: code 1001: 33 messages; the limit is 32 messages a code (page.MaxMessages)"},
		{"cell bytes", html13(table(h, 1000, 1059, func(c int, row string) string {
			if c == 1002 {
				return "<tr><td>1002</td><td>m</td><td>" + strings.Repeat("word ", page.MaxCellBytes/5+1) + "</td></tr>"
			}
			return row
		})), "cell bytes.html: page row 4: code 1002: the Description cell holds more than 1048576 bytes of text; the limit is 1048576 bytes of text (page.MaxCellBytes) and 4096 lines a cell"},
		{"elements", html13(table(h, 1000, 1059, func(c int, row string) string {
			if c == 1003 {
				return "<tr><td>1003</td><td>" + strings.Repeat("<p>a", page.MaxElements) + "</td><td>d</td></tr>"
			}
			return row
		})), "elements.html: the page holds more than 500000 elements and comments; the limit is 500000 elements and comments a page (page.MaxElements)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := page.Parse(tt.page, page.Options{URI: tt.name + ".html"})
			var le *page.LimitError
			if !errors.As(err, &le) || err.Error() != tt.want {
				t.Errorf("error\n%v\nwant\n%s", err, tt.want)
			}
		})
	}
}

// TestIssue13Truncated checks that a page cut off inside its table is
// refused, where the HTML parser would close the table silently.
func TestIssue13Truncated(t *testing.T) {
	full := html13(table("Code|Text|Description", 1000, 1118, nil))
	cut := full[:len(full)*2/3]
	_, err := page.Parse(cut, page.Options{URI: "cut.html"})
	var te *page.TruncatedError
	if !errors.As(err, &te) || err.Error() != "cut.html: page is cut short: 1 table opened, 0 closed (no closing </table>)" {
		t.Errorf("error %v", err)
	}
	// A <table> in a comment or a script is no table.
	ok := append([]byte("<!-- <table> --><script>var s = '<table>';</script>"), full...)
	mustParse(t, ok, page.Options{URI: "ok.html"})
}

// TestIssue13MaxLines checks the page-wide bound on lines: rows within
// MaxMessages each still cannot add up past MaxLines.
func TestIssue13MaxLines(t *testing.T) {
	cell := strings.Repeat("<p>m</p>", 20)
	rows := page.MaxLines/20 + 1
	in := html13(table("Code|Text|Description", 1, rows, func(c int, row string) string {
		return fmt.Sprintf("<tr><td>%d</td><td>%s</td><td></td></tr>", c, cell)
	}))
	_, err := page.Parse(in, page.Options{URI: "lines.html"})
	want := fmt.Sprintf("lines.html: page row %d: code %d: the codes table holds more than 50000 lines of text and names up to here; the limit is 50000 lines a page (page.MaxLines)", rows+1, rows)
	var le *page.LimitError
	if !errors.As(err, &le) || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
}

// TestIssue13MaxTextBytes checks the page-wide bound on text: rows within
// MaxCellBytes each still cannot add up past MaxTextBytes.
func TestIssue13MaxTextBytes(t *testing.T) {
	msg := strings.Repeat("x", 64<<10)
	rows := page.MaxTextBytes/len(msg) + 1
	in := html13(table("Code|Text|Description", 1, max(rows, page.MinRows), func(c int, row string) string {
		return fmt.Sprintf("<tr><td>%d</td><td>%s</td><td></td></tr>", c, msg)
	}))
	_, err := page.Parse(in, page.Options{URI: "text.html"})
	want := fmt.Sprintf("text.html: page row %d: code %d: the codes table holds more than 4194304 bytes of text up to here; the limit is 4194304 bytes of text a page (page.MaxTextBytes)", rows+1, rows)
	var le *page.LimitError
	if !errors.As(err, &le) || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
}

// TestIssue13OddSpans checks span attributes that are out of range or
// malformed: the page is read, the rows they shape reported.
func TestIssue13OddSpans(t *testing.T) {
	odd := map[int]string{
		1003: `<tr><td>1003</td><td colspan="99999">Wide.</td></tr>`,
		1004: `<tr><td rowspan="abc">1004</td><td colspan="-2">m</td><td rowspan="-1">d</td></tr>`,
		1005: `<tr><td>1005</td><td>m</td><td rowspan="0">To the end.</td></tr>`,
		1059: `<tr><td>1059</td><td rowspan="5">Last row.</td><td>d</td></tr>`,
	}
	in := html13(table("Code|Text|Description", 1000, 1059, func(c int, row string) string {
		if s, ok := odd[c]; ok {
			return s
		}
		if c > 1005 {
			return fmt.Sprintf("<tr><td>%d</td><td>Message %d.</td></tr>", c, c)
		}
		return row
	}))
	cat := mustParse(t, in, page.Options{URI: "odd.html"})
	// 1003 is 9 cells wide (colspan clamped to 8); 1059 is 4, the
	// rowspan=0 cell of 1005 standing in its third column as a browser
	// lays it out.
	if len(cat.Codes) != 58 {
		t.Errorf("%d codes, want 58", len(cat.Codes))
	}
	if d := code(t, cat, 1058).Description; d != "To the end." {
		t.Errorf("1058 description %q, want the rowspan=0 cell's", d)
	}
	w := warnings(cat)
	if len(w) != 55 || w[0] != "page row 5: 9 cells, not three cells with an integer code; row skipped" ||
		w[1] != "page row 8: code 1006: column 3 is the cell of page row 7 (rowspan)" ||
		w[54] != "page row 61: 4 cells, not three cells with an integer code; row skipped" {
		t.Errorf("%d warnings %q", len(w), w)
	}
}

// TestIssue13HeaderlessRest checks that the rest of a table split without
// repeating its header is not read into it (another header) but named in a
// warning, so its codes are not lost silently.
func TestIssue13HeaderlessRest(t *testing.T) {
	cat := mustParse(t, html13(table("Code|Text|Description", 1000, 1059, nil), table("", 1060, 1079, nil)), page.Options{URI: "rest.html"})
	if len(cat.Codes) != 60 {
		t.Errorf("%d codes, want the first table's 60", len(cat.Codes))
	}
	want := []string{`page: table 2 (20 codes, header "") is not the codes table: its header differs from table 1's`}
	if got := warnings(cat); !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}
