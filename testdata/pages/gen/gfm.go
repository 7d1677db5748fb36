package main

import (
	"log"
	"strings"
)

// renderGFM renders the page as the GFM pipe table that "copy as Markdown"
// tools and docs proxies write: the chapter list and intro as Markdown, then
// one table row a line, names as backtick spans before the first message,
// lines of a cell (messages, endpoint list items) joined with <br>, endpoint
// items flattened to "METHODS - `PATH`" and paths in prose in backticks. It
// carries exactly the rows the HTML fixtures carry.
func renderGFM(p *page) string {
	var b strings.Builder
	for _, c := range p.chapters {
		b.WriteString("- " + mdEscape(c) + "\n")
	}
	b.WriteString("\n# " + mdEscape(p.title) + "\n\n")
	for _, in := range p.intro {
		b.WriteString(mdEscape(in) + "\n\n")
	}
	b.WriteString("| Code | Text | Description |\n| --- | --- | --- |\n")
	for _, r := range p.rows {
		b.WriteString("| " + r.code + " | " + gfmText(r) + " | " + gfmDesc(r) + " |\n")
	}
	return b.String()
}

// gfmText renders the Text cell of a row: its names as backtick spans
// before the first line, its lines joined with <br>.
func gfmText(r pageRow) string {
	lines := make([]string, len(r.text))
	for i, t := range r.text {
		lines[i] = mdEscape(t)
	}
	var names strings.Builder
	for _, n := range r.names {
		names.WriteString(backtick(n) + " ")
	}
	if len(lines) == 0 {
		return strings.TrimSpace(names.String())
	}
	lines[0] = names.String() + lines[0]
	return strings.Join(lines, "<br>")
}

// gfmDesc renders the Description cell of a row: its prose, paths in
// backticks, then one "METHODS - `PATH`" line per endpoint item, joined
// with <br>.
func gfmDesc(r pageRow) string {
	var lines []string
	if len(r.desc) > 0 {
		lines = append(lines, mdWithCode(strings.Join(r.desc, " ")))
	}
	for _, e := range r.endpoints {
		ms, path, _ := strings.Cut(e, " - ")
		lines = append(lines, mdEscape(ms)+" - "+backtick(path))
	}
	return strings.Join(lines, "<br>")
}

// mdWithCode escapes s for a GFM table cell and puts each word that is a
// path in a backtick span, as the HTML fixtures put it in a <code> span.
func mdWithCode(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if strings.HasPrefix(w, "/odata") {
			words[i] = backtick(w)
		} else {
			words[i] = mdEscape(w)
		}
	}
	return strings.Join(words, " ")
}

// backtick returns s as a code span. A backquote or pipe inside it could
// not be written faithfully (GFM splits cells on "|" even in code spans),
// so the generator stops rather than write a wrong fixture.
func backtick(s string) string {
	if strings.ContainsAny(s, "`|") {
		log.Fatalf("code span %q holds a backquote or pipe", s)
	}
	return "`" + s + "`"
}

// mdEscaper backslash-escapes the characters Markdown would read as markup
// inside a table cell: code spans, emphasis, links, raw HTML, entities and
// the cell delimiter.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `&`, `\&`, `|`, `\|`,
)

// mdEscape escapes plain text for Markdown; goldmark reads it back as the
// same text.
func mdEscape(s string) string {
	return mdEscaper.Replace(s)
}
