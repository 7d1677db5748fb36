package page

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// segment is a run of text within one line of a cell; code marks text from
// a <code> (or <kbd>, <samp>, <tt>) span.
type segment struct {
	text string
	code bool
}

// line is one line of a cell: the text between two paragraph, list item or
// <br> breaks. item marks a line inside a list item; folded, when not
// empty, is the line's text, already folded.
type line struct {
	segs   []segment
	item   bool
	folded string
}

// text returns the line's text, whitespace folded.
func (l line) text() string {
	switch {
	case l.folded != "":
		return l.folded
	case len(l.segs) == 1:
		return fold(l.segs[0].text)
	}
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
	if isFolded(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isFolded reports whether fold would return s unchanged: its only white
// space is single ASCII spaces between other characters.
func isFolded(s string) bool {
	prevSpace := true // no space at the start
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) {
			return false
		}
		prevSpace = space
	}
	return !prevSpace || s == ""
}

// linesIn splits the element el (a table cell; nil for an empty one) into
// its lines. Paragraphs, divisions, list items, headings and <br> end a
// line; <script>, <style>, <template> and <noscript> contribute nothing. The
// elements are visited as goquery selections; text nodes are read as they
// are, never through Selection.Text, which would glue the text of scripts
// in. A cell beyond the limits of readCell is cut short.
func linesIn(el *goquery.Selection) []line {
	lines, _ := readCell(el)
	return lines
}

// readCell returns the lines of el as linesIn does, and, when el holds more
// than MaxCellBytes bytes of text or maxCellLines lines, says so in over;
// the walk stops there, so an oversized cell costs no more than the limit.
func readCell(el *goquery.Selection) (lines []line, over string) {
	if el == nil {
		return nil, ""
	}
	c := &lineCollector{}
	c.walk(el)
	c.flush()
	return c.lines, c.over
}

// lineCollector gathers the lines of one cell.
type lineCollector struct {
	lines   []line
	cur     []segment
	inItems int    // depth of enclosing <li> elements
	inCode  int    // depth of enclosing code spans
	size    int    // bytes of text read
	over    string // the limit passed, "" while within them
}

// flush ends the current line, keeping it when it holds visible text.
func (c *lineCollector) flush() {
	l := line{segs: c.cur, item: c.inItems > 0}
	c.cur = nil
	if l.folded = l.text(); l.folded != "" {
		c.lines = append(c.lines, l)
		if len(c.lines) > maxCellLines && c.over == "" {
			c.over = fmt.Sprintf("more than %d lines", maxCellLines)
		}
	}
}

// walk visits the contents of the element el in document order, until a
// limit is passed.
func (c *lineCollector) walk(el *goquery.Selection) {
	if el.Get(0).FirstChild == nil {
		return
	}
	contents := el.Contents()
	for i, n := range contents.Nodes {
		if c.over != "" {
			return
		}
		switch n.Type {
		case html.TextNode:
			if c.size += len(n.Data); c.size > MaxCellBytes {
				c.over = fmt.Sprintf("more than %d bytes of text", MaxCellBytes)
				return
			}
			c.cur = append(c.cur, segment{text: n.Data, code: c.inCode > 0})
		case html.ElementNode:
			c.element(contents.Eq(i))
		}
	}
}

// element visits one element, ending lines around block elements.
func (c *lineCollector) element(el *goquery.Selection) {
	switch {
	case el.IsMatcher(hiddenTags):
		return
	case el.IsMatcher(breakTags):
		c.flush()
	case el.IsMatcher(itemTags):
		c.flush()
		c.inItems++
		c.walk(el)
		c.flush()
		c.inItems--
	case el.IsMatcher(blockTags):
		c.flush()
		c.walk(el)
		c.flush()
	case el.IsMatcher(codeTags):
		c.inCode++
		c.walk(el)
		c.inCode--
	default:
		c.walk(el)
	}
}

// textIn returns the visible text of the element el, its lines joined by
// one space.
func textIn(el *goquery.Selection) string {
	lines := linesIn(el)
	if len(lines) == 1 {
		return lines[0].folded
	}
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = l.text()
	}
	return strings.Join(parts, " ")
}
