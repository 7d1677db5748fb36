package page

import (
	"fmt"
	"math"
	"regexp"
	"strconv"

	"github.com/PuerkitoBio/goquery"
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
// (header rows included), its cells, and, when it has three cells, the text
// of the first (read once: the row is counted before it is parsed).
type row struct {
	pos   int
	cells *goquery.Selection
	first string
}

// findTables returns every <table> element of doc, nested ones included,
// in document order.
func findTables(doc *goquery.Document) *goquery.Selection {
	return doc.FindMatcher(tableTags)
}

// tableRows returns the rows of table t itself (directly or in its <thead>,
// <tbody> and <tfoot>), not those of tables nested in its cells: it goes
// down child by child with ChildrenMatcher, never with Find. The rows are
// looked for in the sections because the HTML parser puts rows written
// directly in a <table> into an implicit <tbody>: "table > tr" alone
// matches nothing.
func tableRows(t *goquery.Selection) []row {
	var rows []row
	add := func(tr *goquery.Selection) {
		r := row{pos: len(rows) + 1, cells: tr.ChildrenMatcher(cellTags)}
		if r.cells.Length() == 3 {
			r.first = textIn(r.cells.First())
		}
		rows = append(rows, r)
	}
	parts := t.ChildrenMatcher(rowPartTags)
	for i := range parts.Nodes {
		part := parts.Eq(i)
		if !part.IsMatcher(sectionTags) {
			add(part)
			continue
		}
		trs := part.ChildrenMatcher(rowTags)
		for j := range trs.Nodes {
			add(trs.Eq(j))
		}
	}
	return rows
}

// isCodeRow reports whether r has the codes table's shape: three cells, an
// integer in the first.
func isCodeRow(r row) bool {
	return r.cells.Length() == 3 && integerCell.MatchString(r.first)
}

// countCodes returns how many distinct valid codes (see parseCode) the code
// rows of rows hold: the number of codes Parse would emit.
func countCodes(rows []row) int {
	seen := map[int]bool{}
	for _, r := range rows {
		if !isCodeRow(r) {
			continue
		}
		if c, ok := parseCode(r.first); ok {
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
// codes in the document rooted at root (the root node of a parsed page,
// which it wraps in a goquery document), or a *NotPageError saying what the
// document holds instead. It looks at the table's structure only: no class,
// id or header word is consulted.
func pickTable(root *html.Node, uri string) ([]row, error) {
	doc := goquery.NewDocumentFromNode(root)
	tables := findTables(doc)
	var best []row
	bestCount := 0
	for _, t := range tables.EachIter() {
		rows := tableRows(t)
		if c := countCodes(rows); c > bestCount {
			best, bestCount = rows, c
		}
	}
	if bestCount >= MinRows {
		return best, nil
	}
	return nil, &NotPageError{URI: uri, Expected: expected(), Found: describe(doc, tables.Length(), bestCount)}
}

// describe says what a document that is not the page holds, for
// NotPageError.Found.
func describe(doc *goquery.Document, tables, codeRows int) string {
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
func pageTitle(doc *goquery.Document) string {
	for _, a := range []atom.Atom{atom.Title, atom.H1} {
		if el := doc.FindMatcher(goquery.SingleMatcher(tagMatcher{a})); el.Length() > 0 {
			if t := textIn(el); t != "" {
				return t
			}
		}
	}
	return ""
}
