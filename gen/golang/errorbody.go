package golang

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/model/ident"
)

// maxBody is the most FromResponse reads of a response body.
const maxBody = 1 << 20

// errorFields returns the schema's properties (model.DefaultErrorSchema's
// when the catalog has none), Message and ErrorCode added when the schema
// lacks them: Error's methods need both.
func (g *generator) errorFields() []model.Property {
	def := model.DefaultErrorSchema().Properties
	props := def
	if g.cat.ErrorSchema != nil {
		props = g.cat.ErrorSchema.Properties
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

// errorStruct emits the Error struct, one field per schema property plus
// HTTPStatus:
//
//	type Error struct {
//		Message   string `json:"Message"`
//		ErrorCode Code   `json:"ErrorCode"`
//		...
//		HTTPStatus int `json:"-"`
//	}
func (g *generator) errorStruct() (jen.Code, error) {
	seen := map[string]bool{"HTTPStatus": true}
	var fields []jen.Code
	for _, p := range g.errorFields() {
		name := fieldName(p.Name)
		if name == "" || seen[name] {
			return nil, fmt.Errorf("error schema property %q: not usable as a Go field name", p.Name)
		}
		seen[name] = true
		fields = append(fields, docComment(p.Description).Id(name).Add(fieldType(p)).Tag(map[string]string{"json": p.Name}))
	}
	fields = append(fields, jen.Comment("HTTPStatus is the response's HTTP status, 0 when unknown; not a wire field."),
		jen.Id("HTTPStatus").Int().Tag(map[string]string{"json": "-"}))
	return jen.Add(docComment("Error is the error body of the Orchestrator API (the spec's ErrorResult), with the HTTP status of the response. Decoding matches field names regardless of case.")).
		Type().Id("Error").Struct(fields...).Line(), nil
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

// errorFile builds error_gen.go: Error, its methods, Parse, FromResponse,
// Format and Fill.
func (g *generator) errorFile(f *jen.File) error {
	st, err := g.errorStruct()
	if err != nil {
		return err
	}
	f.Add(st)
	f.Add(errorMethods())
	f.Add(parseFunc())
	f.Add(fromResponseFunc())
	f.Add(formatFuncs())
	return nil
}

// errorMethods emits Error.Error, Error.Is and Error.Unwrap.
func errorMethods() jen.Code {
	recv := jen.Params(jen.Id("e").Op("*").Id("Error"))
	b := jen.Id("b")
	return jen.Add(
		jen.Add(docComment("Error returns e.g. \"orchestrator HTTP 404 error 1002 (ItemNotFound): Robot does not exist.\"; the message is the body's, or the code's documented one.")).
			Func().Add(recv).Id("Error").Params().String().Block(
			jen.Var().Add(b).Qual("strings", "Builder"),
			b.Clone().Dot("WriteString").Call(jen.Lit("orchestrator")),
			jen.If(jen.Id("e").Dot("HTTPStatus").Op("!=").Lit(0)).Block(
				b.Clone().Dot("WriteString").Call(jen.Lit(" HTTP ").Op("+").Qual("strconv", "Itoa").Call(jen.Id("e").Dot("HTTPStatus")))),
			jen.If(jen.Id("e").Dot("ErrorCode").Op("!=").Lit(0)).Block(
				b.Clone().Dot("WriteString").Call(jen.Lit(" error ").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("e").Dot("ErrorCode"))))),
			jen.If(jen.Id("e").Dot("ErrorCode").Dot("Documented").Call()).Block(
				b.Clone().Dot("WriteString").Call(jen.Lit(" (").Op("+").Id("e").Dot("ErrorCode").Dot("String").Call().Op("+").Lit(")"))),
			jen.Id("msg").Op(":=").Id("e").Dot("Message"),
			jen.If(jen.Id("msg").Op("==").Lit("")).Block(jen.Id("msg").Op("=").Id("e").Dot("ErrorCode").Dot("Message").Call()),
			jen.If(jen.Id("msg").Op("!=").Lit("")).Block(b.Clone().Dot("WriteString").Call(jen.Lit(": ").Op("+").Id("msg"))),
			jen.Return(b.Clone().Dot("String").Call())).Line(),
		jen.Add(docComment("Is reports whether target is the Code of e, or an *Error with the same code, so errors.Is(err, ItemNotFound) works.")).
			Func().Add(recv).Id("Is").Params(jen.Id("target").Error()).Bool().Block(
			jen.Switch(jen.Id("t").Op(":=").Id("target").Assert(jen.Type())).Block(
				jen.Case(jen.Id("Code")).Block(jen.Return(jen.Id("e").Dot("ErrorCode").Op("==").Id("t"))),
				jen.Case(jen.Op("*").Id("Error")).Block(jen.Return(jen.Id("t").Op("!=").Nil().Op("&&").Id("e").Dot("ErrorCode").Op("==").Id("t").Dot("ErrorCode")))),
			jen.Return(jen.False())).Line(),
		jen.Add(docComment("Unwrap returns the error's Code, nil when the body has none, so errors.As(err, &code) works.")).
			Func().Add(recv).Id("Unwrap").Params().Error().Block(
			jen.If(jen.Id("e").Dot("ErrorCode").Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
			jen.Return(jen.Id("e").Dot("ErrorCode"))).Line(),
	)
}

// parseFunc emits Parse and the older envelope type.
func parseFunc() jen.Code {
	return jen.Add(
		jen.Comment("envelope is the older error body, {\"error\": {\"code\": ..., \"message\": ...}}.").Line().
			Type().Id("envelope").Struct(jen.Id("Error").Op("*").Struct(
			jen.Id("Code").Id("Code").Tag(map[string]string{"json": "code"}),
			jen.Id("Message").String().Tag(map[string]string{"json": "message"}),
		).Tag(map[string]string{"json": "error"})).Line(),
		jen.Add(docComment("Parse decodes an error body: the ErrorResult form, or the older {\"error\": {\"code\": ..., \"message\": ...}} envelope. It fails on a body that is not a JSON object.")).
			Func().Id("Parse").Params(jen.Id("data").Index().Byte()).Params(jen.Op("*").Id("Error"), jen.Error()).Block(
			jen.Var().Id("e").Id("Error"),
			jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("e")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("orcerr: parse error body: %w"), jen.Err()))),
			jen.Var().Id("env").Id("envelope"),
			jen.If(jen.Id("e").Dot("ErrorCode").Op("==").Lit(0).Op("&&").Id("e").Dot("Message").Op("==").Lit("").Op("&&").
				Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("env")).Op("==").Nil().Op("&&").Id("env").Dot("Error").Op("!=").Nil()).Block(
				jen.Id("e").Dot("ErrorCode").Op("=").Id("env").Dot("Error").Dot("Code"),
				jen.Id("e").Dot("Message").Op("=").Id("env").Dot("Error").Dot("Message")),
			jen.Return(jen.Op("&").Id("e"), jen.Nil())).Line(),
	)
}

