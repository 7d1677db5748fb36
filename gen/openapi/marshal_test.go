package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

func TestMarshalStable(t *testing.T) {
	for _, name := range []string{"basic.json", "hostile.json"} {
		t.Run(name, func(t *testing.T) {
			doc, err := Errors(loadModel(t, name))
			if err != nil {
				t.Fatal(err)
			}
			y1, j1, err := Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			y2, j2, err := Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			fresh, err := Errors(loadModel(t, name))
			if err != nil {
				t.Fatal(err)
			}
			y3, j3, err := Marshal(fresh)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(y1, y2) || !bytes.Equal(y1, y3) {
				t.Error("YAML differs between runs")
			}
			if !bytes.Equal(j1, j2) || !bytes.Equal(j1, j3) {
				t.Error("JSON differs between runs")
			}
			if _, ok := doc.Extensions[ExtGeneratedBy]; ok {
				t.Errorf("Marshal changed the document: %s set", ExtGeneratedBy)
			}
		})
	}
}

func TestMarshalForm(t *testing.T) {
	doc, err := Errors(loadModel(t, "hostile.json"))
	if err != nil {
		t.Fatal(err)
	}
	y, j, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	// The generated-file marker is the artifact table's (package gen).
	if !strings.HasPrefix(string(y), "components:\n") {
		t.Errorf("YAML starts with %q", y[:60])
	}
	if !strings.HasSuffix(string(y), "\n") || strings.HasSuffix(string(y), "\n\n") {
		t.Error("YAML does not end in exactly one newline")
	}
	if !strings.HasSuffix(string(j), "}\n") {
		t.Error("JSON does not end in a newline")
	}
	if !strings.Contains(string(j), `"x-generated-by": "orcgen"`) {
		t.Error("JSON has no generated marker")
	}
	if strings.Contains(string(j), `\u003c`) {
		t.Error("JSON escapes < as \\u003c")
	}
}

// TestMarshalRoundTrip proves that the YAML and JSON forms hold the same
// values and load back into a valid document.
func TestMarshalRoundTrip(t *testing.T) {
	doc, err := Errors(loadModel(t, "hostile.json"))
	if err != nil {
		t.Fatal(err)
	}
	y, j, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var fromYAML, fromJSON any
	if err := yaml.Unmarshal(y, &fromYAML); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(j, &fromJSON); err != nil {
		t.Fatal(err)
	}
	// yaml.v3 decodes integers as int; bring them to JSON's float64.
	if !reflect.DeepEqual(jsonValues(t, fromYAML), fromJSON) {
		t.Error("YAML and JSON forms hold different values")
	}
	for form, data := range map[string][]byte{"yaml": y, "json": j} {
		loaded, err := openapi3.NewLoader().LoadFromData(data)
		if err != nil {
			t.Fatalf("%s: %v", form, err)
		}
		if err := loaded.Validate(context.Background()); err != nil {
			t.Errorf("%s: %v", form, err)
		}
	}
}

// jsonValues converts a decoded YAML value to the types encoding/json uses.
func jsonValues(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
