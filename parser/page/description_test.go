package page

import (
	"reflect"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// TestParseDescCell checks labels, statuses, prose and list items.
func TestParseDescCell(t *testing.T) {
	tests := []struct {
		frag                  string
		description, category string
		status                int
		endpoints             int
	}{
		{"<p>Generic</p>", "", "Generic", 0, 0},
		{"Conflict (409)", "", "Conflict", 409, 0},
		{"Konflikt&nbsp;(409)", "", "Konflikt", 409, 0},
		{"Authorization, Users, Roles", "", "Authorization, Users, Roles", 0, 0},
		{"Autorización, Usuarios, Roles", "", "Autorización, Usuarios, Roles", 0, 0},
		{"Error (999)", "", "Error (999)", 0, 0},
		{"This message is thrown.", "This message is thrown.", "", 0, 0},
		{"Returned for the following endpoints:", "Returned for the following endpoints:", "", 0, 0},
		{"Robots<ul><li>POST - <code>/odata/Robots</code></li></ul>", "Robots", "", 0, 1},
		{"<p>Only displayed</p><p>if enabled</p>", "Only displayed if enabled", "", 0, 0},
		{"<p>Robots</p><p>License</p>", "Robots License", "", 0, 0},
		{"", "", "", 0, 0},
	}
	for _, tt := range tests {
		d := parseDescCell(linesOf(t, tt.frag))
		if d.description != tt.description || d.category != tt.category || d.httpStatus != tt.status || len(d.endpoints) != tt.endpoints {
			t.Errorf("parseDescCell(%q) = %q %q %d %d endpoints, want %q %q %d %d", tt.frag,
				d.description, d.category, d.httpStatus, len(d.endpoints), tt.description, tt.category, tt.status, tt.endpoints)
		}
	}
}

// TestEndpointOrder checks that prose endpoints come before list items, as
// the page writes the list after the prose.
func TestEndpointOrder(t *testing.T) {
	d := parseDescCell(linesOf(t, "Sent by a PUT request to <code>/odata/A</code>.<ul><li>POST - <code>/odata/B</code></li></ul>"))
	want := []model.Endpoint{{Methods: []string{"PUT"}, Path: "/odata/A"}, {Methods: []string{"POST"}, Path: "/odata/B"}}
	if !reflect.DeepEqual(d.endpoints, want) || d.description != "Sent by a PUT request to /odata/A." {
		t.Errorf("endpoints %+v description %q, want %+v", d.endpoints, d.description, want)
	}
}

// TestInlineEndpoints checks endpoints named in prose and the mentions that
// are not endpoints.
func TestInlineEndpoints(t *testing.T) {
	e := func(path string, ms ...string) model.Endpoint { return model.Endpoint{Methods: ms, Path: path} }
	tests := []struct {
		text     string
		want     []model.Endpoint
		problems []string
	}{
		{"by making a PUT request to the /odata/QueueItemComments(Id) endpoint.", []model.Endpoint{e("/odata/QueueItemComments(Id)", "PUT")}, nil},
		{"when performing a POST, PUT, or PATCH request to the /odata/Users endpoint.", []model.Endpoint{e("/odata/Users", "POST", "PUT", "PATCH")}, nil},
		{"a GET to /a or /b, then", []model.Endpoint{e("/a", "GET"), e("/b", "GET")}, nil},
		{"ends at /odata/Jobs.", nil, nil},
		{"a DELETE request to https:/host/odata/Processes('x'). Only", nil, nil},
		{"through a PUT request. The /odata/Assets path", nil, nil},
		{"making POST requests endpoint without including an organization unit", nil, nil},
		{"GET requests to the /a(key='k') or `/b(key='{key", []model.Endpoint{e("/a(key='k')", "GET")},
			[]string{"inline endpoint GET: path \"`/b(key='{key\" is cut off"}},
		{"a PUT, to /x.", []model.Endpoint{e("/x", "PUT")}, nil},
	}
	for _, tt := range tests {
		got, problems := inlineEndpoints(tt.text)
		if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(problems, tt.problems) {
			t.Errorf("inlineEndpoints(%q) = %+v %q, want %+v %q", tt.text, got, problems, tt.want, tt.problems)
		}
	}
}
