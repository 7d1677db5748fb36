// Command gen writes the Response Codes page fixtures of testdata/pages, and
// the embedded default page, from the page's plain-text seed, in each shape
// that PAGE-LAYOUTS.md describes, and as the GFM pipe table that "copy as
// Markdown" tools write (gfm.md). It adds only what that file states beyond
// the seed: the names of 1001-1003, 1000's three messages and the endpoint
// lists of 1001 and 1003.
//
// Run from the module root:
//
//	go run ./testdata/pages/gen -seed ../shared/docs/response-codes.seed.txt
package main

import (
	"flag"
	"fmt"
	"html"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// pageRow is one row of the page: what the seed shows plus the facts of
// PAGE-LAYOUTS.md.
type pageRow struct {
	code      string
	names     []string // names in <code> spans before the first message
	text      []string // lines of the Text cell
	desc      []string // lines of the Description cell
	endpoints []string // endpoint list items, "METHODS - PATH"
}

// page is everything a fixture renders.
type page struct {
	chapters []string
	title    string
	intro    []string
	rows     []pageRow
}

func main() {
	seed := flag.String("seed", "../shared/docs/response-codes.seed.txt", "plain-text seed of the page")
	out := flag.String("out", "testdata/pages", "fixture directory")
	defaults := flag.String("defaults", "parser/defaults/response-codes.html", "embedded default page")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	data, err := os.ReadFile(*seed)
	if err != nil {
		log.Fatal(err)
	}
	p, err := parseSeed(string(data))
	if err != nil {
		log.Fatalf("%s: %v", *seed, err)
	}
	addLayoutFacts(p)
	files := map[string][]byte{
		filepath.Join(*out, "export.md"):         []byte(renderMarkdown(p)),
		filepath.Join(*out, "gfm.md"):            []byte(renderGFM(p)),
		filepath.Join(*out, "reference-v0.html"): []byte(renderReference(p)),
		filepath.Join(*out, "de.html"):           []byte(renderHTML(p, htmlShape{lang: "de", headers: [3]string{"Code", "Text", "Beschreibung"}, charsetMeta: `<meta charset="utf-8">`, codeTH: true})),
		filepath.Join(*out, "pt-BR.html"):        []byte(renderHTML(p, htmlShape{lang: "pt-BR", headers: [3]string{"Código", "Texto", "Description"}, charsetMeta: `<meta charset="utf-8">`, noSections: true})),
		filepath.Join(*out, "es.html"):           latin1(renderHTML(p, htmlShape{lang: "es", headers: [3]string{"Código", "Texto", "Descripción"}, charsetMeta: `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`})),
		*defaults:                                []byte(renderHTML(p, htmlShape{lang: "en", headers: [3]string{"Code", "Text", "Description"}, charsetMeta: `<meta charset="utf-8">`})),
	}
	for name, b := range files {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// latin1 encodes s as ISO-8859-1, for a fixture whose charset only its
// <meta> declares.
func latin1(s string) []byte {
	b, err := charmap.ISO8859_1.NewEncoder().String(s)
	if err != nil {
		log.Fatalf("encode latin-1: %v", err)
	}
	return []byte(b)
}

var codeLine = regexp.MustCompile(`^[0-9]{4} \|$`)

// parseSeed reads the seed: chapter list, title, intro, then rows of
// "CODE |", text lines, description lines, each cell closed by "|".
func parseSeed(s string) (*page, error) {
	head, body, ok := strings.Cut(s, "---|---|---|\n")
	if !ok {
		return nil, fmt.Errorf("no table rule in seed")
	}
	p := &page{}
	for _, l := range strings.Split(head, "\n") {
		switch {
		case strings.HasPrefix(l, "- "):
			p.chapters = append(p.chapters, strings.TrimPrefix(l, "- "))
		case p.title == "":
			p.title = l
		case !strings.HasSuffix(l, "|") && l != "":
			p.intro = append(p.intro, l)
		}
	}
	var cur *pageRow
	var cell strings.Builder
	flush := func() {
		if cur == nil {
			return
		}
		cells := strings.Split(cell.String(), "|")
		cur.text = lines(cells[0])
		if len(cells) > 1 {
			cur.desc = lines(cells[1])
		}
		p.rows = append(p.rows, *cur)
		cell.Reset()
	}
	for _, l := range strings.Split(body, "\n") {
		if codeLine.MatchString(l) {
			flush()
			cur = &pageRow{code: strings.TrimSuffix(l, " |")}
			continue
		}
		cell.WriteString(l + "\n")
	}
	flush()
	return p, nil
}

// lines returns the non-empty lines of a seed cell, ends trimmed.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// addLayoutFacts adds what PAGE-LAYOUTS.md states and the seed lost.
func addLayoutFacts(p *page) {
	for i := range p.rows {
		r := &p.rows[i]
		switch r.code {
		case "1000":
			r.text = []string{"Invalid request!", "Invalid username/email address or password.", "Invalid OData query options."}
		case "1001":
			r.names = []string{"NameAlreadyUsed"}
			r.endpoints = endpoints1001
		case "1002":
			r.names = []string{"ItemNotFound"}
		case "1003":
			r.names = []string{"StringProtectFailed"}
			r.endpoints = []string{"POST and PUT - /odata/Robots"}
		}
	}
}

// endpoints1001 is the endpoint list of 1001 as PAGE-LAYOUTS.md gives it.
var endpoints1001 = []string{
	"POST and PUT - /odata/Assets",
	"POST and PUT - /odata/QueueDefinitions",
	"POST - /odata/QueueItems(id)/UiPathODataSvc.SetTransactionProgress",
	"POST - /odata/QueueItems/UiPathODataSvc.SetItemReviewStatus",
	"POST - /odata/QueueItems/UiPathODataSvc.DeleteBulk",
	"POST - /odata/QueueItems/UiPathODataSvc.SetItemReviewer",
	"POST - /odata/QueueItems/UiPathODataSvc.UnsetItemReviewer",
	"POST - /odata/Queues(id)/UiPathODataSvc.SetTransactionResult",
	"POST - /odata/Queues/UiPathODataSvc.AddQueueItem",
	"POST - /odata/Queues/UiPathODataSvc.StartTransaction",
	"POST, PUT, and PATCH - /odata/Releases",
	"POST, PUT, and PATCH - /odata/Machines",
	"POST and PUT - /odata/Robots",
	"POST - /odata/Robots/UiPath.Server.Configuration.OData.ConvertToFloating",
	"POST and PUT - /odata/ProcessSchedules",
	"POST - /odata/Roles",
	"POST - /odata/Users",
}

// withCode escapes s for HTML and puts each word that is a path in a <code>
// span, as the site does.
func withCode(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if strings.HasPrefix(w, "/odata") {
			words[i] = "<code>" + html.EscapeString(w) + "</code>"
		} else {
			words[i] = html.EscapeString(w)
		}
	}
	return strings.Join(words, " ")
}

// item renders an endpoint list item, its path in a <code> span.
func item(e string) string {
	ms, path, _ := strings.Cut(e, " - ")
	return "<li>" + html.EscapeString(ms) + " - <code>" + html.EscapeString(path) + "</code></li>"
}

// itemList renders the endpoint list of a row, "" when it has none.
func itemList(r pageRow) string {
	if len(r.endpoints) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<ul>")
	for _, e := range r.endpoints {
		b.WriteString(item(e))
	}
	b.WriteString("</ul>")
	return b.String()
}

// codeNames renders the names of a row as <code> spans followed by a space.
func codeNames(r pageRow) string {
	var b strings.Builder
	for _, n := range r.names {
		b.WriteString("<code>" + n + "</code> ")
	}
	return b.String()
}
