package spec

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/model"
)

// siteParameter is the EnumSite.Schema of an enum met on a parameter.
const siteParameter = "parameter"

// enumWalker collects the enums of symbolic error names, merging identical
// ones. Schemas are walked by name and properties by name, so the order is
// the same whatever the input's format or key order; in the real
// definitions, whose schemas are written sorted, it is also spec order.
type enumWalker struct {
	enums   []model.Enum
	byValue map[string]int            // joined values → index in enums
	visited map[*openapi3.Schema]bool // inline schemas already walked
}

// enums returns doc's enums of symbolic error names: the string enums of
// properties and parameters whose name ends in "errorcode" (any case), in
// the order first met, identical enums (same values, same order) merged
// with every site kept. Non-string enums on such properties are skipped.
func enums(doc *openapi3.T) []model.Enum {
	w := &enumWalker{enums: []model.Enum{}, byValue: map[string]int{}, visited: map[*openapi3.Schema]bool{}}
	if doc.Components != nil {
		for _, name := range sortedKeys(doc.Components.Schemas) {
			if ref := doc.Components.Schemas[name]; ref != nil {
				w.schema(name, ref.Value)
			}
		}
		for _, name := range sortedKeys(doc.Components.Parameters) {
			w.parameter(doc.Components.Parameters[name])
		}
	}
	w.pathParameters(doc)
	return w.enums
}

// schema walks the properties of one component schema and of the inline
// schemas below it. Properties that $ref another component are checked but
// not entered: that component is walked under its own name.
func (w *enumWalker) schema(component string, s *openapi3.Schema) {
	if s == nil || w.visited[s] {
		return
	}
	w.visited[s] = true
	for _, pname := range sortedKeys(s.Properties) {
		p := s.Properties[pname]
		if p == nil || p.Value == nil {
			continue
		}
		if isErrorCodeName(pname) {
			w.add(model.EnumSite{Schema: component, Property: pname}, p.Value)
		}
		if p.Ref == "" {
			w.schema(component, p.Value)
		}
	}
	for _, sub := range inlineSubschemas(s) {
		w.schema(component, sub)
	}
}

// inlineSubschemas returns the schemas nested in s that are not $refs:
// items, additionalProperties, allOf, oneOf, anyOf and not.
func inlineSubschemas(s *openapi3.Schema) []*openapi3.Schema {
	refs := slices.Concat(s.AllOf, s.OneOf, s.AnyOf, openapi3.SchemaRefs{s.Items, s.Not, s.AdditionalProperties.Schema})
	var subs []*openapi3.Schema
	for _, ref := range refs {
		if ref != nil && ref.Ref == "" && ref.Value != nil {
			subs = append(subs, ref.Value)
		}
	}
	return subs
}

// pathParameters walks the parameters of every path and operation, paths
// by name and operations by method. Parameters that $ref a component were
// walked with the components.
func (w *enumWalker) pathParameters(doc *openapi3.T) {
	if doc.Paths == nil {
		return
	}
	paths := doc.Paths.Keys()
	slices.Sort(paths)
	for _, path := range paths {
		item := doc.Paths.Value(path)
		params := slices.Clone(item.Parameters)
		ops := item.Operations()
		for _, method := range sortedKeys(ops) {
			params = append(params, ops[method].Parameters...)
		}
		for _, p := range params {
			if p != nil && p.Ref == "" {
				w.parameter(p)
			}
		}
	}
}

// parameter checks one parameter for an enum of error names.
func (w *enumWalker) parameter(p *openapi3.ParameterRef) {
	if p == nil || p.Value == nil || p.Value.Schema == nil || !isErrorCodeName(p.Value.Name) {
		return
	}
	w.add(model.EnumSite{Schema: siteParameter, Property: p.Value.Name}, p.Value.Schema.Value)
}

// add records the enum of s, if it is a string enum, at site.
func (w *enumWalker) add(site model.EnumSite, s *openapi3.Schema) {
	values, ok := stringEnum(s)
	if !ok {
		return
	}
	key := strings.Join(values, "\x00")
	if i, ok := w.byValue[key]; ok {
		w.enums[i].Sites = append(w.enums[i].Sites, site)
		return
	}
	w.byValue[key] = len(w.enums)
	w.enums = append(w.enums, model.Enum{Name: enumName(site, s), Values: values, Sites: []model.EnumSite{site}})
}

// stringEnum returns the values of a non-empty enum of strings; ok is false
// for a schema without an enum or with a non-string value (integer values
// arrive as float64).
func stringEnum(s *openapi3.Schema) (values []string, ok bool) {
	if s == nil || len(s.Enum) == 0 {
		return nil, false
	}
	values = make([]string, 0, len(s.Enum))
	for _, v := range s.Enum {
		str, isString := v.(string)
		if !isString {
			return nil, false
		}
		values = append(values, str)
	}
	return values, true
}

// enumName returns the enum's x-ms-enum name, or "<Schema><Property>" with
// the property's first letter upper-cased when it has none.
func enumName(site model.EnumSite, s *openapi3.Schema) string {
	if ext, ok := s.Extensions["x-ms-enum"].(map[string]any); ok {
		if name, ok := ext["name"].(string); ok && name != "" {
			return name
		}
	}
	prop := site.Property
	if prop != "" {
		prop = strings.ToUpper(prop[:1]) + prop[1:]
	}
	return site.Schema + prop
}

// isErrorCodeName reports whether a property or parameter name marks an
// enum of symbolic error names: it ends in "errorcode", in any case
// ("ErrorCode", "errorCode", "LicenseErrorCode").
func isErrorCodeName(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), "errorcode")
}
