package page

import (
	"fmt"
	"html"
	"slices"
	"strings"

	nethtml "golang.org/x/net/html"
)

// pipeTable is one table of a plain pipe-text rendering: its header cells
// and its rows of cells, each cell's text as written (line breaks kept,
// "\|" unescaped).
type pipeTable struct {
	header []string
	rows   [][]string
}

// pipeTextTables reads src as the plain-text rendering of the page that
// ends every cell with "|" and breaks cells over lines, with any text
// (navigation, intro) before the table:
//
//	Code |
//	Text |
//	Description |
//	---|---|---|
//	1000 |
//	Invalid request! |
//	Generic |
//
// A rule line of at least two columns of three or more dashes ends a
// table's header: the header is the cells just before it, one per column,
// in any language; the rows are the cells after it, as many to a row as
// the rule has columns (see groupRows), up to the next table's header. A
// rule line that starts with "|" marks rows that start with one too
// ("| 1000 | ... |"), which is dropped. The tables are returned rendered to HTML, each line of a cell
// folded into one paragraph except lines of a Text cell that hold only
// names, which stay lines of their own (the older layout's names line), so
// that the HTML table reader reads them with its limits and diagnostics.
// found is false when src holds no rule line.
func pipeTextTables(src string, uri string) (root *nethtml.Node, found bool, err error) {
	tables, cells := splitPipeText(src)
	if cells > maxPipeCells {
		return nil, false, &LimitError{URI: uri, Found: fmt.Sprintf("pipe-text tables of more than %d cells", maxPipeCells),
			Limit: fmt.Sprintf("%d elements and comments a page (page.MaxElements)", MaxElements)}
	}
	if len(tables) == 0 {
		return nil, false, nil
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><body>")
	for _, t := range tables {
		renderPipeTable(&b, t)
	}
	b.WriteString("</body></html>")
	if err := scanMarkup([]byte(b.String()), uri); err != nil {
		return nil, false, err
	}
	root, err = nethtml.Parse(strings.NewReader(b.String()))
	if err != nil {
		return nil, false, fmt.Errorf("%s: parse pipe-text table: %w", uri, err)
	}
	return root, true, nil
}

// maxPipeCells bounds the cells of the pipe-text tables of a page, counted
// before any is kept. A cell renders as a <td> holding a <p> (an empty Text
// cell as a <td> alone), so tables of more cells would be refused as HTML
// by MaxElements, after they were built, but for tables of empty Text
// cells; those are refused here before they cost any memory.
const maxPipeCells = MaxElements / 2

// pipeRule is a rule line of a pipe-text table: where it starts and ends in
// the text, its columns, and whether it starts with "|".
type pipeRule struct {
	start, end int
	cols       int
	leading    bool
}

// pipeRules returns the rule lines of src in order, and their columns
// summed; it stops once that sum passes maxPipeCells.
func pipeRules(src string) (rules []pipeRule, cols int) {
	for start := 0; start < len(src) && cols <= maxPipeCells; {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		line := src[start:end]
		if c := delimiterColumns(line, 3); c >= 2 {
			rules = append(rules, pipeRule{start: start, end: end, cols: c,
				leading: strings.HasPrefix(strings.TrimSpace(line), "|")})
			cols += c
		}
		start = end + 1
	}
	return rules, cols
}

// splitPipeText splits src into its pipe-text tables and counts their
// cells (every "|" of a body and every column of a rule); when the count
// passes maxPipeCells it stops and returns no table, before any cell is
// kept.
func splitPipeText(src string) (tables []pipeTable, cells int) {
	rules, cells := pipeRules(src)
	if cells > maxPipeCells {
		return nil, cells
	}
	headerStarts := make([]int, len(rules)+1)
	headers := make([][]string, len(rules))
	lo := 0
	for i, r := range rules {
		h, start := pipeHeader(src[lo:r.start], r.cols)
		headers[i], headerStarts[i] = h, lo+start
		lo = r.end
	}
	headerStarts[len(rules)] = len(src)
	bodies := make([]string, len(rules))
	for i, r := range rules {
		bodies[i] = src[min(r.end, len(src)):max(r.end, headerStarts[i+1])]
		if cells += strings.Count(bodies[i], "|"); cells > maxPipeCells {
			return nil, cells
		}
	}
	for i, r := range rules {
		body := bodies[i]
		if r.leading {
			body = dropLeadingPipes(body)
		}
		tables = append(tables, pipeTable{header: headers[i], rows: groupRows(pipeCells(body), r.cols)})
	}
	return tables, cells
}

// pipeHeader returns the header cells at the end of the text before a rule
// line of cols columns (the last cols cells; the first starts at the start
// of its line, after a "|" if one opens the line) and the offset in before
// where the header's first line starts.
func pipeHeader(before string, cols int) ([]string, int) {
	pipes := lastPipes(before, cols+1)
	if len(pipes) == 0 {
		return nil, len(before)
	}
	first := max(len(pipes)-cols, 0)
	lineStart := strings.LastIndexByte(before[:pipes[first]], '\n') + 1
	cellStart := lineStart
	if first > 0 && pipes[first-1] >= lineStart {
		cellStart = pipes[first-1] + 1
	}
	var header []string
	for _, p := range pipes[first:] {
		header = append(header, unescapePipes(before[cellStart:p]))
		cellStart = p + 1
	}
	return header, lineStart
}

// lastPipes returns the offsets of the last n cell delimiters of s (see
// pipePositions), in order.
func lastPipes(s string, n int) []int {
	var ps []int
	for i := len(s) - 1; i >= 0 && len(ps) < n; i-- {
		if s[i] == '|' && (i == 0 || s[i-1] != '\\') {
			ps = append(ps, i)
		}
	}
	slices.Reverse(ps)
	return ps
}

// pipePositions returns the offsets of the cell delimiters of s: every "|"
// not escaped as "\|".
func pipePositions(s string) []int {
	var ps []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && s[i+1] == '|' {
				i++
			}
		case '|':
			ps = append(ps, i)
		}
	}
	return ps
}

