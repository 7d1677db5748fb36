package spec

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/model"
)

// TestDuplicateKeysRefused proves that a key written twice in one mapping is
// an error in both forms: encoding/json alone would keep the last one
// silently.
func TestDuplicateKeysRefused(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"yaml top level", "openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\npaths: {}\n",
			`spec in: failed to unmarshal data: yaml error: yaml: construct errors: line 4: mapping key "paths" already defined at line 3`},
		{"yaml property", "openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      properties:\n        a: {type: string}\n        a: {type: integer}\n",
			`spec in: failed to unmarshal data: yaml error: yaml: construct errors: line 9: mapping key "a" already defined at line 8`},
		{"json top level", "{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"x\", \"version\": \"1\"},\n\"paths\": {},\n\"paths\": {}}",
			`spec in: json: line 3: duplicate key "paths"`},
		{"json escaped", `{"openapi": "3.0.1", "info": {"title": "x", "version": "1", "titl\u0065": "y"}, "paths": {}}`,
			`spec in: json: line 1: duplicate key "title"`},
		{"swagger 2.0 json", "{\"swagger\": \"2.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"description\": \"a\"}, \"200\": {\"description\": \"b\"}}}}}}",
			`spec in: json: line 1: duplicate key "200"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(tt.data), Options{URI: "in"})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v\nwant %s", err, tt.want)
			}
		})
	}
}

// manyKeys returns a definition whose component schemas number n, written
// in block style, in flow style on one line, or as JSON.
func manyKeys(n int, form string) []byte {
	var b strings.Builder
	switch form {
	case "block":
		b.WriteString("openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n")
		for i := range n {
			fmt.Fprintf(&b, "    S%d:\n      type: string\n", i)
		}
	case "flow":
		b.WriteString("openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\ncomponents:\n  schemas: {")
		for i := range n {
			fmt.Fprintf(&b, "S%d: {type: string}, ", i)
		}
		b.WriteString("}\n")
	case "multiline flow":
		b.WriteString("openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\ncomponents:\n  schemas: {\n")
		for i := range n {
			fmt.Fprintf(&b, "    S%d: {type: string},\n", i)
		}
		b.WriteString("  }\n")
	case "json":
		b.WriteString(`{"openapi": "3.0.1", "info": {"title": "x", "version": "1"}, "paths": {}, "components": {"schemas": {`)
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n\"S%d\": {\"type\": \"string\"}", i)
		}
		b.WriteString("}}}")
	}
	return []byte(b.String())
}

// TestKeyBudget proves the limits on mapping sizes in every form, and that
// a definition just inside them loads.
func TestKeyBudget(t *testing.T) {
	tests := []struct {
		form string
		want string
	}{
		{"block", "spec in: line 6: a mapping of more than 10000 keys, the limit"},
		{"flow", "spec in: line 5: a mapping of 10001 keys, more than the limit of 10000"},
		{"multiline flow", "spec in: line 5: a mapping of 10001 keys, more than the limit of 10000"},
		{"json", "spec in: json: line 1: an object of more than 10000 keys, the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			if _, err := Load(manyKeys(MaxMappingKeys, tt.form), Options{URI: "in"}); err != nil {
				t.Errorf("%d keys: %v", MaxMappingKeys, err)
			}
			_, err := Load(manyKeys(MaxMappingKeys+1, tt.form), Options{URI: "in"})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestKeyPairBudget proves the bound on the sum of squared key counts:
// three mappings of 9,200 keys each pass it (3 × 8.5e7 > 2.5e8) though
// none passes MaxMappingKeys.
func TestKeyPairBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n")
	for s := range 3 {
		fmt.Fprintf(&b, "    S%d:\n      properties:\n", s)
		for i := range 9200 {
			fmt.Fprintf(&b, "        p%d: {type: string}\n", i)
		}
	}
	_, err := Load([]byte(b.String()), Options{URI: "in"})
	want := "spec in: line 18412: the document's mappings are too large to decode in bounded time (the sum of their squared key counts passes 250000000)"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
}

// TestRealJSONEqualsYAML proves that the 20.0 definition gives the same
// facts as YAML and as JSON (converted with its keys in the same order),
// the ErrorResult properties in file order included.
func TestRealJSONEqualsYAML(t *testing.T) {
	data, err := os.ReadFile(testenv.Shared(t, "specs", "orchestrator-v20.0.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	y, err := Load(data, Options{URI: "v20"})
	if err != nil {
		t.Fatal(err)
	}
	j, err := Load(yamlToJSON(t, data), Options{URI: "v20"})
	if err != nil {
		t.Fatal(err)
	}
	y.Source.SHA256, j.Source.SHA256 = "", ""
	if !reflect.DeepEqual(y, j) {
		t.Errorf("JSON and YAML forms of 20.0 differ:\nyaml: %+v\njson: %+v", y.ErrorSchema, j.ErrorSchema)
	}
	if !reflect.DeepEqual(j.ErrorSchema.Properties, errorResult20) || len(j.Diagnostics) != 0 {
		t.Errorf("JSON error schema = %+v, diagnostics %v", j.ErrorSchema.Properties, j.Diagnostics)
	}
}

// errorOrderSpec is a definition whose ErrorResult lists its properties
// out of name order; head is what precedes "ErrorResult".
const errorOrderSpec = `openapi: 3.0.1
info: {title: x, version: "1"}
paths:
  /a:
    get:
      responses:
        "404":
          description: no
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ErrorResult'}
components:
  schemas:
    ErrorResult:
      type: object
      properties: %s
`

// TestPropertyOrder proves that the error schema's properties come in the
// order written, whether the properties are in block or flow style, and
// that a document the reader cannot follow keeps name order with a
// diagnostic.
func TestPropertyOrder(t *testing.T) {
	block := "\n        \"Zeta\":\n          type: string\n        Alpha: {type: string}   # a comment\n        'Mid': {type: string}\n"
	flow := "{Zeta: {type: string}, Alpha: {type: string}, Mid: {type: string}}"
	written := []string{"Zeta", "Alpha", "Mid"}
	for name, props := range map[string]string{"block": block, "flow": flow} {
		t.Run(name, func(t *testing.T) {
			data := fmt.Sprintf(errorOrderSpec, props)
			for form, in := range map[string][]byte{"yaml": []byte(data), "json": yamlToJSON(t, []byte(data))} {
				s, err := Load(in, Options{URI: "in"})
				if err != nil {
					t.Fatal(err)
				}
				if got := propertyNames(s); !reflect.DeepEqual(got, written) || len(s.Diagnostics) != 0 {
					t.Errorf("%s: properties %q, diagnostics %v; want %q and none", form, got, s.Diagnostics, written)
				}
			}
		})
	}
	t.Run("swagger 2.0", func(t *testing.T) {
		data := "swagger: \"2.0\"\ninfo: {title: x, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses:\n        \"404\":\n          description: no\n          schema: {$ref: '#/definitions/ErrorResult'}\n" +
			"definitions:\n  ErrorResult:\n    type: object\n    properties:" + block
		for form, in := range map[string][]byte{"yaml": []byte(data), "json": yamlToJSON(t, []byte(data))} {
			s, err := Load(in, Options{URI: "in"})
			if err != nil {
				t.Fatal(err)
			}
			if got := propertyNames(s); !reflect.DeepEqual(got, written) || len(s.Diagnostics) != 0 {
				t.Errorf("%s: properties %q, diagnostics %v; want %q and none", form, got, s.Diagnostics, written)
			}
		}
	})
	t.Run("ref with siblings", func(t *testing.T) {
		// OpenAPI 3.1: the $ref's target decides the decoded properties,
		// not the ones written next to it.
		data := strings.Replace(fmt.Sprintf(errorOrderSpec, "{Message: {type: string}}"), "openapi: 3.0.1", "openapi: 3.1.0", 1)
		data = strings.Replace(data, "    ErrorResult:\n      type: object\n", "    Base: {type: object, properties: {Code: {type: integer}}}\n    ErrorResult:\n      $ref: '#/components/schemas/Base'\n", 1)
		s, err := Load([]byte(data), Options{URI: "in"})
		if err != nil {
			t.Fatal(err)
		}
		want := []model.Diagnostic{{Severity: model.SeverityWarning, Source: model.SourceSpec,
			Message: `the properties of error schema "ErrorResult" as written (Message) differ from the decoded ones (Code): they are in name order`}}
		if got := propertyNames(s); !reflect.DeepEqual(got, []string{"Code"}) || !reflect.DeepEqual(s.Diagnostics, want) {
			t.Errorf("properties %q, diagnostics %+v", got, s.Diagnostics)
		}
	})
	t.Run("flow components", func(t *testing.T) {
		data := strings.Replace(fmt.Sprintf(errorOrderSpec, flow), "components:\n  schemas:\n    ErrorResult:\n      type: object\n      properties: ",
			"components: {schemas: {ErrorResult: {type: object, properties: ", 1)
		data = strings.TrimSuffix(data, "\n") + "}}}\n"
		s, err := Load([]byte(data), Options{URI: "in"})
		if err != nil {
			t.Fatal(err)
		}
		want := []model.Diagnostic{{Severity: model.SeverityWarning, Source: model.SourceSpec,
			Message: `the order of the properties of error schema "ErrorResult" could not be read from the document (it is not written among the document's own schemas in JSON or block-style YAML): they are in name order`}}
		if got := propertyNames(s); !reflect.DeepEqual(got, []string{"Alpha", "Mid", "Zeta"}) || !reflect.DeepEqual(s.Diagnostics, want) {
			t.Errorf("properties %q, diagnostics %+v", got, s.Diagnostics)
		}
	})
}

func propertyNames(s *model.Spec) []string {
	var names []string
	for _, p := range s.ErrorSchema.Properties {
		names = append(names, p.Name)
	}
	return names
}

// manyEntries returns a definition whose extension x-big lists n one-key
// mappings, in block style, in flow style over several lines, or as JSON.
func manyEntries(n int, form string) []byte {
	var b strings.Builder
	switch form {
	case "block":
		b.WriteString("openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\nx-big:\n")
		for range n {
			b.WriteString("  - a: 1\n")
		}
	case "multiline flow":
		b.WriteString("openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\nx-big: [\n")
		for i := range n {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString("  {a: 1}")
		}
		b.WriteString("]\n")
	case "json":
		b.WriteString(`{"openapi": "3.0.1", "info": {"title": "x", "version": "1"}, "paths": {},` + "\n\"x-big\": [")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n{\"a\": 1}")
		}
		b.WriteString("]}")
	}
	return []byte(b.String())
}

// TestEntryBudget proves MaxEntries in every form: 3.5 million tiny
// entries fit in 32 MB and took kin-openapi 16 to 44 s and 4 to 6.5 GB. The
// line is where the count passed the limit: the line of the entry, or
// where the flow collection that passed it opened.
func TestEntryBudget(t *testing.T) {
	tests := []struct {
		form string
		want string
	}{
		{"block", "spec in: line 250004: the document holds more than 500000 values (mapping entries and list items), the limit"},
		{"multiline flow", "spec in: line 4: the document holds more than 500000 values (mapping entries and list items), the limit"},
		{"json", "spec in: json: line 250002: the document holds more than 500000 values (mapping entries and list items), the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			_, err := Load(manyEntries(MaxEntries/2, tt.form), Options{URI: "in"})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestYAMLCountForms: the line count skips what only looks like keys (a
// multi-line quoted scalar, a block scalar), and a document it cannot count
// (anchors and aliases) is counted exactly up to maxExactYAML, refused
// beyond.
func TestYAMLCountForms(t *testing.T) {
	head := "openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\n"
	lookalike := strings.Repeat("  k: v\n", MaxMappingKeys+1)
	for name, doc := range map[string]string{
		"quoted":  head + "x-quoted: \"start\n" + lookalike + "  end\"\n",
		"literal": head + "x-literal: |\n" + lookalike,
		"anchors": head + "x-a: &shared {a: 1, b: [1, 2]}\nx-b: *shared\nx-c:\n  <<: *shared\n  c: 3\n",
	} {
		if _, err := Load([]byte(doc), Options{URI: "in"}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	big := head + "x-a: &shared {a: 1}\nx-b: *shared\nx-pad: \"" + strings.Repeat("x", maxExactYAML) + "\"\n"
	_, err := Load([]byte(big), Options{URI: "in"})
	want := "spec in: line 4: YAML anchors, aliases and complex keys are read only in documents up to 4 MB, and this one holds 4.0 MB: write it without them, or as JSON"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
}

// TestYAMLKeyForms: keys written quoted with a space before the colon,
// tagged, or with a tab after the colon are counted like plain ones.
func TestYAMLKeyForms(t *testing.T) {
	head := "openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths: {}\nx-keys:\n"
	for name, format := range map[string]string{"quoted": "  \"k%d\" : v\n", "tagged": "  !!str k%d: v\n", "tab": "  k%d:\tv\n"} {
		var b strings.Builder
		b.WriteString(head)
		for i := range MaxMappingKeys + 1 {
			fmt.Fprintf(&b, format, i)
		}
		_, err := Load([]byte(b.String()), Options{URI: "in"})
		if want := "spec in: line 5: a mapping of more than 10000 keys, the limit"; err == nil || err.Error() != want {
			t.Errorf("%s: error = %v, want %q", name, err, want)
		}
	}
}
