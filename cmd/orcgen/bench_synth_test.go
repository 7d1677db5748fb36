package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/defaults"
	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/spec"
)

// The synthetic inputs of the scaling benchmarks are n copies of the real
// ones. Copy 0 is the real content; copy k > 0 adds k*codeStride to every
// code, appends "V<k>" to every symbolic name and prefixes "/v<k>" to every
// path, on the page and in the spec alike, so that every copy joins like the
// original and nothing collides.
const codeStride = 10000

var (
	codeCellRE = regexp.MustCompile(`<tr>\n<td><p>([0-9]+)</p></td>`)
	codeSpanRE = regexp.MustCompile(`<code>([^<]*)</code>`)
)

// scaledName returns the name of copy k of a symbolic name.
func scaledName(name string, k int) string {
	if k == 0 {
		return name
	}
	return name + "V" + strconv.Itoa(k)
}

// scaledPath returns the path of copy k of an operation path.
func scaledPath(path string, k int) string {
	if k == 0 {
		return path
	}
	return "/v" + strconv.Itoa(k) + path
}

// synthPage returns the embedded page with its table's rows repeated n times.
func synthPage(tb testing.TB, n int) []byte {
	tb.Helper()
	src := string(defaults.Page)
	start := strings.Index(src, "<tbody>\n")
	end := strings.Index(src, "</tbody>")
	if start < 0 || end < 0 {
		tb.Fatal("embedded page: no <tbody>")
	}
	start += len("<tbody>\n")
	rows := src[start:end]
	var b strings.Builder
	b.WriteString(src[:start])
	for k := range n {
		b.WriteString(scaleRows(rows, k))
	}
	b.WriteString(src[end:])
	return []byte(b.String())
}

// scaleRows returns copy k of the table rows.
func scaleRows(rows string, k int) string {
	if k == 0 {
		return rows
	}
	rows = codeCellRE.ReplaceAllStringFunc(rows, func(m string) string {
		code, _ := strconv.Atoi(codeCellRE.FindStringSubmatch(m)[1])
		return "<tr>\n<td><p>" + strconv.Itoa(code+k*codeStride) + "</p></td>"
	})
	return codeSpanRE.ReplaceAllStringFunc(rows, func(m string) string {
		text := codeSpanRE.FindStringSubmatch(m)[1]
		if strings.HasPrefix(text, "/") {
			return "<code>" + scaledPath(text, k) + "</code>"
		}
		return "<code>" + scaledName(text, k) + "</code>"
	})
}

// synthSpec returns an OpenAPI 3.0.1 definition (JSON) with n copies of the
// operations and error-name enums of the embedded 20.0 snapshot. Schemas
// other than the error body and the enums' owners are left out: the spec's
// size here is its operations and names.
func synthSpec(tb testing.TB, n int) []byte {
	tb.Helper()
	facts, err := spec.Load(defaults.Spec, spec.Options{URI: defaults.SpecURI})
	if err != nil {
		tb.Fatal(err)
	}
	doc := map[string]any{
		"openapi": "3.0.1",
		"info":    map[string]any{"title": "Synthetic Orchestrator x" + strconv.Itoa(n), "version": "20.0"},
		"paths":   synthPaths(facts.Operations, n),
		"components": map[string]any{
			"schemas": synthSchemas(facts.Enums, n),
		},
	}
	data, err := json.Marshal(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

var pathParamRE = regexp.MustCompile(`\{([^}]+)\}`)

// synthPaths returns the paths object of n copies of ops.
func synthPaths(ops []model.Operation, n int) map[string]any {
	paths := map[string]any{}
	for k := range n {
		for _, op := range ops {
			p := scaledPath(op.Path, k)
			item, _ := paths[p].(map[string]any)
			if item == nil {
				item = map[string]any{}
				paths[p] = item
			}
			item[strings.ToLower(op.Method)] = synthOperation(op, k)
		}
	}
	return paths
}

// synthOperation returns copy k of one operation.
func synthOperation(op model.Operation, k int) map[string]any {
	responses := map[string]any{"200": map[string]any{"description": "Success"}}
	for _, st := range op.ErrorStatuses {
		responses[strconv.Itoa(st)] = map[string]any{
			"description": "Error",
			"content": map[string]any{"application/json": map[string]any{
				"schema": map[string]any{"$ref": "#/components/schemas/ErrorResult"},
			}},
		}
	}
	var params []any
	for _, m := range pathParamRE.FindAllStringSubmatch(op.Path, -1) {
		params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
	}
	o := map[string]any{"operationId": scaledName(op.OperationID, k), "tags": op.Tags, "responses": responses}
	if params != nil {
		o["parameters"] = params
	}
	return o
}

// synthSchemas returns ErrorResult and, for each site of each enum, its
// schema with the enum's values repeated n times.
func synthSchemas(enums []model.Enum, n int) map[string]any {
	schemas := map[string]any{"ErrorResult": map[string]any{
		"type": "object",
		"properties": map[string]any{
			"Message":     map[string]any{"type": "string"},
			"ErrorCode":   map[string]any{"type": "integer", "format": "int32"},
			"TraceId":     map[string]any{"type": "string"},
			"ResourceIds": map[string]any{"type": "array", "items": map[string]any{"type": "integer", "format": "int64"}},
			"Details":     map[string]any{"type": "string"},
		},
	}}
	for _, e := range enums {
		var values []string
		for k := range n {
			for _, v := range e.Values {
				values = append(values, scaledName(v, k))
			}
		}
		for _, site := range e.Sites {
			s, _ := schemas[site.Schema].(map[string]any)
			if s == nil {
				s = map[string]any{"type": "object", "properties": map[string]any{}}
				schemas[site.Schema] = s
			}
			s["properties"].(map[string]any)[site.Property] = map[string]any{"type": "string", "enum": values}
		}
	}
	return schemas
}

// TestSynthInputs checks that copy k of the inputs holds what copy 0 holds:
// n times the real codes, operations and names.
func TestSynthInputs(t *testing.T) {
	real, err := page.Parse(defaults.Page, page.Options{URI: defaults.PageURI})
	if err != nil {
		t.Fatal(err)
	}
	facts, err := spec.Load(defaults.Spec, spec.Options{URI: defaults.SpecURI})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 3} {
		p, err := page.Parse(synthPage(t, n), page.Options{URI: "synth.html"})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Codes) != n*len(real.Codes) {
			t.Errorf("x%d page: %d codes, want %d", n, len(p.Codes), n*len(real.Codes))
		}
		s, err := spec.Load(synthSpec(t, n), spec.Options{URI: "synth.json"})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Operations) != n*len(facts.Operations) || countNames(s) != n*countNames(facts) {
			t.Errorf("x%d spec: %d operations, %d names, want %d, %d", n,
				len(s.Operations), countNames(s), n*len(facts.Operations), n*countNames(facts))
		}
	}
	if !bytes.Contains(synthPage(t, 2), []byte("<td><p>11002</p></td>\n<td><p><code>ItemNotFoundV1</code>")) {
		t.Error("copy 1 of code 1002 is not 11002 ItemNotFoundV1")
	}
}

// countNames returns the number of enum values of s.
func countNames(s *model.Spec) int {
	n := 0
	for _, e := range s.Enums {
		n += len(e.Values)
	}
	return n
}
