package page

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// docOf parses src as a goquery document.
func docOf(t *testing.T, src string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// names returns the tag names of the nodes of sel, with the text of each
// element's first text child after a colon when it has one.
func names(sel *goquery.Selection) []string {
	var out []string
	for _, n := range sel.Nodes {
		s := n.Data
		if n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
			s += ":" + n.FirstChild.Data
		}
		out = append(out, s)
	}
	return out
}

// TestTagMatcherWithGoquery checks what the matchers select through
// goquery, since a wrong matcher would, like a wrong selector, quietly
// select nothing: tables nested ones included, rows through the implicit
// <tbody> only, cells of one row only, code spans in order.
func TestTagMatcherWithGoquery(t *testing.T) {
	doc := docOf(t, `<table><tr><td>a</td><th>b</th><td><table><tr><td>n</td></tr></table></td></tr></table>`+
		`<p><code>x</code> and <kbd>y</kbd> <tt>z</tt></p>`)
	tests := []struct {
		name string
		sel  *goquery.Selection
		want string
	}{
		{"tables", doc.FindMatcher(tableTags), "table table"},
		{"table > tr", doc.FindMatcher(tableTags).First().ChildrenMatcher(rowTags), ""},
		{"table > tbody", doc.FindMatcher(tableTags).First().ChildrenMatcher(sectionTags), "tbody"},
		{"rows of the outer table", doc.FindMatcher(tableTags).First().ChildrenMatcher(sectionTags).ChildrenMatcher(rowTags), "tr"},
		{"cells of the outer row", doc.FindMatcher(rowTags).First().ChildrenMatcher(cellTags), "td:a th:b td"},
		{"code spans", doc.FindMatcher(codeTags), "code:x kbd:y tt:z"},
		{"first", doc.FindMatcher(goquery.SingleMatcher(cellTags)), "td:a"},
		{"filter", doc.FindMatcher(blockTags).FilterMatcher(tableTags), "table table"},
		{"none", doc.FindMatcher(itemTags), ""},
	}
	for _, tt := range tests {
		if got := strings.Join(names(tt.sel), " "); got != tt.want {
			t.Errorf("%s: selected %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestTagMatcherMatch checks that only elements match, by tag.
func TestTagMatcherMatch(t *testing.T) {
	doc := docOf(t, "<p>text<!--c--></p>")
	p := doc.FindMatcher(tagMatcher{atom.P}).Get(0)
	tests := []struct {
		n    *html.Node
		m    tagMatcher
		want bool
	}{
		{p, blockTags, true},
		{p, codeTags, false},
		{p.FirstChild, blockTags, false},           // text
		{p.LastChild, tagMatcher{atom.P}, false},   // comment
		{doc.Get(0), tagMatcher{atom.Html}, false}, // document node
		{doc.Get(0).FirstChild, tagMatcher{atom.Html}, true},
	}
	for i, tt := range tests {
		if got := tt.m.Match(tt.n); got != tt.want {
			t.Errorf("case %d: Match(%q) = %v, want %v", i, tt.n.Data, got, tt.want)
		}
	}
	if got := (tagMatcher{atom.Td}).MatchFirst(doc.Get(0)); got != nil {
		t.Errorf("MatchFirst found %q in a document without cells", got.Data)
	}
}

// TestTableRowsOwnOnly checks that tableRows reads a table's rows through
// its sections in order, header and footer included, with their first
// cells, and leaves the rows of a table nested in a cell to that table.
func TestTableRowsOwnOnly(t *testing.T) {
	doc := docOf(t, `<table><thead><tr><th>Code</th><th>T</th><th>D</th></tr></thead>`+
		`<tr><td>7</td><td><table><tr><td>8</td><td>x</td><td>y</td></tr></table></td><td>d</td></tr>`+
		`<tfoot><tr><td>9</td></tr></tfoot></table>`)
	tables := doc.FindMatcher(tableTags)
	if tables.Length() != 2 {
		t.Fatalf("found %d tables, want 2", tables.Length())
	}
	var got []string
	for _, r := range tableRows(tables.First()) {
		got = append(got, fmt.Sprintf("%d:%d:%s", r.pos, r.cells.Length(), r.first))
	}
	if want := []string{"1:3:Code", "2:3:7", "3:1:9"}; !reflect.DeepEqual(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
	if inner := tableRows(tables.Eq(1)); len(inner) != 1 || inner[0].first != "8" {
		t.Errorf("nested table rows %+v, want one row of code 8", inner)
	}
}

// TestHiddenTextSkipped checks that the text of scripts, styles, templates
// and noscript blocks stays out of a cell, where Selection.Text would keep
// it.
func TestHiddenTextSkipped(t *testing.T) {
	doc := docOf(t, `<table><tr><td>a<script>s()</script><style>p{}</style>`+
		`<template><p>t</p></template><noscript>n</noscript> b</td></tr></table>`)
	cell := doc.FindMatcher(cellTags)
	if got := textIn(cell); got != "a b" {
		t.Errorf("textIn = %q, want %q", got, "a b")
	}
	if got := cell.Text(); got != "as()p{}tn b" {
		t.Errorf("Selection.Text = %q; the pitfall this test guards against changed", got)
	}
}
