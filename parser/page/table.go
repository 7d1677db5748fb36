package page

import (
	"fmt"
	"math"
	"regexp"
	"strconv"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MinRows is the fewest distinct codes (positive 32-bit integers in the
// first of three cells) a table must hold to be taken for the Response Codes
// table. The real page has 119; a table with far fewer (a status-code
// summary, a stub, a truncated copy) is not the page, and emitting it would
// silently drop most codes. Parse therefore never returns fewer codes.
const MinRows = 50

// expected says what Parse looks for, in NotPageError.Expected.
func expected() string {
	return fmt.Sprintf("a table of three columns with integer codes in the first and at least %d distinct codes", MinRows)
}

// integerCell matches the text of a cell holding an integer code.
var integerCell = regexp.MustCompile(`^[+-]?[0-9]+$`)

// row is one row of a table: its 1-based position among the table's rows
// (header rows included) and its cells.
type row struct {
	pos   int
	cells []*html.Node
}

// findTables returns every <table> element below n, nested ones included,
// in document order.
func findTables(n *html.Node) []*html.Node {
	var tables []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			tables = append(tables, n)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return tables
}

// tableRows returns the rows of table t itself (directly or in its <thead>,
// <tbody> and <tfoot>), not those of tables nested in its cells.
func tableRows(t *html.Node) []row {
	var rows []row
	add := func(tr *html.Node) {
		rows = append(rows, row{pos: len(rows) + 1, cells: rowCells(tr)})
	}
	for ch := t.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case isElement(ch, atom.Tr):
			add(ch)
		case isElement(ch, atom.Thead), isElement(ch, atom.Tbody), isElement(ch, atom.Tfoot):
			for tr := ch.FirstChild; tr != nil; tr = tr.NextSibling {
				if isElement(tr, atom.Tr) {
					add(tr)
				}
			}
		}
	}
	return rows
}

// rowCells returns the <td> and <th> cells of a row.
func rowCells(tr *html.Node) []*html.Node {
	var cells []*html.Node
	for ch := tr.FirstChild; ch != nil; ch = ch.NextSibling {
		if isElement(ch, atom.Td) || isElement(ch, atom.Th) {
			cells = append(cells, ch)
		}
	}
	return cells
}

// isElement reports whether n is an element of kind a.
func isElement(n *html.Node, a atom.Atom) bool {
	return n.Type == html.ElementNode && n.DataAtom == a
}

// isCodeRow reports whether r has the codes table's shape: three cells, an
// integer in the first.
func isCodeRow(r row) bool {
	return len(r.cells) == 3 && integerCell.MatchString(cellText(r.cells[0]))
}

// countCodes returns how many distinct valid codes (see parseCode) the code
// rows of rows hold: the number of codes Parse would emit.
func countCodes(rows []row) int {
	seen := map[int]bool{}
	for _, r := range rows {
		if !isCodeRow(r) {
			continue
		}
		if c, ok := parseCode(cellText(r.cells[0])); ok {
			seen[c] = true
		}
	}
	return len(seen)
}

// parseCode returns the code of a code cell's text; ok is false when it is
// not a positive integer that fits in 32 bits (the ErrorCode of the error
// body is an int32).
func parseCode(s string) (code int, ok bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt32 {
		return 0, false
	}
	return int(n), true
}

// pickTable returns the rows of the table with the most distinct valid
// codes, or a
// *NotPageError saying what the document holds instead. It looks at the
// table's structure only: no class, id or header word is consulted.
func pickTable(doc *html.Node, uri string) ([]row, error) {
	tables := findTables(doc)
	var best []row
	bestCount := 0
	for _, t := range tables {
		rows := tableRows(t)
		if c := countCodes(rows); c > bestCount {
			best, bestCount = rows, c
		}
	}
	if bestCount >= MinRows {
		return best, nil
	}
	return nil, &NotPageError{URI: uri, Expected: expected(), Found: describe(doc, len(tables), bestCount)}
}

// describe says what a document that is not the page holds, for
// NotPageError.Found.
func describe(doc *html.Node, tables, codeRows int) string {
	var found string
	switch {
	case tables == 0:
		found = "no table"
	case codeRows == 0:
		found = fmt.Sprintf("%s, none with three columns and integer codes in the first", plural(tables, "table"))
	default:
		found = fmt.Sprintf("at most %s in a table", plural(codeRows, "distinct code"))
	}
	if title := pageTitle(doc); title != "" {
		found += fmt.Sprintf(" (page title %q)", title)
	}
	return found
}

// plural returns "1 table" or "3 tables".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// pageTitle returns the text of the document's <title>, or of its first
// <h1> when it has no title, or "".
func pageTitle(doc *html.Node) string {
	for _, a := range []atom.Atom{atom.Title, atom.H1} {
		if n := firstElement(doc, a); n != nil {
			if t := cellText(n); t != "" {
				return t
			}
		}
	}
	return ""
}

// firstElement returns the first element of kind a below n, or nil.
func firstElement(n *html.Node, a atom.Atom) *html.Node {
	if isElement(n, a) {
		return n
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if f := firstElement(ch, a); f != nil {
			return f
		}
	}
	return nil
}
