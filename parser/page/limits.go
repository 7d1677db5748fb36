package page

import (
	"bytes"
	"fmt"
	"io"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Limits of a page. Every input within the byte limit of its source
// (parser/source.DefaultMaxBytes, 32 MB) is either parsed within them or
// refused with a *LimitError naming the limit: nothing is cut short
// silently. The real page holds 119 code rows, at most 3 messages a code,
// at most 17 endpoints and a few hundred bytes a cell, in about 900
// elements.
const (
	// MaxElements bounds the elements and comments of the whole page,
	// counted before it is parsed: the parsed tree costs about 250 bytes a
	// node, so 500,000 keep it near 250 MB (a 31 MB page of 6.5 million
	// "<p>a" would need about 4 GB).
	MaxElements = 500000
	// MaxRows bounds the code rows of the codes table: 10,000, 84 times
	// the real page, the scale orcgen is tested at.
	MaxRows = 10000
	// MaxMessages bounds the messages of one code.
	MaxMessages = 32
	// MaxLines bounds the lines of the codes table's Text and Description
	// cells and the names they state, all rows together: every line and
	// name goes through the join and into every artifact, so this bounds
	// the work of everything after the page (the real page has about 500;
	// 10,000 rows of 4 messages and a description, 50,000, peak near 750
	// MB through generate).
	MaxLines = 50000
	// MaxTextBytes bounds the text of the codes table's Text and
	// Description cells, all rows together: 4 MiB, about 100 times the
	// real page. Every byte of it is copied into every artifact several
	// times (doc comments, literals, OpenAPI examples, Markdown): 27 MB of
	// text took 2.4 GB and wrote 166 MB of OpenAPI.
	MaxTextBytes = 4 << 20
	// MaxCellBytes bounds the text of one Text or Description cell, white
	// space included: 1 MiB.
	MaxCellBytes = 1 << 20
	// maxCellLines bounds the lines (paragraphs, list items, breaks) of one
	// cell; a cell with more is refused like one over MaxCellBytes.
	maxCellLines = 4096
)

// LimitError reports a page beyond one of the limits above. Nothing is
// parsed from such a page.
type LimitError struct {
	// URI names the input, as given in Options.URI.
	URI string
	// Where is the page row and code concerned, "" for the whole page.
	Where string
	// Found says what the page holds ("40 messages").
	Found string
	// Limit names the limit exceeded ("32 messages per code (page.MaxMessages)").
	Limit string
}

// Error returns "<uri>: [<where>: ]<found>; the limit is <limit>".
func (e *LimitError) Error() string {
	where := ""
	if e.Where != "" {
		where = e.Where + ": "
	}
	return fmt.Sprintf("%s: %s%s; the limit is %s", e.URI, where, e.Found, e.Limit)
}

// TruncatedError reports a page whose markup ends before its tables are
// closed: a body cut short in transit (a Content-Length shorter than the
// page) parses into a table missing its last rows, so it is refused.
type TruncatedError struct {
	// URI names the input, as given in Options.URI.
	URI string
	// Opened and Closed count the <table> and </table> tags.
	Opened, Closed int
}

// Error returns "<uri>: page is cut short: ...".
func (e *TruncatedError) Error() string {
	return fmt.Sprintf("%s: page is cut short: %s opened, %d closed (no closing </table>)", e.URI, plural(e.Opened, "table"), e.Closed)
}

// scanMarkup tokenizes the decoded page once, before it is parsed into a
// tree, and refuses it when it holds more than MaxElements elements and
// comments (the tree would not fit the memory bound) or opens a table it
// never closes (the page was cut short). Tokenizing keeps one token at a
// time, so the scan costs no more memory than the page itself.
func scanMarkup(data []byte, uri string) error {
	z := html.NewTokenizer(bytes.NewReader(data))
	nodes, opened, closed := 0, 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return fmt.Errorf("%s: scan page: %w", uri, err)
			}
			if opened > closed {
				return &TruncatedError{URI: uri, Opened: opened, Closed: closed}
			}
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			if isTable(z) {
				opened++
			}
		case html.EndTagToken:
			if isTable(z) {
				closed++
			}
			continue
		case html.CommentToken:
		default:
			continue
		}
		if nodes++; nodes > MaxElements {
			return &LimitError{URI: uri, Found: fmt.Sprintf("the page holds more than %d elements and comments", MaxElements),
				Limit: fmt.Sprintf("%d elements and comments a page (page.MaxElements)", MaxElements)}
		}
	}
}

// isTable reports whether the tag token z stands at is a table's.
func isTable(z *html.Tokenizer) bool {
	name, _ := z.TagName()
	return atom.Lookup(name) == atom.Table
}
