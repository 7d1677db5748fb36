package spec

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/model"
)

// extract collects the facts of a loaded, validated document decoded from
// data, a definition of the given kind.
func extract(doc *openapi3.T, data []byte, kind string) (*model.Spec, error) {
	ops := operations(doc)
	s := &model.Spec{
		Enums:      enums(doc),
		Operations: ops,
	}
	if name := errorSchemaName(ops); name != "" {
		order, ok := propertyOrder(data, kind, name)
		es, diag := errorSchema(name, findSchema(doc, name), order, ok)
		s.ErrorSchema = es
		if diag != "" {
			s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Severity: model.SeverityWarning, Source: model.SourceSpec, Message: diag})
		}
	}
	return s, nil
}

// propertyOrder reads the property names of the component schema name from
// the definition's bytes, in the order written: kin-openapi keeps
// properties in a map. ok is false when the schema is not written at the
// usual place (components/schemas/<name>/properties, or
// definitions/<name>/properties in 2.0) in a form the readers follow.
func propertyOrder(data []byte, kind, name string) ([]string, bool) {
	path := []string{"components", "schemas", name, "properties"}
	if kind == kindSwagger2 {
		path = []string{"definitions", name, "properties"}
	}
	data = trimBOM(data)
	if isJSON(data) {
		return jsonPropertyOrder(data, path)
	}
	return yamlPropertyOrder(data, path)
}

// operations returns every operation of doc, ordered by path, then method.
func operations(doc *openapi3.T) []model.Operation {
	ops := []model.Operation{}
	if doc.Paths == nil {
		return ops
	}
	paths := doc.Paths.Keys()
	slices.Sort(paths)
	for _, path := range paths {
		byMethod := doc.Paths.Value(path).Operations()
		for _, method := range sortedKeys(byMethod) {
			ops = append(ops, operation(strings.ToUpper(method), path, byMethod[method]))
		}
	}
	return ops
}

// operation returns the facts of one operation.
func operation(method, path string, op *openapi3.Operation) model.Operation {
	o := model.Operation{Method: method, Path: path, OperationID: op.OperationID, Tags: slices.Clone(op.Tags)}
	if op.Responses == nil {
		return o
	}
	for key, resp := range op.Responses.Map() {
		// Only canonical keys: "0404" or "+404" would duplicate 404 and
		// make the order of the responses depend on map iteration.
		status, err := strconv.Atoi(key)
		if err != nil || strconv.Itoa(status) != key || status < 400 || status > 599 {
			continue
		}
		o.ErrorStatuses = append(o.ErrorStatuses, status)
		o.ErrorResponses = append(o.ErrorResponses, model.ErrorResponse{Status: status, Schema: responseSchema(resp)})
	}
	slices.Sort(o.ErrorStatuses)
	slices.SortFunc(o.ErrorResponses, func(a, b model.ErrorResponse) int { return cmp.Compare(a.Status, b.Status) })
	return o
}

// responseSchema returns the name of the component schema a response body
// refers to, "" when the body has no schema or an inline one.
func responseSchema(resp *openapi3.ResponseRef) string {
	if ref := responseSchemaRef(resp); ref != nil {
		return refName(ref.Ref)
	}
	return ""
}

// responseSchemaRef returns the schema of a response body: the one of
// "application/json" when present, else of the first media type in sorted
// order that has a schema; nil when there is none.
func responseSchemaRef(resp *openapi3.ResponseRef) *openapi3.SchemaRef {
	if resp == nil || resp.Value == nil {
		return nil
	}
	content := resp.Value.Content
	if mt := content["application/json"]; mt != nil && mt.Schema != nil {
		return mt.Schema
	}
	for _, name := range sortedKeys(content) {
		if mt := content[name]; mt != nil && mt.Schema != nil {
			return mt.Schema
		}
	}
	return nil
}

