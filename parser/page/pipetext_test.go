package page_test

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/page"
)

// lossyPipeNote is the info diagnostic of a plain pipe-text page.
var lossyPipeNote = model.Diagnostic{Severity: "info", Source: "page", Message: "page read as a plain pipe-text table without code spans or endpoint lists: " +
	"names and endpoints were not available from this rendering (names written as plain text and endpoints named in the prose are kept; the messages of a cell may read as one)"}

// readSeedFile reads the shared plain-text seed, skipping as
// testenv.Shared does.
func readSeedFile(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(testenv.Shared(t, "docs", "response-codes.seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSeedPipeTextMatchesHTML reads the shared seed, the plain-text
// rendering the project started from, and compares it with the site page
// field by field: the same 119 codes, descriptions, categories, statuses,
// provenance and message text (joined: a text rendering cannot show where
// one message ends and the next begins); the names written as text; the
// endpoints the prose names, not the lists the rendering dropped; and the
// HTML page's diagnostics after the lossy note.
func TestSeedPipeTextMatchesHTML(t *testing.T) {
	got := mustParse(t, readSeedFile(t), page.Options{URI: "response-codes.seed.txt"})
	want := parseFixture(t, "current.html")
	if len(got.Codes) != 119 || len(want.Codes) != 119 {
		t.Fatalf("got %d codes, HTML %d, want 119 each", len(got.Codes), len(want.Codes))
	}
	for i, w := range want.Codes {
		g := got.Codes[i]
		if g.Code != w.Code {
			t.Fatalf("code %d at %d, want %d", g.Code, i, w.Code)
		}
		// What the rendering cannot show: names in code spans (1001-1003),
		// endpoint lists, the boundaries between messages.
		w.Names = slicesWithout(w.Names, map[int]bool{1001: true, 1002: true, 1003: true}[w.Code])
		w.Endpoints = proseEndpoints(w)
		if gm, wm := strings.Join(g.Messages, " "), strings.Join(w.Messages, " "); gm != wm {
			t.Errorf("code %d: messages %q, want %q", w.Code, gm, wm)
		}
		g.Messages, w.Messages = nil, nil
		for _, d := range codeFieldDiffs(g, w) {
			t.Errorf("code %d: %s", w.Code, d)
		}
	}
	wantDiags := append([]model.Diagnostic{lossyPipeNote}, want.Diagnostics...)
	if !reflect.DeepEqual(got.Diagnostics, wantDiags) {
		t.Errorf("diagnostics:\n%+v\nwant\n%+v", got.Diagnostics, wantDiags)
	}
	if c := code(t, got, 1000); !reflect.DeepEqual(c.Messages, []string{"Invalid request! Invalid username/email address or password. Invalid OData query options."}) {
		t.Errorf("1000: messages %q, want the cell as one message", c.Messages)
	}
}

// slicesWithout returns names, or an empty list when drop is set.
func slicesWithout(names []string, drop bool) []string {
	if drop {
		return []string{}
	}
	return names
}

// proseEndpoints returns the endpoints of c that its prose names (those
// wantEndpoints lists for codes without an endpoint list).
func proseEndpoints(c model.Code) []model.Endpoint {
	if c.Code == 1001 || c.Code == 1003 {
		return []model.Endpoint{}
	}
	return c.Endpoints
}

// TestSeedPipeTextMatchesSeed runs the seed checks of every fixture on the
// seed itself, names in code spans aside.
func TestSeedPipeTextMatchesSeed(t *testing.T) {
	seed := readSeed(t)
	cat := mustParse(t, readSeedFile(t), page.Options{URI: "seed.txt"})
	if len(cat.Codes) != len(seed) {
		t.Fatalf("got %d codes, want %d", len(cat.Codes), len(seed))
	}
	for i, want := range seed {
		got := cat.Codes[i]
		if want.code >= 1001 && want.code <= 1003 {
			got.Names = seedNames[want.code] // in code spans on the page, not in this rendering
		}
		checkSeedRow(t, got, want)
	}
}

// pipePage returns a pipe-text page of n rows 2000, 2001, ... with the
// given header words, written as the seed writes it (each cell on its own
// line, ended by "|"); cell, when not nil, gives the text of row i's Text
// and Description cells.
func pipePage(header [3]string, n int, cell func(i int) (text, desc string)) string {
	var b strings.Builder
	b.WriteString("- Getting Started\n- Robots Requests\nCódigos de respuesta\nIntro text.\n")
	fmt.Fprintf(&b, "%s |\n%s |\n%s |\n---|---|---|\n", header[0], header[1], header[2])
	for i := range n {
		text, desc := fmt.Sprintf("Message %d.", i), "Robots"
		if cell != nil {
			text, desc = cell(i)
		}
		fmt.Fprintf(&b, "%d |\n%s |\n%s |\n", 2000+i, text, desc)
	}
	return b.String()
}

// TestPipeTextCells checks how cells of the plain-text rendering read: line
// breaks folded, a names-only line kept as names, "\|" as a pipe, empty
// cells on one line, a label, and a header in another language.
func TestPipeTextCells(t *testing.T) {
	input := pipePage([3]string{"Código", "Texto", "Descripción"}, page.MinRows, func(i int) (string, string) {
		switch i {
		case 0:
			return "ProcessNotFound ,\nPackageNotFound .\nThe associated process\nno longer exists.", "Thrown when making a PUT request\nto the\n/odata/Assets endpoint."
		case 1:
			return "A \\| pipe.", "Conflict (409)"
		case 2:
			return "Invalid argument [A].", "EMPTY"
		}
		return fmt.Sprintf("Message %d.", i), "Robots"
	})
	// The seed writes an empty Description cell on the Text cell's line.
	input = strings.Replace(input, "Invalid argument [A]. |\nEMPTY |\n", "Invalid argument [A]. | |\n", 1)
	cat := mustParse(t, []byte(input), page.Options{URI: "es.txt"})
	if len(cat.Codes) != page.MinRows {
		t.Fatalf("got %d codes, want %d", len(cat.Codes), page.MinRows)
	}
	want := model.Code{Code: 2000, Names: []string{"ProcessNotFound", "PackageNotFound"}, Messages: []string{"The associated process no longer exists."},
		Params: []string{}, Description: "Thrown when making a PUT request to the /odata/Assets endpoint.",
		Endpoints: []model.Endpoint{ep("/odata/Assets", "PUT")}, Source: "page row 2"}
	for _, d := range codeFieldDiffs(code(t, cat, 2000), want) {
		t.Errorf("2000: %s", d)
	}
	if c := code(t, cat, 2001); !reflect.DeepEqual(c.Messages, []string{"A | pipe."}) || c.Category != "Conflict" || c.HTTPStatus != 409 {
		t.Errorf("2001: messages %q category %q status %d", c.Messages, c.Category, c.HTTPStatus)
	}
	if c := code(t, cat, 2002); !reflect.DeepEqual(c.Messages, []string{"Invalid argument [A]."}) || c.Description != "" || c.Category != "" || c.Source != "page row 4" {
		t.Errorf("2002: %+v, want a message and an empty description", c)
	}
	if !reflect.DeepEqual(cat.Diagnostics, []model.Diagnostic{lossyPipeNote}) {
		t.Errorf("diagnostics %+v", cat.Diagnostics)
	}
}

// TestPipeTextRows checks the other shapes of rows: one row a line with
// a pipe at the end only, a row missing a cell, reported as the HTML reader
// reports a malformed row without shifting the rows after it, and text
// with cells after the table.
func TestPipeTextRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("Navigation\nCode | Text | Description |\n---|---|---|\n")
	for i := range page.MinRows {
		fmt.Fprintf(&b, "%d | Message %d. | Robots |\n", 3000+i, i)
	}
	cat := mustParse(t, []byte(b.String()), page.Options{URI: "rows.txt"})
	if len(cat.Codes) != page.MinRows || cat.Codes[0].Messages[0] != "Message 0." || cat.Codes[0].Category != "Robots" {
		t.Errorf("one row a line: %d codes, first %+v", len(cat.Codes), cat.Codes[0])
	}

	// A row missing a cell is one short row, reported and skipped; the rows
	// after it keep their columns.
	input := pipePage([3]string{"Code", "Text", "Description"}, page.MinRows+1, nil)
	input = strings.Replace(input, "2003 |\nMessage 3. |\nRobots |\n", "2003 |\nMessage 3. |\n", 1)
	cat = mustParse(t, []byte(input), page.Options{URI: "short.txt"})
	wantDiag := model.Diagnostic{Severity: "warning", Source: "page", Message: "page row 5: 2 cells, not three cells with an integer code; row skipped"}
	if len(cat.Codes) != page.MinRows || !reflect.DeepEqual(cat.Diagnostics, []model.Diagnostic{lossyPipeNote, wantDiag}) {
		t.Errorf("short row: %d codes, diagnostics %+v", len(cat.Codes), cat.Diagnostics)
	}
	if c := code(t, cat, 2004); !reflect.DeepEqual(c.Messages, []string{"Message 4."}) || c.Category != "Robots" || c.Source != "page row 6" {
		t.Errorf("short row: the next row reads %+v", c)
	}

	// A trailing line with cells after the table is a row that is no code
	// row, reported and skipped.
	input = pipePage([3]string{"Code", "Text", "Description"}, page.MinRows, nil) + "Was this page helpful? | Yes | No |\n"
	cat = mustParse(t, []byte(input), page.Options{URI: "footer.txt"})
	wantDiag = model.Diagnostic{Severity: "warning", Source: "page",
		Message: `page row 52: first cell "Was this page helpful?", not three cells with an integer code; row skipped`}
	if len(cat.Codes) != page.MinRows || !reflect.DeepEqual(cat.Diagnostics, []model.Diagnostic{lossyPipeNote, wantDiag}) {
		t.Errorf("footer: %d codes, diagnostics %+v", len(cat.Codes), cat.Diagnostics)
	}
}

// TestPipeTextRefused checks that pipe text without a codes table is not
// the page, the error saying what the table holds, and that a table of
// too many cells is refused with a *LimitError.
func TestPipeTextRefused(t *testing.T) {
	_, err := page.Parse([]byte("Code |\nText |\nDescription |\n---|---|---|\nA |\nx |\ny |\n"), page.Options{URI: "bad.txt"})
	var npe *page.NotPageError
	if !errors.As(err, &npe) || npe.Found != "1 table, none with three columns and integer codes in the first" {
		t.Errorf("no codes: error %v", err)
	}
	_, err = page.Parse([]byte(pipePage([3]string{"Code", "Text", "Description"}, page.MinRows-1, nil)), page.Options{URI: "few.txt"})
	if !errors.As(err, &npe) || npe.Found != "at most 49 distinct codes in a table" {
		t.Errorf("too few: error %v", err)
	}
	for name, input := range map[string]string{
		"cells.txt": "a | b |\n---|---|\n" + strings.Repeat("|", page.MaxElements/2+1),
		"rules.txt": strings.Repeat("---|---|\n\n", page.MaxElements/4+1),
	} {
		_, err = page.Parse([]byte(input), page.Options{URI: name})
		var le *page.LimitError
		if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), name+": ") || !strings.Contains(err.Error(), "page.MaxElements") {
			t.Errorf("error %v, want a LimitError naming %s and page.MaxElements", err, name)
		}
	}
}

// FuzzParsePipeText checks Parse on pipe-text input: no panic, and what it
// returns holds together (see checkParsed).
func FuzzParsePipeText(f *testing.F) {
	f.Add([]byte(pipePage([3]string{"Code", "Text", "Description"}, page.MinRows, nil)))
	f.Add([]byte("a |\nb |\n---|---|\n1 |\n\\| |\n| |\n"))
	f.Add([]byte("| x | y |\n| --- | --- |\n| 1 | 2 |"))
	f.Add([]byte("---|---|\n---|---|\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParsed(t, data, "fuzz.txt")
	})
}

// BenchmarkParsePipeText parses the shared seed, the plain pipe-text
// rendering of the page.
func BenchmarkParsePipeText(b *testing.B) {
	data := readSeedFile(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := page.Parse(data, page.Options{URI: "seed.txt"}); err != nil {
			b.Fatal(err)
		}
	}
}
