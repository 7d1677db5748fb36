package page_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/page"
)

// fixtures are the page shapes of PAGE-LAYOUTS.md, all carrying the seed's
// 119 rows. The current site's shape is the page orcgen embeds
// (parser/defaults/response-codes.html), named "current.html" here.
var fixtures = []string{"current.html", "export.md", "reference-v0.html", "es.html", "de.html", "pt-BR.html"}

// fixture reads testdata/pages/<name>, or the embedded page for
// "current.html".
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	path := filepath.Join(testenv.Root(), "testdata", "pages", name)
	if name == "current.html" {
		path = filepath.Join(testenv.Root(), "parser", "defaults", "response-codes.html")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// parseFixture parses a fixture, failing the test on error.
func parseFixture(t *testing.T, name string) *model.Catalog {
	t.Helper()
	cat, err := page.Parse(fixture(t, name), page.Options{URI: name})
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return cat
}

// seedNames are the names each code states: from <code> spans for
// 1001-1003 (PAGE-LAYOUTS.md; the seed dropped them) and as text in the seed
// for the others. Every other code states none.
var seedNames = map[int][]string{
	1001: {"NameAlreadyUsed"},
	1002: {"ItemNotFound"},
	1003: {"StringProtectFailed"},
	1208: {"MachineLicenseCannotChange", "InvalidNonProductionMachineSlots", "InvalidUnattendedMachineSlots"},
	1661: {"ProcessNotFound", "PackageNotFound"},
	1677: {"PackageNotFound"},
	1679: {"PathTooLong"},
}

// labels are the Description cells PAGE-LAYOUTS.md lists as category labels.
var labels = map[string]bool{
	"Generic": true, "Robots": true, "License": true, "Processes/Packages/Jobs": true,
	"Queue/Queue item": true, "Authorization, Users, Roles": true, "Audit": true, "Logs": true,
	"Configuration": true, "Third-party components": true, "Conflict (409)": true,
}

// messagesOf returns the seed text without the names it states as text,
// each with the separator that follows it.
func messagesOf(text string, names []string) string {
	for _, n := range names {
		if rest, ok := strings.CutPrefix(text, n); ok {
			text = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(rest), ";,."))
		}
	}
	return text
}

// TestFixturesMatchSeed checks every fixture against the seed: all 119 codes
// with the seed's exact names, messages, and description or category.
func TestFixturesMatchSeed(t *testing.T) {
	seed := readSeed(t)
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			cat := parseFixture(t, name)
			if len(cat.Codes) != len(seed) {
				t.Fatalf("got %d codes, want %d", len(cat.Codes), len(seed))
			}
			for i, want := range seed {
				checkSeedRow(t, cat.Codes[i], want)
			}
		})
	}
}

// checkSeedRow compares one parsed code with its seed row.
func checkSeedRow(t *testing.T, got model.Code, want seedRow) {
	t.Helper()
	if got.Code != want.code {
		t.Errorf("code %d: got code %d", want.code, got.Code)
		return
	}
	names := seedNames[want.code]
	if names == nil {
		names = []string{}
	}
	if !reflect.DeepEqual(got.Names, names) {
		t.Errorf("code %d: names %q, want %q", want.code, got.Names, names)
	}
	if msg := strings.Join(got.Messages, " "); msg != messagesOf(want.text, names) {
		t.Errorf("code %d: messages %q, want %q", want.code, msg, messagesOf(want.text, names))
	}
	if labels[want.desc] {
		label := got.Category
		if got.HTTPStatus != 0 {
			label = fmt.Sprintf("%s (%d)", got.Category, got.HTTPStatus)
		}
		if label != want.desc || got.Description != "" {
			t.Errorf("code %d: category %q status %d description %q, want label %q", want.code, got.Category, got.HTTPStatus, got.Description, want.desc)
		}
		return
	}
	if got.Description != want.desc || got.Category != "" || got.HTTPStatus != 0 {
		t.Errorf("code %d: description %q category %q status %d, want description %q", want.code, got.Description, got.Category, got.HTTPStatus, want.desc)
	}
}

// ep builds an endpoint.
func ep(path string, methods ...string) model.Endpoint {
	return model.Endpoint{Methods: methods, Path: path}
}

