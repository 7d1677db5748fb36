package spec

import (
	"fmt"
	"strings"
	"testing"
)

// sharedResponse returns a definition whose ops operations all refer to
// one response holding an inline schema of props properties: kin-openapi's
// resolver walks that schema again for every operation.
func sharedResponse(ops, props int, swagger2 bool) []byte {
	var b strings.Builder
	ref := "#/components/responses/E"
	if swagger2 {
		ref = "#/responses/E"
		b.WriteString("swagger: \"2.0\"\n")
	} else {
		b.WriteString("openapi: 3.0.1\n")
	}
	b.WriteString("info: {title: x, version: \"1\"}\npaths:\n")
	for i := range ops {
		fmt.Fprintf(&b, "  /p%d:\n    get:\n      responses:\n        '404': {$ref: '%s'}\n", i, ref)
	}
	indent := "  "
	if swagger2 {
		b.WriteString("responses:\n  E:\n    description: e\n    schema:\n")
	} else {
		b.WriteString("components:\n  responses:\n    E:\n      description: e\n      content:\n        application/json:\n          schema:\n")
		indent = "          "
	}
	b.WriteString(indent + "  type: object\n" + indent + "  properties:\n")
	for i := range props {
		fmt.Fprintf(&b, "%s    p%d: {type: string}\n", indent, i)
	}
	return []byte(b.String())
}

// TestRefWork: 3,500 operations referring to one response of 3,000
// properties (a 0.3 MB definition; 5,000 of 5,000 took 12 s and 1.6 GB)
// are refused before kin-openapi resolves them, as YAML, JSON and Swagger
// 2.0; the real definitions stay far below the bound.
func TestRefWork(t *testing.T) {
	yaml3 := sharedResponse(3500, 3000, false)
	want := "$refs to #/components/responses/E and other components would have the resolver re-read"
	for name, data := range map[string][]byte{"yaml": yaml3, "json": yamlToJSON(t, yaml3), "swagger 2.0": sharedResponse(3500, 3000, true)} {
		_, err := Load(data, Options{URI: "in"})
		w := want
		if name == "swagger 2.0" {
			w = strings.Replace(want, "#/components/responses/E", "#/responses/E", 1)
		}
		if err == nil || !strings.Contains(err.Error(), w) || !strings.Contains(err.Error(), "more than the limit of 256 MB") {
			t.Errorf("%s: error = %v, want one holding %q", name, err, w)
		}
	}
	if _, err := Load(sharedResponse(100, 100, false), Options{URI: "in"}); err != nil {
		t.Errorf("100 operations of 100 properties: %v", err)
	}
	for _, name := range []string{"orchestrator-v20.0.yaml", "orchestrator-v20.0.swagger2.json"} {
		work, _, err := refWork(readShared(t, name), strings.HasSuffix(name, ".json"))
		if err != nil || work > maxRefWork/30 {
			t.Errorf("%s: resolver work %d MB (%v), want at most a thirtieth of the limit", name, work>>20, err)
		}
	}
}

// TestRefWorkFlowComponents: components written in flow style are measured
// from a node tree, up to maxExactYAML.
func TestRefWorkFlowComponents(t *testing.T) {
	doc := "openapi: 3.0.1\ninfo: {title: x, version: \"1\"}\npaths:\n  /a:\n    get:\n      responses:\n        '404': {$ref: '#/components/responses/E'}\n" +
		"components: {responses: {E: {description: e, content: {application/json: {schema: {type: object, properties: {a: {type: string}}}}}}}}\n"
	work, worst, err := refWork([]byte(doc), false)
	if err != nil || work != 17*nodeBytes || worst != "#/components/responses/E" {
		t.Errorf("work %d, worst %q, error %v; want %d, E, none", work, worst, err, 17*nodeBytes)
	}
	big := doc + "x-pad: \"" + strings.Repeat("x", maxExactYAML) + "\"\n"
	_, _, err = refWork([]byte(big), false)
	want := "YAML components in flow style are read only in documents up to 4 MB, and this one holds 4.0 MB: write them in block style, or the document as JSON"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}
