package page_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/page"
)

// codeFieldDiffs returns, for every field of model.Code on which got and
// want differ, "Field: got … want …".
func codeFieldDiffs(got, want model.Code) []string {
	var diffs []string
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := range g.NumField() {
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			diffs = append(diffs, fmt.Sprintf("%s: got %#v, want %#v", g.Type().Field(i).Name, g.Field(i).Interface(), w.Field(i).Interface()))
		}
	}
	return diffs
}

// TestGFMFixtureMatchesHTML checks that the GFM pipe-table rendering of the
// page (names in backticks, messages and endpoint items joined with <br>)
// gives what the site page gives, field by field, endpoints included, with
// the same diagnostics and no lossy note.
func TestGFMFixtureMatchesHTML(t *testing.T) {
	want := parseFixture(t, "current.html")
	got := parseFixture(t, "gfm.md")
	if len(got.Codes) != 119 || len(want.Codes) != 119 {
		t.Fatalf("got %d codes, HTML %d, want 119 each", len(got.Codes), len(want.Codes))
	}
	for i := range want.Codes {
		for _, d := range codeFieldDiffs(got.Codes[i], want.Codes[i]) {
			t.Errorf("code %d: %s", want.Codes[i].Code, d)
		}
	}
	if !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) {
		t.Errorf("diagnostics:\n%+v\nwant the HTML page's\n%+v", got.Diagnostics, want.Diagnostics)
	}
	if n := len(code(t, got, 1001).Endpoints); n != 17 {
		t.Errorf("1001: %d endpoints, want 17", n)
	}
}

// TestGFMFixtureMatchesSeed runs the seed checks of every fixture on the
// GFM fixture.
func TestGFMFixtureMatchesSeed(t *testing.T) {
	seed := readSeed(t)
	cat := parseFixture(t, "gfm.md")
	if len(cat.Codes) != len(seed) {
		t.Fatalf("got %d codes, want %d", len(cat.Codes), len(seed))
	}
	for i, want := range seed {
		checkSeedRow(t, cat.Codes[i], want)
	}
	checkDetails(t, cat)
}

// gfmPage returns a GFM page of n code rows 2000, 2001, ... under a
// heading; cell, when not nil, gives the Text and Description cells of row
// i as Markdown.
func gfmPage(n int, cell func(i int) (text, desc string)) string {
	var b strings.Builder
	b.WriteString("# Response Codes\n\nSome intro.\n\n| Code | Text | Description |\n|---|:--|---|\n")
	for i := range n {
		text, desc := fmt.Sprintf("Message %d.", i), "Robots"
		if cell != nil {
			text, desc = cell(i)
		}
		fmt.Fprintf(&b, "| %d | %s | %s |\n", 2000+i, text, desc)
	}
	return b.String()
}

// TestGFMCells checks how the cells of a GFM table read: backtick names,
// <br>-separated messages, endpoint lines taken out of the prose, escaped
// pipes, and a line that is no endpoint kept in the prose.
func TestGFMCells(t *testing.T) {
	input := gfmPage(page.MinRows, func(i int) (string, string) {
		switch i {
		case 0:
			return "`NameAlreadyUsed` The name [X] is used.<br>Second message.",
				"Thrown for these endpoints:<br>POST and PUT - `/odata/Assets`<br>POST - `/odata/Roles`"
		case 1:
			return "A \\| pipe.", "GET - not a path<br>Prose after."
		}
		return fmt.Sprintf("Message %d.", i), "Robots"
	})
	cat := mustParse(t, []byte(input), page.Options{URI: "cells.md"})
	c := code(t, cat, 2000)
	want := model.Code{
		Code: 2000, Names: []string{"NameAlreadyUsed"}, Messages: []string{"The name [X] is used.", "Second message."},
		Params: []string{"X"}, Description: "Thrown for these endpoints:",
		Endpoints: []model.Endpoint{ep("/odata/Assets", "POST", "PUT"), ep("/odata/Roles", "POST")},
		Source:    "page row 2",
	}
	for _, d := range codeFieldDiffs(c, want) {
		t.Errorf("2000: %s", d)
	}
	c = code(t, cat, 2001)
	if !reflect.DeepEqual(c.Messages, []string{"A | pipe."}) || c.Description != "GET - not a path Prose after." || len(c.Endpoints) != 0 {
		t.Errorf("2001: messages %q description %q endpoints %v", c.Messages, c.Description, c.Endpoints)
	}
	for _, d := range cat.Diagnostics {
		if d.Severity == model.SeverityInfo && strings.Contains(d.Message, "not available") {
			t.Errorf("lossy note on a table with code spans: %s", d.Message)
		}
	}
}

// TestGFMLossy checks that a GFM table with no code span and no endpoint
// line says that names and endpoints were not available from it.
func TestGFMLossy(t *testing.T) {
	cat := mustParse(t, []byte(gfmPage(page.MinRows, nil)), page.Options{URI: "plain.md"})
	if len(cat.Codes) != page.MinRows {
		t.Fatalf("got %d codes, want %d", len(cat.Codes), page.MinRows)
	}
	want := model.Diagnostic{Severity: "info", Source: "page", Message: "page read as a Markdown (GFM) table without code spans or endpoint lists: " +
		"names and endpoints were not available from this rendering (names written as plain text and endpoints named in the prose are kept; the messages of a cell may read as one)"}
	if !reflect.DeepEqual(cat.Diagnostics, []model.Diagnostic{want}) {
		t.Errorf("diagnostics %+v, want %+v", cat.Diagnostics, want)
	}
}

