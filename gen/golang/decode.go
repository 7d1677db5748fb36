package golang

import (
	"strconv"

	"github.com/dave/jennifer/jen"
)

// maxBody is the most FromResponse reads of a response body.
const maxBody = 1 << 20

// maxText is the most bytes of a non-error body that FromResponse keeps as
// the message.
const maxText = 200

// id is jen.Id, short for the emitters below.
func id(name string) *jen.Statement { return jen.Id(name) }

// lit is jen.Lit, short for the emitters below.
func lit(v any) *jen.Statement { return jen.Lit(v) }

// decodeFuncs emits Error's lenient decoding and Parse: wireError,
// envelope, Error.UnmarshalJSON, decodeField, decodeCode, codeNumber, Parse.
func decodeFuncs(fields []errorField) jen.Code {
	return jen.Add(
		wireStruct(fields),
		docComment("envelope is the \"error\" member of the older error body and of ABP's, {\"code\": ..., \"message\": ...}.").
			Type().Id("envelope").Struct(
			id("Code").Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "code"}),
			id("Message").Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "message"}),
		).Line(),
		unmarshalError(fields),
		decodeFieldFunc(),
		jsonStringFunc(),
		decodeCodeFunc(),
		codeNumberFunc(),
		jen.Add(docComment("Parse decodes an error body as Error.UnmarshalJSON does. It fails only on a body that is neither a JSON object nor null.")).
			Func().Id("Parse").Params(id("data").Index().Byte()).Params(jen.Op("*").Id("Error"), jen.Error()).Block(
			jen.Var().Id("e").Id("Error"),
			jen.If(jen.Err().Op(":=").Id("e").Dot("UnmarshalJSON").Call(id("data")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(lit("orcerr: parse error body: %w"), jen.Err()))),
			jen.Return(jen.Op("&").Id("e"), jen.Nil())).Line(),
	)
}

// wireStruct emits Error as it travels, each field raw:
//
//	type wireError struct {
//		Message  json.RawMessage `json:"Message"`
//		...
//		Envelope json.RawMessage `json:"error"`
//	}
func wireStruct(fields []errorField) jen.Code {
	var defs []jen.Code
	for _, f := range fields {
		defs = append(defs, id(f.name).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": f.prop.Name}))
	}
	defs = append(defs, id("Envelope").Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "error"}))
	return docComment("wireError is Error as it travels, each field kept raw so that one of an unexpected type is dropped alone.").
		Type().Id("wireError").Struct(defs...).Line()
}

