package page

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// rowsTable returns a table of n rows of three cells with integer codes.
func rowsTable(n int) string {
	return "<table>" + strings.Repeat("<tr><td>1</td><td>t</td><td>d</td></tr>", n) + "</table>"
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
			strings.Repeat("<tr><th>7</th><td>t</td><td>d</td></tr>", MinRows) + "</tbody><tfoot><tr><td>f</td></tr></tfoot></table>", MinRows + 2},
		{"nested rows are the inner table's", "<table><tr><td>" + rowsTable(MinRows) + "</td><td></td><td></td></tr></table>", MinRows},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.input))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := pickTable(doc, tt.name)
		if err != nil || len(rows) != tt.rows {
			t.Errorf("%s: %d rows, %v; want %d", tt.name, len(rows), err, tt.rows)
		}
	}
}

// TestPickTableNone checks the Found text when no table qualifies.
func TestPickTableNone(t *testing.T) {
	doc, err := html.Parse(strings.NewReader("<h1>Codes</h1>" + rowsTable(2) + "<table><tr><td>a</td></tr></table>"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = pickTable(doc, "x.html")
	var npe *NotPageError
	if !errors.As(err, &npe) || npe.Found != `at most 2 code rows in a table (page title "Codes")` {
		t.Errorf("error %v", err)
	}
}

// TestExpectedNamesMinRows ties the expected text to MinRows.
func TestExpectedNamesMinRows(t *testing.T) {
	if want := "at least 50 code rows"; MinRows != 50 || !strings.HasSuffix(expected(), want) {
		t.Errorf("expected() = %q with MinRows %d", expected(), MinRows)
	}
}
