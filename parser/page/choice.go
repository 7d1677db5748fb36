package page

import (
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/orcgen/orcgen/model"
)

// headerWords are the header cells of the codes table's three columns
// (Code, Text, Description) in the page's languages, folded to lower case.
// A table whose header row names more of them is the codes table before
// one naming fewer, whatever their sizes: a bigger table of integer codes
// under another header (HTTP statuses, a changelog) is a decoy.
var headerWords = [3][]string{
	{"code", "codes", "error code", "código", "codigo", "códigos", "codice", "code d'erreur", "code d’erreur",
		"fehlercode", "kód", "kod", "код", "コード", "エラーコード", "코드", "오류 코드", "代码", "代碼", "错误代码", "錯誤代碼"},
	{"text", "texto", "texte", "testo", "message", "messages", "mensaje", "mensagem", "nachricht", "meldung",
		"текст", "сообщение", "テキスト", "メッセージ", "텍스트", "메시지", "文本", "消息", "訊息"},
	{"description", "descripción", "descripcion", "descrição", "descricao", "beschreibung", "descrizione",
		"описание", "説明", "설명", "描述", "說明"},
}

// candidate is a table holding at least one code row.
type candidate struct {
	index  int // 1-based among the page's tables
	rows   []row
	codes  map[int]bool // distinct valid codes
	header []string     // lower-cased cells of the row before the first code row; nil if none
}

// newCandidate reads table number index; nil when it holds no code row.
func newCandidate(index int, rows []row) *candidate {
	c := &candidate{index: index, rows: rows, codes: map[int]bool{}}
	first := true
	for i, r := range rows {
		if !isCodeRow(r) {
			continue
		}
		if first && i > 0 {
			c.header = headerOf(rows[i-1])
		}
		first = false
		if code, ok := parseCode(r.code); ok {
			c.codes[code] = true
		}
	}
	if len(c.codes) == 0 {
		return nil
	}
	return c
}

// headerOf returns the lower-cased text of r's cells, each cut to 64
// bytes.
func headerOf(r row) []string {
	h := make([]string, len(r.cells))
	for i, cell := range r.cells {
		t := strings.ToLower(textIn(cell))
		if len(t) > 64 {
			t = t[:64]
		}
		h[i] = t
	}
	return h
}

// key groups tables that are parts of one table: the same header cells (and
// so the same number of columns). A table without a header row is a group
// of its own.
func (c *candidate) key() string {
	if c.header == nil {
		return fmt.Sprintf("#%d", c.index)
	}
	return strings.Join(c.header, "\x00")
}