// wantEndpoints are the endpoints of the page: 1001's and 1003's lists from
// PAGE-LAYOUTS.md and those the prose names inline. Every other code has
// none.
var wantEndpoints = map[int][]model.Endpoint{
	1001: {
		ep("/odata/Assets", "POST", "PUT"),
		ep("/odata/QueueDefinitions", "POST", "PUT"),
		ep("/odata/QueueItems(id)/UiPathODataSvc.SetTransactionProgress", "POST"),
		ep("/odata/QueueItems/UiPathODataSvc.SetItemReviewStatus", "POST"),
		ep("/odata/QueueItems/UiPathODataSvc.DeleteBulk", "POST"),
		ep("/odata/QueueItems/UiPathODataSvc.SetItemReviewer", "POST"),
		ep("/odata/QueueItems/UiPathODataSvc.UnsetItemReviewer", "POST"),
		ep("/odata/Queues(id)/UiPathODataSvc.SetTransactionResult", "POST"),
		ep("/odata/Queues/UiPathODataSvc.AddQueueItem", "POST"),
		ep("/odata/Queues/UiPathODataSvc.StartTransaction", "POST"),
		ep("/odata/Releases", "POST", "PUT", "PATCH"),
		ep("/odata/Machines", "POST", "PUT", "PATCH"),
		ep("/odata/Robots", "POST", "PUT"),
		ep("/odata/Robots/UiPath.Server.Configuration.OData.ConvertToFloating", "POST"),
		ep("/odata/ProcessSchedules", "POST", "PUT"),
		ep("/odata/Roles", "POST"),
		ep("/odata/Users", "POST"),
	},
	1003: {ep("/odata/Robots", "POST", "PUT")},
	1007: {ep("/odata/QueueItemComments(Id)", "PUT")},
	1008: {ep("/odata/Users", "POST", "PUT", "PATCH")},
	1012: {ep("/odata/OrganizationUnits", "DELETE")},
	1017: {ep("/odata/Processes/UiPath.Server.Configuration.OData.DownloadPackage(key='key')", "GET")},
	1102: {ep("/odata/Users(Id)/UiPath.Server.Configuration.OData.ToggleOrganizationUnit", "POST")},
}

// TestFixtureEndpoints checks the endpoint lists and inline endpoints of
// every code in every fixture.
func TestFixtureEndpoints(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			cat := parseFixture(t, name)
			for _, c := range cat.Codes {
				want := wantEndpoints[c.Code]
				if want == nil {
					want = []model.Endpoint{}
				}
				if !reflect.DeepEqual(c.Endpoints, want) {
					t.Errorf("code %d: endpoints %+v, want %+v", c.Code, c.Endpoints, want)
				}
			}
			if n := len(code(t, cat, 1001).Endpoints); n != 17 {
				t.Errorf("1001 has %d endpoints, want 17", n)
			}
		})
	}
}

// code returns the catalog's entry for code n.
func code(t *testing.T, cat *model.Catalog, n int) model.Code {
	t.Helper()
	for _, c := range cat.Codes {
		if c.Code == n {
			return c
		}
	}
	t.Fatalf("code %d not in catalog", n)
	return model.Code{}
}

// TestFixtureDetails checks the values the seed cannot show: 1000's three
// messages, placeholders, provenance, the page source and the diagnostics
// of the page's defects.
func TestFixtureDetails(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			cat := parseFixture(t, name)
			checkDetails(t, cat)
			sum := sha256.Sum256(fixture(t, name))
			wantSrc := []model.Source{{Kind: "page", URI: name, SHA256: hex.EncodeToString(sum[:])}}
			if !reflect.DeepEqual(cat.Sources, wantSrc) || cat.SchemaVersion != model.SchemaVersion {
				t.Errorf("sources %+v schema %d, want %+v schema %d", cat.Sources, cat.SchemaVersion, wantSrc, model.SchemaVersion)
			}
			want := []model.Diagnostic{
				{Severity: "info", Source: "page", Code: 1017, Message: `page row 18: code 1017: inline endpoint GET: path "` + "`" + `/odata/Libraries/UiPath.Server.Configuration.OData.DownloadPackage(key='{key" is cut off`},
				{Severity: "info", Source: "page", Code: 1017, Message: "page row 18: code 1017: description has an unbalanced backquote"},
				{Severity: "info", Source: "page", Code: 1917, Message: `page row 117: code 1917: message has a cut-off placeholder "{0"`},
			}
			if !reflect.DeepEqual(cat.Diagnostics, want) {
				t.Errorf("diagnostics:\n%+v\nwant\n%+v", cat.Diagnostics, want)
			}
		})
	}
}

// checkDetails checks single codes of a fixture's catalog.
func checkDetails(t *testing.T, cat *model.Catalog) {
	t.Helper()
	c1000 := code(t, cat, 1000)
	wantMsgs := []string{"Invalid request!", "Invalid username/email address or password.", "Invalid OData query options."}
	if !reflect.DeepEqual(c1000.Messages, wantMsgs) || c1000.Category != "Generic" || c1000.Source != "page row 2" {
		t.Errorf("1000: messages %q category %q source %q", c1000.Messages, c1000.Category, c1000.Source)
	}
	for n, want := range map[int][]string{
		1001: {"CustomNameYouAdded"}, 1658: {"Status"}, 1660: {"PackageName", "VersionNumber"},
		1676: {"NameOfTenant"}, 1917: {}, 1000: {},
	} {
		if got := code(t, cat, n).Params; !reflect.DeepEqual(got, want) {
			t.Errorf("%d: params %q, want %q", n, got, want)
		}
	}
	if c := code(t, cat, 1917); !reflect.DeepEqual(c.Messages, []string{"There are not enough {0"}) {
		t.Errorf("1917: messages %q", c.Messages)
	}
	if c := code(t, cat, 1300); c.Category != "Conflict" || c.HTTPStatus != 409 || c.Description != "" {
		t.Errorf("1300: category %q status %d description %q, want Conflict 409", c.Category, c.HTTPStatus, c.Description)
	}
	if c := code(t, cat, 1920); c.Source != "page row 120" {
		t.Errorf("1920: source %q, want page row 120", c.Source)
	}
}
