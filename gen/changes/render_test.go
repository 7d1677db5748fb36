package changes

import (
	"testing"
)

func TestMarkdown(t *testing.T) {
	got := string(Compare(catalogs()).Markdown())
	want := "## Error catalog changes\n\n" +
		"### Codes added (1)\n\n- 1003 `QueueFull`: Queue is full.\n\n" +
		"### Codes removed (1)\n\n- 1002 `Gone`: Gone.\n\n" +
		"### Codes renamed (1)\n\n- 1000: `TenantNotFound` → `TenantMissing`\n\n" +
		"### Codes changed (3)\n\n" +
		"- 1001 messages: “Robot is offline.” → “Robot is offline. / Retry later.”\n" +
		"- 1001 category: (none) → “Robots”\n" +
		"- 1001 httpStatus: “409” → (none)\n\n" +
		"### Names added to the spec (2)\n\n- `AssetLocked`\n- `QueueFull`\n\n" +
		"### Names removed from the spec (1)\n\n- `OldName`\n"
	if got != want {
		t.Errorf("Markdown =\n%s\nwant\n%s", got, want)
	}
}

func TestMarkdownEscapesMarkup(t *testing.T) {
	c := &Changes{Added: []CodeRef{{Code: 7, Message: "Use *[name]* or `x`\\n"}}}
	want := "## Error catalog changes\n\n### Codes added (1)\n\n- 7: Use \\*\\[name]\\* or \\`x\\`\\\\n\n"
	if got := string(c.Markdown()); got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
}

func TestJSON(t *testing.T) {
	c := &Changes{NamesAdded: []string{"QueueFull"}}
	got, err := c.JSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "summary": "1 name added",
  "added": [],
  "removed": [],
  "renamed": [],
  "edited": [],
  "namesAdded": [
    "QueueFull"
  ],
  "namesRemoved": []
}
`
	if string(got) != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
}
