package page

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// rowsTable returns a table of n rows of three cells with the codes 1 to n.
func rowsTable(n int) string {
	var b strings.Builder
	b.WriteString("<table>")
	for i := range n {
		fmt.Fprintf(&b, "<tr><td>%d</td><td>t</td><td>d</td></tr>", i+1)
	}
	return b.String() + "</table>"
}

// TestPickTable checks that the table with the most code rows wins, that
// implicit and explicit sections count alike, and nested rows don't count
// for the outer table.
func TestPickTable(t *testing.T) {
	tests := []struct {
		name, input string
		rows        int
	}{
		{"implicit tbody", rowsTable(MinRows), MinRows},
		{"largest wins", rowsTable(3) + rowsTable(MinRows+2) + rowsTable(MinRows), MinRows + 2},
		{"sections", "<table><thead><tr><th>h</th><th>h</th><th>h</th></tr></thead><tbody>" +
			strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(rowsTable(MinRows), "<table>"), "</table>"), "<td>t", "<th>t") + "</tbody><tfoot><tr><td>f</td></tr></tfoot></table>", MinRows + 2},
		{"nested rows are the inner table's", "<table><tr><td>" + rowsTable(MinRows) + "</td><td></td><td></td></tr></table>", MinRows},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.input))
		if err != nil {
			t.Fatal(err)
		}
		got, err := pickTable(doc, tt.name)
		if err != nil || len(got.parts) != 1 || len(got.parts[0]) != tt.rows {
			t.Errorf("%s: %+v, %v; want one table of %d rows", tt.name, got, err, tt.rows)
		}
	}
}

// TestPickTableNone checks the Found text when no table qualifies: a
// table of many rows repeating one code counts as one code.
func TestPickTableNone(t *testing.T) {
	dup := "<table>" + strings.Repeat("<tr><td>3</td><td>t</td><td>d</td></tr>", MinRows) + "</table>"
	doc, err := html.Parse(strings.NewReader("<h1>Codes</h1>" + rowsTable(2) + dup + "<table><tr><td>a</td></tr></table>"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = pickTable(doc, "x.html")
	var npe *NotPageError
	if !errors.As(err, &npe) || npe.Found != `at most 2 distinct codes in a table (page title "Codes")` {
		t.Errorf("error %v", err)
	}
}

// TestExpectedNamesMinRows ties the expected text to MinRows.
func TestExpectedNamesMinRows(t *testing.T) {
	if want := "at least 50 distinct codes"; MinRows != 50 || !strings.HasSuffix(expected(), want) {
		t.Errorf("expected() = %q with MinRows %d", expected(), MinRows)
	}
}
