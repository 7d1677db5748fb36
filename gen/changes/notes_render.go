package changes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Label names a side in one line: the spec's title (with its version when
// the title lacks it) and the first 12 hex digits of the page's SHA-256,
// e.g. "UiPath.WebApi 20.0, page 5e1b7ab5e8e0"; when the side records no
// source, its counts ("catalog without sources (3 codes, 2 names)"), or
// "empty catalog".
func (s Side) Label() string {
	var parts []string
	if spec := s.spec(); spec != "" {
		parts = append(parts, spec)
	}
	if s.PageSHA256 != "" {
		parts = append(parts, "page "+short(s.PageSHA256))
	}
	switch {
	case len(parts) > 0:
	case s.Codes == 0 && s.Names == 0:
		return "empty catalog"
	default:
		return fmt.Sprintf("catalog without sources (%d codes, %d names)", s.Codes, s.Names)
	}
	return strings.Join(parts, ", ")
}

// spec is the spec's title, followed by its version unless the title ends
// with it; "spec <hash>" when the spec has neither.
func (s Side) spec() string {
	label := strings.TrimSpace(s.Title)
	if s.Version != "" && !strings.HasSuffix(label, s.Version) {
		label = strings.TrimSpace(label + " " + s.Version)
	}
	if label == "" && s.SpecSHA256 != "" {
		label = "spec " + short(s.SpecSHA256)
	}
	return label
}

// short is the first 12 characters of a hash.
func short(hash string) string {
	return hash[:min(12, len(hash))]
}

// Summary returns one line counting the changes, names renamed counted
// apart from names added and removed ("5 codes renamed, 39 names added, 9
// names removed, 1 name renamed"), or "no catalog changes".
func (n *Notes) Summary() string {
	c := *n.Codes
	c.NamesAdded, c.NamesRemoved = n.Names.Added, n.Names.Removed
	s := c.Summary()
	if k := len(n.Names.Renamed); k > 0 {
		part := fmt.Sprintf("%d name renamed", k)
		if k > 1 {
			part = fmt.Sprintf("%d names renamed", k)
		}
		if c.Empty() {
			return part
		}
		s += ", " + part
	}
	return s
}

