package page

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// gfmTables reads src as GitHub-flavoured Markdown and returns its pipe
// tables rendered to HTML (with the document's first level-1 heading, for
// error messages), so that the HTML table reader reads them: a backtick span
// becomes a <code> span, raw HTML such as <br> is kept, and in the third
// cell of each three-cell row a <br>-separated line that reads as an
// endpoint list item ("POST and PUT - `/odata/Assets`") becomes one. found
// is false when src holds no pipe table; nothing is parsed then.
//
// The Markdown is bounded like HTML, by MaxElements, before goldmark
// parses anything: its table cells (GFM pads every row to its header's
// width, so a wide header over many lines would otherwise make a tree far
// larger than the input) and the marks that can open inline elements are
// counted from the bytes. The rendered tables are then scanned as an HTML
// page is.
func gfmTables(src []byte, uri string) (root *html.Node, found bool, err error) {
	cells := gfmCellEstimate(src)
	if cells == 0 {
		return nil, false, nil
	}
	if n := cells + inlineMarks(src); n > MaxElements {
		return nil, false, &LimitError{URI: uri, Found: fmt.Sprintf("Markdown of up to %d table cells and inline elements", n),
			Limit: fmt.Sprintf("%d elements and comments a page (page.MaxElements)", MaxElements)}
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
	)
	doc := md.Parser().Parse(text.NewReader(src))
	tables, title := gfmNodes(doc, src)
	if len(tables) == 0 {
		return nil, false, nil
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><body>")
	for _, n := range append([]ast.Node{title}, tables...) {
		if n == nil {
			continue
		}
		if err := md.Renderer().Render(&b, src, n); err != nil {
			return nil, false, fmt.Errorf("%s: render Markdown table: %w", uri, err)
		}
	}
	b.WriteString("</body></html>")
	if err := scanMarkup(b.Bytes(), uri); err != nil {
		return nil, false, err
	}
	root, err = html.Parse(&b)
	if err != nil {
		return nil, false, fmt.Errorf("%s: parse Markdown table: %w", uri, err)
	}
	markEndpointLines(root)
	return root, true, nil
}

// gfmNodes returns the tables of the Markdown document doc parsed from
// src, in document order, and its first level-1 heading (nil when it has
// none). A table whose header row has fewer cells than its delimiter row
// is left out: GFM does not take it for a table (goldmark pads the header
// instead), and the plain pipe-text rendering, whose header cells stand on
// lines of their own above the rule, would otherwise read as a table of
// one cell a row.
func gfmNodes(doc ast.Node, src []byte) (tables []ast.Node, title ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Table:
			if gfmHeaderMatches(n, src) {
				tables = append(tables, n)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			if title == nil && n.Level == 1 {
				title = n
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return tables, title
}

// gfmHeaderMatches reports whether the header line of table t, in src,
// has as many cells as t has columns.
func gfmHeaderMatches(t *east.Table, src []byte) bool {
	h := t.FirstChild()
	if h == nil || h.Pos() < 0 || h.Pos() >= len(src) {
		return false
	}
	line := src[h.Pos():]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return gfmRowCells(string(line)) == len(t.Alignments)
}

// gfmRowCells counts the cells of a GFM table row: the pipes not escaped
// as "\|", plus one, a pipe at either end of the line not counted.
func gfmRowCells(line string) int {
	s := strings.TrimSpace(line)
	s = strings.TrimPrefix(s, "|")
	if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, `\|`) {
		s = s[:len(s)-1]
	}
	return len(pipePositions(s)) + 1
}

// gfmCellEstimate returns an upper bound of the rows and cells of the pipe
// tables of src: for each line that reads as a GFM delimiter row below a
// line that is not blank (goldmark pads the rows of any such table), its
// columns plus one (the row) times the lines from its header down to the
// next blank line. It is 0 when
// src holds no delimiter row. It reads src line by line, allocating
// nothing.
func gfmCellEstimate(src []byte) int {
	total := 0
	prevBlank, rows, cols := true, 0, 0
	for rest := src; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		blank := len(bytes.TrimSpace(line)) == 0
		switch {
		case cols > 0 && !blank:
			rows++
			continue
		case cols > 0:
			total += (cols + 1) * rows
			cols = 0
		}
		if !prevBlank {
			if c := delimiterColumns(string(line), 1); c > 0 {
				cols, rows = c, 2 // the header and the delimiter row
			}
		}
		prevBlank = blank
	}
	return total + (cols+1)*rows
}

// inlineMarks counts the bytes of src that can open an inline element of
// Markdown (code span, emphasis, link, raw HTML, entity, escape): with the
// cells, an upper bound of the nodes goldmark makes of a table.
func inlineMarks(src []byte) int {
	n := 0
	for _, c := range src {
		switch c {
		case '`', '*', '_', '<', '[', '!', '&', '\\':
			n++
		}
	}
	return n
}

// delimiterColumns returns the number of columns of a table delimiter row
// ("| --- | :-: |", "---|---|---|"): cells of at least minDashes dashes with
// optional alignment colons, separated by pipes, at least one pipe in the
// line. It returns 0 for any other line.
func delimiterColumns(line string, minDashes int) int {
	s := strings.TrimSpace(line)
	if !strings.Contains(s, "|") {
		return 0
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "|"), "|")
	cols := 0
	for cell := range strings.SplitSeq(s, "|") {
		c := strings.TrimSpace(cell)
		c = strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if len(c) < minDashes || strings.Trim(c, "-") != "" {
			return 0
		}
		cols++
	}
	return cols
}

