package spec

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// licenseNames are the 13 names of the license error enum, in spec order,
// the same in every real version.
var licenseNames = []string{
	"NoLicense", "LicenseExpired", "LicenseUnregistered", "NoAvailableLicenses",
	"NotEnoughAvailableSlots", "NotEnoughRuntimeLicenses", "LicenseIsAlreadyInUse",
	"InvalidRequest", "SlotsExceedLicenseLimit", "RuntimeDisabled",
	"ExternalNotSupported", "UsageExceedsLicenseLimit", "LicenseNotCompatible",
}

// licenseSites are where the license enum is used, in walking order.
var licenseSites = []model.EnumSite{
	{Schema: "LicenseResultDto", Property: "errorCode"},
	{Schema: "MachineSessionDto", Property: "LicenseErrorCode"},
	{Schema: "SessionDto", Property: "LicenseErrorCode"},
	{Schema: "SessionEventData", Property: "LicenseErrorCode"},
}

// errorResult17 is ErrorResult of 17.0 and 18.0; 20.0 adds Details.
var errorResult17 = []model.Property{
	{Name: "Message", Type: "string"},
	{Name: "ErrorCode", Type: "integer", Format: "int32"},
	{Name: "TraceId", Type: "string"},
	{Name: "ResourceIds", Type: "array", Items: "integer"},
}

var errorResult20 = append(slices.Clone(errorResult17), model.Property{Name: "Details", Type: "string"})

func TestLoadRealSpecs(t *testing.T) {
	tests := []struct {
		file       string
		version    string
		errorCodes int
		operations int
		errorProps []model.Property // nil: the version has no ErrorResult
	}{
		{"orchestrator-v15.0.yaml", "15.0", 474, 402, nil},
		{"orchestrator-v16.0.yaml", "16.0", 500, 412, nil},
		{"orchestrator-v17.0.yaml", "17.0", 558, 427, errorResult17},
		{"orchestrator-v18.0.yaml", "18.0", 602, 416, errorResult17},
		{"orchestrator-v20.0.yaml", "20.0", 632, 418, errorResult20},
		// The 2.0 file writes its keys sorted, so its spec order of the
		// ErrorResult properties is by name.
		{"orchestrator-v20.0.swagger2.json", "20.0", 632, 418, sortedByName(errorResult20)},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s := loadShared(t, tt.file)
			if s.Source.Title != "UiPath.WebApi "+tt.version || s.Source.Version != tt.version || s.Source.URI != tt.file {
				t.Errorf("source = %+v, want title %q, version %q, URI %q", s.Source, "UiPath.WebApi "+tt.version, tt.version, tt.file)
			}
			if len(s.Enums) != 2 {
				t.Fatalf("got %d enums, want 2: %+v", len(s.Enums), enumNames(s.Enums))
			}
			checkEnum(t, s.Enums[0], "FailedQueueItemDtoErrorCode", tt.errorCodes, []model.EnumSite{{Schema: "FailedQueueItemDto", Property: "ErrorCode"}})
			checkEnum(t, s.Enums[1], "LicenseResultDtoErrorCode", len(licenseNames), licenseSites)
			if !slices.Equal(s.Enums[1].Values, licenseNames) {
				t.Errorf("license names = %q, want %q", s.Enums[1].Values, licenseNames)
			}
			if len(s.Operations) != tt.operations {
				t.Errorf("got %d operations, want %d", len(s.Operations), tt.operations)
			}
			checkErrorSchema(t, s.ErrorSchema, tt.errorProps)
		})
	}
}

func sortedByName(props []model.Property) []model.Property {
	props = slices.Clone(props)
	slices.SortFunc(props, func(a, b model.Property) int { return strings.Compare(a.Name, b.Name) })
	return props
}

