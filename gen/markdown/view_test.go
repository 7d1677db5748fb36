package markdown

import (
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/orcgen/orcgen/model"
)

func TestCategoriesOrder(t *testing.T) {
	got := categories([]model.Code{
		{Code: 1000, Name: "A", Category: "Robots"},
		{Code: 1001, Name: "B"},
		{Code: 1002, Name: "C", Category: "License"},
		{Code: 1003, Name: "D", Category: "Robots"},
	})
	var names []string
	for _, c := range got {
		names = append(names, c.Name)
	}
	if want := []string{"License", "Robots", "Uncategorized"}; !slices.Equal(names, want) {
		t.Errorf("categories = %v, want %v", names, want)
	}
	if want := []string{"[1000](#code-1000) A", "[1003](#code-1003) D"}; !slices.Equal(got[1].Codes, want) {
		t.Errorf("Robots codes = %v, want %v", got[1].Codes, want)
	}
}

func TestEndpointsIndex(t *testing.T) {
	got := endpoints([]model.Code{
		{Code: 1001, Endpoints: []model.Endpoint{
			{Methods: []string{"POST", "PUT"}, Path: "/odata/Robots", OperationIDs: []string{"Robots_Post", "Robots_Put"}},
			{Methods: []string{"POST"}, Path: "/odata/Assets"},
		}},
		{Code: 1004, Endpoints: []model.Endpoint{{Methods: []string{"POST"}, Path: "/odata/Robots", OperationIDs: []string{"Robots_Post"}}}},
	})
	want := []EndpointView{
		{Endpoint: "POST /odata/Assets", Codes: "[1001](#code-1001)"},
		{Endpoint: "POST /odata/Robots", Operation: `Robots\_Post`, Codes: "[1001](#code-1001), [1004](#code-1004)"},
		{Endpoint: "PUT /odata/Robots", Operation: `Robots\_Put`, Codes: "[1001](#code-1001)"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("endpoints =\n%q\nwant\n%q", got, want)
	}
}

func TestCodeViewOrigin(t *testing.T) {
	v := codeView(model.Code{Code: 1208, Name: "X", NameOrigin: model.OriginBracketed, HTTPStatus: 409})
	if v.Origin != "the spec's enum order between two known names" || v.HTTP != "409" || v.Anchor != "code-1208" {
		t.Errorf("codeView = %+v", v)
	}
}

func TestStatusesIndex(t *testing.T) {
	got := statuses([]model.Code{
		{Code: 1000, Name: "A"},
		{Code: 1001, Name: "B", HTTPStatus: 409},
		{Code: 1002, Name: "C", HTTPStatus: 400},
		{Code: 1003, Name: "D", HTTPStatus: 409},
		{Code: 1004, Name: "E", HTTPStatus: 499},
	})
	want := []StatusView{
		{Heading: "400 Bad Request", Codes: []string{"[1002](#code-1002) C"}},
		{Heading: "409 Conflict", Codes: []string{"[1001](#code-1001) B", "[1003](#code-1003) D"}},
		{Heading: "499", Codes: []string{"[1004](#code-1004) E"}},
		{Heading: "No status stated", Codes: []string{"[1000](#code-1000) A"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("statuses =\n%q\nwant\n%q", got, want)
	}
}

func TestNamesIndex(t *testing.T) {
	cat := &model.Catalog{
		Codes: []model.Code{
			{Code: 1208, Name: "MachineLicenseCannotChange", NameOrigin: model.OriginPage, Names: []string{"MachineLicenseCannotChange", "InvalidUnattendedMachineSlots"}, Aliases: []string{"InvalidUnattendedMachineSlots"}},
			{Code: 1209, Name: "RobotBusy", NameOrigin: model.OriginDerived, Guess: "CannotUpdateBusyRobot"},
			{Code: 1661, Name: "ProcessNotFound", NameOrigin: model.OriginPage, Names: []string{"ProcessNotFound", "PackageNotFound"}},
		},
		Names: []model.Name{{Name: "PackageNotFound", Code: 1677, Origin: model.OriginPage}, {Name: "Unrelated"}},
	}
	want := []NameView{
		{Name: "CannotUpdateBusyRobot", Code: "[1209](#code-1209)", How: "suggested by the spec's enum order (a guess)"},
		{Name: "InvalidUnattendedMachineSlots", Code: "[1208](#code-1208)", How: "stated by the page; the spec's other name for the code"},
		{Name: "MachineLicenseCannotChange", Code: "[1208](#code-1208)", How: "identifier: stated by the page"},
		{Name: "PackageNotFound", Code: "[1661](#code-1661)", How: "stated by the page"},
		{Name: "PackageNotFound", Code: "[1677](#code-1677)", How: "the spec's name for the code (stated by the page)"},
		{Name: "ProcessNotFound", Code: "[1661](#code-1661)", How: "identifier: stated by the page"},
		{Name: "RobotBusy", Code: "[1209](#code-1209)", How: "identifier: derived from the page's text"},
	}
	if got := names(cat); !reflect.DeepEqual(got, want) {
		t.Errorf("names =\n%q\nwant\n%q", got, want)
	}
}

func TestCodeViewKnownAs(t *testing.T) {
	for _, tc := range []struct {
		code model.Code
		want string
	}{
		{model.Code{Name: "ProcessNotFound", Names: []string{"ProcessNotFound", "PackageNotFound"}, Guess: "ProcessNotFound"}, "`PackageNotFound` (stated by the page)"},
		{model.Code{Name: "RobotBusy", Guess: "CannotUpdateBusyRobot"}, "`CannotUpdateBusyRobot` (suggested by the spec's enum order, a guess)"},
		{model.Code{Name: "A", Names: []string{"A", "B"}, Aliases: []string{"B", "C"}},
			"`B` (stated by the page; the spec's other name for the code), `C` (the spec's other name for the code)"},
		{model.Code{Name: "A", Names: []string{"A"}}, ""},
	} {
		if got := codeView(tc.code).KnownAs; got != tc.want {
			t.Errorf("KnownAs of %+v = %q, want %q", tc.code, got, tc.want)
		}
	}
}

// TestSourcesPublicAddress: the page is named by PageURL whatever copy was
// read; a spec shows only an http(s) address, without credentials.
func TestSourcesPublicAddress(t *testing.T) {
	for _, tc := range []struct {
		src                  model.Source
		title, address, hash string
	}{
		{model.Source{Kind: model.SourcePage, URI: "embedded:response-codes.html", SHA256: "ab"}, "Response Codes, Orchestrator API guide", PageURL, "ab"},
		{model.Source{Kind: model.SourcePage, URI: "/home/me/snapshots/response-codes.html"}, "Response Codes, Orchestrator API guide", PageURL, ""},
		{model.Source{Kind: model.SourcePage, URI: "https://docs.uipath.com/de/orchestrator/automation-cloud/latest/api-guide/response-codes"}, "Response Codes, Orchestrator API guide", PageURL, ""},
		{model.Source{Kind: model.SourceSpec, URI: "specs/orchestrator-v20.0.yaml", Title: "UiPath.WebApi 20.0"}, "UiPath.WebApi 20.0", "", ""},
		{model.Source{Kind: model.SourceSpec, URI: "embedded:orchestrator-v20.0.snapshot.json"}, "", "", ""},
		{model.Source{Kind: model.SourceSpec, URI: "https://user:secret@cloud.uipath.com/org/tenant/orchestrator_/swagger/v20.0/swagger.json?token=x#f"}, "", "https://cloud.uipath.com/org/tenant/orchestrator\\_/swagger/v20.0/swagger.json", ""},
		{model.Source{Kind: model.SourceSpec, URI: "C:\\specs\\a.json"}, "", "", ""},
	} {
		v := sourceView(tc.src)
		if v.Title != tc.title || v.Address != tc.address || v.URI != tc.address || v.SHA256 != tc.hash {
			t.Errorf("sourceView(%q) = %+v, want title %q, address %q", tc.src.URI, v, tc.title, tc.address)
		}
	}
}

// TestAnchorsStable: a code's anchor depends on its number alone, not on
// its name, its position or the other codes, so links survive renames and
// new codes.
func TestAnchorsStable(t *testing.T) {
	before := newView(&model.Catalog{Codes: []model.Code{{Code: 1001, Name: "A"}, {Code: 1002, Name: "B"}}})
	after := newView(&model.Catalog{Codes: []model.Code{{Code: 1000, Name: "New"}, {Code: 1001, Name: "Renamed"}, {Code: 1002, Name: "B", Category: "X"}}})
	anchors := map[int]string{}
	for _, c := range before.Codes {
		anchors[c.Code] = c.Anchor
	}
	for _, c := range after.Codes {
		if a, ok := anchors[c.Code]; ok && a != c.Anchor {
			t.Errorf("code %d: anchor %q became %q", c.Code, a, c.Anchor)
		}
		if c.Anchor != "code-"+strconv.Itoa(c.Code) {
			t.Errorf("code %d: anchor %q", c.Code, c.Anchor)
		}
	}
}
