package page

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// segment is a run of text within one line of a cell; code marks text from
// a <code> (or <kbd>, <samp>, <tt>) span.
type segment struct {
	text string
	code bool
}

// line is one line of a cell: the text between two paragraph, list item or
// <br> breaks. item marks a line inside a list item.
type line struct {
	segs []segment
	item bool
}

// text returns the line's text, whitespace folded.
func (l line) text() string {
	var b strings.Builder
	for _, s := range l.segs {
		b.WriteString(s.text)
	}
	return fold(b.String())
}

// invisibleChars are the zero-width characters that strings.TrimSpace
// keeps, removed so that they cannot hide in names, codes or messages: zero
// width space, non-joiner and joiner, word joiner, zero width no-break space
// (BOM) and soft hyphen.
const invisibleChars = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

// dropInvisible maps the invisibleChars to nothing, for strings.Map.
func dropInvisible(r rune) rune {
	if strings.ContainsRune(invisibleChars, r) {
		return -1
	}
	return r
}

// fold removes zero-width characters and folds runs of white space
// (non-breaking spaces included) to one space, trimming both ends.
func fold(s string) string {
	if strings.ContainsAny(s, invisibleChars) {
		s = strings.Map(dropInvisible, s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// cellLines splits a table cell into its lines. Paragraphs, divisions, list
// items, headings and <br> end a line; <script>, <style>, <template> and
// <noscript> contribute nothing.
func cellLines(cell *html.Node) []line {
	c := &lineCollector{}
	c.walk(cell)
	c.flush()
	return c.lines
}

// lineCollector gathers the lines of one cell.
type lineCollector struct {
	lines   []line
	cur     []segment
	inItems int // depth of enclosing <li> elements
	inCode  int // depth of enclosing code-like elements
}

// flush ends the current line, keeping it when it holds visible text.
func (c *lineCollector) flush() {
	l := line{segs: c.cur, item: c.inItems > 0}
	c.cur = nil
	if l.text() != "" {
		c.lines = append(c.lines, l)
	}
}

// walk visits the children of n in document order.
func (c *lineCollector) walk(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			c.cur = append(c.cur, segment{text: ch.Data, code: c.inCode > 0})
		case html.ElementNode:
			c.element(ch)
		}
	}
}

// element visits one element, ending lines around block elements.
func (c *lineCollector) element(n *html.Node) {
	switch {
	case ignored(n.DataAtom):
		return
	case n.DataAtom == atom.Br:
		c.flush()
	case n.DataAtom == atom.Li:
		c.flush()
		c.inItems++
		c.walk(n)
		c.flush()
		c.inItems--
	case isBlock(n.DataAtom):
		c.flush()
		c.walk(n)
		c.flush()
	case isCode(n.DataAtom):
		c.inCode++
		c.walk(n)
		c.inCode--
	default:
		c.walk(n)
	}
}

// ignored reports elements whose text is never part of a cell's text.
func ignored(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Template, atom.Noscript:
		return true
	}
	return false
}

// isBlock reports elements that start and end a line.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Hr:
		return true
	}
	return false
}

// isCode reports elements that mark their text as code.
func isCode(a atom.Atom) bool {
	switch a {
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		return true
	}
	return false
}

// cellText returns the visible text of n, its lines joined by one space.
func cellText(n *html.Node) string {
	lines := cellLines(n)
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = l.text()
	}
	return strings.Join(parts, " ")
}