// markEndpointLines turns, in the third cell of every three-cell table row
// under root, each run of inline content between <br> elements that reads
// as an endpoint list item ("METHODS - PATH", see ParseEndpointItem) into a
// list item, as the site page writes it: the Description cell's reader then
// takes it for an endpoint and keeps it out of the prose.
func markEndpointLines(root *html.Node) {
	for _, tr := range rowTags.MatchAll(root) {
		var cells []*html.Node
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if cellTags.Match(c) {
				cells = append(cells, c)
			}
		}
		if len(cells) == 3 {
			markCellEndpoints(cells[2])
		}
	}
}

// markCellEndpoints wraps each endpoint line among the children of the
// cell td in <ul><li>.
func markCellEndpoints(td *html.Node) {
	var run []*html.Node
	flush := func() {
		if len(run) > 0 && isEndpointRun(run) {
			wrapInItem(td, run)
		}
		run = nil
	}
	for c := td.FirstChild; c != nil; {
		next := c.NextSibling
		if breakTags.Match(c) {
			flush()
		} else {
			run = append(run, c)
		}
		c = next
	}
	flush()
}

// isEndpointRun reports whether the text of the sibling nodes run reads as
// an endpoint list item.
func isEndpointRun(run []*html.Node) bool {
	var b strings.Builder
	for _, n := range run {
		if !appendText(&b, n, maxEndpointLine) {
			return false
		}
	}
	_, err := ParseEndpointItem(b.String())
	return err == nil
}

// maxEndpointLine bounds the text of a line read as an endpoint item; the
// longest path of the real page is under 80 characters, and a longer line
// is prose.
const maxEndpointLine = 1024

// appendText appends the text of n and its descendants to b, elements
// whose text is never a cell's (scripts, styles) excluded; false when it
// would grow past limit bytes or n holds a block element.
func appendText(b *strings.Builder, n *html.Node, limit int) bool {
	switch {
	case n.Type == html.TextNode:
		b.WriteString(n.Data)
		return b.Len() <= limit
	case n.Type != html.ElementNode || hiddenTags.Match(n):
		return true
	case blockTags.Match(n) || itemTags.Match(n):
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !appendText(b, c, limit) {
			return false
		}
	}
	return true
}

// wrapInItem moves the sibling nodes run, children of parent, into a new
// <ul><li> that takes their place.
func wrapInItem(parent *html.Node, run []*html.Node) {
	ul := &html.Node{Type: html.ElementNode, Data: "ul", DataAtom: atom.Ul}
	li := &html.Node{Type: html.ElementNode, Data: "li", DataAtom: atom.Li}
	parent.InsertBefore(ul, run[0])
	ul.AppendChild(li)
	for _, n := range run {
		parent.RemoveChild(n)
		li.AppendChild(n)
	}
}
