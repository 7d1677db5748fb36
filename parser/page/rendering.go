package page

import (
	"errors"
	"fmt"

	"golang.org/x/net/html"

	"github.com/orcgen/orcgen/model"
)

// rendering is a text rendering of the page that Parse reads when the input
// holds no HTML codes table: its tables are rendered to HTML and read by
// the HTML table reader.
type rendering struct {
	// name says what the rendering is, in the lossy diagnostic.
	name string
	// tables returns the rendering's tables under an HTML root, found false
	// when the input holds none.
	tables func(src []byte, uri string) (root *html.Node, found bool, err error)
}

// renderings are the text renderings, in order of preference: of two that
// give as many codes, the first wins. It is never modified.
var renderings = []rendering{
	{name: "Markdown (GFM) table", tables: gfmTables},
	{name: "plain pipe-text table", tables: func(src []byte, uri string) (*html.Node, bool, error) {
		return pipeTextTables(string(src), uri)
	}},
}

// readRendering reads src, the decoded page, which holds no HTML codes
// table (htmlErr, a *NotPageError, says so), as each text rendering in turn
// and returns the codes table of the rendering that gives the most codes,
// with the lossy note (see lossyNote) of that rendering. When no rendering
// holds a codes table, the error is that of the first rendering that found
// tables, or htmlErr when none did. An error other than a *NotPageError (a
// limit, an unreadable rendering) is returned as soon as it happens.
func readRendering(src []byte, uri string, htmlErr error) (*picked, string, error) {
	var npe *NotPageError
	if !errors.As(htmlErr, &npe) {
		return nil, "", htmlErr
	}
	var best *picked
	var note string
	bestCount := 0
	var firstErr error
	for _, r := range renderings {
		root, found, err := r.tables(src, uri)
		if err != nil {
			return nil, "", err
		}
		if !found {
			continue
		}
		t, err := pickTable(root, uri)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if n := pickedCodes(t); n > bestCount {
			best, bestCount, note = t, n, lossyNote(r.name, t)
		}
	}
	switch {
	case best != nil:
		return best, note, nil
	case firstErr != nil:
		return nil, "", firstErr
	}
	return nil, "", htmlErr
}

// pickedCodes counts the distinct valid codes of the code rows of t.
func pickedCodes(t *picked) int {
	seen := map[int]bool{}
	for _, part := range t.parts {
		for _, r := range part {
			if c, ok := parseCode(r.code); ok && isCodeRow(r) {
				seen[c] = true
			}
		}
	}
	return len(seen)
}

// lossyNote returns the info diagnostic's message for a codes table t of
// the named rendering whose cells hold no code span and no list item: such
// a rendering cannot show the names the page puts in code spans nor its
// endpoint lists. It is "" when the table holds either.
func lossyNote(name string, t *picked) string {
	for _, part := range t.parts {
		for _, r := range part {
			for _, cell := range r.cells {
				if cell == nil {
					continue
				}
				for _, n := range cell.Nodes {
					if codeTags.MatchFirst(n) != nil || itemTags.MatchFirst(n) != nil {
						return ""
					}
				}
			}
		}
	}
	return fmt.Sprintf("page read as a %s without code spans or endpoint lists: "+
		"names and endpoints were not available from this rendering "+
		"(names written as plain text and endpoints named in the prose are kept; the messages of a cell may read as one)", name)
}

// info records an info diagnostic about the page as a whole.
func (p *parser) info(msg string) {
	p.cat.Diagnostics = append(p.cat.Diagnostics, model.Diagnostic{
		Severity: model.SeverityInfo,
		Source:   model.SourcePage,
		Message:  msg,
	})
}