func loadShared(t testing.TB, file string) *model.Spec {
	t.Helper()
	data, err := os.ReadFile(testenv.Shared(t, "specs", file))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(data, Options{URI: file})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func checkEnum(t *testing.T, e model.Enum, name string, size int, sites []model.EnumSite) {
	t.Helper()
	if e.Name != name || len(e.Values) != size || !slices.Equal(e.Sites, sites) {
		t.Errorf("enum = %q with %d names at %+v, want %q with %d at %+v", e.Name, len(e.Values), e.Sites, name, size, sites)
	}
}

func checkErrorSchema(t *testing.T, es *model.ErrorSchema, props []model.Property) {
	t.Helper()
	if props == nil {
		if es != nil {
			t.Errorf("error schema = %+v, want none", es)
		}
		return
	}
	if es == nil || es.Name != "ErrorResult" || !slices.Equal(es.Properties, props) {
		t.Errorf("error schema = %+v, want ErrorResult with %+v", es, props)
	}
}

func enumNames(enums []model.Enum) []string {
	var names []string
	for _, e := range enums {
		names = append(names, e.Name)
	}
	return names
}

func TestLoadRealOperations(t *testing.T) {
	s := loadShared(t, "orchestrator-v20.0.yaml")
	want := []model.Operation{
		{Method: "POST", Path: "/odata/Assets", OperationID: "Assets_Post", Tags: []string{"Assets"}},
		{
			Method: "POST", Path: "/odata/ProcessSchedules/UiPath.Server.Configuration.OData.SetEnabled",
			OperationID: "ProcessSchedules_SetEnabled", Tags: []string{"ProcessSchedules"},
			ErrorStatuses:  []int{400, 404},
			ErrorResponses: []model.ErrorResponse{{Status: 400, Schema: "ErrorResult"}, {Status: 404, Schema: "ErrorResult"}},
		},
		{
			Method: "POST", Path: "/api/Licensing/Acquire", OperationID: "Licensing_Acquire", Tags: []string{"Licensing"},
			ErrorStatuses:  []int{400, 409, 503},
			ErrorResponses: []model.ErrorResponse{{Status: 400}, {Status: 409}, {Status: 503}},
		},
	}
	for _, w := range want {
		got := findOperation(s.Operations, w.Method, w.Path)
		if !reflect.DeepEqual(got, w) {
			t.Errorf("operation %s %s =\n%+v, want\n%+v", w.Method, w.Path, got, w)
		}
	}
	if !slices.IsSortedFunc(s.Operations, compareOperations) {
		t.Error("operations are not ordered by path, then method")
	}
}

func compareOperations(a, b model.Operation) int {
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	return strings.Compare(a.Method, b.Method)
}

func findOperation(ops []model.Operation, method, path string) model.Operation {
	for _, op := range ops {
		if op.Method == method && op.Path == path {
			return op
		}
	}
	return model.Operation{}
}

// TestSwagger2MatchesOpenAPI3 proves that the 2.0 and 3.0 forms of 20.0 give
// the same facts but for one explained difference: the ErrorResult
// properties come in each file's own order (the 2.0 file's keys are sorted).
func TestSwagger2MatchesOpenAPI3(t *testing.T) {
	v3 := loadShared(t, "orchestrator-v20.0.yaml")
	v2 := loadShared(t, "orchestrator-v20.0.swagger2.json")
	if !reflect.DeepEqual(v3.Enums, v2.Enums) {
		t.Error("enums differ between the 2.0 and 3.0 forms")
	}
	if !reflect.DeepEqual(v3.Operations, v2.Operations) {
		for i := range min(len(v3.Operations), len(v2.Operations)) {
			if !reflect.DeepEqual(v3.Operations[i], v2.Operations[i]) {
				t.Fatalf("first differing operation:\n3.0: %+v\n2.0: %+v", v3.Operations[i], v2.Operations[i])
			}
		}
		t.Fatalf("operations differ: %d in 3.0, %d in 2.0", len(v3.Operations), len(v2.Operations))
	}
	if !reflect.DeepEqual(sortedByName(v3.ErrorSchema.Properties), v2.ErrorSchema.Properties) {
		t.Errorf("ErrorResult properties differ beyond order:\n3.0: %+v\n2.0: %+v", v3.ErrorSchema.Properties, v2.ErrorSchema.Properties)
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testenv.Root(), "testdata", "specs", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestLoadJSONEqualsYAML(t *testing.T) {
	y, err := Load(readTestdata(t, "small-3.0.yaml"), Options{URI: "small"})
	if err != nil {
		t.Fatal(err)
	}
	j, err := Load(readTestdata(t, "small-3.0.json"), Options{URI: "small"})
	if err != nil {
		t.Fatal(err)
	}
	y.Source.SHA256, j.Source.SHA256 = "", ""
	if !reflect.DeepEqual(y, j) {
		t.Errorf("JSON and YAML forms differ:\nyaml: %+v\njson: %+v", y, j)
	}
}

func TestLoadOpenAPI31(t *testing.T) {
	s, err := Load(readTestdata(t, "small-3.1.yaml"), Options{URI: "small-3.1.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	want := &model.ErrorSchema{Name: "Problem", Properties: []model.Property{
		{Name: "Code", Type: "integer", Format: "int32", Nullable: true},
		{Name: "Detail", Type: "string"},
	}}
	if !reflect.DeepEqual(s.ErrorSchema, want) {
		t.Errorf("error schema = %+v, want %+v", s.ErrorSchema, want)
	}
	if got := enumNames(s.Enums); !slices.Equal(got, []string{"ItemErrorCode"}) {
		t.Errorf("enums = %q, want [ItemErrorCode]", got)
	}
	if s.Source.Title != "Small 3.1 API" || s.Source.Version != "3.1" {
		t.Errorf("source = %+v", s.Source)
	}
}

func TestLoadSwagger2YAML(t *testing.T) {
	s, err := Load(readTestdata(t, "small-2.0.yaml"), Options{URI: "small-2.0.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Operation{{
		Method: "GET", Path: "/items/{id}", OperationID: "Items_Get", Tags: []string{"Items"},
		ErrorStatuses: []int{404}, ErrorResponses: []model.ErrorResponse{{Status: 404, Schema: "ErrorResult"}},
	}}
	if !reflect.DeepEqual(s.Operations, want) {
		t.Errorf("operations = %+v, want %+v", s.Operations, want)
	}
	wantEnums := []model.Enum{{Name: "ItemErrorCode", Values: []string{"Alpha", "Beta"}, Sites: []model.EnumSite{{Schema: "Item", Property: "ErrorCode"}}}}
	if !reflect.DeepEqual(s.Enums, wantEnums) {
		t.Errorf("enums = %+v, want %+v", s.Enums, wantEnums)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"not a spec", string(readTestdata(t, "not-a-spec.yaml")),
			`spec in.yaml: not a Swagger 2.0 or OpenAPI 3 definition: no top-level "swagger" or "openapi" field`},
		{"empty", "", `spec in.yaml: not a Swagger 2.0 or OpenAPI 3 definition: no top-level "swagger" or "openapi" field`},
		{"swagger 1.2", "swagger: \"1.2\"\n", `spec in.yaml: unsupported swagger version "1.2", want "2.0"`},
		{"openapi 2", "openapi: 2.0\n", `spec in.yaml: unsupported openapi version "2.0", want 3.x`},
		{"yaml syntax", "openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths:\n  /a: [\n", "spec in.yaml: failed to unmarshal data: yaml error: yaml: line 5: did not find expected node content"},
		{"json syntax", "{\n\"openapi\": \"3.0.1\",\n\"info\": {,\n}", "spec in.yaml: json: line 3: invalid character ','"},
		{"invalid", "openapi: 3.0.1\ninfo: {title: x}\npaths: {}\n", "spec in.yaml: invalid definition: invalid info: value of version must be a non-empty string"},
		{"bad snapshot", `{"orcgenSpecSnapshot": 2, "source": {}}`, "spec in.yaml: snapshot: unsupported orcgenSpecSnapshot 2, want 1"},
		{"unknown snapshot field", `{"orcgenSpecSnapshot": 1, "extra": 1}`, `spec in.yaml: snapshot: json: unknown field "extra"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(tt.data), Options{URI: "in.yaml"})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

// TestLoadAliasBomb: the bomb (9^10 nodes once expanded) is refused naming
// the aliases, having allocated little: counted, not timed.
func TestLoadAliasBomb(t *testing.T) {
	data := readTestdata(t, "alias-bomb.yaml")
	var err error
	mem := allocated(func() { _, err = Load(data, Options{URI: "alias-bomb.yaml"}) })
	if err == nil || !strings.Contains(err.Error(), "spec alias-bomb.yaml: ") || !strings.Contains(err.Error(), "alias") {
		t.Errorf("error = %v, want one naming the file and the aliases", err)
	}
	if mem > 16<<20 {
		t.Errorf("rejecting the alias bomb allocated %d MB, want at most 16", mem>>20)
	}
}

func TestLoadDocument(t *testing.T) {
	doc, err := LoadDocument(readTestdata(t, "small-2.0.yaml"), Options{URI: "small-2.0.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") || doc.Components.Schemas["ErrorResult"] == nil {
		t.Errorf("converted document: openapi %q, schemas %v", doc.OpenAPI, sortedKeys(doc.Components.Schemas))
	}
	snap := []byte(`{"orcgenSpecSnapshot": 1}`)
	_, err = LoadDocument(snap, Options{URI: "snap.json"})
	want := "spec snap.json: an orcgen spec snapshot holds no OpenAPI document: give the definition itself"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

// TestLoadDocumentAndFacts: one parse gives the facts of Load and the
// document of LoadDocument.
func TestLoadDocumentAndFacts(t *testing.T) {
	for _, name := range []string{"small-2.0.yaml", "small-3.0.json", "small-3.1.yaml"} {
		t.Run(name, func(t *testing.T) {
			data := readTestdata(t, name)
			doc, s, err := LoadDocumentAndFacts(data, Options{URI: name})
			if err != nil {
				t.Fatal(err)
			}
			facts, err := Load(data, Options{URI: name})
			if err != nil {
				t.Fatal(err)
			}
			alone, err := LoadDocument(data, Options{URI: name})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(s, facts) {
				t.Errorf("facts differ from Load's:\n%+v\n%+v", s, facts)
			}
			if got, want := sortedKeys(doc.Components.Schemas), sortedKeys(alone.Components.Schemas); !slices.Equal(got, want) || doc.Info.Title != alone.Info.Title {
				t.Errorf("document schemas %q, want %q", got, want)
			}
		})
	}
}
