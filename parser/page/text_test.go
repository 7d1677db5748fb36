package page

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// cellOf parses frag as the content of a table cell and returns the cell.
func cellOf(t *testing.T, frag string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<table><tr><td>" + frag + "</td></tr></table>"))
	if err != nil {
		t.Fatal(err)
	}
	td := firstElement(doc, atom.Td)
	if td == nil {
		t.Fatalf("no cell in %q", frag)
	}
	return td
}

// linesOf returns the lines of a cell holding frag.
func linesOf(t *testing.T, frag string) []line {
	t.Helper()
	return cellLines(cellOf(t, frag))
}

// TestCellLines checks where lines break and which text is code.
func TestCellLines(t *testing.T) {
	tests := []struct {
		frag  string
		texts []string
		items []bool
	}{
		{"<p>a</p><p>b</p>", []string{"a", "b"}, []bool{false, false}},
		{"a<br>b<br/>c", []string{"a", "b", "c"}, []bool{false, false, false}},
		{"one\n  two", []string{"one two"}, []bool{false}},
		{"x<ul><li>P - <code>/a</code></li><li>Q</li></ul>y", []string{"x", "P - /a", "Q", "y"}, []bool{false, true, true, false}},
		{"<p> </p><p>\u200b</p><script>s</script><style>p{}</style>z", []string{"z"}, []bool{false}},
		{"<span>in</span><b>line</b>", []string{"inline"}, []bool{false}},
	}
	for _, tt := range tests {
		var texts []string
		var items []bool
		for _, l := range linesOf(t, tt.frag) {
			texts = append(texts, l.text())
			items = append(items, l.item)
		}
		if !reflect.DeepEqual(texts, tt.texts) || !reflect.DeepEqual(items, tt.items) {
			t.Errorf("cellLines(%q) = %q %v, want %q %v", tt.frag, texts, items, tt.texts, tt.items)
		}
	}
}

// TestCodeSegments checks that <code> text is marked as code.
func TestCodeSegments(t *testing.T) {
	got := linesOf(t, "<code>Name</code> text <kbd>k</kbd>")[0].segs
	want := []segment{{"Name", true}, {" text ", false}, {"k", true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("segments %+v, want %+v", got, want)
	}
}

// TestFold checks white space folding and zero-width removal.
func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"  a \n\t b  ":           "a b",
		"a\u00a0b":               "a b",
		"\u200bIt\u200cem\ufeff": "Item",
		"soft\u00adhyphen":       "softhyphen",
		"":                       "",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFoldShortcut checks that fold's no-copy path for text that is
// already folded agrees with folding by fields.
func TestFoldShortcut(t *testing.T) {
	for _, in := range []string{"a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u2003b", " ", "x", "é ü", "a \u200bb"} {
		want := strings.Join(strings.Fields(strings.Map(dropInvisible, in)), " ")
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
		if !isFolded(want) || (in != want && isFolded(in) && !strings.ContainsAny(in, invisibleChars)) {
			t.Errorf("isFolded wrong for %q or %q", in, want)
		}
	}
}