// fromResponseFunc emits FromResponse and its limit.
func fromResponseFunc() jen.Code {
	status := jen.Id("resp").Dot("StatusCode")
	return jen.Add(
		jen.Comment("maxBody is the most FromResponse reads of a body.").Line().
			Const().Id("maxBody").Op("=").Lit(maxBody).Line(),
		jen.Add(docComment("FromResponse returns nil for a 2xx response and otherwise an *Error holding the response's status. It reads at most 1 MiB of the body and does not close it. A body that is not an error body yields an *Error whose message is the start of the body, or the status text.")).
			Func().Id("FromResponse").Params(jen.Id("resp").Op("*").Qual("net/http", "Response")).Error().Block(
			jen.If(status.Clone().Op(">=").Lit(200).Op("&&").Add(status.Clone()).Op("<").Lit(300)).Block(jen.Return(jen.Nil())),
			jen.Var().Id("data").Index().Byte(),
			jen.If(jen.Id("resp").Dot("Body").Op("!=").Nil()).Block(
				jen.List(jen.Id("data"), jen.Id("_")).Op("=").Qual("io", "ReadAll").Call(jen.Qual("io", "LimitReader").Call(jen.Id("resp").Dot("Body"), jen.Id("maxBody")))),
			jen.List(jen.Id("e"), jen.Err()).Op(":=").Id("Parse").Call(jen.Id("data")),
			jen.If(jen.Err().Op("!=").Nil().Op("||").Id("e").Dot("ErrorCode").Op("==").Lit(0).Op("&&").Id("e").Dot("Message").Op("==").Lit("")).Block(
				jen.Id("e").Op("=").Op("&").Id("Error").Values(jen.Dict{jen.Id("Message"): jen.Id("bodyText").Call(jen.Id("data"), status.Clone())})),
			jen.Id("e").Dot("HTTPStatus").Op("=").Add(status.Clone()),
			jen.Return(jen.Id("e"))).Line(),
		jen.Comment("bodyText returns the start of a body that is not an error body, or the status text.").Line().
			Func().Id("bodyText").Params(jen.Id("data").Index().Byte(), jen.Id("status").Int()).String().Block(
			jen.Id("s").Op(":=").Qual("strings", "TrimSpace").Call(jen.String().Call(jen.Id("data"))),
			jen.If(jen.Len(jen.Id("s")).Op(">").Lit(200)).Block(jen.Id("s").Op("=").Id("s").Index(jen.Empty(), jen.Lit(200)).Op("+").Lit("...")),
			jen.If(jen.Id("s").Op("==").Lit("")).Block(jen.Return(jen.Qual("net/http", "StatusText").Call(jen.Id("status")))),
			jen.Return(jen.Qual("strings", "ToValidUTF8").Call(jen.Id("s"), jen.Lit("\uFFFD")))).Line(),
	)
}
