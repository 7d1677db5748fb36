package changes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Summary returns one line counting the changes ("2 codes added, 1 code
// renamed, 3 names added"), or "no catalog changes".
func (c *Changes) Summary() string {
	var parts []string
	count := func(n int, what, verb string) {
		if n == 0 {
			return
		}
		if n > 1 {
			what += "s"
		}
		parts = append(parts, fmt.Sprintf("%d %s %s", n, what, verb))
	}
	count(len(c.Added), "code", "added")
	count(len(c.Removed), "code", "removed")
	count(len(c.Renamed), "code", "renamed")
	count(len(c.Edited), "field", "changed")
	count(len(c.NamesAdded), "name", "added")
	count(len(c.NamesRemoved), "name", "removed")
	if len(parts) == 0 {
		return "no catalog changes"
	}
	return strings.Join(parts, ", ")
}

// Markdown renders the changes as a Markdown section for release notes,
// ending in a newline.
func (c *Changes) Markdown() []byte {
	var b bytes.Buffer
	b.WriteString("## Error catalog changes\n\n")
	if c.Empty() {
		b.WriteString("No changes.\n")
		return b.Bytes()
	}
	section(&b, "Codes added", len(c.Added), func(i int) string { return refLine(c.Added[i]) })
	section(&b, "Codes removed", len(c.Removed), func(i int) string { return refLine(c.Removed[i]) })
	section(&b, "Codes renamed", len(c.Renamed), func(i int) string {
		r := c.Renamed[i]
		return fmt.Sprintf("%d: `%s` → `%s`", r.Code, r.Old, r.New)
	})
	section(&b, "Codes changed", len(c.Edited), func(i int) string {
		e := c.Edited[i]
		return fmt.Sprintf("%d %s: %s → %s", e.Code, e.Field, quote(e.Old), quote(e.New))
	})
	section(&b, "Names added to the spec", len(c.NamesAdded), func(i int) string { return "`" + c.NamesAdded[i] + "`" })
	section(&b, "Names removed from the spec", len(c.NamesRemoved), func(i int) string { return "`" + c.NamesRemoved[i] + "`" })
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func section(b *bytes.Buffer, title string, n int, item func(int) string) {
	if n == 0 {
		return
	}
	fmt.Fprintf(b, "### %s (%d)\n\n", title, n)
	for i := range n {
		fmt.Fprintf(b, "- %s\n", item(i))
	}
	b.WriteString("\n")
}

func refLine(r CodeRef) string {
	s := fmt.Sprint(r.Code)
	if r.Name != "" {
		s += " `" + r.Name + "`"
	}
	if r.Message != "" {
		s += ": " + inline(r.Message)
	}
	return s
}

// quote shows a field value inline: newlines folded, "(none)" when empty.
func quote(s string) string {
	if s == "" {
		return "(none)"
	}
	return "“" + inline(s) + "”"
}

// inline folds newlines so a value stays on its list item's line, and
// escapes the characters Markdown would read as markup.
func inline(s string) string {
	s = strings.ReplaceAll(s, "\n", " / ")
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "<", `\<`, "[", `\[`)
	return r.Replace(s)
}

// JSON renders the changes as indented JSON ending in a newline. Lists are
// always present, empty as [].
func (c *Changes) JSON() ([]byte, error) {
	type full struct {
		Summary      string    `json:"summary"`
		Added        []CodeRef `json:"added"`
		Removed      []CodeRef `json:"removed"`
		Renamed      []Rename  `json:"renamed"`
		Edited       []Edit    `json:"edited"`
		NamesAdded   []string  `json:"namesAdded"`
		NamesRemoved []string  `json:"namesRemoved"`
	}
	data, err := json.MarshalIndent(full{
		Summary: c.Summary(),
		Added:   nonNil(c.Added), Removed: nonNil(c.Removed), Renamed: nonNil(c.Renamed),
		Edited: nonNil(c.Edited), NamesAdded: nonNil(c.NamesAdded), NamesRemoved: nonNil(c.NamesRemoved),
	}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode changes: %w", err)
	}
	return append(data, '\n'), nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
