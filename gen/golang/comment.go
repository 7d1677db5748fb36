package golang

import (
	"go/doc/comment"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// maxCommentLine is the width at which commentLines wraps text.
const maxCommentLine = 76

// commentLines turns untrusted text into comment lines that are safe to emit
// with jen.Comment: each line is one "//" comment that holds no line break,
// cannot end the comment or start a directive (//go:, //line, //export,
// //nolint), and holds no control, bidi or zero-width characters. Text is
// split at line breaks and wrapped at word boundaries; no line is indented,
// so go doc shows none as code.
func commentLines(text string) []string {
	var out []string
	for _, line := range strings.Split(cleanText(text), "\n") {
		out = append(out, wrap(strings.Join(strings.Fields(line), " "))...)
	}
	return out
}

// cleanText replaces invalid UTF-8, NUL, control, bidi and zero-width
// characters; line breaks become '\n', tabs become spaces.
func cleanText(text string) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	text = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n").Replace(text)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r),
			unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r):
			return -1
		}
		return r
	}, text)
}

// wrap splits a line of words at maxCommentLine; guard keeps each piece
// from starting a directive or a block comment.
func wrap(line string) []string {
	var out []string
	cur := ""
	for _, w := range strings.Fields(line) {
		if cur != "" && len(cur)+1+len(w) > maxCommentLine {
			out = append(out, guard(cur))
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" || len(out) == 0 {
		out = append(out, guard(cur))
	}
	return out
}

// guard writes a piece that starts with "//" or "/*" as the whole comment
// line "// //...": jen.Comment writes such text verbatim instead of after
// "// ", which could start a directive or a block comment. The text stays
// unindented, so go doc does not show it as code.
func guard(s string) string {
	if strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/*") {
		return "// " + s
	}
	return s
}

// block is one part of a doc comment: a paragraph of text or, with items, a
// go/doc/comment list that the text introduces ("Endpoints:").
type block struct {
	text  string
	items []string
}

// para is a block of text.
func para(text string) block { return block{text: text} }

// blockLines renders blocks as comment lines for jen.Comment, a blank line
// between blocks. A list item is one line "  - item", however long, since a
// wrapped item would need an indented continuation. One-line paragraphs that
// go doc would show as headings are joined to a neighbour (see unheading).
func blockLines(blocks []block) []string {
	var out []string
	for _, b := range blocks {
		lines := paragraphs(commentLines(b.text))
		for _, it := range b.items {
			if it = strings.Join(strings.Fields(cleanText(it)), " "); it != "" {
				lines = append(lines, "  - "+it)
			}
		}
		if len(lines) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, lines...)
	}
	return unheading(out)
}

// paragraphs drops blank lines at the start and end and keeps one blank
// line between paragraphs.
func paragraphs(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l != "" || len(out) > 0 && out[len(out)-1] != "" {
			out = append(out, l)
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// unheading joins each one-line paragraph that go/doc/comment would read as
// a heading ("Tenant not found" between two paragraphs, or "# Notes") to the
// paragraph before it, or to the one after it when it comes first: a page's
// text never becomes a heading of the generated docs.
func unheading(lines []string) []string {
	for i := 0; i < len(lines); i++ {
		alone := lines[i] != "" && (i == 0 || lines[i-1] == "") && (i+1 == len(lines) || lines[i+1] == "")
		if !alone || strings.HasPrefix(lines[i], " ") || !isHeading(lines[i]) {
			continue
		}
		switch {
		case i >= 2 && !strings.HasPrefix(lines[i-2], " "):
			lines = slices.Delete(lines, i-1, i)
			i--
		case i+2 < len(lines) && !strings.HasPrefix(lines[i+2], " "):
			lines = slices.Delete(lines, i+1, i+2)
		}
	}
	return lines
}

// isHeading reports whether go/doc/comment reads line as a heading when it
// stands alone between two paragraphs.
func isHeading(line string) bool {
	var p comment.Parser
	for _, b := range p.Parse("A.\n\n" + line + "\n\nB.\n").Content {
		if _, ok := b.(*comment.Heading); ok {
			return true
		}
	}
	return false
}

// comments renders lines from blockLines or commentLines as "//" comments;
// an empty line becomes a bare "//".
func comments(lines []string) []jen.Code {
	var out []jen.Code
	for _, l := range lines {
		out = append(out, jen.Comment(l))
	}
	return out
}

// docComment joins paragraphs (blank line between) into one comment block
// placed before a declaration; empty paragraphs are left out.
func docComment(paragraphs ...string) *jen.Statement {
	var blocks []block
	for _, p := range paragraphs {
		blocks = append(blocks, para(p))
	}
	return docBlocks(blocks...)
}

// docBlocks is docComment for blocks that may hold lists.
func docBlocks(blocks ...block) *jen.Statement {
	s := jen.Null()
	for _, c := range comments(blockLines(blocks)) {
		s.Add(c).Line()
	}
	return s
}
