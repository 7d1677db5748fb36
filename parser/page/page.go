package page

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"

	"github.com/orcgen/orcgen/model"
)

// Options configure Parse.
type Options struct {
	// URI is where the bytes came from; it goes into model.Source.URI and
	// error messages. Empty reads as "<input>".
	URI string
	// ContentType is the HTTP Content-Type if known ("" for files); its
	// charset beats the page's <meta> declaration.
	ContentType string
}

// setDefaults fills the options left empty.
func (o *Options) setDefaults() {
	if o.URI == "" {
		o.URI = "<input>"
	}
}

// Parse reads a Response Codes page in any of its shapes (site page,
// Markdown export, reference copy, localized copy) and returns a catalog
// holding SchemaVersion, one page Source with the SHA-256 of data, the codes
// in ascending order, and diagnostics for the page's defects.
//
// The bytes are decoded to UTF-8 with x/net/html/charset (the charset of
// opts.ContentType beats the page's <meta>) and parsed into a goquery
// document; tables, rows, cells, list items and code spans are selected with
// goquery, and only the text nodes of cells are read directly.
//
// The codes table is found by its content: tables holding rows of three
// cells whose first holds an integer are grouped by their header row; the
// tables of one header whose codes do not overlap are parts of one table,
// read as one (a warning says so); the group whose header names the Code,
// Text and Description columns (in any of the page's languages) best wins,
// then the one with the most distinct positive 32-bit codes, so a bigger
// table under another header is never taken (a warning names it). Cells
// spanning rows or columns are laid out as a browser does. Input without
// such a table of at least MinRows distinct codes returns a *NotPageError
// naming opts.URI; markup that cannot be parsed (nesting deeper than 512
// elements) returns an error naming it too.
//
// Input beyond the limits (MaxElements, MaxRows, MaxMessages, MaxCellBytes,
// MaxLines, MaxTextBytes) returns a *LimitError naming the limit, and
// markup that opens a table it never closes (a body cut short) a
// *TruncatedError: nothing is cut short silently.
//
// Input without an HTML codes table is read, by its content, as the text
// renderings people keep of the page: a GFM pipe table (goldmark with its
// table extension, raw HTML kept: backtick spans are code spans, <br>
// separates messages and endpoint items) and the plain pipe-text rendering
// that ends every cell with "|" (see pipeTextTables). Their tables are
// rendered to HTML and read by the same table reader, with its limits and
// diagnostics; the rendering that gives the most codes wins. A table
// without code spans or endpoint lists adds an info diagnostic saying that
// names and endpoints were not available from that rendering.
//
// A row dropped, merged or changed becomes a warning diagnostic naming the
// page row and code, and the row is kept where it can be: a duplicate code
// (the first row wins, later ones are skipped), a code that is not a
// positive 32-bit integer (skipped), a row that is not three cells
// (skipped), a code written otherwise than as digits ("1 000", full-width
// digits, "+7": read, and reported), a cell taken from the row above
// (rowspan) or spanning columns (colspan). Remarks on the page's own text
// are info diagnostics: a placeholder cut off before its closing bracket
// (the message is kept as written, the placeholder is not a param), an
// unbalanced backquote in a description, an inline path cut off (not an
// endpoint), and a list item that is not "METHODS - PATH" (its text stays
// in the description). An address that is
// not a path ("https:/host/odata/...") is not an endpoint. Codes carry
// their provenance as "page row N", N counting the table's rows from 1, the
// header row included.
func Parse(data []byte, opts Options) (*model.Catalog, error) {
	opts.setDefaults()
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &NotPageError{URI: opts.URI, Expected: expected(), Found: "an empty file"}
	}
	r, err := charset.NewReader(bytes.NewReader(data), opts.ContentType)
	if err != nil {
		return nil, fmt.Errorf("%s: decode page: %w", opts.URI, err)
	}
	text, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: decode page: %w", opts.URI, err)
	}
	if err := scanMarkup(text, opts.URI); err != nil {
		return nil, err
	}
	// goquery parses with html.Parse and returns its error as is, so markup
	// nested deeper than 512 elements reads "html: open stack of elements
	// exceeds 512 nodes".
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("%s: parse page: %w", opts.URI, err)
	}
	table, err := pickTable(doc.Get(0), opts.URI)
	var lossy string
	if err != nil {
		// No HTML codes table: read the page as a text rendering.
		if table, lossy, err = readRendering(text, opts.URI, err); err != nil {
			return nil, err
		}
	}
	sum := sha256.Sum256(data)
	p := &parser{cat: &model.Catalog{
		SchemaVersion: model.SchemaVersion,
		Sources:       []model.Source{{Kind: model.SourcePage, URI: opts.URI, SHA256: hex.EncodeToString(sum[:])}},
		Codes:         []model.Code{},
		Diagnostics:   table.diags,
	}, seen: map[int]int{}, uri: opts.URI}
	if p.cat.Diagnostics == nil {
		p.cat.Diagnostics = []model.Diagnostic{}
	}
	if lossy != "" {
		p.info(lossy)
	}
	for _, part := range table.parts {
		if err := p.rows(part); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(p.cat.Codes, func(a, b model.Code) int { return cmp.Compare(a.Code, b.Code) })
	return p.cat, nil
}

// parser fills one catalog from the rows of the codes table.
type parser struct {
	cat   *model.Catalog
	seen  map[int]int // code → page row that first stated it
	uri   string
	lines int // lines and names of the cells read so far (see MaxLines)
	text  int // bytes of text of the cells read so far (see MaxTextBytes)
}

