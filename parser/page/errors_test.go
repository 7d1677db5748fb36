package page_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/parser/page"
)

const wantExpected = "a table of three columns with integer codes in the first and at least 50 distinct codes"

// TestNotPage checks that input which is not the page is refused with an
// error naming the source, what was expected and what was found.
func TestNotPage(t *testing.T) {
	tests := []struct {
		name, uri, input, found string
	}{
		{"empty", "empty.html", "", "an empty file"},
		{"blank", "blank.html", " \n\t\n", "an empty file"},
		{"login", "https://cloud.uipath.com/login",
			`<html><head><title>Sign in</title></head><body><form><input name="email"><input type="password"></form></body></html>`,
			`no table (page title "Sign in")`},
		{"cookie consent", "consent.html",
			`<html><head><title>Cookie settings</title></head><body><h1>We use cookies</h1><table><tr><th>Cookie</th><th>Provider</th><th>Purpose</th></tr><tr><td>_ga</td><td>Google</td><td>Analytics</td></tr></table></body></html>`,
			`1 table, none with three columns and integer codes in the first (page title "Cookie settings")`},
		{"few rows", "stub.html", synthPage(5, nil), `at most 5 distinct codes in a table (page title "Response Codes")`},
		{"one short of the minimum", "short.html", synthPage(page.MinRows-1, nil), `at most 49 distinct codes in a table (page title "Response Codes")`},
		{"json", "spec.json", `{"openapi": "3.0.1", "paths": {}}`, "no table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, err := page.Parse([]byte(tt.input), page.Options{URI: tt.uri})
			if cat != nil {
				t.Errorf("got a catalog of %d codes, want none", len(cat.Codes))
			}
			var npe *page.NotPageError
			if !errors.As(err, &npe) {
				t.Fatalf("error %v, want *NotPageError", err)
			}
			want := tt.uri + ": not a Response Codes page: expected " + wantExpected + ", found " + tt.found
			if err.Error() != want {
				t.Errorf("error\n%s\nwant\n%s", err, want)
			}
			if npe.URI != tt.uri || npe.Found != tt.found || npe.Expected != wantExpected {
				t.Errorf("fields %+v", npe)
			}
		})
	}
}

// TestMinRowsAccepted checks that a table of exactly MinRows code rows is
// the page.
func TestMinRowsAccepted(t *testing.T) {
	cat, err := page.Parse([]byte(synthPage(page.MinRows, nil)), page.Options{URI: "min.html"})
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Codes) != page.MinRows {
		t.Errorf("got %d codes, want %d", len(cat.Codes), page.MinRows)
	}
}

// TestDeepNesting checks that markup nested deeper than x/net/html accepts
// is an error naming the source, not a panic.
func TestDeepNesting(t *testing.T) {
	input := strings.Repeat("<div>", 600) + synthPage(60, nil)
	_, err := page.Parse([]byte(input), page.Options{URI: "deep.html"})
	want := "deep.html: parse page: html: open stack of elements exceeds 512 nodes"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
}

// TestDefaultURI checks the name an unnamed input gets in errors.
func TestDefaultURI(t *testing.T) {
	_, err := page.Parse(nil, page.Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "<input>: not a Response Codes page") {
		t.Errorf("error %v, want it to start with <input>", err)
	}
}
