package page_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/page"
)

// TestParseEndpointItem checks the method lists and paths the page writes,
// and the items that are refused.
func TestParseEndpointItem(t *testing.T) {
	tests := []struct {
		in      string
		want    model.Endpoint
		wantErr string
	}{
		{in: "POST - /odata/Roles", want: ep("/odata/Roles", "POST")},
		{in: "POST and PUT - /odata/Assets", want: ep("/odata/Assets", "POST", "PUT")},
		{in: "POST, PUT, and PATCH - /odata/Releases", want: ep("/odata/Releases", "POST", "PUT", "PATCH")},
		{in: "POST y PUT – `/odata/Assets`", want: ep("/odata/Assets", "POST", "PUT")},
		{in: "  GET\u00a0-  /odata/Queues(id)/UiPathODataSvc.SetTransactionResult. ", want: ep("/odata/Queues(id)/UiPathODataSvc.SetTransactionResult", "GET")},
		{in: "POST /odata/Roles", wantErr: `endpoint item "POST /odata/Roles": no " - " between methods and path`},
		{in: "FETCH - /odata/Jobs", wantErr: `endpoint item "FETCH - /odata/Jobs": "FETCH" is not an HTTP method`},
		{in: "post - /odata/Jobs", wantErr: `endpoint item "post - /odata/Jobs": no HTTP method`},
		{in: "POST and POST - /odata/Jobs", wantErr: `endpoint item "POST and POST - /odata/Jobs": method "POST" named twice`},
		{in: "POST - odata/Jobs", wantErr: `endpoint item "POST - odata/Jobs": path "odata/Jobs" does not start with "/"`},
		{in: "POST - /odata/Jobs and more", wantErr: `endpoint item "POST - /odata/Jobs and more": path "/odata/Jobs and more" holds white space`},
		{in: "GET - `/odata/Libraries(key='{key", wantErr: "endpoint item \"GET - `/odata/Libraries(key='{key\": path \"`/odata/Libraries(key='{key\" is cut off"},
		{in: "GET - ", wantErr: `endpoint item "GET -": no " - " between methods and path`},
		{in: "GET - .", wantErr: `endpoint item "GET - .": no path`},
	}
	for _, tt := range tests {
		got, err := page.ParseEndpointItem(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseEndpointItem(%q) error %v, want %s", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseEndpointItem(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

// FuzzParseEndpointItem checks that any item either fails or yields methods
// and a path that read back to the same endpoint.
func FuzzParseEndpointItem(f *testing.F) {
	for _, s := range []string{
		"POST and PUT - /odata/Assets", "POST, PUT, and PATCH - /odata/Releases",
		"POST - /odata/QueueItems(id)/UiPathODataSvc.SetTransactionProgress",
		"GET - `/odata/Libraries(key='{key", "POST /odata/Roles", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := page.ParseEndpointItem(s)
		if err != nil {
			return
		}
		if len(e.Methods) == 0 || !strings.HasPrefix(e.Path, "/") {
			t.Fatalf("ParseEndpointItem(%q) = %+v: no methods or a path without /", s, e)
		}
		again, err := page.ParseEndpointItem(strings.Join(e.Methods, ", ") + " - " + e.Path)
		if err != nil || !reflect.DeepEqual(again, e) {
			t.Fatalf("ParseEndpointItem(%q) = %+v, which reads back as %+v, %v", s, e, again, err)
		}
	})
}
