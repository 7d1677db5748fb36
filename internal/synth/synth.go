// Package synth turns orcgen's embedded default inputs (the Response Codes
// page and the 20.0 spec snapshot) into larger synthetic inputs for scale
// benchmarks: n copies of the real page rows, and a definition with n copies
// of the real operations and error names. The copies follow the scaling
// rules of internal/synthmodel, so copy k of the inputs joins like copy 0
// and nothing collides.
package synth

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/internal/synthmodel"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/parser/defaults"
	"github.com/orcgen/orcgen/parser/page"
	"github.com/orcgen/orcgen/parser/spec"
)

var (
	codeCellRE  = regexp.MustCompile(`<tr>\n<td><p>([0-9]+)</p></td>`)
	codeSpanRE  = regexp.MustCompile(`<code>([^<]*)</code>`)
	pathParamRE = regexp.MustCompile(`\{([^}]+)\}`)
)

// Page returns the embedded page with its table's rows repeated n times:
// copy k adds k*synthmodel.CodeStride to every code and scales every code
// span (a path gets "/v<k>" prefixed, a name "V<k>" appended). It fails tb
// when the embedded page has no table body.
func Page(tb testing.TB, n int) []byte {
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

// PageScaleLimit returns the largest n whose synthetic page page.Parse
// accepts: n copies of the embedded page's rows stay within page.MaxRows.
func PageScaleLimit(tb testing.TB) int {
	tb.Helper()
	rows := len(codeCellRE.FindAllIndex(defaults.Page, -1))
	if rows == 0 {
		tb.Fatal("embedded page: no code rows")
	}
	return page.MaxRows / rows
}

// SpecScaleLimit returns the largest n whose synthetic definition keeps its
// paths object within spec.MaxMappingKeys, the limit spec.Load meets first
// as n grows.
func SpecScaleLimit(tb testing.TB) int {
	tb.Helper()
	facts, err := spec.Load(defaults.Spec, spec.Options{URI: defaults.SpecURI})
	if err != nil {
		tb.Fatal(err)
	}
	return spec.MaxMappingKeys / len(paths(facts.Operations, 1))
}

// scaleRows returns copy k of the table rows.
func scaleRows(rows string, k int) string {
	if k == 0 {
		return rows
	}
	rows = codeCellRE.ReplaceAllStringFunc(rows, func(m string) string {
		code, _ := strconv.Atoi(codeCellRE.FindStringSubmatch(m)[1])
		return "<tr>\n<td><p>" + strconv.Itoa(synthmodel.Code(code, k)) + "</p></td>"
	})
	return codeSpanRE.ReplaceAllStringFunc(rows, func(m string) string {
		text := codeSpanRE.FindStringSubmatch(m)[1]
		if strings.HasPrefix(text, "/") {
			return "<code>" + synthmodel.Path(text, k) + "</code>"
		}
		return "<code>" + synthmodel.Name(text, k) + "</code>"
	})
}

// Spec returns an OpenAPI 3.0.1 definition (JSON) with n copies of the
// operations and error-name enums of the embedded 20.0 snapshot. Schemas
// other than the error body and the enums' owners are left out: the spec's
// size here is its operations and names. It fails tb when the snapshot does
// not load.
func Spec(tb testing.TB, n int) []byte {
	tb.Helper()
	facts, err := spec.Load(defaults.Spec, spec.Options{URI: defaults.SpecURI})
	if err != nil {
		tb.Fatal(err)
	}
	doc := map[string]any{
		"openapi": "3.0.1",
		"info":    map[string]any{"title": "Synthetic Orchestrator x" + strconv.Itoa(n), "version": "20.0"},
		"paths":   paths(facts.Operations, n),
		"components": map[string]any{
			"schemas": schemas(facts.Enums, n),
		},
	}
	data, err := json.Marshal(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// paths returns the paths object of n copies of ops.
func paths(ops []model.Operation, n int) map[string]any {
	out := map[string]any{}
	for k := range n {
		for _, op := range ops {
			p := synthmodel.Path(op.Path, k)
			item, _ := out[p].(map[string]any)
			if item == nil {
				item = map[string]any{}
				out[p] = item
			}
			item[strings.ToLower(op.Method)] = operation(op, k)
		}
	}
	return out
}

// operation returns copy k of one operation.
func operation(op model.Operation, k int) map[string]any {
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
	o := map[string]any{"operationId": synthmodel.Name(op.OperationID, k), "tags": op.Tags, "responses": responses}
	if params != nil {
		o["parameters"] = params
	}
	return o
}

// schemas returns ErrorResult and, for each site of each enum, its schema
// with the enum's values repeated n times.
func schemas(enums []model.Enum, n int) map[string]any {
	out := map[string]any{"ErrorResult": map[string]any{
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
				values = append(values, synthmodel.Name(v, k))
			}
		}
		for _, site := range e.Sites {
			s, _ := out[site.Schema].(map[string]any)
			if s == nil {
				s = map[string]any{"type": "object", "properties": map[string]any{}}
				out[site.Schema] = s
			}
			s["properties"].(map[string]any)[site.Property] = map[string]any{"type": "string", "enum": values}
		}
	}
	return out
}
