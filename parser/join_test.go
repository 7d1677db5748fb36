package parser

import (
	"reflect"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// testSpec returns a spec whose main enum holds the given names in order.
func testSpec(names ...string) *model.Spec {
	return &model.Spec{
		Source: model.Source{Kind: model.SourceSpec, URI: "test.yaml"},
		Enums: []model.Enum{{
			Name: "FailedQueueItemDtoErrorCode", Values: names,
			Sites: []model.EnumSite{{Schema: "FailedQueueItemDto", Property: "ErrorCode"}},
		}},
	}
}

// testPage returns a page catalog holding the given codes.
func testPage(codes ...model.Code) *model.Catalog {
	return &model.Catalog{SchemaVersion: model.SchemaVersion, Codes: codes,
		Sources: []model.Source{{Kind: model.SourcePage, URI: "page.html"}}}
}

// names maps each code of a catalog to "Name/origin".
func names(cat *model.Catalog) map[int]string {
	out := map[int]string{}
	for _, c := range cat.Codes {
		out[c.Code] = c.Name + "/" + c.NameOrigin
	}
	return out
}

func mustJoin(t *testing.T, page *model.Catalog, spec *model.Spec, opts JoinOptions) *model.Catalog {
	t.Helper()
	cat, err := Join(page, spec, opts)
	if err != nil {
		t.Fatalf("Join: %v", err)
	}
	return cat
}

func hasDiag(cat *model.Catalog, code int, substr string) bool {
	for _, d := range cat.Diagnostics {
		if d.Code == code && strings.Contains(d.Message, substr) {
			return true
		}
	}
	return false
}

func TestJoinBracketedBetweenAgreeingAnchors(t *testing.T) {
	page := testPage(
		model.Code{Code: 1000, Messages: []string{"Invalid request!"}},
		model.Code{Code: 1001, Names: []string{"NameAlreadyUsed"}},
		model.Code{Code: 1002, Messages: []string{"Robot does not exist."}},
		model.Code{Code: 1004, Messages: []string{"Something else."}},
		model.Code{Code: 1005, Names: []string{"ErrorDeleting"}},
	)
	spec := testSpec("Unknown", "InvalidRequest", "NameAlreadyUsed", "ItemNotFound", "StringProtectFailed", "ItemAlreadyExists", "ErrorDeleting")
	cat := mustJoin(t, page, spec, JoinOptions{})
	want := map[int]string{
		1000: "InvalidRequest/message",
		1001: "NameAlreadyUsed/page",
		1002: "ItemNotFound/bracketed",
		1004: "ItemAlreadyExists/bracketed",
		1005: "ErrorDeleting/page",
	}
	// 1001 (#2) and 1005 (#6) agree: 1005-1001 == 6-2, so 1002..1004 follow.
	want[1002], want[1004] = "ItemNotFound/bracketed", "ItemAlreadyExists/bracketed"
	if got := names(cat); !reflect.DeepEqual(got, want) {
		t.Errorf("names:\n got %v\nwant %v", got, want)
	}
	if n := cat.Names[3]; n.Name != "ItemNotFound" || n.Code != 1002 || n.Origin != model.OriginBracketed {
		t.Errorf("Names[3] = %+v, want ItemNotFound tied to 1002 (bracketed)", n)
	}
	if cat.Names[0].Code != 0 || cat.Names[0].Origin != "" {
		t.Errorf("Unknown got a code: %+v", cat.Names[0])
	}
}

func TestJoinAlignedNotBracketedWhenDistancesDiffer(t *testing.T) {
	page := testPage(
		model.Code{Code: 10, Names: []string{"A"}},
		model.Code{Code: 11, Messages: []string{"Eleven happened."}},
		model.Code{Code: 20, Names: []string{"D"}},
	)
	cat := mustJoin(t, page, testSpec("A", "B", "C", "D"), JoinOptions{})
	// 10→A and 20→D do not agree (10 codes, 3 names), so 11 is not
	// bracketed; the step 10→11 next to A still makes it B: putting it at C
	// costs a name's difference in steps (2), leaving it unnamed the step.
	c := cat.Codes[1]
	if got := c.Name + "/" + c.NameOrigin; got != "B/aligned" {
		t.Errorf("code 11 = %s, want B/aligned", got)
	}
	want := model.Alignment{Name: "B", Position: 1, Confidence: 2, Level: model.LevelHigh, RunnerUp: "C", Before: 10, After: 20}
	if c.Alignment == nil || !reflect.DeepEqual(*c.Alignment, want) {
		t.Errorf("code 11 alignment = %+v, want %+v", c.Alignment, want)
	}
}

func TestJoinCategoryIsNoName(t *testing.T) {
	page := testPage(
		model.Code{Code: 10, Names: []string{"A"}},
		model.Code{Code: 11},
		model.Code{Code: 13, Description: "Skips one code."},
		model.Code{Code: 50, Category: "Other block"},
	)
	spec := testSpec("A", "B", "C", "D", "E")
	for _, opts := range []JoinOptions{{}, {Extend: true}} {
		got := names(mustJoin(t, page, spec, opts))
		// 11 and 13 continue A's run (13 skips C with the code it skips);
		// 50 opens another block: no evidence places it, and its
		// category names a block, not the code.
		want := map[int]string{10: "A/page", 11: "B/aligned", 13: "D/aligned", 50: "Code50/derived"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("extend=%v: names = %v, want %v", opts.Extend, got, want)
		}
	}
}

func TestJoinContradictingAnchorReported(t *testing.T) {
	page := testPage(
		model.Code{Code: 1, Names: []string{"A"}},
		model.Code{Code: 2, Names: []string{"E"}}, // out of order: E stands after C and D
		model.Code{Code: 3, Names: []string{"C"}},
		model.Code{Code: 4, Names: []string{"D"}},
	)
	cat := mustJoin(t, page, testSpec("A", "B", "C", "D", "E"), JoinOptions{})
	if !hasDiag(cat, 2, `page name "E" (enum position 4) contradicts`) {
		t.Errorf("no diagnostic for the contradicting anchor: %+v", cat.Diagnostics)
	}
	if got := names(cat)[2]; got != "E/page" {
		t.Errorf("code 2 = %s: the page's statement still names the code", got)
	}
}

func TestJoinNameOnTwoCodesDecidedByOrder(t *testing.T) {
	// As on the real page: 1661 lists ProcessNotFound and PackageNotFound,
	// 1677 lists PackageNotFound again.
	page := testPage(
		model.Code{Code: 1661, Names: []string{"ProcessNotFound", "PackageNotFound"}},
		model.Code{Code: 1677, Names: []string{"PackageNotFound"}},
	)
	enum := make([]string, 20)
	for i := range enum {
		enum[i] = "Filler" + string(rune('A'+i))
	}
	enum[1], enum[17] = "ProcessNotFound", "PackageNotFound"
	cat := mustJoin(t, page, testSpec(enum...), JoinOptions{})
	got := names(cat)
	if got[1661] != "ProcessNotFound/page" || got[1677] != "PackageNotFound/page" {
		t.Errorf("names = %v", got)
	}
	if len(cat.Codes[0].Aliases) != 0 {
		t.Errorf("1661 aliases = %v, want none: PackageNotFound belongs to 1677", cat.Codes[0].Aliases)
	}
	if !hasDiag(cat, 1661, `"PackageNotFound" (enum position 17)`) {
		t.Errorf("no diagnostic for PackageNotFound on 1661: %+v", cat.Diagnostics)
	}
}

func TestJoinAliasesAndMessageStopWords(t *testing.T) {
	page := testPage(
		model.Code{Code: 1, Names: []string{"MachineLicenseCannotChange", "InvalidSlots"}},
		model.Code{Code: 2, Messages: []string{"The password has expired."}},
		model.Code{Code: 3, Messages: []string{"Tenant [NameOfTenant] is disabled!"}},
	)
	cat := mustJoin(t, page, testSpec("MachineLicenseCannotChange", "PasswordExpired", "TenantIsDisabled", "InvalidSlots"), JoinOptions{})
	got := names(cat)
	want := map[int]string{1: "MachineLicenseCannotChange/page", 2: "PasswordExpired/message", 3: "TenantIsDisabled/message"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("names = %v, want %v", got, want)
	}
	if a := cat.Codes[0].Aliases; !reflect.DeepEqual(a, []string{"InvalidSlots"}) {
		t.Errorf("aliases of 1 = %v, want [InvalidSlots]", a)
	}
	if n := cat.Names[3]; n.Code != 1 || n.Origin != model.OriginPage {
		t.Errorf("InvalidSlots = %+v, want code 1 (page)", n)
	}
}

func TestJoinSharedMessageDerivesDistinctNames(t *testing.T) {
	msg := "Robot Licensing Failed. There are no available licenses on the server."
	page := testPage(
		model.Code{Code: 1914, Messages: []string{msg}},
		model.Code{Code: 1915, Messages: []string{msg}},
		model.Code{Code: 1916, Category: "License"},
		model.Code{Code: 1917, Category: "License"},
	)
	for range 3 { // deterministic
		got := names(mustJoin(t, page, nil, JoinOptions{}))
		want := map[int]string{
			1914: "RobotLicensingFailed1914/derived", 1915: "RobotLicensingFailed1915/derived",
			1916: "Code1916/derived", 1917: "Code1917/derived",
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("names = %v, want %v", got, want)
		}
	}
}

func TestJoinInvalidPageNameReplaced(t *testing.T) {
	page := testPage(model.Code{Code: 7, Names: []string{"type"}})
	cat := mustJoin(t, page, nil, JoinOptions{})
	if c := cat.Codes[0]; c.Name == "type" || c.Name == "" {
		t.Fatalf("name = %q, want a valid identifier", c.Name)
	}
	if !hasDiag(cat, 7, `name "type" is not a valid Go identifier`) {
		t.Errorf("no diagnostic: %+v", cat.Diagnostics)
	}
}

func TestJoinEndpointsMatchOperations(t *testing.T) {
	page := testPage(model.Code{Code: 1001, Names: []string{"NameAlreadyUsed"}, Endpoints: []model.Endpoint{
		{Methods: []string{"POST", "PUT"}, Path: "/odata/Assets"},
		{Methods: []string{"POST"}, Path: "/odata/QueueItems(id)/UiPathODataSvc.SetTransactionProgress"},
		{Methods: []string{"GET"}, Path: "/odata/Processes/UiPath.Server.Configuration.OData.DownloadPackage(key='key')"},
		{Methods: []string{"DELETE"}, Path: "/odata/Nowhere"},
	}})
	spec := testSpec("NameAlreadyUsed")
	spec.Operations = []model.Operation{
		{Method: "POST", Path: "/odata/Assets", OperationID: "Assets_Post"},
		{Method: "PUT", Path: "/odata/Assets({key})", OperationID: "Assets_PutById"},
		{Method: "PUT", Path: "/odata/Assets", OperationID: "Assets_Put"},
		{Method: "POST", Path: "/odata/QueueItems({key})/UiPath.Server.Configuration.OData.SetTransactionProgress", OperationID: "QueueItems_SetTransactionProgress"},
		{Method: "GET", Path: "/odata/Processes/UiPath.Server.Configuration.OData.DownloadPackage(key='{key}')", OperationID: "Processes_DownloadPackageByKey"},
	}
	cat := mustJoin(t, page, spec, JoinOptions{})
	eps := cat.Codes[0].Endpoints
	want := [][]string{{"Assets_Post", "Assets_Put"}, {"QueueItems_SetTransactionProgress"}, {"Processes_DownloadPackageByKey"}, nil}
	for i, w := range want {
		if !reflect.DeepEqual(eps[i].OperationIDs, w) {
			t.Errorf("endpoint %s: operationIds %v, want %v", eps[i].Path, eps[i].OperationIDs, w)
		}
	}
	if !hasDiag(cat, 1001, "endpoint DELETE /odata/Nowhere matches no operation") {
		t.Errorf("no diagnostic for the unmatched endpoint: %+v", cat.Diagnostics)
	}
	if got := cat.Operations[0].Codes; !reflect.DeepEqual(got, []int{1001}) {
		t.Errorf("Assets_Post codes = %v", got)
	}
	if page.Codes[0].Endpoints[0].OperationIDs != nil || page.Codes[0].Name != "" {
		t.Error("Join modified its input")
	}
}

func TestJoinSpecOnly(t *testing.T) {
	cat := mustJoin(t, nil, testSpec("A", "B"), JoinOptions{})
	if len(cat.Codes) != 0 || len(cat.Names) != 2 || cat.Codes == nil {
		t.Errorf("spec-only catalog: codes %v, names %v", cat.Codes, cat.Names)
	}
	if len(cat.Sources) != 1 || cat.Sources[0].Kind != model.SourceSpec {
		t.Errorf("sources = %+v", cat.Sources)
	}
}

func TestNormalizePath(t *testing.T) {
	for in, want := range map[string]string{
		"/odata/QueueItemComments(Id)":                              "/odata/queueitemcomments({key})",
		"/odata/Users(Id)/UiPath.Server.Configuration.OData.Toggle": "/odata/users({key})/uipath.server.configuration.odata.toggle",
		"/odata/Queues/UiPathODataSvc.AddQueueItem":                 "/odata/queues/uipath.server.configuration.odata.addqueueitem",
		"/odata/Processes('input_output_test%3A1.1.0')":             "/odata/processes({key})",
		"https://uipath.platform.com/odata/Assets/":                 "/odata/assets",
	} {
		if got := normalizePath(in); got != want {
			t.Errorf("normalizePath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDescribedCase(t *testing.T) {
	for in, want := range map[string]string{
		"This alert is generated when a job fails.":                                                                "a job fails.",
		"This is an alert that is triggered when a Robot disconnects from Orchestrator.":                           "a Robot disconnects from Orchestrator.",
		"This error message is thrown if there are no more licenses on Orchestrator.":                              "no more licenses on Orchestrator.",
		"An error message that is thrown if you try to create or edit a resource with a name that already exists.": "create or edit a resource with a name that already exists.",
		"This message is shown if you are trying to delete the Administrator role.":                                "delete the Administrator role.",
		"The schedule you tried to add contains a Cron expression which is not valid.":                             "The schedule you tried to add contains a Cron expression which is not valid.",
		"This error is thrown if": "This error is thrown if",
	} {
		if got := describedCase(in); got != want {
			t.Errorf("describedCase(%q) = %q, want %q", in, got, want)
		}
	}
}
