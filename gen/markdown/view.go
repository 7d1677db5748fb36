package markdown

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/orcgen/orcgen/model"
)

// View is what the templates render: every text already escaped for
// Markdown, every decision made. Templates only place its fields.
type View struct {
	// Total is the number of codes.
	Total int
	// Codes holds one entry per code, ascending.
	Codes []CodeView
	// Categories is the index by category, by name, "Uncategorized" last.
	Categories []CategoryView
	// Endpoints is the index by endpoint, by path then method.
	Endpoints []EndpointView
	// Statuses is the index by HTTP status, ascending, codes without a
	// stated status last.
	Statuses []StatusView
	// Names is the index of every name a code is known by, by name then
	// code.
	Names []NameView
	// Sources lists the catalog's inputs, page first.
	Sources []SourceView
}

// CodeView is one code: its summary row cells and its section.
type CodeView struct {
	// Code is the number; Anchor its stable anchor ("code-1001").
	Code   int
	Anchor string
	// Heading is the section's heading text ("1001 NameAlreadyUsed").
	Heading string
	// NameSpan is the identifier as a code span.
	NameSpan string
	// Origin says where the name comes from, in words.
	Origin string
	// NameCell, MessageCell, CategoryCell and HTTPCell are the summary
	// table's cells: messages joined by <br>, HTTP empty when unknown.
	NameCell, MessageCell, CategoryCell, HTTPCell string
	// Category and HTTP are the same for the section, empty when unknown.
	Category, HTTP string
	// Aliases lists the spec's other names as code spans, comma-separated.
	Aliases string
	// KnownAs lists the code's other names (stated by the page, the
	// spec's other names, the name the spec's enum order suggests), each a
	// code span followed by where it comes from, comma-separated; empty
	// when the code has none.
	KnownAs string
	// Messages are the messages, placeholders marked as code spans.
	Messages []string
	// Description is the description paragraph.
	Description string
	// Endpoints are the endpoints, one line each with their operationIds.
	Endpoints []string
}

// CategoryView is one category of the index and links to its codes.
type CategoryView struct {
	Name  string
	Codes []string
}

// EndpointView is one row of the endpoint index: method and path, the
// operationId, and links to the codes.
type EndpointView struct {
	Endpoint, Operation, Codes string
}

// StatusView is one HTTP status of the index and links to its codes.
// Heading is the status and its reason phrase ("409 Conflict"), or
// "No status stated".
type StatusView struct {
	Heading string
	Codes   []string
}

// NameView is one row of the index by name: a name, the link to its code,
// and how the code is known by it.
type NameView struct {
	Name, Code, How string
}

// SourceView is one row of the sources table. Address is the public
// address of the document: PageURL for the page whatever copy was read, the
// URL a spec was fetched from, empty for a spec read from a file. URI is
// Address, kept for templates written against an older view. SHA256 is the
// hash of the copy read.
type SourceView struct {
	Kind, Title, Address, URI, Version, SHA256 string
}

// uncategorized is the index heading of codes without a category.
const uncategorized = "Uncategorized"

// originText describes a name origin in words.
func originText(origin string) string {
	switch origin {
	case model.OriginPage:
		return "stated by the page"
	case model.OriginMessage:
		return "the spec's name that the message spells"
	case model.OriginBracketed:
		return "the spec's enum order between two known names"
	case model.OriginExtended:
		return "a guess continuing a run of the spec's enum names"
	case model.OriginAligned:
		return "the spec's enum name aligned with the code by its place and its words"
	case model.OriginDerived:
		return "derived from the page's text"
	}
	return origin
}

// newView builds the view of a catalog.
func newView(cat *model.Catalog) View {
	v := View{Total: len(cat.Codes)}
	for _, c := range cat.Codes {
		v.Codes = append(v.Codes, codeView(c))
	}
	v.Categories = categories(cat.Codes)
	v.Endpoints = endpoints(cat.Codes)
	v.Statuses = statuses(cat.Codes)
	v.Names = names(cat)
	for _, s := range cat.Sources {
		v.Sources = append(v.Sources, sourceView(s))
	}
	return v
}

// Anchor is the stable anchor of a code's section ("code-1001").
func Anchor(code int) string {
	return "code-" + strconv.Itoa(code)
}

