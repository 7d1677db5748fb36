package mdtest

import (
	"bufio"
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// rawHTMLMark stands in the extracted text for raw HTML other than <br>:
// text that became HTML was not escaped, so it must not compare equal.
const rawHTMLMark = "\x00raw-html\x00"

// textOf is the text a reader sees in a node: escapes and character
// references resolved as goldmark renders them, code spans verbatim, <br>
// as a newline, other raw HTML as rawHTMLMark.
func textOf(n ast.Node, src []byte) string {
	var b strings.Builder
	writeText(&b, n, src)
	return b.String()
}

// writeText appends the text of n and its descendants to b.
func writeText(b *strings.Builder, n ast.Node, src []byte) {
	switch v := n.(type) {
	case *ast.Text:
		seg := v.Segment.Value(src)
		if v.IsRaw() {
			b.Write(seg)
		} else {
			b.WriteString(resolve(seg))
		}
		if v.SoftLineBreak() || v.HardLineBreak() {
			b.WriteByte('\n')
		}
		return
	case *ast.String:
		b.Write(v.Value)
		return
	case *ast.RawHTML:
		var raw []byte
		for i := 0; i < v.Segments.Len(); i++ {
			seg := v.Segments.At(i)
			raw = append(raw, seg.Value(src)...)
		}
		if strings.EqualFold(string(raw), "<br>") {
			b.WriteByte('\n')
		} else {
			b.WriteString(rawHTMLMark)
		}
		return
	case *ast.AutoLink:
		b.Write(v.Label(src))
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeText(b, c, src)
	}
}

// resolve turns a text segment into the text goldmark renders for it.
func resolve(seg []byte) string {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	gmhtml.NewWriter().Write(w, seg)
	_ = w.Flush()
	return html.UnescapeString(buf.String())
}

// rawHTML concatenates the inline raw HTML among n's children.
func rawHTML(n ast.Node, src []byte) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.RawHTML); ok {
			for i := 0; i < h.Segments.Len(); i++ {
				seg := h.Segments.At(i)
				b.Write(seg.Value(src))
			}
		}
	}
	return b.String()
}
