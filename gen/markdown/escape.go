package markdown

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// escapedPunct are the characters that Text escapes with a backslash
// wherever they stand: each can start emphasis, code, links, raw HTML,
// entities, strikethrough or a table cell.
const escapedPunct = "\\`*_[]<>|~!&#"

// Text escapes s so that Markdown shows it as is, on one line: in a
// paragraph, a list item or a table cell. Newlines become <br>; leading and
// trailing blanks become character references so that they survive; a
// start that would open a block (list, heading, quote, rule) is escaped.
func Text(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lead, body, trail := splitBlanks(s)
	var b strings.Builder
	b.WriteString(blankRefs(lead))
	b.WriteString(escapeBlockStart(body))
	b.WriteString(blankRefs(trail))
	return b.String()
}

// Cell escapes s like Text for a table cell, where no block can start, so
// that "20.0" stays as it is.
func Cell(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lead, body, trail := splitBlanks(s)
	return blankRefs(lead) + escapeInline(body) + blankRefs(trail)
}

// splitBlanks splits leading and trailing spaces and tabs off s.
func splitBlanks(s string) (lead, body, trail string) {
	body = strings.TrimLeft(s, " \t")
	lead = s[:len(s)-len(body)]
	trimmed := strings.TrimRight(body, " \t")
	return lead, trimmed, body[len(trimmed):]
}

// blankRefs writes spaces and tabs as numeric character references.
func blankRefs(s string) string {
	s = strings.ReplaceAll(s, " ", "&#32;")
	return strings.ReplaceAll(s, "\t", "&#9;")
}

// escapeBlockStart escapes s, and also its first characters when they would
// open a block: "-", "+", "=", "#", ">" or an ordered-list marker ("1." or
// "1)").
func escapeBlockStart(s string) string {
	if s == "" {
		return ""
	}
	digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if digits > 0 && digits < len(s) && (s[digits] == '.' || s[digits] == ')') {
		return s[:digits] + `\` + s[digits:digits+1] + escapeInline(s[digits+1:])
	}
	if strings.ContainsRune("-+=#>", rune(s[0])) {
		return `\` + s[:1] + escapeInline(s[1:])
	}
	return escapeInline(s)
}

// escapeInline backslash-escapes escapedPunct and writes newlines as <br>.
func escapeInline(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString("<br>")
		case r < utf8.RuneSelf && strings.ContainsRune(escapedPunct, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case hidden(r):
			fmt.Fprintf(&b, "&#x%X;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CodeSpan writes s as a code span, its fence longer than any run of
// backquotes in s. Newlines become spaces (a code span cannot hold one).
// It must not be used in a table cell: GFM splits a cell at a "|" even
// inside a code span.
func CodeSpan(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(s)
	s = strings.Map(func(r rune) rune {
		if hidden(r) {
			return utf8.RuneError // a code span shows references as typed
		}
		return r
	}, s)
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || (strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.Trim(s, " ") != "") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != c {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	return longest
}

// hidden reports whether r would act on a reader's terminal or reorder the
// text around it rather than show: control characters (escape sequences,
// bell) and the bidirectional overrides and isolates. Text writes them as
// numeric character references, which a renderer shows and goldmark reads
// back as the same characters; a code span, which cannot hold references,
// shows U+FFFD.
func hidden(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
