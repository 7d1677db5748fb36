package golang

import (
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// TestErrorSchemaReservedNames checks that a schema property whose Go field
// would clash with Error's own fields or methods, or with the envelope, is
// refused with its name instead of producing a package that does not
// compile.
func TestErrorSchemaReservedNames(t *testing.T) {
	for _, prop := range []string{"Name", "name", "HTTPStatus", "Error", "error", "Envelope", "Unwrap", "UnmarshalJSON", "Is"} {
		cat := loadModel(t, "small.json")
		cat.ErrorSchema = model.DefaultErrorSchema()
		cat.ErrorSchema.Properties = append(cat.ErrorSchema.Properties, model.Property{Name: prop, Type: "string"})
		_, err := Generate(cat, Options{})
		if err == nil || !strings.Contains(err.Error(), `error schema property "`+prop+`"`) {
			t.Errorf("property %q: Generate = %v, want an error naming it", prop, err)
		}
	}
}

// TestErrorSchemaTypes generates an error body whose properties have every
// OpenAPI type, and builds it: each gets a field that decodes leniently.
func TestErrorSchemaTypes(t *testing.T) {
	cat := loadModel(t, "small.json")
	cat.ErrorSchema = &model.ErrorSchema{Name: "ErrorResult", Properties: []model.Property{
		{Name: "errorCode", Type: "integer", Format: "int32"},
		{Name: "retryable", Type: "boolean"},
		{Name: "score", Type: "number"},
		{Name: "count", Type: "integer"},
		{Name: "context", Type: "object"},
		{Name: "tags", Type: "array", Items: "string"},
	}}
	out, err := Generate(cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	src := string(out.Files["error_gen.go"])
	for _, want := range []string{
		"Retryable bool `json:\"retryable\"`", "Score float64 `json:\"score\"`", "Count int64 `json:\"count\"`",
		"Context json.RawMessage `json:\"context\"`", "Tags []string `json:\"tags\"`",
		"Message string `json:\"Message\"`", // added: Error's methods need it
		"decodeField(w.Retryable, &e.Retryable)", "e.ErrorCode, e.Name, _ = decodeCode(w.ErrorCode)",
	} {
		if !strings.Contains(strings.Join(strings.Fields(src), " "), want) {
			t.Errorf("error_gen.go lacks %q", want)
		}
	}
	buildModule(t, out)
}