// codeView builds the view of one code.
func codeView(c model.Code) CodeView {
	v := CodeView{
		Code:         c.Code,
		Anchor:       Anchor(c.Code),
		Heading:      strings.TrimSpace(strconv.Itoa(c.Code) + " " + Text(c.Name)),
		NameSpan:     CodeSpan(c.Name),
		Origin:       Text(originText(c.NameOrigin)),
		NameCell:     Cell(c.Name),
		CategoryCell: Cell(c.Category),
		Category:     Text(c.Category),
		Description:  Text(c.Description),
	}
	if c.HTTPStatus != 0 {
		v.HTTP = strconv.Itoa(c.HTTPStatus)
		v.HTTPCell = v.HTTP
	}
	cells := make([]string, len(c.Messages))
	for i, m := range c.Messages {
		cells[i] = Cell(m)
		v.Messages = append(v.Messages, Message(m, c.Params))
	}
	v.MessageCell = strings.Join(cells, "<br>")
	spans := make([]string, len(c.Aliases))
	for i, a := range c.Aliases {
		spans[i] = CodeSpan(a)
	}
	v.Aliases = strings.Join(spans, ", ")
	v.KnownAs = knownAs(c)
	for _, e := range c.Endpoints {
		v.Endpoints = append(v.Endpoints, endpointLine(e))
	}
	return v
}

// endpointLine is an endpoint as code spans: "`POST` `/odata/Assets`
// (operationId `Assets_Post`)".
func endpointLine(e model.Endpoint) string {
	methods := make([]string, len(e.Methods))
	for i, m := range e.Methods {
		methods[i] = CodeSpan(m)
	}
	line := strings.Join(methods, ", ") + " " + CodeSpan(e.Path)
	if len(e.OperationIDs) == 0 {
		return line
	}
	ids := make([]string, len(e.OperationIDs))
	for i, id := range e.OperationIDs {
		ids[i] = CodeSpan(id)
	}
	return line + " (operationId " + strings.Join(ids, ", ") + ")"
}

// codeLink links to a code's section: "[1001](#code-1001) NameAlreadyUsed".
func codeLink(c model.Code) string {
	return strings.TrimSpace("[" + strconv.Itoa(c.Code) + "](#" + Anchor(c.Code) + ") " + Text(c.Name))
}

// categories groups the codes by category, by name, uncategorized last.
func categories(codes []model.Code) []CategoryView {
	groups := map[string][]string{}
	for _, c := range codes {
		name := cmp.Or(strings.TrimSpace(c.Category), uncategorized)
		groups[name] = append(groups[name], codeLink(c))
	}
	names := make([]string, 0, len(groups))
	for name := range groups {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(boolRank(a == uncategorized), boolRank(b == uncategorized)), cmp.Compare(a, b))
	})
	out := make([]CategoryView, len(names))
	for i, name := range names {
		out[i] = CategoryView{Name: Text(name), Codes: groups[name]}
	}
	return out
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// endpointKey identifies one method on one path.
type endpointKey struct {
	path, method, operation string
}

// endpoints indexes the codes by the endpoints the page ties them to.
func endpoints(codes []model.Code) []EndpointView {
	links := map[endpointKey][]string{}
	for _, c := range codes {
		for _, e := range c.Endpoints {
			for i, m := range e.Methods {
				k := endpointKey{path: e.Path, method: m}
				if len(e.OperationIDs) == len(e.Methods) {
					k.operation = e.OperationIDs[i]
				}
				if l := links[k]; len(l) == 0 || l[len(l)-1] != shortLink(c.Code) {
					links[k] = append(l, shortLink(c.Code))
				}
			}
		}
	}
	keys := make([]endpointKey, 0, len(links))
	for k := range links {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b endpointKey) int {
		return cmp.Or(cmp.Compare(a.path, b.path), cmp.Compare(a.method, b.method), cmp.Compare(a.operation, b.operation))
	})
	out := make([]EndpointView, len(keys))
	for i, k := range keys {
		out[i] = EndpointView{Endpoint: Cell(k.method + " " + k.path), Operation: Cell(k.operation), Codes: strings.Join(links[k], ", ")}
	}
	return out
}

// shortLink links to a code's section by its number.
func shortLink(code int) string {
	return "[" + strconv.Itoa(code) + "](#" + Anchor(code) + ")"
}
