package openapi

import (
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/model"
)

// codeProperty is the error body's property that holds the numeric code.
const codeProperty = "ErrorCode"

// catalogErrorSchema returns the catalog's error schema or model's default.
func catalogErrorSchema(cat *model.Catalog) *model.ErrorSchema {
	if cat.ErrorSchema != nil {
		return cat.ErrorSchema
	}
	return model.DefaultErrorSchema()
}

// errorResultSchema is the error body, its code property referring to
// ErrorCode.
func errorResultSchema(cat *model.Catalog, code *openapi3.Schema) (*openapi3.Schema, error) {
	es := catalogErrorSchema(cat)
	s := openapi3.NewObjectSchema()
	s.Description = "The error body of the Orchestrator API."
	found := false
	for i, p := range es.Properties {
		if p.Name == codeProperty {
			found = true
			s.Properties[p.Name] = schemaRef(SchemaErrorCode, code)
			continue
		}
		ps, err := propertySchema(p)
		if err != nil {
			return nil, fmt.Errorf("error schema %q property %d %q: %w", es.Name, i, p.Name, err)
		}
		s.Properties[p.Name] = &openapi3.SchemaRef{Value: ps}
	}
	if !found {
		return nil, fmt.Errorf("error schema %q has no %q property", es.Name, codeProperty)
	}
	return s, nil
}

// schemaRef refers to a component schema, resolved to its value.
func schemaRef(name string, value *openapi3.Schema) *openapi3.SchemaRef {
	return openapi3.NewSchemaRef("#/components/schemas/"+name, value)
}

// propertySchema turns one model property into a schema.
func propertySchema(p model.Property) (*openapi3.Schema, error) {
	s, err := typedSchema(p.Type, p.Format)
	if err != nil {
		return nil, err
	}
	s.Nullable = p.Nullable
	s.Description = p.Description
	if p.Type == "array" {
		if p.Items == "" {
			return nil, fmt.Errorf("array property has no item type")
		}
		items, err := typedSchema(p.Items, itemFormat(p))
		if err != nil {
			return nil, fmt.Errorf("items: %w", err)
		}
		s.Items = &openapi3.SchemaRef{Value: items}
	}
	return s, nil
}

// itemFormat is the format of an array's items: ResourceIds are int64.
func itemFormat(p model.Property) string {
	if p.Items == "integer" && strings.EqualFold(p.Name, "ResourceIds") {
		return "int64"
	}
	return ""
}

// typedSchema is a schema of one OpenAPI type and format.
func typedSchema(typ, format string) (*openapi3.Schema, error) {
	switch typ {
	case "string", "integer", "number", "boolean", "array", "object":
	default:
		return nil, fmt.Errorf("unsupported type %q", typ)
	}
	s := openapi3.NewSchema()
	s.Type = &openapi3.Types{typ}
	s.Format = format
	return s, nil
}
