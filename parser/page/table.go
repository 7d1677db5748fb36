package page

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

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

// integerCell matches the text of a cell holding an integer code, once
// normalised by normCode.
var integerCell = regexp.MustCompile(`^[+-]?[0-9]+$`)

// groupedDigits matches a number written in groups of three digits with a
// thousands separator ("1 000", "1,000", "1.000", "1'000"), after normCode
// turned every space into " ".
var groupedDigits = regexp.MustCompile(`^[0-9]{1,3}(?:[ ,.'’][0-9]{3})+$`)

// Bounds of the span attributes: a code row is three columns wide, so a
// wider span only makes a row that is no code row; maxColumns bounds the
// cells kept of one row whatever its spans.
const (
	maxColspan = 8
	maxColumns = 64
)

// rowCells are the cells of a row once spans are expanded, one per column;
// nil stands for a column covered by the colspan of the cell before it,
// read as an empty cell.
type rowCells []*goquery.Selection

// Length returns the number of columns.
func (c rowCells) Length() int { return len(c) }

// row is one row of a table: its 1-based position among the table's rows
// (header rows included; in tables read as one, counted across them), its
// cells with rowspan and colspan expanded, the text of the first and, when
// it has three cells, that text as a code (read once: the row is counted
// before it is parsed).
type row struct {
	pos   int
	cells rowCells
	width int // columns before maxColumns applied
	first string
	code  string     // first, normalised (see normCode)
	spans []spanNote // how spans shaped the row, for diagnostics
}

// spanNote records how a rowspan or colspan shaped a row.
type spanNote struct {
	col  int // 1-based column
	from int // rowspan: the page row the cell stands in; 0 for a colspan
	cols int // colspan: the columns the cell covers
}

// shift moves the page row a rowspan note names by off rows.
func (n *spanNote) shift(off int) {
	if n.from > 0 {
		n.from += off
	}
}

// String says what the span did to the row.
func (n spanNote) String() string {
	if n.from > 0 {
		return fmt.Sprintf("column %d is the cell of page row %d (rowspan)", n.col, n.from)
	}
	return fmt.Sprintf("columns %d-%d are one cell (colspan), read as column %d and empty cells", n.col, n.col+n.cols-1, n.col)
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
// matches nothing. Cells spanning rows or columns are expanded (see
// spanner).
func tableRows(t *goquery.Selection) []row {
	var trs []*goquery.Selection
	parts := t.ChildrenMatcher(rowPartTags)
	for i := range parts.Nodes {
		part := parts.Eq(i)
		if !part.IsMatcher(sectionTags) {
			trs = append(trs, part)
			continue
		}
		rs := part.ChildrenMatcher(rowTags)
		for j := range rs.Nodes {
			trs = append(trs, rs.Eq(j))
		}
	}
	s := spanner{total: len(trs)}
	rows := make([]row, 0, len(trs))
	for i, tr := range trs {
		r := s.row(i, tr)
		if len(r.cells) > 0 {
			r.first = textIn(r.cells[0])
		}
		if len(r.cells) == 3 {
			r.code = normCode(r.first)
		}
		rows = append(rows, r)
	}
	return rows
}

// spanner lays the cells of a table's rows out in columns, the way a
// browser does: a cell with colspan=N covers N columns (the first reads as
// the cell, the others as empty), one with rowspan=N stands in the same
// column of the N-1 rows below it too.
type spanner struct {
	total   int     // rows of the table
	pending []carry // by column: a cell spanning down into later rows
}

// carry is a cell standing in later rows of its column.
type carry struct {
	cell *goquery.Selection
	left int // rows below still covered
	from int // page row of the cell
}

// row lays out the row tr, the index-th of the table.
func (s *spanner) row(index int, tr *goquery.Selection) row {
	r := row{pos: index + 1}
	tds := tr.ChildrenMatcher(cellTags)
	col := 0
	fill := func() { // columns still covered by cells of rows above
		for col < len(s.pending) && s.pending[col].left > 0 {
			p := &s.pending[col]
			p.left--
			r.add(p.cell)
			r.spans = append(r.spans, spanNote{col: col + 1, from: p.from})
			col++
		}
	}
	for j := range tds.Nodes {
		fill()
		td := tds.Eq(j)
		cs := spanAttr(td, "colspan", 1, maxColspan)
		rs := spanAttr(td, "rowspan", 1, s.total-index)
		if rs == 0 { // rowspan=0: to the end of the table
			rs = s.total - index
		}
		if cs > 1 {
			r.spans = append(r.spans, spanNote{col: col + 1, cols: cs})
		}
		for k := range cs {
			cell := td
			if k > 0 {
				cell = nil
			}
			r.add(cell)
			s.carry(col, carry{cell: cell, left: rs - 1, from: r.pos})
			col++
		}
	}
	fill()
	return r
}

// add appends a cell to r, keeping at most maxColumns.
func (r *row) add(cell *goquery.Selection) {
	r.width++
	if len(r.cells) < maxColumns {
		r.cells = append(r.cells, cell)
	}
}

// carry records what column col holds in the rows below.
func (s *spanner) carry(col int, c carry) {
	if col >= maxColumns {
		return
	}
	for len(s.pending) <= col {
		s.pending = append(s.pending, carry{})
	}
	s.pending[col] = c
}

// spanAttr returns the span attribute name of td, def when absent or not a
// number, clamped to [0, max].
func spanAttr(td *goquery.Selection, name string, def, max int) int {
	v, ok := td.Attr(name)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return def
	}
	return min(n, max)
}

// isCodeRow reports whether r has the codes table's shape: three cells, an
// integer in the first.
func isCodeRow(r row) bool {
	return len(r.cells) == 3 && integerCell.MatchString(r.code)
}

// normCode normalises the text of a code cell: full-width digits become
// ASCII digits, and a number written in groups of three ("1 000", "1 000"
// with a no-break space, "1,000") loses its separators. Anything else is
// returned as is.
func normCode(s string) string {
	if integerCell.MatchString(s) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '＋':
			return '+'
		case r == '－':
			return '-'
		case unicode.IsSpace(r):
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
	if groupedDigits.MatchString(s) {
		s = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	return s
}

// parseCode returns the code of a code cell's normalised text; ok is false
// when it is not a positive integer that fits in 32 bits (the ErrorCode of
// the error body is an int32).
func parseCode(s string) (code int, ok bool) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt32 {
		return 0, false
	}
	return int(n), true
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

// rootDocument wraps the root node of a parsed page in a goquery document.
func rootDocument(root *html.Node) *goquery.Document {
	return goquery.NewDocumentFromNode(root)
}
