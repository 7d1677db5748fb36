package spec

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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

// parameter checks one parameter for an enum of error names. An x-ms-enum
// on the parameter itself (where Swagger 2.0 puts it, and openapi2conv
// leaves it) names the enum before one on its schema.
func (w *enumWalker) parameter(p *openapi3.ParameterRef) {
	if p == nil || p.Value == nil || p.Value.Schema == nil || !isErrorCodeName(p.Value.Name) {
		return
	}
	site := model.EnumSite{Schema: siteParameter, Property: p.Value.Name}
	w.addNamed(site, p.Value.Schema.Value, msEnumName(p.Value.Extensions))
}

// add records the enum of s, if it is a string enum, at site.
func (w *enumWalker) add(site model.EnumSite, s *openapi3.Schema) {
	w.addNamed(site, s, "")
}

// addNamed records the enum of s at site; name, when not empty, is the
// enum's name before any the schema gives.
func (w *enumWalker) addNamed(site model.EnumSite, s *openapi3.Schema, name string) {
	values, holder, ok := stringEnum(s)
	if !ok {
		return
	}
	key := strings.Join(values, "\x00")
	if i, ok := w.byValue[key]; ok {
		w.enums[i].Sites = append(w.enums[i].Sites, site)
		return
	}
	if name == "" {
		name = enumName(site, s, holder)
	}
	w.byValue[key] = len(w.enums)
	w.enums = append(w.enums, model.Enum{Name: name, Values: values, Sites: []model.EnumSite{site}})
}

// stringEnum returns the names a schema enumerates and the schema that
// lists them; ok is false when it enumerates no strings. Besides a plain
// enum of strings it reads the forms OpenAPI 3.1 writes nullable and
// documented enums in: null among the values (enum: [A, B, null]), a
// const, anyOf or oneOf members that are enums or consts next to
// {type: 'null'}, and the items of an array. A non-string value other than
// null (integer values arrive as float64) makes it no enum of names.
func stringEnum(s *openapi3.Schema) (values []string, holder *openapi3.Schema, ok bool) {
	if s == nil {
		return nil, nil, false
	}
	if values, ok := listedNames(s); ok {
		return values, s, true
	}
	for _, members := range []openapi3.SchemaRefs{s.AnyOf, s.OneOf} {
		if values, holder, ok := unionNames(members); ok {
			return values, cmp.Or(holder, s), true
		}
	}
	if s.Items != nil && s.Items.Value != nil && s.Items.Value != s {
		if values, ok := listedNames(s.Items.Value); ok {
			return values, s.Items.Value, true
		}
	}
	return nil, nil, false
}

// listedNames returns the strings of s's enum (nulls skipped) or its string
// const.
func listedNames(s *openapi3.Schema) ([]string, bool) {
	if len(s.Enum) == 0 {
		if str, ok := s.Const.(string); ok {
			return []string{str}, true
		}
		return nil, false
	}
	values := make([]string, 0, len(s.Enum))
	for _, v := range s.Enum {
		switch v := v.(type) {
		case string:
			values = append(values, v)
		case nil:
		default:
			return nil, false
		}
	}
	return values, len(values) > 0
}

// unionNames returns the names of anyOf or oneOf members that are all
// enums or consts of strings, or nulls, in member order; holder is the one
// member that lists names, nil when several do.
func unionNames(members openapi3.SchemaRefs) (values []string, holder *openapi3.Schema, ok bool) {
	lists := 0
	for _, m := range members {
		if m == nil || m.Value == nil {
			return nil, nil, false
		}
		if isNullSchema(m.Value) {
			continue
		}
		names, ok := listedNames(m.Value)
		if !ok {
			return nil, nil, false
		}
		values = append(values, names...)
		lists++
		holder = m.Value
	}
	if lists != 1 {
		holder = nil
	}
	return values, holder, len(values) > 0
}

// isNullSchema reports whether s admits only null.
func isNullSchema(s *openapi3.Schema) bool {
	if s.Type != nil && len(*s.Type) == 1 && (*s.Type)[0] == openapi3.TypeNull {
		return true
	}
	return len(s.Enum) == 1 && s.Enum[0] == nil
}

// enumName returns the enum's x-ms-enum name — on the schema that lists the
// names, else on s — or "<Schema><Property>" with the property's first
// letter upper-cased when there is none.
func enumName(site model.EnumSite, s, holder *openapi3.Schema) string {
	for _, sch := range []*openapi3.Schema{holder, s} {
		if sch == nil {
			continue
		}
		if name := msEnumName(sch.Extensions); name != "" {
			return name
		}
	}
	prop := site.Property
	if r, size := utf8.DecodeRuneInString(prop); size > 0 && r != utf8.RuneError {
		prop = string(unicode.ToUpper(r)) + prop[size:]
	}
	return site.Schema + prop
}

// msEnumName returns the name of an x-ms-enum extension, "" when there is
// none.
func msEnumName(ext map[string]any) string {
	if e, ok := ext["x-ms-enum"].(map[string]any); ok {
		if name, ok := e["name"].(string); ok {
			return name
		}
	}
	return ""
}

// isErrorCodeName reports whether a property or parameter name marks an
// enum of symbolic error names: it ends in "errorcode", in any case
// ("ErrorCode", "errorCode", "LicenseErrorCode").
func isErrorCodeName(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), "errorcode")
}