// TestGFMRefused checks that a GFM table whose first column holds no codes,
// or too few, is not the page, and that the error says what the table
// holds.
func TestGFMRefused(t *testing.T) {
	for _, tc := range []struct {
		name, input, found string
	}{
		{"no codes", "# Errors\n\n| Code | Text | Description |\n|---|---|---|\n| A | x | y |\n| B | x | y |\n",
			`1 table, none with three columns and integer codes in the first (page title "Errors")`},
		{"too few", gfmPage(page.MinRows-1, nil), `at most 49 distinct codes in a table (page title "Response Codes")`},
		{"no table", "# Errors\n\nJust prose | with a pipe.\n", `no table`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := page.Parse([]byte(tc.input), page.Options{URI: "bad.md"})
			var npe *page.NotPageError
			if !errors.As(err, &npe) || npe.URI != "bad.md" || npe.Found != tc.found {
				t.Fatalf("error %v, want a NotPageError for bad.md found %q", err, tc.found)
			}
		})
	}
}

// TestGFMLimits checks that Markdown that would make more than
// MaxElements nodes is refused before it is parsed, with a *LimitError: a
// table whose rows would be padded to a huge header, and a cell of many
// code spans.
func TestGFMLimits(t *testing.T) {
	cols := 1000
	wide := "|" + strings.Repeat(" h |", cols) + "\n|" + strings.Repeat("---|", cols) + "\n" +
		strings.Repeat("| 1 |\n", page.MaxElements/cols+1)
	spans := "| a | b | c |\n|---|---|---|\n| 1 | " + strings.Repeat("`x` ", page.MaxElements/2+1) + " | d |\n"
	for name, input := range map[string]string{"wide.md": wide, "spans.md": spans} {
		_, err := page.Parse([]byte(input), page.Options{URI: name})
		var le *page.LimitError
		if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), name+": ") || !strings.Contains(err.Error(), "page.MaxElements") {
			t.Errorf("error %v, want a LimitError naming %s and page.MaxElements", err, name)
		}
	}
}

// FuzzParseGFM checks Parse on GFM input: no panic, and what it returns
// holds together (see checkParsed).
func FuzzParseGFM(f *testing.F) {
	f.Add(fixture(f, "gfm.md"))
	f.Add([]byte(gfmPage(page.MinRows, nil)))
	f.Add([]byte("| a | b |\n|---|---|\n| `x` | 1<br>POST - `/a` |\n"))
	f.Add([]byte("|---|\n|\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParsed(t, data, "fuzz.md")
	})
}

// checkParsed parses data and checks the result: an error naming uri (a
// NotPageError carrying it) and no catalog, or at least MinRows ascending
// unique positive codes with a provenance and non-nil slices each.
func checkParsed(t *testing.T, data []byte, uri string) {
	cat, err := page.Parse(data, page.Options{URI: uri})
	if err != nil {
		var npe *page.NotPageError
		if cat != nil || !strings.HasPrefix(err.Error(), uri+": ") || (errors.As(err, &npe) && npe.URI != uri) {
			t.Fatalf("error %v with catalog %v", err, cat != nil)
		}
		return
	}
	if len(cat.Codes) < page.MinRows {
		t.Fatalf("%d codes, fewer than MinRows", len(cat.Codes))
	}
	prev := 0
	for _, c := range cat.Codes {
		if c.Code <= prev || c.Source == "" || c.Names == nil || c.Messages == nil || c.Params == nil || c.Endpoints == nil {
			t.Fatalf("code %+v after %d", c, prev)
		}
		prev = c.Code
	}
}

// BenchmarkParseGFM parses the GFM fixture of the page.
func BenchmarkParseGFM(b *testing.B) {
	data := fixture(b, "gfm.md")
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := page.Parse(data, page.Options{URI: "gfm.md"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGFMFixtureIsGenerated runs the fixture generator on the shared seed
// and checks that it writes gfm.md as committed: the fixture carries the
// seed's rows and PAGE-LAYOUTS.md's facts, nothing edited by hand.
func TestGFMFixtureIsGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the generator")
	}
	seed := testenv.Shared(t, "docs", "response-codes.seed.txt")
	out := t.TempDir()
	cmd := exec.Command("go", "run", "./testdata/pages/gen", "-seed", seed, "-out", out, "-defaults", filepath.Join(out, "default.html"))
	cmd.Dir = testenv.Root()
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./testdata/pages/gen: %v\n%s", err, b)
	}
	got, err := os.ReadFile(filepath.Join(out, "gfm.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := fixture(t, "gfm.md"); !bytes.Equal(got, want) {
		t.Errorf("testdata/pages/gfm.md is not what the generator writes: regenerate it with go run ./testdata/pages/gen")
	}
}
