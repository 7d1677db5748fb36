package page

import (
	"slices"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tagMatcher is a goquery.Matcher of elements by tag: an element matches
// when its atom is one of the matcher's. The parser goes through goquery
// with these rather than with selector strings because a selector string
// is compiled on every call (per row and per cell here) and a mistyped one
// silently matches nothing; a tagMatcher is built from atom constants the
// compiler checks.
type tagMatcher []atom.Atom

// Element kinds the parser selects, as goquery matchers. They are never
// modified.
var (
	// tableTags matches tables.
	tableTags = tagMatcher{atom.Table}
	// rowTags matches table rows.
	rowTags = tagMatcher{atom.Tr}
	// sectionTags matches the row groups a table's rows sit in (the parser
	// puts rows written directly in a <table> into an implicit <tbody>).
	sectionTags = tagMatcher{atom.Thead, atom.Tbody, atom.Tfoot}
	// rowPartTags matches what a table holds rows in: rows and row groups.
	rowPartTags = tagMatcher{atom.Tr, atom.Thead, atom.Tbody, atom.Tfoot}
	// cellTags matches table cells.
	cellTags = tagMatcher{atom.Td, atom.Th}
	// hiddenTags matches elements whose text is never part of a cell's text.
	hiddenTags = tagMatcher{atom.Script, atom.Style, atom.Template, atom.Noscript}
	// breakTags matches line breaks.
	breakTags = tagMatcher{atom.Br}
	// itemTags matches list items.
	itemTags = tagMatcher{atom.Li}
	// blockTags matches elements that start and end a line: paragraphs,
	// lists, headings and other blocks.
	blockTags = tagMatcher{atom.P, atom.Div, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Hr}
	// codeTags matches code spans: elements that mark their text as code.
	codeTags = tagMatcher{atom.Code, atom.Kbd, atom.Samp, atom.Tt}
)

// Match reports whether n is an element of one of m's tags.
func (m tagMatcher) Match(n *html.Node) bool {
	return n.Type == html.ElementNode && slices.Contains(m, n.DataAtom)
}

// MatchAll returns n and its descendants that match m, in document order.
func (m tagMatcher) MatchAll(n *html.Node) []*html.Node {
	var found []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if m.Match(n) {
			found = append(found, n)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return found
}

// MatchFirst returns the first of n and its descendants that matches m, in
// document order, or nil; goquery.SingleMatcher uses it to stop there.
func (m tagMatcher) MatchFirst(n *html.Node) *html.Node {
	if m.Match(n) {
		return n
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if f := m.MatchFirst(ch); f != nil {
			return f
		}
	}
	return nil
}

// Filter returns the nodes of ns that match m, in order.
func (m tagMatcher) Filter(ns []*html.Node) []*html.Node {
	var found []*html.Node
	for _, n := range ns {
		if m.Match(n) {
			found = append(found, n)
		}
	}
	return found
}
