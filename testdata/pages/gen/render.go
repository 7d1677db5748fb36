package main

import (
	"html"
	"strings"
)

// htmlShape varies the site page between the English and localized copies.
type htmlShape struct {
	lang        string
	headers     [3]string
	charsetMeta string
	codeTH      bool // code cells as <th scope="row">
	noSections  bool // no <thead>/<tbody>: rows straight in <table>
}

// renderHTML renders the current site shape: chapter navigation, title,
// intro paragraphs, then the table with a <colgroup>, a header row and one
// row per code whose cells hold paragraphs, <code> spans and lists.
func renderHTML(p *page, s htmlShape) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"" + s.lang + "\">\n<head>\n" + s.charsetMeta + "\n")
	b.WriteString("<title>" + html.EscapeString(p.title) + "</title>\n")
	b.WriteString("<script>window.dataLayer = window.dataLayer || []; var cells = \"1000 | 1001 | 1002\";</script>\n")
	b.WriteString("</head>\n<body>\n<nav>\n<ul>\n")
	for _, c := range p.chapters {
		b.WriteString("<li><a href=\"#\">" + html.EscapeString(c) + "</a></li>\n")
	}
	b.WriteString("</ul>\n</nav>\n<main>\n<h1>" + html.EscapeString(p.title) + "</h1>\n")
	for _, in := range p.intro {
		b.WriteString("<p>" + html.EscapeString(in) + "</p>\n")
	}
	b.WriteString("<table>\n<colgroup><col><col><col></colgroup>\n")
	if !s.noSections {
		b.WriteString("<thead>\n")
	}
	b.WriteString("<tr><th>" + strings.Join(s.headers[:], "</th><th>") + "</th></tr>\n")
	if !s.noSections {
		b.WriteString("</thead>\n<tbody>\n")
	}
	for _, r := range p.rows {
		b.WriteString(htmlRow(r, s.codeTH))
	}
	if !s.noSections {
		b.WriteString("</tbody>\n")
	}
	b.WriteString("</table>\n</main>\n</body>\n</html>\n")
	return b.String()
}

// htmlRow renders one row of the site page.
func htmlRow(r pageRow, codeTH bool) string {
	var b strings.Builder
	b.WriteString("<tr>\n")
	if codeTH {
		b.WriteString("<th scope=\"row\"><p>" + r.code + "</p></th>\n")
	} else {
		b.WriteString("<td><p>" + r.code + "</p></td>\n")
	}
	b.WriteString("<td>")
	for i, t := range r.text {
		b.WriteString("<p>")
		if i == 0 {
			b.WriteString(codeNames(r))
		}
		b.WriteString(html.EscapeString(t) + "</p>")
	}
	b.WriteString("</td>\n<td>")
	if len(r.desc) > 0 {
		b.WriteString("<p>" + withCode(strings.Join(r.desc, " ")) + "</p>")
	}
	b.WriteString(itemList(r) + "</td>\n</tr>\n")
	return b.String()
}

// renderMarkdown renders the Markdown export: headings and paragraphs, the
// table as raw HTML whose cells break lines with <br/>.
func renderMarkdown(p *page) string {
	var b strings.Builder
	b.WriteString("# " + p.title + "\n\n")
	for _, in := range p.intro {
		b.WriteString(in + "\n\n")
	}
	b.WriteString("## Error codes\n\n<table>\n<colgroup>\n<col/>\n<col/>\n<col/>\n</colgroup>\n<thead>\n<tr>\n<th>Code</th>\n<th>Text</th>\n<th>Description</th>\n</tr>\n</thead>\n<tbody>\n")
	for _, r := range p.rows {
		b.WriteString("<tr>\n<td>" + r.code + "</td>\n<td>")
		for i, t := range r.text {
			if i > 0 {
				b.WriteString("<br/>")
			}
			if i == 0 {
				b.WriteString(codeNames(r))
			}
			b.WriteString(html.EscapeString(t))
		}
		b.WriteString("</td>\n<td>" + withCode(strings.Join(r.desc, " ")))
		if len(r.endpoints) > 0 {
			b.WriteString("\n\n" + itemList(r) + "\n")
		}
		b.WriteString("</td>\n</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	return b.String()
}

// renderReference renders the older reference copy: every line of a cell its
// own paragraph, the symbolic name on its own line before the message, no
// table sections.
func renderReference(p *page) string {
	var b strings.Builder
	b.WriteString("<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + html.EscapeString(p.title) + "</title>\n</head>\n<body>\n")
	b.WriteString("<h1>" + html.EscapeString(p.title) + "</h1>\n")
	for _, in := range p.intro {
		b.WriteString("<p>" + html.EscapeString(in) + "</p>\n")
	}
	b.WriteString("<table>\n<tr><td><strong>Code</strong></td><td><strong>Text</strong></td><td><strong>Description</strong></td></tr>\n")
	for _, r := range p.rows {
		b.WriteString("<tr>\n<td><p>" + r.code + "</p></td>\n<td>")
		for _, n := range r.names {
			b.WriteString("<p>" + n + "</p>")
		}
		for _, t := range r.text {
			b.WriteString("<p>" + html.EscapeString(t) + "</p>")
		}
		b.WriteString("</td>\n<td>")
		for _, d := range r.desc {
			b.WriteString("<p>" + withCode(d) + "</p>")
		}
		b.WriteString(itemList(r) + "</td>\n</tr>\n")
	}
	b.WriteString("</table>\n</body>\n</html>\n")
	return b.String()
}