// Markdown renders the release note: a heading naming both sides, a table
// of their sources, the summary, then the Go API impact, the code changes
// and the spec name changes, each section only when it has entries. It ends
// in a newline.
func (n *Notes) Markdown() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Error catalog changes: %s → %s\n\n", inline(n.Old.Label()), inline(n.New.Label()))
	n.sidesTable(&b)
	fmt.Fprintf(&b, "%s.\n\n", capital(n.Summary()))
	if !n.Empty() {
		n.goAPIMarkdown(&b)
		n.codesMarkdown(&b)
		n.namesMarkdown(&b)
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

// sidesTable writes the table of both sides' sources.
func (n *Notes) sidesTable(b *bytes.Buffer) {
	rows := []struct{ what, old, new string }{
		{"Spec title", n.Old.Title, n.New.Title},
		{"Spec version", n.Old.Version, n.New.Version},
		{"Spec SHA-256", n.Old.SpecSHA256, n.New.SpecSHA256},
		{"Page SHA-256", n.Old.PageSHA256, n.New.PageSHA256},
		{"Codes", fmt.Sprint(n.Old.Codes), fmt.Sprint(n.New.Codes)},
		{"Spec names", fmt.Sprint(n.Old.Names), fmt.Sprint(n.New.Names)},
	}
	b.WriteString("| | Old | New |\n| --- | --- | --- |\n")
	for _, r := range rows {
		fmt.Fprintf(b, "| %s | %s | %s |\n", r.what, cell(r.old), cell(r.new))
	}
	b.WriteString("\n")
}

// cell writes a table cell: "(none)" when empty, pipes escaped.
func cell(s string) string {
	if s == "" {
		return "(none)"
	}
	return strings.ReplaceAll(inline(s), "|", `\|`)
}

// capital upper-cases the first letter of an ASCII summary.
func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// goAPIMarkdown writes the "Go API impact" section.
func (n *Notes) goAPIMarkdown(b *bytes.Buffer) {
	g := n.GoAPI
	b.WriteString("## Go API impact\n\n")
	b.WriteString("For the generated Go package, regenerated with its names lock (`orcgen.lock.json`) committed:\n\n")
	if len(g.CodesAdded)+len(g.CodesRenamed)+len(g.CodesKept)+len(g.CodesDeprecated)+len(g.CodesRenumbered)+len(g.CodesRemoved)+len(g.NamesAdded)+len(g.NamesRemoved)+len(g.NamesRenamed) == 0 {
		b.WriteString("No constant is added, renamed, deprecated, renumbered or removed.\n\n")
		return
	}
	section3(b, "Code constants added", len(g.CodesAdded), func(i int) string { return constLine(g.CodesAdded[i]) })
	section3(b, "Code constants renamed", len(g.CodesRenamed), func(i int) string { return renameLine(g.CodesRenamed[i]) })
	section3(b, "Code constants kept by the lock", len(g.CodesKept), func(i int) string {
		r := g.CodesKept[i]
		return fmt.Sprintf("%d: `%s` stays; the catalog now derives `%s`, and a derived name never replaces a locked identifier", r.Code, r.Old, r.New)
	})
	section3(b, "Code constants deprecated", len(g.CodesDeprecated), func(i int) string { return constLine(g.CodesDeprecated[i]) },
		"Their codes are no longer documented; the constants stay, deprecated, while the names lock lists them.")
	section3(b, "Code constants renumbered", len(g.CodesRenumbered), func(i int) string {
		r := g.CodesRenumbered[i]
		return fmt.Sprintf("`%s`: %d → %d", r.Ident, r.Old, r.New)
	}, "The constant keeps its name and takes the new number.")
	section3(b, "Code constants removed", len(g.CodesRemoved), func(i int) string { return constLine(g.CodesRemoved[i]) },
		"Breaking: code that uses them no longer compiles.")
	section3(b, "Name constants added", len(g.NamesAdded), func(i int) string { return "`" + g.NamesAdded[i] + "`" })
	section3(b, "Name constants renamed", len(g.NamesRenamed), func(i int) string {
		return "`" + g.NamesRenamed[i].Old + "` → `" + g.NamesRenamed[i].New + "`"
	}, "Breaking: Name constants are not locked, so the old constant is not kept.")
	section3(b, "Name constants removed", len(g.NamesRemoved), func(i int) string { return "`" + g.NamesRemoved[i] + "`" },
		"Breaking: code that uses them no longer compiles. Name constants are not locked.")
}

// constLine is "`ItemNotFound` (1002)".
func constLine(c Constant) string {
	return fmt.Sprintf("`%s` (%d)", c.Ident, c.Code)
}

// renameLine says what happens to a renamed code's constant.
func renameLine(r ConstantRename) string {
	line := fmt.Sprintf("%d: `%s` → `%s`", r.Code, r.Old, r.New)
	if r.AliasKept {
		return line + "; `" + r.Old + "` stays as a deprecated alias"
	}
	return line + "; `" + r.Old + "` is no longer declared for this code"
}

// codesMarkdown writes the "Codes" section.
func (n *Notes) codesMarkdown(b *bytes.Buffer) {
	c := n.Codes
	if len(c.Added)+len(c.Removed)+len(c.Renamed)+len(c.Edited) == 0 {
		return
	}
	b.WriteString("## Codes\n\n")
	section3(b, "Codes added", len(c.Added), func(i int) string { return refLine(c.Added[i]) })
	section3(b, "Codes removed", len(c.Removed), func(i int) string { return refLine(c.Removed[i]) })
	section3(b, "Codes renamed", len(c.Renamed), func(i int) string {
		r := c.Renamed[i]
		return fmt.Sprintf("%d: `%s` → `%s`", r.Code, r.Old, r.New)
	})
	section3(b, "Codes changed", len(c.Edited), func(i int) string {
		e := c.Edited[i]
		return fmt.Sprintf("%d%s %s: %s → %s", e.Code, n.nameSpan(e.Code), e.Field, quote(e.Old), quote(e.New))
	})
}

// nameSpan is " `Name`" for a code the new catalog names, "" otherwise.
func (n *Notes) nameSpan(code int) string {
	if name := n.names[code]; name != "" {
		return " `" + name + "`"
	}
	return ""
}

// namesMarkdown writes the "Spec names" section.
func (n *Notes) namesMarkdown(b *bytes.Buffer) {
	m := n.Names
	if len(m.Added)+len(m.Removed)+len(m.Renamed) == 0 {
		return
	}
	b.WriteString("## Spec names\n\n")
	section3(b, "Names added", len(m.Added), func(i int) string { return "`" + m.Added[i] + "`" })
	section3(b, "Names removed", len(m.Removed), func(i int) string { return "`" + m.Removed[i] + "`" })
	section3(b, "Names renamed", len(m.Renamed), func(i int) string {
		return "`" + m.Renamed[i].Old + "` → `" + m.Renamed[i].New + "`"
	})
}

// section3 writes a third-level section with a count, an optional note
// paragraph and one list item per entry; nothing when n is 0.
func section3(b *bytes.Buffer, title string, n int, item func(int) string, note ...string) {
	if n == 0 {
		return
	}
	fmt.Fprintf(b, "### %s (%d)\n\n", title, n)
	for _, p := range note {
		b.WriteString(p + "\n\n")
	}
	for i := range n {
		fmt.Fprintf(b, "- %s\n", item(i))
	}
	b.WriteString("\n")
}

// JSON renders the release note as indented JSON ending in a newline. Every
// list is present, empty as [].
func (n *Notes) JSON() ([]byte, error) {
	type codes struct {
		Added   []CodeRef `json:"added"`
		Removed []CodeRef `json:"removed"`
		Renamed []Rename  `json:"renamed"`
		Changed []Edit    `json:"changed"`
	}
	g := n.GoAPI
	out := struct {
		Old     Side        `json:"old"`
		New     Side        `json:"new"`
		Summary string      `json:"summary"`
		GoAPI   GoAPI       `json:"goAPI"`
		Codes   codes       `json:"codes"`
		Names   NameChanges `json:"names"`
	}{
		Old: n.Old, New: n.New, Summary: n.Summary(),
		GoAPI: GoAPI{
			CodesAdded: nonNil(g.CodesAdded), CodesRenamed: nonNil(g.CodesRenamed), CodesKept: nonNil(g.CodesKept),
			CodesDeprecated: nonNil(g.CodesDeprecated), CodesRenumbered: nonNil(g.CodesRenumbered), CodesRemoved: nonNil(g.CodesRemoved),
			NamesAdded: nonNil(g.NamesAdded), NamesRemoved: nonNil(g.NamesRemoved), NamesRenamed: nonNil(g.NamesRenamed),
		},
		Codes: codes{Added: nonNil(n.Codes.Added), Removed: nonNil(n.Codes.Removed), Renamed: nonNil(n.Codes.Renamed), Changed: nonNil(n.Codes.Edited)},
		Names: NameChanges{Added: nonNil(n.Names.Added), Removed: nonNil(n.Names.Removed), Renamed: nonNil(n.Names.Renamed)},
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode release notes: %w", err)
	}
	return append(data, '\n'), nil
}
