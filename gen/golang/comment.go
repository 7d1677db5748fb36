package golang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// maxCommentLine is the width at which commentLines wraps text.
const maxCommentLine = 76

// commentLines turns untrusted text into comment lines that are safe to emit
// with jen.Comment: each line is one "//" comment that holds no line break
// and does not start with '/', so it cannot end the comment, start a
// directive (//go:, //line, //export, //nolint) or hold control, bidi or
// zero-width characters. Text
// is split at line breaks and wrapped at word boundaries.
func commentLines(text string) []string {
	var out []string
	for _, para := range strings.Split(cleanText(text), "\n") {
		out = append(out, wrap(strings.Join(strings.Fields(para), " "))...)
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

// wrap splits a line of words at maxCommentLine. A piece that starts with
// '/' gets a leading space: jen.Comment writes text starting with "//" or
// "/*" verbatim, and every other text after "// ", so no piece can start a
// directive or a block comment.
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

func guard(s string) string {
	if strings.HasPrefix(s, "/") {
		return " " + s
	}
	return s
}

// comments renders text as a run of "//" lines. An empty paragraph becomes
// a bare "//" line.
func comments(text string) []jen.Code {
	var out []jen.Code
	for _, l := range commentLines(text) {
		if strings.TrimSpace(l) == "" {
			out = append(out, jen.Comment(""))
			continue
		}
		out = append(out, jen.Comment(l))
	}
	return out
}

// docComment joins paragraphs (blank line between) into one comment block
// placed before a declaration.
func docComment(paragraphs ...string) *jen.Statement {
	var kept []string
	for _, p := range paragraphs {
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	s := jen.Null()
	if len(kept) == 0 {
		return s
	}
	for _, c := range comments(strings.Join(kept, "\n\n")) {
		s.Add(c).Line()
	}
	return s
}
