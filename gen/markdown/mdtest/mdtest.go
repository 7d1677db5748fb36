package mdtest

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/orcgen/orcgen/gen/markdown"
	"github.com/orcgen/orcgen/model"
)

// Check renders the catalog with the embedded templates and fails t unless
// Verify accepts the document.
func Check(t testing.TB, cat *model.Catalog) {
	t.Helper()
	md, err := markdown.Render(cat, markdown.Options{})
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	if err := Verify(md, cat); err != nil {
		t.Errorf("rendered document does not read back:\n%v", err)
	}
}

// summaryHeader is the header of the summary table.
var summaryHeader = []string{"Code", "Name", "Message", "Category", "HTTP"}

// Verify parses a document rendered from cat with goldmark (GFM) and checks
// that every table row has its header's cells, that the summary table holds
// each code's number, name, messages, category and status intact, that the
// index by name has a row for every name a code is known by (its
// identifier, the names the page states, the spec's other names, the name
// the spec suggests), that the index by HTTP status lists each code under
// its status, and that each code's section has its anchor, heading,
// messages and description intact. It returns every defect found, joined.
func Verify(md []byte, cat *model.Catalog) error {
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(md))
	r := newReader(md)
	_ = ast.Walk(doc, r.visit)
	var errs []error
	errs = append(errs, r.errs...)
	errs = append(errs, checkSummary(r.tables, cat)...)
	errs = append(errs, checkNames(r.tables, cat)...)
	errs = append(errs, r.checkStatuses(cat)...)
	for _, c := range cat.Codes {
		errs = append(errs, r.checkSection(c)...)
	}
	return errors.Join(errs...)
}

// reader collects what the checks compare.
type reader struct {
	src    []byte
	tables [][][]string
	// items, paragraphs and headings hold the texts of list items,
	// paragraphs and headings; html the raw HTML blocks and the raw HTML
	// of each paragraph, concatenated.
	items, paragraphs, headings, html map[string]bool
	// under holds the list items below each third-level heading, by the
	// heading's text; h3 is the last such heading read.
	under map[string]map[string]bool
	h3    string
	errs  []error
}

// newReader returns a reader of the document md.
func newReader(md []byte) *reader {
	return &reader{src: md, items: map[string]bool{}, paragraphs: map[string]bool{}, headings: map[string]bool{}, html: map[string]bool{}, under: map[string]map[string]bool{}}
}

// visit records tables, list items, paragraphs, headings and HTML blocks.
func (r *reader) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	switch v := n.(type) {
	case *east.Table:
		r.tables = append(r.tables, r.table(v))
		return ast.WalkSkipChildren, nil
	case *ast.ListItem:
		r.items[textOf(v, r.src)] = true
		if r.under[r.h3] == nil {
			r.under[r.h3] = map[string]bool{}
		}
		r.under[r.h3][textOf(v, r.src)] = true
	case *ast.Heading:
		r.headings[textOf(v, r.src)] = true
		if v.Level == 3 {
			r.h3 = textOf(v, r.src)
		}
	case *ast.Paragraph:
		r.paragraphs[textOf(v, r.src)] = true
		r.html[rawHTML(v, r.src)] = true
	case *ast.HTMLBlock:
		for i := 0; i < v.Lines().Len(); i++ {
			seg := v.Lines().At(i)
			r.html[strings.TrimSpace(string(seg.Value(r.src)))] = true
		}
	}
	return ast.WalkContinue, nil
}

// table reads a table's cells row by row, header first, and records rows
// whose cell count differs from the header's.
func (r *reader) table(t *east.Table) [][]string {
	var rows [][]string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, textOf(c, r.src))
		}
		if len(rows) > 0 && len(cells) != len(rows[0]) {
			r.errs = append(r.errs, fmt.Errorf("table %q row %d has %d cells, want %d", rows[0], len(rows), len(cells), len(rows[0])))
		}
		if len(rows) > 0 && r.cellsDropped(row) {
			r.errs = append(r.errs, fmt.Errorf("table %q row %d has more cells than its header", rows[0], len(rows)))
		}
		rows = append(rows, cells)
	}
	return rows
}