// unmarshalError emits Error.UnmarshalJSON:
//
//	func (e *Error) UnmarshalJSON(data []byte) error {
//		var w wireError
//		if err := json.Unmarshal(data, &w); err != nil {
//			return err
//		}
//		*e = Error{HTTPStatus: e.HTTPStatus}
//		decodeField(w.Message, &e.Message)
//		e.ErrorCode, e.Name, _ = decodeCode(w.ErrorCode)
//		...
//		var env envelope
//		if len(w.Envelope) > 0 && json.Unmarshal(w.Envelope, &env) == nil { ... }
//		return nil
//	}
func unmarshalError(fields []errorField) jen.Code {
	e, w, env := id("e"), id("w"), id("env")
	body := []jen.Code{
		jen.Var().Add(w).Id("wireError"),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(id("data"), jen.Op("&").Add(w)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Op("*").Add(e).Op("=").Id("Error").Values(jen.Dict{id("HTTPStatus"): e.Clone().Dot("HTTPStatus")}),
	}
	for _, f := range fields {
		if f.name == "ErrorCode" {
			body = append(body, jen.List(e.Clone().Dot("ErrorCode"), e.Clone().Dot("Name"), id("_")).Op("=").Id("decodeCode").Call(w.Clone().Dot(f.name)))
			continue
		}
		body = append(body, id("decodeField").Call(w.Clone().Dot(f.name), jen.Op("&").Add(e.Clone()).Dot(f.name)))
	}
	body = append(body,
		jen.Var().Add(env).Id("envelope"),
		jen.If(jen.Len(w.Clone().Dot("Envelope")).Op(">").Lit(0).Op("&&").Qual("encoding/json", "Unmarshal").Call(w.Clone().Dot("Envelope"), jen.Op("&").Add(env)).Op("==").Nil()).Block(
			jen.If(e.Clone().Dot("ErrorCode").Op("==").Lit(0).Op("&&").Add(e.Clone()).Dot("Name").Op("==").Lit("")).Block(
				jen.List(e.Clone().Dot("ErrorCode"), e.Clone().Dot("Name"), id("_")).Op("=").Id("decodeCode").Call(env.Clone().Dot("Code"))),
			jen.If(e.Clone().Dot("Message").Op("==").Lit("")).Block(
				id("decodeField").Call(env.Clone().Dot("Message"), jen.Op("&").Add(e.Clone()).Dot("Message")))),
		jen.Return(jen.Nil()))
	doc := "UnmarshalJSON decodes an error body leniently. Field names match regardless of case; a field of an unexpected type is dropped and the others kept. " +
		"ErrorCode may be a JSON number in any form that holds a whole int32 (1002, 1002.0, 1.002e3), a quoted number, or a quoted name: a name keeps its text in Name, and one ByName does not know leaves ErrorCode 0. " +
		"When the body has no code or no message, the \"error\" member of the older {\"error\": {\"code\": ..., \"message\": ...}} form (and of ABP's bodies) supplies it. " +
		"Only a body that is neither a JSON object nor null is an error. HTTPStatus keeps its value."
	return jen.Add(docComment(doc)).
		Func().Params(e.Clone().Op("*").Id("Error")).Id("UnmarshalJSON").Params(id("data").Index().Byte()).Error().Block(body...).Line()
}

// decodeFieldFunc emits the generic field decoder; a string field, the
// common case, skips a second pass of encoding/json:
//
//	func decodeField[T any](data json.RawMessage, dst *T) {
//		if s, ok := any(dst).(*string); ok {
//			if v, ok := jsonString(data); ok {
//				*s = v
//			}
//			return
//		}
//		var v T
//		if len(data) > 0 && json.Unmarshal(data, &v) == nil {
//			*dst = v
//		}
//	}
func decodeFieldFunc() jen.Code {
	return docComment("decodeField sets *dst from data when data holds a value of its type; a value of another type, or none, leaves *dst as it is.").
		Func().Id("decodeField").Types(id("T").Any()).Params(id("data").Qual("encoding/json", "RawMessage"), id("dst").Op("*").Id("T")).Block(
		jen.If(jen.List(id("s"), id("ok")).Op(":=").Any().Call(id("dst")).Assert(jen.Op("*").String()), id("ok")).Block(
			jen.If(jen.List(id("v"), id("ok")).Op(":=").Id("jsonString").Call(id("data")), id("ok")).Block(
				jen.Op("*").Id("s").Op("=").Id("v")),
			jen.Return()),
		jen.Var().Id("v").Id("T"),
		jen.If(jen.Len(id("data")).Op(">").Lit(0).Op("&&").Qual("encoding/json", "Unmarshal").Call(id("data"), jen.Op("&").Id("v")).Op("==").Nil()).Block(
			jen.Op("*").Id("dst").Op("=").Id("v")),
	).Line()
}

// jsonStringFunc emits jsonString, which decodes a JSON string that
// encoding/json has already checked, copying it when it holds no escape:
//
//	func jsonString(data []byte) (string, bool) {
//		if len(data) < 2 || data[0] != '"' {
//			return "", false
//		}
//		if bytes.IndexByte(data, '\\') < 0 && utf8.Valid(data) {
//			return string(data[1 : len(data)-1]), true
//		}
//		var s string
//		err := json.Unmarshal(data, &s)
//		return s, err == nil
//	}
func jsonStringFunc() jen.Code {
	data := id("data")
	return docComment("jsonString decodes data, a JSON value encoding/json has checked, when it is a string; ok is false for any other value.").
		Func().Id("jsonString").Params(data.Clone().Index().Byte()).Params(jen.String(), jen.Bool()).Block(
		jen.If(jen.Len(data.Clone()).Op("<").Lit(2).Op("||").Add(data.Clone()).Index(lit(0)).Op("!=").LitRune('"')).Block(
			jen.Return(lit(""), jen.False())),
		jen.If(jen.Qual("bytes", "IndexByte").Call(data.Clone(), jen.LitRune('\\')).Op("<").Lit(0).Op("&&").Qual("unicode/utf8", "Valid").Call(data.Clone())).Block(
			jen.Return(jen.String().Call(data.Clone().Index(lit(1), jen.Len(data.Clone()).Op("-").Lit(1))), jen.True())),
		jen.Var().Id("s").String(),
		jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(data.Clone(), jen.Op("&").Id("s")),
		jen.Return(id("s"), jen.Err().Op("==").Nil()),
	).Line()
}

// decodeCodeFunc emits decodeCode, which reads an ErrorCode written as a
// number or as a quoted number or name.
func decodeCodeFunc() jen.Code {
	data, s := id("data"), id("s")
	return docComment("decodeCode reads an ErrorCode: a JSON number holding a whole int32 in any form (1002, 1002.0, 1.002e3), a quoted one, or a quoted name, whose text is returned as name (with code 0 when ByName does not know it). ok is false for anything else.").
		Func().Id("decodeCode").Params(data.Clone().Index().Byte()).Params(id("code").Id("Code"), id("name").Id("Name"), id("ok").Bool()).Block(
		jen.List(s.Clone(), id("quoted")).Op(":=").Id("jsonString").Call(data.Clone()),
		jen.If(jen.Op("!").Id("quoted")).Block(
			jen.List(id("c"), id("ok")).Op(":=").Id("codeNumber").Call(data.Clone()),
			jen.Return(id("c"), lit(""), id("ok"))),
		jen.If(s.Clone().Op("==").Lit("")).Block(jen.Return(lit(0), lit(""), jen.False())),
		jen.If(jen.List(id("c"), id("known")).Op(":=").Id("ByName").Call(s.Clone()), id("known")).Block(
			jen.Return(id("c"), id("Name").Call(s.Clone()), jen.True())),
		jen.If(jen.List(id("c"), id("ok")).Op(":=").Id("codeNumber").Call(jen.Index().Byte().Call(s.Clone())), id("ok")).Block(
			jen.Return(id("c"), lit(""), jen.True())),
		jen.Return(lit(0), id("Name").Call(s.Clone()), jen.True()),
	).Line()
}

// codeNumberFunc emits codeNumber, which reads a number in JSON's
// characters holding a whole int32:
//
//	func codeNumber(data []byte) (Code, bool) {
//		if len(data) == 0 || data[0] != '-' && (data[0] < '0' || data[0] > '9') {
//			return 0, false
//		}
//		for _, c := range data {
//			if !strings.ContainsRune("0123456789+-.eE", rune(c)) {
//				return 0, false
//			}
//		}
//		f, err := strconv.ParseFloat(string(data), 64)
//		...
//	}
func codeNumberFunc() jen.Code {
	data, f := id("data"), id("f")
	first := data.Clone().Index(lit(0))
	return docComment("codeNumber reads a number written with JSON's characters that holds a whole int32, in any form (1002, 1002.0, 1.002e3).").
		Func().Id("codeNumber").Params(data.Clone().Index().Byte()).Params(id("Code"), jen.Bool()).Block(
		jen.If(jen.Len(data.Clone()).Op("==").Lit(0).Op("||").Add(first.Clone()).Op("!=").LitRune('-').Op("&&").
			Parens(first.Clone().Op("<").LitRune('0').Op("||").Add(first.Clone()).Op(">").LitRune('9'))).Block(
			jen.Return(lit(0), jen.False())),
		jen.For(jen.List(id("_"), id("c")).Op(":=").Range().Add(data.Clone())).Block(
			jen.If(jen.Op("!").Qual("strings", "ContainsRune").Call(lit("0123456789+-.eE"), jen.Rune().Call(id("c")))).Block(
				jen.Return(lit(0), jen.False()))),
		jen.List(f.Clone(), jen.Err()).Op(":=").Qual("strconv", "ParseFloat").Call(jen.String().Call(data.Clone()), lit(64)),
		jen.If(jen.Err().Op("!=").Nil().Op("||").
			Add(f.Clone()).Op("!=").Qual("math", "Trunc").Call(f.Clone()).Op("||").
			Add(f.Clone()).Op("<").Qual("math", "MinInt32").Op("||").Add(f.Clone()).Op(">").Qual("math", "MaxInt32")).Block(
			jen.Return(lit(0), jen.False())),
		jen.Return(id("Code").Call(f.Clone()), jen.True()),
	).Line()
}

// fromResponseFunc emits FromResponse, its limit and bodyText.
//
//	func FromResponse(resp *http.Response) error {
//		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
//			return nil
//		}
//		... read at most maxBody, Parse ...
//		if e.ErrorCode == 0 && e.Name == "" && e.Message == "" {
//			e.Message = bodyText(data, resp.StatusCode)
//		}
//		e.HTTPStatus = resp.StatusCode
//		return e
//	}
func fromResponseFunc() jen.Code {
	status := id("resp").Dot("StatusCode")
	e := id("e")
	return jen.Add(
		docComment("maxBody is the most FromResponse reads of a body.").
			Const().Id("maxBody").Op("=").Lit(maxBody).Line(),
		jen.Add(docComment("FromResponse returns nil for a 2xx response and otherwise an *Error holding the response's status. It reads at most 1 MiB of the body and does not close it. The body is decoded as Error.UnmarshalJSON does; a body that is not JSON, or JSON with no code, name or message, gives the message: one line of printable text from the body (an HTML page's title, or its text), or the status text.")).
			Func().Id("FromResponse").Params(id("resp").Op("*").Qual("net/http", "Response")).Error().Block(
			jen.If(status.Clone().Op(">=").Lit(200).Op("&&").Add(status.Clone()).Op("<").Lit(300)).Block(jen.Return(jen.Nil())),
			jen.Var().Id("data").Index().Byte(),
			jen.If(id("resp").Dot("Body").Op("!=").Nil()).Block(
				jen.List(id("data"), id("_")).Op("=").Qual("io", "ReadAll").Call(jen.Qual("io", "LimitReader").Call(id("resp").Dot("Body"), id("maxBody")))),
			jen.List(e.Clone(), jen.Err()).Op(":=").Id("Parse").Call(id("data")),
			jen.If(jen.Err().Op("!=").Nil()).Block(e.Clone().Op("=").Op("&").Id("Error").Values()),
			jen.If(e.Clone().Dot("ErrorCode").Op("==").Lit(0).Op("&&").Add(e.Clone()).Dot("Name").Op("==").Lit("").Op("&&").Add(e.Clone()).Dot("Message").Op("==").Lit("")).Block(
				e.Clone().Dot("Message").Op("=").Id("bodyText").Call(id("data"), status.Clone())),
			e.Clone().Dot("HTTPStatus").Op("=").Add(status.Clone()),
			jen.Return(e.Clone())).Line(),
		bodyTextFunc(),
		markupTextFunc(),
	)
}

// bodyTextFunc emits bodyText, which turns any body into one line of
// printable text of at most maxText bytes:
//
//	func bodyText(data []byte, status int) string {
//		s := string(data)
//		if t := strings.TrimSpace(s); strings.HasPrefix(t, "<") {
//			s = markupText(t)
//		}
//		var b strings.Builder
//		space := false
//		for _, r := range s {
//			switch {
//			case unicode.IsSpace(r):
//				space = b.Len() > 0
//			case unicode.IsPrint(r):
//				... write a space if one is pending, then r; stop with "..." past maxText
//			}
//		}
//		...
//	}
func bodyTextFunc() jen.Code {
	b, r, s, space := id("b"), id("r"), id("s"), id("space")
	return docComment("bodyText returns a body that is not an error body as one line of printable text of at most "+strconv.Itoa(maxText)+" bytes: an HTML page's title or text, each run of white space as one space, other control and format characters dropped, invalid UTF-8 as U+FFFD; the status text when nothing is left.").
		Func().Id("bodyText").Params(id("data").Index().Byte(), id("status").Int()).String().Block(
		s.Clone().Op(":=").String().Call(id("data")),
		jen.If(id("t").Op(":=").Qual("strings", "TrimSpace").Call(s.Clone()), jen.Qual("strings", "HasPrefix").Call(id("t"), lit("<"))).Block(
			s.Clone().Op("=").Id("markupText").Call(id("t"))),
		jen.Var().Add(b).Qual("strings", "Builder"),
		space.Clone().Op(":=").False(),
		jen.For(jen.List(id("_"), r.Clone()).Op(":=").Range().Add(s.Clone())).Block(
			jen.Switch().Block(
				jen.Case(jen.Qual("unicode", "IsSpace").Call(r.Clone())).Block(
					space.Clone().Op("=").Add(b.Clone()).Dot("Len").Call().Op(">").Lit(0)),
				jen.Case(jen.Qual("unicode", "IsPrint").Call(r.Clone())).Block(
					id("n").Op(":=").Add(b.Clone()).Dot("Len").Call().Op("+").Qual("unicode/utf8", "RuneLen").Call(r.Clone()),
					jen.If(space.Clone()).Block(id("n").Op("++")),
					jen.If(id("n").Op(">").Lit(maxText)).Block(
						jen.Return(b.Clone().Dot("String").Call().Op("+").Lit("..."))),
					jen.If(space.Clone()).Block(b.Clone().Dot("WriteByte").Call(jen.LitRune(' ')), space.Clone().Op("=").False()),
					b.Clone().Dot("WriteRune").Call(r.Clone())))),
		jen.If(b.Clone().Dot("Len").Call().Op("==").Lit(0)).Block(jen.Return(jen.Qual("net/http", "StatusText").Call(id("status")))),
		jen.Return(b.Clone().Dot("String").Call()),
	).Line()
}

// markupTextFunc emits markupText, the text of an HTML page: its title when
// it has one, else everything outside tags, with entities decoded. Both
// passes are linear.
func markupTextFunc() jen.Code {
	s, lower, i, j, b, in, c := id("s"), id("lower"), id("i"), id("j"), id("b"), id("in"), id("c")
	return docComment("markupText returns the text of an HTML page: its title when it has one, else everything outside tags, entities decoded.").
		Func().Id("markupText").Params(s.Clone().String()).String().Block(
		jen.Id("low").Op(":=").Index().Byte().Call(s.Clone()),
		jen.For(jen.List(i.Clone(), c.Clone()).Op(":=").Range().Id("low")).Block(
			jen.If(c.Clone().Op(">=").LitRune('A').Op("&&").Add(c.Clone()).Op("<=").LitRune('Z')).Block(
				jen.Id("low").Index(i.Clone()).Op("=").Add(c.Clone()).Op("+").Lit(32))),
		lower.Clone().Op(":=").String().Call(jen.Id("low")),
		jen.If(i.Clone().Op(":=").Qual("strings", "Index").Call(lower.Clone(), lit("<title")), i.Clone().Op(">=").Lit(0)).Block(
			jen.If(j.Clone().Op(":=").Qual("strings", "Index").Call(lower.Clone().Index(i.Clone(), jen.Empty()), lit("</title")), j.Clone().Op(">").Lit(0)).Block(
				s.Clone().Op("=").Add(s.Clone()).Index(i.Clone(), i.Clone().Op("+").Add(j.Clone())))),
		jen.Var().Add(b).Qual("strings", "Builder"),
		in.Clone().Op(":=").False(),
		jen.For(i.Clone().Op(":=").Lit(0), i.Clone().Op("<").Len(s.Clone()), i.Clone().Op("++")).Block(
			jen.Switch(c.Clone().Op(":=").Add(s.Clone()).Index(i.Clone()), jen.Empty()).Block(
				jen.Case(c.Clone().Op("==").LitRune('<')).Block(in.Clone().Op("=").True(), b.Clone().Dot("WriteByte").Call(jen.LitRune(' '))),
				jen.Case(c.Clone().Op("==").LitRune('>').Op("&&").Add(in.Clone())).Block(in.Clone().Op("=").False()),
				jen.Case(jen.Op("!").Add(in.Clone())).Block(b.Clone().Dot("WriteByte").Call(c.Clone())))),
		jen.Return(jen.Qual("html", "UnescapeString").Call(b.Clone().Dot("String").Call())),
	).Line()
}
