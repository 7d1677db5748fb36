package page

import (
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// firstElement returns the first element of kind a in the tree rooted at
// n, n included, or nil.
func firstElement(n *html.Node, a atom.Atom) *html.Node {
	return tagMatcher{a}.MatchFirst(n)
}

// cellLines returns the lines of the cell n, read as Parse reads a cell.
func cellLines(n *html.Node) []line {
	return linesIn(goquery.NewDocumentFromNode(n).Selection)
}
