package spec

import (
	"reflect"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// TestExtractSmall checks operations (path then method order, path-level
// parameters ignored, error statuses ascending, the application/json schema
// chosen over text/plain, a 5xx without a component schema) and the error
// schema in spec order with its description and nullability.
func TestExtractSmall(t *testing.T) {
	s, err := Load(readTestdata(t, "small-3.0.yaml"), Options{URI: "small-3.0.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	wantOps := []model.Operation{
		{Method: "POST", Path: "/a", OperationID: "A_Post"},
		{
			Method: "DELETE", Path: "/items/{id}", OperationID: "Items_Delete", Tags: []string{"Items"},
			ErrorStatuses:  []int{409, 503},
			ErrorResponses: []model.ErrorResponse{{Status: 409}, {Status: 503, Schema: "Item"}},
		},
		{
			Method: "GET", Path: "/items/{id}", OperationID: "Items_Get", Tags: []string{"Items", "Reading"},
			ErrorStatuses:  []int{400, 404},
			ErrorResponses: []model.ErrorResponse{{Status: 400, Schema: "ErrorResult"}, {Status: 404, Schema: "ErrorResult"}},
		},
	}
	if !reflect.DeepEqual(s.Operations, wantOps) {
		t.Errorf("operations =\n%+v\nwant\n%+v", s.Operations, wantOps)
	}
	wantSchema := &model.ErrorSchema{Name: "ErrorResult", Properties: []model.Property{
		{Name: "Message", Type: "string", Description: "What went wrong."},
		{Name: "ErrorCode", Type: "integer", Format: "int32"},
		{Name: "TraceId", Type: "string", Nullable: true},
		{Name: "ResourceIds", Type: "array", Items: "integer"},
	}}
	if !reflect.DeepEqual(s.ErrorSchema, wantSchema) {
		t.Errorf("error schema =\n%+v\nwant\n%+v", s.ErrorSchema, wantSchema)
	}
}

func TestErrorSchemaName(t *testing.T) {
	ops := []model.Operation{
		{ErrorResponses: []model.ErrorResponse{{Status: 400, Schema: "B"}, {Status: 404, Schema: "A"}, {Status: 500, Schema: "C"}}},
		{ErrorResponses: []model.ErrorResponse{{Status: 500, Schema: "C"}, {Status: 409}}},
	}
	if got := errorSchemaName(ops); got != "A" {
		t.Errorf("tie: errorSchemaName = %q, want A (first by name; 5xx not counted)", got)
	}
	ops = append(ops, model.Operation{ErrorResponses: []model.ErrorResponse{{Status: 400, Schema: "B"}}})
	if got := errorSchemaName(ops); got != "B" {
		t.Errorf("errorSchemaName = %q, want B", got)
	}
	if got := errorSchemaName(nil); got != "" {
		t.Errorf("no operations: errorSchemaName = %q, want empty", got)
	}
}

func TestRefName(t *testing.T) {
	tests := map[string]string{
		"#/components/schemas/ErrorResult":           "ErrorResult",
		"other.yaml#/components/schemas/ErrorResult": "ErrorResult",
		"": "",
	}
	for ref, want := range tests {
		if got := refName(ref); got != want {
			t.Errorf("refName(%q) = %q, want %q", ref, got, want)
		}
	}
}