// findSchema returns the schema a response body names by its $ref's last
// segment: the component of that name, else (a schema of another document,
// through an allowed external $ref) the first response schema that refers
// to it, walking paths and methods in order.
func findSchema(doc *openapi3.T, name string) *openapi3.SchemaRef {
	if doc.Components != nil && doc.Components.Schemas[name] != nil {
		return doc.Components.Schemas[name]
	}
	paths := doc.Paths.Keys()
	slices.Sort(paths)
	for _, path := range paths {
		byMethod := doc.Paths.Value(path).Operations()
		for _, method := range sortedKeys(byMethod) {
			if byMethod[method].Responses == nil {
				continue
			}
			responses := byMethod[method].Responses.Map()
			for _, status := range sortedKeys(responses) {
				if ref := responseSchemaRef(responses[status]); ref != nil && refName(ref.Ref) == name {
					return ref
				}
			}
		}
	}
	return nil
}

// refName returns the last segment of a $ref ("ErrorResult" of
// "#/components/schemas/ErrorResult"), "" for no ref.
func refName(ref string) string {
	if ref == "" {
		return ""
	}
	return ref[strings.LastIndexByte(ref, '/')+1:]
}

// errorSchemaName returns the component schema the most 4xx responses use,
// the first by name on a tie; "" when no 4xx response names one.
func errorSchemaName(ops []model.Operation) string {
	uses := map[string]int{}
	for _, op := range ops {
		for _, r := range op.ErrorResponses {
			if r.Schema != "" && r.Status < 500 {
				uses[r.Schema]++
			}
		}
	}
	best := ""
	for _, name := range sortedKeys(uses) {
		if uses[name] > uses[best] {
			best = name
		}
	}
	return best
}

// errorSchema returns the error body schema's properties in spec order,
// the order read from the document. When that order could not be read, or
// names other properties than the decoded schema holds, the properties are
// in name order and diag says so.
func errorSchema(name string, ref *openapi3.SchemaRef, order []string, ok bool) (es *model.ErrorSchema, diag string) {
	es = &model.ErrorSchema{Name: name, Properties: []model.Property{}}
	if ref == nil || ref.Value == nil {
		return es, ""
	}
	props := ref.Value.Properties
	names := sortedKeys(props)
	if len(names) == 0 {
		return es, ""
	}
	switch {
	case !ok:
		diag = fmt.Sprintf("the order of the properties of error schema %q could not be read from the document (it is not written among the document's own schemas in JSON or block-style YAML): they are in name order", name)
	case !sameNames(order, names):
		diag = fmt.Sprintf("the properties of error schema %q as written (%s) differ from the decoded ones (%s): they are in name order", name, strings.Join(order, ", "), strings.Join(names, ", "))
	default:
		names = order
	}
	for _, pname := range names {
		es.Properties = append(es.Properties, property(pname, props[pname]))
	}
	return es, diag
}

// sameNames reports whether order holds exactly the names of sorted, each
// once.
func sameNames(order, sorted []string) bool {
	if len(order) != len(sorted) {
		return false
	}
	o := slices.Sorted(slices.Values(order))
	return slices.Equal(o, sorted)
}

// property returns the facts of one error body property.
func property(name string, ref *openapi3.SchemaRef) model.Property {
	p := model.Property{Name: name}
	if ref == nil || ref.Value == nil {
		return p
	}
	s := ref.Value
	p.Type, p.Format = schemaType(s), s.Format
	p.Nullable, p.Description = s.Nullable || s.Type.IncludesNull(), s.Description
	if s.Items != nil && s.Items.Value != nil {
		p.Items = schemaType(s.Items.Value)
	}
	return p
}

// schemaType returns a schema's type other than "null" ("string" of
// ["string", "null"]), "" when it has none.
func schemaType(s *openapi3.Schema) string {
	if s.Type == nil {
		return ""
	}
	for _, t := range *s.Type {
		if t != "null" {
			return t
		}
	}
	return ""
}

// sortedKeys returns a map's keys in ascending order.
func sortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