// pipeCell is one cell of a pipe-text table body: its text, and whether
// it starts a line.
type pipeCell struct {
	text      string
	lineStart bool
}

// pipeCells returns the cells of a table body: the text before each "|",
// unescaped. Text after the last "|" is no cell.
func pipeCells(body string) []pipeCell {
	var cells []pipeCell
	start := 0
	for _, p := range pipePositions(body) {
		text := body[start:p]
		lead := text[:len(text)-len(strings.TrimLeft(text, " \t\r\n"))]
		cells = append(cells, pipeCell{text: unescapePipes(text), lineStart: start == 0 || strings.Contains(lead, "\n")})
		start = p + 1
	}
	return cells
}

// groupRows groups cells into rows of cols cells. A row ends early where a
// cell starts a row (see startsRow), so that a row missing a cell is one
// short row, which the table reader reports and skips, instead of shifting
// every cell after it into the wrong column.
func groupRows(cells []pipeCell, cols int) [][]string {
	var rows [][]string
	var row []string
	for i, c := range cells {
		if len(row) == cols || (len(row) > 0 && startsRow(cells, i, cols)) {
			rows, row = append(rows, row), nil
		}
		row = append(row, c.text)
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// startsRow reports whether cells[i] reads as the code cell of a row: an
// integer at the start of a line, with the cell cols further on a code cell
// too (the next row's) or the body ending after cols cells.
func startsRow(cells []pipeCell, i, cols int) bool {
	isCode := func(c pipeCell) bool { return c.lineStart && integerCell.MatchString(normCode(fold(c.text))) }
	if !isCode(cells[i]) {
		return false
	}
	if j := i + cols; j < len(cells) {
		return isCode(cells[j])
	}
	return i+cols == len(cells)
}

// unescapePipes turns "\|" into "|".
func unescapePipes(s string) string {
	return strings.ReplaceAll(s, `\|`, "|")
}

// dropLeadingPipes removes the "|" that opens each line of a body whose
// rows start with one.
func dropLeadingPipes(body string) string {
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		if t := strings.TrimLeft(l, " \t"); strings.HasPrefix(t, "|") {
			lines[i] = t[1:]
		}
	}
	return strings.Join(lines, "\n")
}

// renderPipeTable writes t as an HTML table: a header row of <th> cells,
// then a row of <td> cells per row of t.
func renderPipeTable(b *strings.Builder, t pipeTable) {
	b.WriteString("<table><thead><tr>")
	for _, h := range t.header {
		b.WriteString("<th><p>" + html.EscapeString(fold(h)) + "</p></th>")
	}
	b.WriteString("</tr></thead><tbody>")
	for _, row := range t.rows {
		b.WriteString("<tr>")
		for i, c := range row {
			b.WriteString("<td>")
			if i == 1 && len(row) == 3 {
				writeTextCell(b, c)
			} else {
				b.WriteString("<p>" + html.EscapeString(fold(c)) + "</p>")
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
}

// writeTextCell writes the Text cell c of a three-cell row: a line that
// holds only names (as the Text cell's reader reads a line) is a paragraph
// of its own; the other lines are folded into paragraphs between them, as
// a text rendering cannot show where one message ends and the next begins.
func writeTextCell(b *strings.Builder, c string) {
	var run []string
	flush := func() {
		if len(run) > 0 {
			b.WriteString("<p>" + html.EscapeString(fold(strings.Join(run, " "))) + "</p>")
		}
		run = nil
	}
	for l := range strings.SplitSeq(c, "\n") {
		l = fold(l)
		if l == "" {
			continue
		}
		if isNamesLine(l) {
			flush()
			b.WriteString("<p>" + html.EscapeString(l) + "</p>")
			continue
		}
		run = append(run, l)
	}
	flush()
}

// isNamesLine reports whether the Text cell's reader takes the folded
// line l for names alone, with no message.
func isNamesLine(l string) bool {
	tc := parseTextCell([]line{{segs: []segment{{text: l}}, folded: l}})
	return len(tc.names) > 0 && len(tc.messages) == 0
}