// textBytes returns the bytes of text of lines, folded.
func textBytes(lines []line) int {
	n := 0
	for _, l := range lines {
		n += len(l.folded)
	}
	return n
}

// rows reads every row of one table of the codes table. Rows before its
// first code row are headers, unless their first cell holds a digit (a
// code written so that it is not one); a later row that is not a code row
// is skipped with a diagnostic.
func (p *parser) rows(rows []row) error {
	started := false
	for _, r := range rows {
		if !isCodeRow(r) {
			if started || strings.ContainsAny(r.first, "0123456789０１２３４５６７８９") {
				p.warn(0, "page row %d: %s, not three cells with an integer code; row skipped", r.pos, describeRow(r))
			}
			continue
		}
		started = true
		if err := p.row(r); err != nil {
			return err
		}
	}
	return nil
}

// describeRow says what a row that is not a code row holds.
func describeRow(r row) string {
	if r.width != 3 {
		return plural(r.width, "cell")
	}
	return fmt.Sprintf("first cell %q", r.first)
}

// row reads one code row into the catalog.
func (p *parser) row(r row) error {
	c, ok := parseCode(r.code)
	if !ok {
		p.warn(0, "page row %d: code %q is not a positive 32-bit integer; row skipped", r.pos, r.first)
		return nil
	}
	if strconv.Itoa(c) != r.first {
		p.warn(c, "page row %d: code %q read as %d", r.pos, r.first, c)
	}
	if first, dup := p.seen[c]; dup {
		p.warn(c, "page row %d: code %d already stated on page row %d; row skipped", r.pos, c, first)
		return nil
	}
	for _, s := range r.spans {
		p.warn(c, "page row %d: code %d: %s", r.pos, c, s)
	}
	p.seen[c] = r.pos
	code, err := p.code(c, r)
	if err != nil {
		return err
	}
	p.cat.Codes = append(p.cat.Codes, code)
	return nil
}

// code builds the model code of row r, reporting the cells' defects, or
// returns a *LimitError when a cell is beyond the limits.
func (p *parser) code(c int, r row) (model.Code, error) {
	where := fmt.Sprintf("page row %d: code %d", r.pos, c)
	textLines, over := readCell(r.cells[1])
	if over != "" {
		return model.Code{}, &LimitError{URI: p.uri, Where: where, Found: "the Text cell holds " + over, Limit: cellLimit()}
	}
	descLines, over := readCell(r.cells[2])
	if over != "" {
		return model.Code{}, &LimitError{URI: p.uri, Where: where, Found: "the Description cell holds " + over, Limit: cellLimit()}
	}
	text := parseTextCell(textLines)
	if p.lines += len(textLines) + len(text.names) + len(descLines); p.lines > MaxLines {
		return model.Code{}, &LimitError{URI: p.uri, Where: where,
			Found: fmt.Sprintf("the codes table holds more than %d lines of text and names up to here", MaxLines),
			Limit: fmt.Sprintf("%d lines a page (page.MaxLines)", MaxLines)}
	}
	if p.text += textBytes(textLines) + textBytes(descLines); p.text > MaxTextBytes {
		return model.Code{}, &LimitError{URI: p.uri, Where: where,
			Found: fmt.Sprintf("the codes table holds more than %d bytes of text up to here", MaxTextBytes),
			Limit: fmt.Sprintf("%d bytes of text a page (page.MaxTextBytes)", MaxTextBytes)}
	}
	if len(text.messages) > MaxMessages {
		return model.Code{}, &LimitError{URI: p.uri, Where: where, Found: plural(len(text.messages), "message"),
			Limit: fmt.Sprintf("%d messages a code (page.MaxMessages)", MaxMessages)}
	}
	params, cut := placeholders(text.messages)
	for _, s := range cut {
		p.remark(c, "page row %d: code %d: message has a cut-off placeholder %q", r.pos, c, s)
	}
	desc := parseDescCell(descLines)
	for _, s := range desc.problems {
		p.remark(c, "page row %d: code %d: %s", r.pos, c, s)
	}
	return model.Code{
		Code:        c,
		Names:       text.names,
		Messages:    text.messages,
		Params:      params,
		Description: desc.description,
		Category:    desc.category,
		HTTPStatus:  desc.httpStatus,
		Endpoints:   desc.endpoints,
		Source:      fmt.Sprintf("page row %d", r.pos),
	}, nil
}

// cellLimit names the limits of a cell.
func cellLimit() string {
	return fmt.Sprintf("%d bytes of text (page.MaxCellBytes) and %d lines a cell", MaxCellBytes, maxCellLines)
}

// warn records a warning diagnostic: the catalog differs from what the page
// states (a row skipped, merged or changed).
func (p *parser) warn(code int, format string, args ...any) {
	p.diag(model.SeverityWarning, code, format, args...)
}

// remark records an info diagnostic: a remark on the page's own text (a
// cut-off placeholder, an unbalanced backquote) that the catalog keeps as
// written.
func (p *parser) remark(code int, format string, args ...any) {
	p.diag(model.SeverityInfo, code, format, args...)
}

// diag records a diagnostic about the page.
func (p *parser) diag(severity string, code int, format string, args ...any) {
	p.cat.Diagnostics = append(p.cat.Diagnostics, model.Diagnostic{
		Severity: severity,
		Source:   model.SourcePage,
		Code:     code,
		Message:  fmt.Sprintf(format, args...),
	})
}
