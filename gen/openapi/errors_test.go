package openapi

import (
	"flag"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

var update = flag.Bool("update", false, "update golden files")

// loadModel reads a model file of testdata/models-emit.
func loadModel(t testing.TB, name string) *model.Catalog {
	return testenv.Catalog(t, "testdata", "models-emit", name)
}

// checkGolden compares got with a golden file (see testenv.Golden).
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	testenv.Golden(t, *update, golden, got)
}

func TestErrorsGolden(t *testing.T) {
	models, err := filepath.Glob(filepath.Join(testenv.Root(), "testdata", "models-emit", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(models) == 0 {
		t.Fatal("no models in testdata/models-emit")
	}
	for _, path := range models {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			doc, err := Errors(loadModel(t, name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			y, j, err := Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(testenv.Root(), "testdata", "golden", "openapi")
			checkGolden(t, filepath.Join(dir, name+".yaml"), y)
			checkGolden(t, filepath.Join(dir, name+".json"), j)
		})
	}
}

func TestErrorCodeEnum(t *testing.T) {
	doc, err := Errors(loadModel(t, "basic.json"))
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Components.Schemas[SchemaErrorCode].Value
	if want := []any{1000.0, 1001.0, 1002.0, 1009.0, 1300.0}; !slices.Equal(s.Enum, want) {
		t.Errorf("enum = %v, want %v", s.Enum, want)
	}
	wantNames := []any{"InvalidRequest", "NameAlreadyUsed", "ItemNotFound", "InvalidArgument", "Conflict1300"}
	if got := s.Extensions[ExtEnumVarNames].([]any); !slices.Equal(got, wantNames) {
		t.Errorf("%s = %v, want %v", ExtEnumVarNames, got, wantNames)
	}
	descs := s.Extensions[ExtEnumDescriptions].([]any)
	if descs[0] != "Invalid request! Invalid username/email address or password. Invalid OData query options." || descs[4] != "Conflict" {
		t.Errorf("%s = %q", ExtEnumDescriptions, descs)
	}
	if got := s.Extensions[ExtEnumDescriptionsMap].(map[string]any)["1001"]; got != "The name [CustomNameYouAdded] is already used." {
		t.Errorf("%s[1001] = %q", ExtEnumDescriptionsMap, got)
	}
	names := doc.Components.Schemas[SchemaErrorName].Value.Enum
	if want := []any{"NameAlreadyUsed", "ItemNotFound", "RobotNotFound", "InvalidArgument", "StringProtectFailed"}; !slices.Equal(names, want) {
		t.Errorf("ErrorName enum = %v, want %v", names, want)
	}
	if ref := doc.Components.Schemas[SchemaErrorResult].Value.Properties["ErrorCode"].Ref; ref != "#/components/schemas/ErrorCode" {
		t.Errorf("ErrorResult.ErrorCode ref = %q", ref)
	}
}

func TestErrorResponses(t *testing.T) {
	doc, err := Errors(loadModel(t, "basic.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for name := range doc.Components.Responses {
		got = append(got, name)
	}
	slices.Sort(got)
	if want := []string{"BadRequestError", "ConflictError", "NotFoundError"}; !slices.Equal(got, want) {
		t.Fatalf("responses = %v, want %v", got, want)
	}
	// 409 is stated by the page for 1300; 404 is stated for no code, so
	// every code without a stated status is an example.
	conflict := exampleNames(doc.Components.Responses["ConflictError"].Value.Content["application/json"].Examples)
	if want := []string{"ErrorCode1300"}; !slices.Equal(conflict, want) {
		t.Errorf("409 examples = %v, want %v", conflict, want)
	}
	notFound := exampleNames(doc.Components.Responses["NotFoundError"].Value.Content["application/json"].Examples)
	if want := []string{"ErrorCode1000", "ErrorCode1001", "ErrorCode1002", "ErrorCode1009"}; !slices.Equal(notFound, want) {
		t.Errorf("404 examples = %v, want %v", notFound, want)
	}
}

func TestErrorsWithoutSpec(t *testing.T) {
	cat := loadModel(t, "hostile.json")
	doc, err := Errors(cat)
	if err != nil {
		t.Fatal(err)
	}
	var props []string
	for name := range doc.Components.Schemas[SchemaErrorResult].Value.Properties {
		props = append(props, name)
	}
	slices.Sort(props)
	if want := []string{"Details", "ErrorCode", "Message", "ResourceIds", "TraceId"}; !slices.Equal(props, want) {
		t.Errorf("default ErrorResult properties = %v, want %v", props, want)
	}
	names := doc.Components.Schemas[SchemaErrorName].Value.Enum
	if want := []any{"Pipe", "Lists", "Params", "Entities"}; !slices.Equal(names, want) {
		t.Errorf("ErrorName enum without spec = %v, want %v", names, want)
	}
}

func TestErrorsRejectsSchemaWithoutCode(t *testing.T) {
	cat := loadModel(t, "basic.json")
	cat.ErrorSchema.Properties = cat.ErrorSchema.Properties[:1]
	_, err := Errors(cat)
	if err == nil || err.Error() != `error schema "ErrorResult" has no "ErrorCode" property` {
		t.Errorf("err = %v", err)
	}
}

func TestErrorsRejectsUnknownType(t *testing.T) {
	cat := loadModel(t, "basic.json")
	cat.ErrorSchema.Properties[0].Type = "file"
	_, err := Errors(cat)
	if err == nil || err.Error() != `error schema "ErrorResult" property 0 "Message": unsupported type "file"` {
		t.Errorf("err = %v", err)
	}
}

// exampleNames lists an examples map's keys, sorted.
func exampleNames[M ~map[string]V, V any](m M) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
