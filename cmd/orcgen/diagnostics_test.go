package main

import (
	"bytes"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// diagnosticsCatalog holds one diagnostic of each kind printDiagnostics
// tells apart.
func diagnosticsCatalog() *model.Catalog {
	return &model.Catalog{
		Codes: []model.Code{{Code: 1661, Source: "page row 62"}, {Code: 1917, Source: "page row 117"}},
		Diagnostics: []model.Diagnostic{
			{Severity: model.SeverityWarning, Source: model.SourcePage, Code: 1011, Message: "page row 13: code 1011: column 3 is the cell of page row 12 (rowspan)"},
			{Severity: model.SeverityInfo, Source: model.SourcePage, Code: 1917, Message: `page row 117: code 1917: message has a cut-off placeholder "{0"`},
			{Severity: model.SeverityWarning, Source: model.SourcePage, Message: "page: 2 tables have the same header and columns and no code in common: read as one table of 119 codes (table 1: page rows 1-61, table 2: page rows 62-121)"},
			{Severity: model.SeverityWarning, Source: "join", Code: 1661, Message: "page name \"PackageNotFound\" (enum position 187) is also stated for code 1677\x1b[2J\u202e"},
		},
	}
}

// TestPrintDiagnostics checks what reaches stderr by default, with -v and
// with -q.
func TestPrintDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		mode diagnosticsMode
		want string
	}{
		{"default", diagnosticsMode{}, "" +
			"orcgen: warning: page row 13: code 1011: column 3 is the cell of page row 12 (rowspan)\n" +
			"orcgen: warning: page: 2 tables have the same header and columns and no code in common: read as one table of 119 codes (table 1: page rows 1-61, table 2: page rows 62-121)\n" +
			"orcgen: page: 2 warnings (rows dropped, merged or changed); -v shows 2 other diagnostics; -q hides them\n"},
		{"verbose", diagnosticsMode{verbose: true}, "" +
			"orcgen: warning: page row 13: code 1011: column 3 is the cell of page row 12 (rowspan)\n" +
			"orcgen: info: page row 117: code 1917: message has a cut-off placeholder \"{0\"\n" +
			"orcgen: warning: page: 2 tables have the same header and columns and no code in common: read as one table of 119 codes (table 1: page rows 1-61, table 2: page rows 62-121)\n" +
			"orcgen: warning: page row 62: code 1661: page name \"PackageNotFound\" (enum position 187) is also stated for code 1677\\u001b[2J\\u202e\n" +
			"orcgen: page: 2 warnings (rows dropped, merged or changed), 2 other diagnostics; -q hides them\n"},
		{"quiet", diagnosticsMode{quiet: true}, ""},
		{"quiet wins", diagnosticsMode{quiet: true, verbose: true}, ""},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		printDiagnostics(&b, diagnosticsCatalog(), tt.mode)
		if b.String() != tt.want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, b.String(), tt.want)
		}
	}
}

// TestPrintDiagnosticsNothingLost checks that a catalog without row losses
// prints nothing by default, so go generate stays quiet on an ordinary
// page.
func TestPrintDiagnosticsNothingLost(t *testing.T) {
	cat := diagnosticsCatalog()
	cat.Diagnostics = []model.Diagnostic{cat.Diagnostics[1], cat.Diagnostics[3]}
	var b bytes.Buffer
	printDiagnostics(&b, cat, diagnosticsMode{})
	if b.Len() != 0 {
		t.Errorf("printed %q, want nothing", b.String())
	}
}
