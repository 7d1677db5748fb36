package page_test

import (
	"html"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/parser/page"
)

// legacyPage renders the seed's rows in the older layout with bare names:
// no <code> spans, and each cell one paragraph, so that the names a Text
// cell states and its message share a line ("ProcessNotFound ,
// PackageNotFound . The associated process no longer exists.").
func legacyPage(rows []seedRow) []byte {
	var b strings.Builder
	b.WriteString("<html><head><title>Response Codes</title></head><body><table>\n")
	b.WriteString("<tr><th>Code</th><th>Text</th><th>Description</th></tr>\n")
	for _, r := range rows {
		b.WriteString("<tr><td><p>" + strconv.Itoa(r.code) + "</p></td>")
		for _, cell := range []string{r.text, r.desc} {
			b.WriteString("<td>")
			if cell != "" {
				b.WriteString("<p>" + html.EscapeString(cell) + "</p>")
			}
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table></body></html>\n")
	return []byte(b.String())
}

// TestLegacyBareNamesInOneParagraph: names and the message in one
// paragraph are two names and one message, and no other row of the seed
// loses words to a name.
func TestLegacyBareNamesInOneParagraph(t *testing.T) {
	rows := readSeed(t)
	cat, err := page.Parse(legacyPage(rows), page.Options{URI: "legacy.html"})
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Codes) != len(rows) {
		t.Fatalf("%d codes, want %d", len(cat.Codes), len(rows))
	}
	want := map[int]struct{ names, messages []string }{
		1661: {[]string{"ProcessNotFound", "PackageNotFound"}, []string{"The associated process no longer exists."}},
		1208: {[]string{"MachineLicenseCannotChange", "InvalidNonProductionMachineSlots", "InvalidUnattendedMachineSlots"}, []string{}},
		1677: {[]string{"PackageNotFound"}, []string{}},
		1679: {[]string{"PathTooLong"}, []string{}},
	}
	for i, c := range cat.Codes {
		if w, ok := want[c.Code]; ok {
			if !reflect.DeepEqual(c.Names, w.names) || !reflect.DeepEqual(c.Messages, w.messages) {
				t.Errorf("%d: names %q, messages %q; want %q and %q", c.Code, c.Names, c.Messages, w.names, w.messages)
			}
			continue
		}
		if len(c.Names) != 0 {
			t.Errorf("%d: names %q from %q, want none", c.Code, c.Names, rows[i].text)
		}
		if rows[i].text != "" && (len(c.Messages) != 1 || c.Messages[0] != rows[i].text) {
			t.Errorf("%d: messages %q, want the whole text %q", c.Code, c.Messages, rows[i].text)
		}
	}
}
