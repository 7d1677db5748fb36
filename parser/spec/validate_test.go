package spec

import (
	"fmt"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// chainSpec returns a definition whose n+1 component schemas form a chain
// of n $refs, each schema's only property referring to the next; last is
// the last schema's body.
func chainSpec(n int, last string) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\ninfo: {title: chain, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n")
	for i := range n {
		fmt.Fprintf(&b, "    S%d:\n      type: object\n      properties:\n        next:\n          $ref: '#/components/schemas/S%d'\n", i, i+1)
	}
	fmt.Fprintf(&b, "    S%d:\n%s", n, last)
	return []byte(b.String())
}

// TestValidateVisitsEachSchemaOnce proves the bound on validation by
// counting, not timing: the walk meets each of the chain's $refs once and
// each schema once, and validation leaves every $ref pointing at its own
// target again.
func TestValidateVisitsEachSchemaOnce(t *testing.T) {
	const n = 2000
	doc, err := openapi3.NewLoader().LoadFromData(chainSpec(n, "      type: string\n"))
	if err != nil {
		t.Fatal(err)
	}
	refs := collectSchemaRefs(doc)
	if len(refs.refs) != n || len(refs.seen) != n+1 {
		t.Errorf("walk met %d $refs and %d schemas, want %d and %d", len(refs.refs), len(refs.seen), n, n+1)
	}
	if err := validate(doc); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		next := doc.Components.Schemas[fmt.Sprint("S", i)].Value.Properties["next"]
		if next.Value != doc.Components.Schemas[fmt.Sprint("S", i+1)].Value {
			t.Fatalf("S%d.next no longer points at S%d after validation", i, i+1)
		}
	}
}

// TestValidateFindsErrorsPastRefs proves that validating each schema once
// still checks every schema: defects at the end of chains.
func TestValidateFindsErrorsPastRefs(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"end of a chain", chainSpec(50, "      type: array\n"),
			`invalid definition: invalid components: schema "S50": when schema type is 'array', schema 'items' must be non-null`},
		{"unknown type", chainSpec(3, "      type: strnig\n"),
			`invalid definition: invalid components: schema "S3": unsupported 'type' value "strnig"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.data, Options{URI: "chain.yaml"})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one holding %q", err, tt.want)
			}
		})
	}
}

// refsSpec is a definition whose operation refers to a component parameter,
// header, request body and response; param is the parameter's body.
const refsSpec = `openapi: 3.0.1
info: {title: refs, version: "1"}
paths:
  /a/{id}:
    post:
      parameters:
        - $ref: '#/components/parameters/Id'
      requestBody: {$ref: '#/components/requestBodies/B'}
      responses:
        "404": {$ref: '#/components/responses/E'}
components:
  parameters:
    Id:
%s
  headers:
    H: {schema: {type: string}}
  requestBodies:
    B: {content: {application/json: {schema: {type: string}}}}
  responses:
    E:
      description: e
      headers: {X-H: {$ref: '#/components/headers/H'}}
`

// TestValidateComponentRefs: $refs to parameters, headers, request bodies
// and responses are validated once, where the components are written; the
// path's parameter still counts as declared through its $ref; a defect in a
// referenced parameter is found; and every $ref points at its own target
// again afterwards.
func TestValidateComponentRefs(t *testing.T) {
	good := "      name: id\n      in: path\n      required: true\n      schema: {type: string}\n"
	doc, err := openapi3.NewLoader().LoadFromData([]byte(fmt.Sprintf(refsSpec, good)))
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(doc); err != nil {
		t.Fatal(err)
	}
	op := doc.Paths.Value("/a/{id}").Post
	c := doc.Components
	if op.Parameters[0].Value != c.Parameters["Id"].Value || op.RequestBody.Value != c.RequestBodies["B"].Value ||
		op.Responses.Value("404").Value != c.Responses["E"].Value || c.Responses["E"].Value.Headers["X-H"].Value != c.Headers["H"].Value {
		t.Error("a $ref does not point at its own target after validation")
	}
	bad := "      name: id\n      in: path\n      schema: {type: string}\n"
	_, err = Load([]byte(fmt.Sprintf(refsSpec, bad)), Options{URI: "refs.yaml"})
	if want := `invalid definition: invalid components: parameter "Id": path parameter "id" must be required`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v, want one holding %q", err, want)
	}
}
