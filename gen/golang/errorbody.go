package golang

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/model/ident"
)

// errorFields returns the schema's properties (model.DefaultErrorSchema's
// when the catalog has none), Message and ErrorCode added when the schema
// lacks them: Error's methods need both.
func (g *generator) errorFields() []model.Property {
	def := model.DefaultErrorSchema().Properties
	props := def
	if g.cat.ErrorSchema != nil {
		props = slices.Clone(g.cat.ErrorSchema.Properties)
	}
	for _, need := range def[:2] {
		if !hasProperty(props, need.Name) {
			props = append(props, need)
		}
	}
	return props
}

func hasProperty(props []model.Property, name string) bool {
	for _, p := range props {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// errorField is one property of the error body and its Go field.
type errorField struct {
	prop model.Property
	name string // Go field name
}

// reservedField reports whether a schema property may not take name as its
// Go field: Error's own fields and methods, and wireError's Envelope.
func reservedField(name string) bool {
	return slices.Contains([]string{"Envelope", "Error", "HTTPStatus", "Is", "Name", "UnmarshalJSON", "Unwrap"}, name)
}

// fields pairs each error schema property with its Go field name, and
// rejects a property whose name is no usable field.
func (g *generator) fields() ([]errorField, error) {
	seen := map[string]bool{}
	var out []errorField
	for _, p := range g.errorFields() {
		name := fieldName(p.Name)
		if name == "" || seen[name] || reservedField(name) || strings.EqualFold(p.Name, "error") {
			return nil, fmt.Errorf("error schema property %q: not usable as a Go field name", p.Name)
		}
		seen[name] = true
		out = append(out, errorField{p, name})
	}
	return out, nil
}

// errorStruct emits the Error struct, one field per schema property plus
// Name and HTTPStatus:
//
//	type Error struct {
//		Message   string `json:"Message"`
//		ErrorCode Code   `json:"ErrorCode"`
//		...
//		Name       Name `json:"-"`
//		HTTPStatus int  `json:"-"`
//	}
func errorStruct(fields []errorField) jen.Code {
	var defs []jen.Code
	for _, f := range fields {
		defs = append(defs, docComment(f.prop.Description).Id(f.name).Add(fieldType(f.prop)).Tag(map[string]string{"json": f.prop.Name}))
	}
	defs = append(defs,
		docComment("Name is the ErrorCode as the body wrote it when it wrote a name (\"ItemNotFound\"), known or not: a name this package does not know leaves ErrorCode 0 and is kept only here. Not a wire field.").
			Id("Name").Id("Name").Tag(map[string]string{"json": "-"}),
		jen.Comment("HTTPStatus is the response's HTTP status, 0 when unknown; not a wire field."),
		jen.Id("HTTPStatus").Int().Tag(map[string]string{"json": "-"}))
	return jen.Add(docComment("Error is the error body of the Orchestrator API (the spec's ErrorResult), with the HTTP status of the response. Decoding matches field names regardless of case and is lenient: see UnmarshalJSON.")).
		Type().Id("Error").Struct(defs...).Line()
}

// fieldName is the Go field of a property: ErrorCode and Message by their
// fixed names, others respelled ("TraceId" is TraceID).
func fieldName(prop string) string {
	switch {
	case strings.EqualFold(prop, "ErrorCode"):
		return "ErrorCode"
	case strings.EqualFold(prop, "Message"):
		return "Message"
	}
	return ident.Camel(prop)
}

// fieldType maps an OpenAPI type to a Go type; ErrorCode is a Code.
func fieldType(p model.Property) jen.Code {
	if strings.EqualFold(p.Name, "ErrorCode") {
		return jen.Id("Code")
	}
	if strings.EqualFold(p.Name, "Message") {
		return jen.String()
	}
	if p.Type == "array" {
		return jen.Index().Add(scalarType(p.Items, ""))
	}
	return scalarType(p.Type, p.Format)
}

func scalarType(typ, format string) jen.Code {
	switch typ {
	case "string":
		return jen.String()
	case "boolean":
		return jen.Bool()
	case "number":
		return jen.Float64()
	case "integer":
		if format == "int32" {
			return jen.Int32()
		}
		return jen.Int64()
	}
	return jen.Qual("encoding/json", "RawMessage")
}

// errorFile builds error_gen.go: Error, its methods, its lenient decoding,
// Parse, FromResponse, Format and Fill.
func (g *generator) errorFile(f *jen.File) error {
	fields, err := g.fields()
	if err != nil {
		return err
	}
	f.Add(errorStruct(fields))
	f.Add(errorMethods())
	f.Add(decodeFuncs(fields))
	f.Add(fromResponseFunc())
	f.Add(formatFuncs())
	return nil
}

// errorMethods emits Error.Error, Error.Is and Error.Unwrap.
func errorMethods() jen.Code {
	recv := jen.Params(jen.Id("e").Op("*").Id("Error"))
	b := jen.Id("b")
	return jen.Add(
		jen.Add(docComment("Error returns e.g. \"orchestrator HTTP 404 error 1002 (ItemNotFound): Robot does not exist.\": the status, the code (or the quoted name of a code this package does not know) and the message, the body's or else the code's documented one.")).
			Func().Add(recv).Id("Error").Params().String().Block(
			jen.Var().Add(b).Qual("strings", "Builder"),
			b.Clone().Dot("WriteString").Call(jen.Lit("orchestrator")),
			jen.If(jen.Id("e").Dot("HTTPStatus").Op("!=").Lit(0)).Block(
				b.Clone().Dot("WriteString").Call(jen.Lit(" HTTP ").Op("+").Qual("strconv", "Itoa").Call(jen.Id("e").Dot("HTTPStatus")))),
			jen.Switch().Block(
				jen.Case(jen.Id("e").Dot("ErrorCode").Op("!=").Lit(0)).Block(
					b.Clone().Dot("WriteString").Call(jen.Lit(" error ").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("e").Dot("ErrorCode")))),
					jen.If(jen.Id("e").Dot("ErrorCode").Dot("Documented").Call()).Block(
						b.Clone().Dot("WriteString").Call(jen.Lit(" (").Op("+").Id("e").Dot("ErrorCode").Dot("String").Call().Op("+").Lit(")")))),
				jen.Case(jen.Id("e").Dot("Name").Op("!=").Lit("")).Block(
					b.Clone().Dot("WriteString").Call(jen.Lit(" error ").Op("+").Qual("strconv", "Quote").Call(jen.String().Call(jen.Id("e").Dot("Name")))))),
			jen.Id("msg").Op(":=").Id("e").Dot("Message"),
			jen.If(jen.Id("msg").Op("==").Lit("")).Block(jen.Id("msg").Op("=").Id("e").Dot("ErrorCode").Dot("Message").Call()),
			jen.If(jen.Id("msg").Op("!=").Lit("")).Block(b.Clone().Dot("WriteString").Call(jen.Lit(": ").Op("+").Id("msg"))),
			jen.Return(b.Clone().Dot("String").Call())).Line(),
		jen.Add(docComment("Is reports whether target is the Code of e, or an *Error with the same code (or, both without a code, the same Name), so errors.Is(err, ItemNotFound) works. No error matches Code 0.")).
			Func().Add(recv).Id("Is").Params(jen.Id("target").Error()).Bool().Block(
			jen.Switch(jen.Id("t").Op(":=").Id("target").Assert(jen.Type())).Block(
				jen.Case(jen.Id("Code")).Block(jen.Return(jen.Id("t").Op("!=").Lit(0).Op("&&").Id("e").Dot("ErrorCode").Op("==").Id("t"))),
				jen.Case(jen.Op("*").Id("Error")).Block(jen.Return(jen.Id("t").Op("!=").Nil().Op("&&").Parens(
					jen.Id("e").Dot("ErrorCode").Op("!=").Lit(0).Op("&&").Id("e").Dot("ErrorCode").Op("==").Id("t").Dot("ErrorCode").Op("||").
						Id("e").Dot("ErrorCode").Op("==").Lit(0).Op("&&").Id("t").Dot("ErrorCode").Op("==").Lit(0).Op("&&").Id("e").Dot("Name").Op("!=").Lit("").Op("&&").Id("e").Dot("Name").Op("==").Id("t").Dot("Name"))))),
			jen.Return(jen.False())).Line(),
		jen.Add(docComment("Unwrap returns the error's Code, nil when the body has none, so errors.As(err, &code) works.")).
			Func().Add(recv).Id("Unwrap").Params().Error().Block(
			jen.If(jen.Id("e").Dot("ErrorCode").Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
			jen.Return(jen.Id("e").Dot("ErrorCode"))).Line(),
	)
}