// headerScore counts the header cells that name the codes table's column
// of their position.
func (c *candidate) headerScore() int {
	n := 0
	for i, h := range c.header {
		if i < len(headerWords) && containsString(headerWords[i], h) {
			n++
		}
	}
	return n
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// group is the tables of one key: those whose codes do not overlap are
// parts of one table, read in document order.
type group struct {
	parts   []*candidate
	repeats []*candidate // tables of the key repeating codes of the parts
	codes   map[int]bool
}

// add adds c as a part, or as a repeat when it shares a code with the
// parts.
func (g *group) add(c *candidate) {
	for code := range c.codes {
		if g.codes[code] {
			g.repeats = append(g.repeats, c)
			return
		}
	}
	g.parts = append(g.parts, c)
	for code := range c.codes {
		g.codes[code] = true
	}
}

// better reports whether g is a better codes table than o: its header names
// more of the codes table's columns, or as many and it holds more codes.
func (g *group) better(o *group) bool {
	if gs, os := g.parts[0].headerScore(), o.parts[0].headerScore(); gs != os {
		return gs > os
	}
	return len(g.codes) > len(o.codes)
}

// picked is the codes table Parse reads: one table, or the parts of one.
type picked struct {
	parts [][]row // each part's rows; positions counted across parts
	diags []model.Diagnostic
}

// pickTable returns the codes table of the document rooted at root: the
// tables are grouped by header (see candidate.key), the parts of a group
// read as one, and the group whose header names the codes table's columns
// best, then the one with the most distinct codes, wins. It returns a
// *NotPageError saying what the document holds when that group has fewer
// than MinRows codes, and a *LimitError when it has more than MaxRows code
// rows. No class or id is consulted.
func pickTable(root *html.Node, uri string) (*picked, error) {
	doc := rootDocument(root)
	tables := findTables(doc)
	var groups []*group
	byKey := map[string]*group{}
	most := 0
	for i, t := range tables.EachIter() {
		c := newCandidate(i+1, tableRows(t))
		if c == nil {
			continue
		}
		g := byKey[c.key()]
		if g == nil {
			g = &group{codes: map[int]bool{}}
			byKey[c.key()] = g
			groups = append(groups, g)
		}
		g.add(c)
		most = max(most, len(g.codes))
	}
	var best *group
	for _, g := range groups {
		if best == nil || g.better(best) {
			best = g
		}
	}
	if best == nil || len(best.codes) < MinRows {
		return nil, &NotPageError{URI: uri, Expected: expected(), Found: describe(doc, tables.Length(), best, most)}
	}
	return best.pick(uri, groups)
}

// reportOther is the fewest distinct codes of a table left out that a
// warning names: a table of ten integer codes under another header, or
// without one (the rest of a table split without repeating its header), may
// be codes lost; a status table of a few rows or a table nested in a cell
// is not worth a line.
const reportOther = MinRows / 5

// pick returns the rows of g's parts, positions counted across them, with
// diagnostics for the parts read as one, the repeats left out and the
// other groups of at least reportOther codes.
func (g *group) pick(uri string, groups []*group) (*picked, error) {
	p := &picked{}
	codeRows, off := 0, 0
	var spans []string
	for _, c := range g.parts {
		rows := make([]row, len(c.rows))
		for i, r := range c.rows {
			r.pos += off
			for j := range r.spans {
				r.spans[j].shift(off)
			}
			rows[i] = r
			if isCodeRow(r) {
				codeRows++
			}
		}
		spans = append(spans, fmt.Sprintf("table %d: page rows %d-%d", c.index, off+1, off+len(rows)))
		off += len(rows)
		p.parts = append(p.parts, rows)
	}
	if codeRows > MaxRows {
		return nil, &LimitError{URI: uri, Found: fmt.Sprintf("the codes table has %d code rows", codeRows),
			Limit: fmt.Sprintf("%d code rows (page.MaxRows)", MaxRows)}
	}
	if len(g.parts) > 1 {
		p.warn("%d tables have the same header and columns and no code in common: read as one table of %s (%s)",
			len(g.parts), plural(len(g.codes), "code"), strings.Join(spans, ", "))
	}
	for _, c := range g.repeats {
		p.warn("table %d has the codes table's header and columns but repeats its codes: not read (%s)", c.index, plural(len(c.codes), "code"))
	}
	for _, o := range groups {
		if o != g && len(o.codes) >= reportOther {
			p.warn("table %d (%s, header %q) is not the codes table: its header differs from table %d's",
				o.parts[0].index, plural(len(o.codes), "code"), strings.Join(o.parts[0].header, " | "), g.parts[0].index)
		}
	}
	return p, nil
}

// warn records a warning about the choice of table.
func (p *picked) warn(format string, args ...any) {
	p.diags = append(p.diags, model.Diagnostic{Severity: model.SeverityWarning, Source: model.SourcePage,
		Message: "page: " + fmt.Sprintf(format, args...)})
}

// describe says what a document that is not the page holds, for
// NotPageError.Found: best is the group that came closest (nil if none),
// most the most distinct codes of any group.
func describe(doc *goquery.Document, tables int, best *group, most int) string {
	var found string
	switch {
	case tables == 0:
		found = "no table"
	case best == nil:
		found = fmt.Sprintf("%s, none with three columns and integer codes in the first", plural(tables, "table"))
	case len(best.codes) < most:
		found = fmt.Sprintf("%s under the header %q", plural(len(best.codes), "distinct code"), strings.Join(best.parts[0].header, " | "))
	default:
		found = fmt.Sprintf("at most %s in a table", plural(most, "distinct code"))
	}
	if title := pageTitle(doc); title != "" {
		found += fmt.Sprintf(" (page title %q)", title)
	}
	return found
}
