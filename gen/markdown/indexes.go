package markdown

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/orcgen/orcgen/model"
)

// PageURL is the public address of the Response Codes page of the
// Orchestrator API guide. The Sources section names the page by it whatever
// copy orcgen read (the embedded one, a snapshot, a localized page), so the
// document never shows a local path and does not change with the copy's
// location; the SHA-256 beside it identifies the copy.
const PageURL = "https://docs.uipath.com/orchestrator/automation-cloud/latest/api-guide/response-codes"

// pageTitle is the page's title in the Sources table.
const pageTitle = "Response Codes, Orchestrator API guide"

// noStatus is the index heading of codes without a stated HTTP status.
const noStatus = "No status stated"

// statuses groups the codes by HTTP status, ascending, codes without one
// last.
func statuses(codes []model.Code) []StatusView {
	groups := map[int][]string{}
	for _, c := range codes {
		groups[c.HTTPStatus] = append(groups[c.HTTPStatus], codeLink(c))
	}
	keys := make([]int, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b int) int {
		return cmp.Or(cmp.Compare(boolRank(a == 0), boolRank(b == 0)), cmp.Compare(a, b))
	})
	out := make([]StatusView, len(keys))
	for i, k := range keys {
		out[i] = StatusView{Heading: statusHeading(k), Codes: groups[k]}
	}
	return out
}

// statusHeading is "409 Conflict", the bare number for a status without a
// reason phrase, or noStatus for 0.
func statusHeading(status int) string {
	if status == 0 {
		return noStatus
	}
	return strings.TrimSpace(strconv.Itoa(status) + " " + http.StatusText(status))
}

// nameKey identifies one row of the index by name.
type nameKey struct {
	name string
	code int
}

// names lists every name a code is known by: its identifier, the names the
// page states, the spec's other names for it, the name the spec's order
// suggests, and the spec names the join tied to it otherwise; each (name,
// code) once, with every source that gives it; by name, then code.
func names(cat *model.Catalog) []NameView {
	how := map[nameKey][]string{}
	add := func(name string, code int, text string) {
		k := nameKey{name, code}
		if name != "" && !slices.Contains(how[k], text) {
			how[k] = append(how[k], text)
		}
	}
	for _, c := range cat.Codes {
		add(c.Name, c.Code, "identifier: "+originText(c.NameOrigin))
		other := func(name, text string) {
			if name != c.Name {
				add(name, c.Code, text)
			}
		}
		for _, n := range c.Names {
			other(n, "stated by the page")
		}
		for _, a := range c.Aliases {
			other(a, "the spec's other name for the code")
		}
		other(c.Guess, "suggested by the spec's enum order (a guess)")
	}
	for _, n := range cat.Names {
		if _, known := how[nameKey{n.Name, n.Code}]; n.Code != 0 && !known {
			add(n.Name, n.Code, "the spec's name for the code ("+originText(n.Origin)+")")
		}
	}
	keys := make([]nameKey, 0, len(how))
	for k := range how {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b nameKey) int { return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.code, b.code)) })
	out := make([]NameView, len(keys))
	for i, k := range keys {
		out[i] = NameView{Name: Cell(k.name), Code: shortLink(k.code), How: Cell(strings.Join(how[k], "; "))}
	}
	return out
}

// knownAs lists a code's names other than its identifier, in the order
// page, spec, suggestion, each once with every source that gives it:
// "`PackageNotFound` (stated by the page)".
func knownAs(c model.Code) string {
	var order []string
	from := map[string][]string{}
	add := func(name, source string) {
		if name == "" || name == c.Name || slices.Contains(from[name], source) {
			return
		}
		if from[name] == nil {
			order = append(order, name)
		}
		from[name] = append(from[name], source)
	}
	for _, n := range c.Names {
		add(n, "stated by the page")
	}
	for _, a := range c.Aliases {
		add(a, "the spec's other name for the code")
	}
	guess := "suggested by the spec's enum order, a guess"
	if c.Alignment != nil {
		guess = "suggested by aligning the codes with the spec's enum, " + c.Alignment.Level + " confidence"
	}
	add(c.Guess, guess)
	parts := make([]string, len(order))
	for i, n := range order {
		parts[i] = CodeSpan(n) + " (" + Text(strings.Join(from[n], "; ")) + ")"
	}
	return strings.Join(parts, ", ")
}

// sourceView builds a row of the sources table: the page by its public
// address, a spec by its title and, when it was fetched, its URL.
func sourceView(s model.Source) SourceView {
	v := SourceView{Kind: Cell(s.Kind), Title: Cell(s.Title), Version: Cell(s.Version), SHA256: Cell(s.SHA256)}
	switch {
	case s.Kind == model.SourcePage:
		v.Title, v.Address = Cell(pageTitle), PageURL
	default:
		v.Address = Cell(publicURL(s.URI))
	}
	v.URI = v.Address
	return v
}

// publicURL returns an http(s) URI without its user information, query and
// fragment (which may hold credentials); "" for anything else, such as a
// local path or an embedded input.
func publicURL(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	u.User, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = nil, "", false, "", ""
	return u.String()
}
