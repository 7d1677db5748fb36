package page

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

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
// The codes table is found by its structure alone: the table with the most
// rows of three cells whose first holds an integer, counting distinct
// positive 32-bit codes. Other tables are skipped. Input without such a
// table of at least MinRows distinct codes returns
// a *NotPageError naming opts.URI; markup that cannot be parsed (nesting
// deeper than 512 elements) returns an error naming it too.
//
// Defects of the page become warning diagnostics naming the page row and
// code, and the row is kept where it can be: a duplicate code (the first row
// wins, later ones are skipped), a code that is not a positive 32-bit
// integer (skipped), a row that is not three cells (skipped), a placeholder
// cut off before its closing bracket (the message is kept as written, the
// placeholder is not a param), an unbalanced backquote in a description, an
// inline path cut off (not an endpoint), and a list item that is not
// "METHODS - PATH" (its text stays in the description). An address that is
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
	// goquery parses with html.Parse and returns its error as is, so markup
	// nested deeper than 512 elements reads "html: open stack of elements
	// exceeds 512 nodes".
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: parse page: %w", opts.URI, err)
	}
	rows, err := pickTable(doc.Get(0), opts.URI)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	p := &parser{cat: &model.Catalog{
		SchemaVersion: model.SchemaVersion,
		Sources:       []model.Source{{Kind: model.SourcePage, URI: opts.URI, SHA256: hex.EncodeToString(sum[:])}},
		Codes:         []model.Code{},
		Diagnostics:   []model.Diagnostic{},
	}, seen: map[int]int{}}
	p.rows(rows)
	slices.SortStableFunc(p.cat.Codes, func(a, b model.Code) int { return cmp.Compare(a.Code, b.Code) })
	return p.cat, nil
}

// parser fills one catalog from the rows of the codes table.
type parser struct {
	cat  *model.Catalog
	seen map[int]int // code → page row that first stated it
}

// rows reads every row of the codes table. Rows before the first code row
// are headers; a later row that is not a code row is skipped with a
// diagnostic.
func (p *parser) rows(rows []row) {
	started := false
	for _, r := range rows {
		if !isCodeRow(r) {
			if started {
				p.warn(0, "page row %d: %s, not three cells with an integer code; row skipped", r.pos, describeRow(r))
			}
			continue
		}
		started = true
		p.row(r)
	}
}

// describeRow says what a row that is not a code row holds.
func describeRow(r row) string {
	if r.cells.Length() != 3 {
		return plural(r.cells.Length(), "cell")
	}
	return fmt.Sprintf("first cell %q", r.first)
}

// row reads one code row into the catalog.
func (p *parser) row(r row) {
	raw := r.first
	c, ok := parseCode(raw)
	if !ok {
		p.warn(0, "page row %d: code %q is not a positive 32-bit integer; row skipped", r.pos, raw)
		return
	}
	if first, dup := p.seen[c]; dup {
		p.warn(c, "page row %d: code %d already stated on page row %d; row skipped", r.pos, c, first)
		return
	}
	p.seen[c] = r.pos
	p.cat.Codes = append(p.cat.Codes, p.code(c, r))
}

// code builds the model code of row r, reporting the cells' defects.
func (p *parser) code(c int, r row) model.Code {
	text := parseTextCell(linesIn(r.cells.Eq(1)))
	params, cut := placeholders(text.messages)
	for _, s := range cut {
		p.warn(c, "page row %d: code %d: message has a cut-off placeholder %q", r.pos, c, s)
	}
	desc := parseDescCell(linesIn(r.cells.Eq(2)))
	for _, s := range desc.problems {
		p.warn(c, "page row %d: code %d: %s", r.pos, c, s)
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
	}
}

// warn records a warning diagnostic about the page.
func (p *parser) warn(code int, format string, args ...any) {
	p.cat.Diagnostics = append(p.cat.Diagnostics, model.Diagnostic{
		Severity: model.SeverityWarning,
		Source:   model.SourcePage,
		Code:     code,
		Message:  fmt.Sprintf(format, args...),
	})
}