// cellsDropped reports whether text follows a row's last cell on its line:
// GFM drops the cells beyond the header's count, which an unescaped "|"
// in a cell creates.
func (r *reader) cellsDropped(row ast.Node) bool {
	last := row.LastChild()
	if last == nil || last.Lines().Len() == 0 {
		return false
	}
	rest := r.src[last.Lines().At(last.Lines().Len()-1).Stop:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	rest = bytes.TrimSpace(rest)
	return len(rest) > 0 && !bytes.Equal(rest, []byte("|"))
}

// checkSummary compares the summary table's rows with the codes.
func checkSummary(tables [][][]string, cat *model.Catalog) []error {
	var summary [][]string
	for _, t := range tables {
		if slices.Equal(t[0], summaryHeader) {
			if summary != nil {
				return []error{errors.New("two summary tables")}
			}
			summary = t
		}
	}
	if summary == nil {
		return []error{errors.New("no summary table")}
	}
	rows := summary[1:]
	if len(rows) != len(cat.Codes) {
		return []error{fmt.Errorf("summary table has %d rows, want %d", len(rows), len(cat.Codes))}
	}
	var errs []error
	for i, c := range cat.Codes {
		if want := summaryRow(c); !slices.Equal(rows[i], want) {
			errs = append(errs, fmt.Errorf("summary row %d: cells %q, want %q", i+1, rows[i], want))
		}
	}
	return errs
}

// checkStatuses finds each code listed under its HTTP status in the index
// by status ("409 Conflict", or "No status stated").
func (r *reader) checkStatuses(cat *model.Catalog) []error {
	var errs []error
	for _, c := range cat.Codes {
		heading := "No status stated"
		if c.HTTPStatus != 0 {
			heading = strings.TrimSpace(strconv.Itoa(c.HTTPStatus) + " " + http.StatusText(c.HTTPStatus))
		}
		item := strings.TrimSpace(strconv.Itoa(c.Code) + " " + c.Name)
		if !r.under[heading][item] {
			errs = append(errs, fmt.Errorf("code %d: not listed under %q in the index by HTTP status", c.Code, heading))
		}
	}
	return errs
}

// namesHeader is the header of the index by name.
var namesHeader = []string{"Name", "Code", "How"}

// checkNames finds a row of the index by name for every name of every code.
func checkNames(tables [][][]string, cat *model.Catalog) []error {
	rows := map[[2]string]bool{}
	found := false
	for _, t := range tables {
		if slices.Equal(t[0], namesHeader) {
			found = true
			for _, row := range t[1:] {
				rows[[2]string{row[0], row[1]}] = true
			}
		}
	}
	if !found {
		return []error{errors.New("no index by name")}
	}
	var errs []error
	for _, c := range cat.Codes {
		for _, n := range knownAs(c) {
			if !rows[[2]string{normalize(n), strconv.Itoa(c.Code)}] {
				errs = append(errs, fmt.Errorf("code %d: name %q has no row in the index by name", c.Code, n))
			}
		}
	}
	return errs
}

// knownAs lists the non-empty names a code is known by.
func knownAs(c model.Code) []string {
	var out []string
	for _, n := range slices.Concat([]string{c.Name, c.Guess}, c.Names, c.Aliases) {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// summaryRow is the text a reader should see in a code's summary row.
func summaryRow(c model.Code) []string {
	status := ""
	if c.HTTPStatus != 0 {
		status = strconv.Itoa(c.HTTPStatus)
	}
	return []string{strconv.Itoa(c.Code), c.Name, normalize(strings.Join(c.Messages, "\n")), normalize(c.Category), status}
}

// checkSection finds a code's anchor, heading, messages and description.
func (r *reader) checkSection(c model.Code) []error {
	var errs []error
	anchor := fmt.Sprintf(`<a id="%s"></a>`, markdown.Anchor(c.Code))
	if !r.html[anchor] {
		errs = append(errs, fmt.Errorf("code %d: no anchor %s", c.Code, anchor))
	}
	if heading := strings.TrimSpace(strconv.Itoa(c.Code) + " " + c.Name); !r.headings[heading] {
		errs = append(errs, fmt.Errorf("code %d: no heading %q", c.Code, heading))
	}
	for i, m := range c.Messages {
		if !r.items[normalize(m)] {
			errs = append(errs, fmt.Errorf("code %d: message %d %q does not read back as a list item", c.Code, i+1, m))
		}
	}
	if c.Description != "" && !r.paragraphs[normalize(c.Description)] {
		errs = append(errs, fmt.Errorf("code %d: description %q does not read back as a paragraph", c.Code, c.Description))
	}
	return errs
}

// normalize writes line breaks as the document does: every one a newline.
func normalize(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// CheckTables parses any Markdown document with goldmark (GFM) and returns
// an error naming every table row whose cell count differs from its
// header's: the breakage an unescaped "|" causes.
func CheckTables(md []byte) error {
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(md))
	r := newReader(md)
	_ = ast.Walk(doc, r.visit)
	return errors.Join(r.errs...)
}
