package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"

	"github.com/orcgen/orcgen/model"
)

// Which diagnostics reach stderr. The catalog (model.json) keeps every
// one; on stderr:
//
//   - by default, the page's warnings: a row of the page dropped, merged
//     or changed on its way into the catalog (a duplicate or unreadable
//     code, a table read as part of another, a cell standing in a row
//     below through rowspan, a code written "1 000"), one line each,
//     then a summary count; so an ordinary page, where nothing is lost,
//     keeps go generate quiet;
//   - with -v, every other diagnostic too: remarks on the page's own text
//     (a cut-off placeholder, an unbalanced backquote), the join's
//     decisions and the spec's notes;
//   - with -q, nothing.
type diagnosticsMode struct {
	verbose, quiet bool
}

// rowLoss reports whether d says a row of the page was dropped, merged or
// changed: the page parser's warnings.
func rowLoss(d model.Diagnostic) bool {
	return d.Severity == model.SeverityWarning && d.Source == model.SourcePage
}

// printDiagnostics writes the catalog's diagnostics to w as mode says:
// "orcgen: <severity>: <where>: <message>" a line, then a summary line.
func printDiagnostics(w io.Writer, cat *model.Catalog, mode diagnosticsMode) {
	if mode.quiet || cat == nil {
		return
	}
	rows := codeRows(cat)
	losses, others := 0, 0
	for _, d := range cat.Diagnostics {
		if rowLoss(d) {
			losses++
		} else {
			others++
			if !mode.verbose {
				continue
			}
		}
		fmt.Fprintf(w, "orcgen: %s: %s\n", d.Severity, diagnosticLine(d, rows))
	}
	if losses == 0 && (others == 0 || !mode.verbose) {
		return
	}
	summary := fmt.Sprintf("orcgen: page: %s (rows dropped, merged or changed)", countNoun(losses, "warning"))
	switch {
	case mode.verbose:
		summary += fmt.Sprintf(", %s", countNoun(others, "other diagnostic"))
	case others > 0:
		summary += fmt.Sprintf("; -v shows %s", countNoun(others, "other diagnostic"))
	}
	fmt.Fprintln(w, summary+"; -q hides them")
}

// pageRowRE matches a message that names its page row already.
var pageRowRE = regexp.MustCompile(`^page(?: row \d+)?:`)

// diagnosticLine returns d's message on one printable line, led by the
// code and its page row when the message does not name them.
func diagnosticLine(d model.Diagnostic, rows map[int]string) string {
	msg := printable(d.Message)
	switch {
	case pageRowRE.MatchString(msg) || d.Code == 0:
		return msg
	case rows[d.Code] != "":
		return fmt.Sprintf("%s: code %d: %s", rows[d.Code], d.Code, msg)
	}
	return fmt.Sprintf("code %d: %s", d.Code, msg)
}

// codeRows maps each code to its provenance ("page row 12").
func codeRows(cat *model.Catalog) map[int]string {
	rows := make(map[int]string, len(cat.Codes))
	for _, c := range cat.Codes {
		if strings.HasPrefix(c.Source, "page row ") {
			rows[c.Code] = c.Source
		}
	}
	return rows
}

// printable escapes what a terminal would act on: control characters
// (line breaks, escapes) and bidirectional controls become \u escapes, so
// text from a page prints as one inert line.
func printable(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeRune reports whether r must not reach a terminal as is.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u200e' || r == '\u200f'
}

// countNoun returns "1 row" or "3 rows".
func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
