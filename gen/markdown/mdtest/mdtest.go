package mdtest

import (
	"errors"
	"fmt"
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
// each code's number, name, messages, category and status intact, and that
// each code's section has its anchor, heading, messages and description
// intact. It returns every defect found, joined.
func Verify(md []byte, cat *model.Catalog) error {
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(md))
	r := &reader{src: md, items: map[string]bool{}, paragraphs: map[string]bool{}, headings: map[string]bool{}, html: map[string]bool{}}
	_ = ast.Walk(doc, r.visit)
	var errs []error
	errs = append(errs, r.errs...)
	errs = append(errs, checkSummary(r.tables, cat)...)
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
	errs                              []error
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
	case *ast.Heading:
		r.headings[textOf(v, r.src)] = true
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
		rows = append(rows, cells)
	}
	return rows
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
