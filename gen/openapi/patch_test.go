package openapi

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// patchCatalog ties 1001 (no stated status) to Assets_Post, which declares
// no error response, 1300 (409) to Assets_GetById, which declares none
// either, and 1002 to TaskForms_GetTaskDataById, which declares 404.
func patchCatalog() *model.Catalog {
	return &model.Catalog{
		SchemaVersion: model.SchemaVersion,
		Codes: []model.Code{
			{Code: 1001, Name: "NameAlreadyUsed", Messages: []string{"The name [CustomNameYouAdded] is already used."}},
			{Code: 1002, Name: "ItemNotFound", Messages: []string{"Robot does not exist."}},
			{Code: 1300, Name: "Conflict1300", Category: "Conflict", HTTPStatus: 409},
		},
		Operations: []model.Operation{
			{Method: "POST", Path: "/odata/Assets", OperationID: "Assets_Post", Codes: []int{1001}},
			{Method: "GET", Path: "/odata/Assets({key})", OperationID: "Assets_GetById", Codes: []int{1300}},
			{Method: "GET", Path: "/forms/TaskForms/GetTaskDataById", OperationID: "TaskForms_GetTaskDataById", Codes: []int{1002}},
		},
	}
}

// loadSpec loads a shared definition as OpenAPI 3 with kin-openapi alone
// (a Swagger 2.0 file through openapi2conv), as parser/spec.LoadDocument
// hands it to Patch; gen/ imports no parser, not even in tests.
func loadSpec(t *testing.T, name string) *openapi3.T {
	t.Helper()
	data, err := os.ReadFile(testenv.Shared(t, "specs", name))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(name, ".swagger2.json") {
		var v2 openapi2.T
		if err := json.Unmarshal(data, &v2); err != nil {
			t.Fatal(err)
		}
		doc, err := openapi2conv.ToV3(&v2)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestPatchRealSpecs(t *testing.T) {
	for _, name := range []string{"orchestrator-v20.0.yaml", "orchestrator-v20.0.swagger2.json"} {
		t.Run(name, func(t *testing.T) {
			doc := loadSpec(t, name)
			if err := Patch(doc, patchCatalog()); err != nil {
				t.Fatal(err)
			}
			post := doc.Paths.Value("/odata/Assets").Post
			if got := post.Extensions[ExtErrorCodes]; !slices.Equal(got.([]any), []any{1001}) {
				t.Errorf("Assets_Post %s = %v, want [1001]", ExtErrorCodes, got)
			}
			def := post.Responses.Default()
			if def == nil {
				t.Fatal("Assets_Post has no default response")
			}
			mt := def.Value.Content["application/json"]
			if mt.Schema.Ref != "#/components/schemas/ErrorResult" {
				t.Errorf("Assets_Post default schema = %q", mt.Schema.Ref)
			}
			if got := exampleNames(mt.Examples); !slices.Equal(got, []string{"ErrorCode1001"}) {
				t.Errorf("Assets_Post default examples = %v", got)
			}
			get := doc.Paths.Value("/odata/Assets({key})").Get
			if ref := get.Responses.Value("409").Ref; ref != "#/components/responses/ConflictError" {
				t.Errorf("Assets_GetById 409 = %q, want the ConflictError component", ref)
			}
			if get.Responses.Default() != nil {
				t.Error("Assets_GetById got a default response though its code states 409")
			}
			notFound := doc.Paths.Value("/forms/TaskForms/GetTaskDataById").Get.Responses.Value("404").Value
			if *notFound.Description != "Not Found" || notFound.Content["application/json"].Schema.Ref != "#/components/schemas/ErrorResult" {
				t.Errorf("TaskForms_GetTaskDataById 404 = %q %v", *notFound.Description, notFound.Content)
			}
			if got := exampleNames(notFound.Content["application/json"].Examples); !slices.Equal(got, []string{"ErrorCode1002"}) {
				t.Errorf("TaskForms_GetTaskDataById 404 examples = %v", got)
			}
			result := doc.Components.Schemas["ErrorResult"].Value
			if result.Properties["ErrorCode"].Ref != "#/components/schemas/ErrorCode" || result.Properties["TraceId"] == nil {
				t.Errorf("ErrorResult properties not patched as documented: %v", result.Properties)
			}
			checkReloads(t, doc)
		})
	}
}

// checkReloads marshals the patched document and proves the written form
// loads and validates.
func checkReloads(t *testing.T, doc *openapi3.T) {
	t.Helper()
	y, _, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := openapi3.NewLoader().LoadFromData(y)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(loaded.OpenAPI, "3.") {
		t.Errorf("written document is OpenAPI %q, want 3.x", loaded.OpenAPI)
	}
	if err := loaded.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := doc.Paths.Value("/odata/Assets").Post.Extensions[ExtErrorCodes]
	got := loaded.Paths.Value("/odata/Assets").Post.Extensions[ExtErrorCodes]
	if len(got.([]any)) != len(want.([]any)) {
		t.Errorf("written %s = %v, want %v", ExtErrorCodes, got, want)
	}
}

func TestPatchSmallSpec(t *testing.T) {
	doc := smallSpec(t)
	if err := Patch(doc, loadModel(t, "basic.json")); err != nil {
		t.Fatal(err)
	}
	robots := doc.Paths.Value("/odata/Robots").Post
	bad := robots.Responses.Value("400").Value
	if *bad.Description != "Robot is invalid" {
		t.Errorf("400 description = %q, want the user's", *bad.Description)
	}
	if got := exampleNames(bad.Content["application/json"].Examples); !slices.Equal(got, []string{"ErrorCode1001"}) {
		t.Errorf("400 examples = %v", got)
	}
	if robots.Responses.Value("200").Value.Content["application/json"].Schema.Ref != "" {
		t.Error("success response was rewritten")
	}
	if _, ok := doc.Paths.Value("/odata/Robots").Get.Extensions[ExtErrorCodes]; ok {
		t.Errorf("operation without codes got %s", ExtErrorCodes)
	}
	var responses []string
	for name := range doc.Components.Responses {
		responses = append(responses, name)
	}
	slices.Sort(responses)
	if want := []string{"BadRequestError", "ConflictError", "NotFoundError", "ServiceUnavailableError"}; !slices.Equal(responses, want) {
		t.Errorf("component responses = %v, want %v", responses, want)
	}
}

func TestPatchRefusesToClobber(t *testing.T) {
	doc := smallSpec(t)
	doc.Components.Schemas["ErrorName"] = &openapi3.SchemaRef{Value: openapi3.NewStringSchema()}
	err := Patch(doc, loadModel(t, "basic.json"))
	if err == nil || err.Error() != `spec already has a schema "ErrorName": rename it before patching` {
		t.Errorf("err = %v", err)
	}
}

// smallSpec is a hand-made spec with an operation the page ties to 1001 and
// one it does not.
func smallSpec(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData([]byte(`
openapi: 3.0.1
info: {title: small, version: "1"}
paths:
  /odata/Robots:
    get:
      operationId: Robots_Get
      responses:
        "200": {description: ok}
        "503": {description: Down}
    post:
      operationId: Robots_Post
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object}
        "400": {description: Robot is invalid}
components:
  schemas:
    Other: {type: string}
`))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
