package golang

import "github.com/dave/jennifer/jen"

// lookupIndex is "i, ok := c.index()".
func lookupIndex() *jen.Statement {
	return jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Id("c").Dot("index").Call()
}

// codeMethod emits "func (c Code) name() result { body }" with a doc comment.
func codeMethod(name, doc string, result jen.Code, body ...jen.Code) jen.Code {
	return jen.Add(docComment(name + " " + doc)).Func().Params(jen.Id("c").Id("Code")).Id(name).Params().Add(result).Block(body...).Line()
}

// tableMethod emits a method returning a table's entry, or the zero value:
//
//	func (c Code) Description() string {
//		if i, ok := c.index(); ok {
//			return descriptionTable[i]
//		}
//		return ""
//	}
func tableMethod(name, doc, tableName string, result, zero jen.Code) jen.Code {
	return codeMethod(name, doc, result,
		jen.If(lookupIndex(), jen.Id("ok")).Block(jen.Return(jen.Id(tableName).Index(jen.Id("i")))),
		jen.Return(zero))
}

// cloneMethod is tableMethod for a slice table, returning a fresh copy.
func cloneMethod(name, doc, tableName string) jen.Code {
	return codeMethod(name, doc, jen.Index().String(),
		jen.If(lookupIndex(), jen.Id("ok")).Block(jen.Return(jen.Qual("slices", "Clone").Call(jen.Id(tableName).Index(jen.Id("i"))))),
		jen.Return(jen.Nil()))
}

// codeMethods emits index, String, Error, Message, Messages, Description,
// Category, HTTPStatus, Endpoints, Documented and UnmarshalJSON.
func codeMethods() jen.Code {
	return jen.Add(
		jen.Comment("index returns the position of c in the tables.").Line().
			Func().Params(jen.Id("c").Id("Code")).Id("index").Params().Params(jen.Int(), jen.Bool()).Block(
			jen.Return(jen.Qual("slices", "BinarySearch").Call(jen.Id("codeTable").Index(jen.Empty(), jen.Empty()), jen.Id("c")))).Line(),
		codeMethod("String", "returns the code's identifier (\"ItemNotFound\"), or \"Code(42)\" for an undocumented code; only the latter allocates.", jen.String(),
			jen.If(lookupIndex(), jen.Id("ok")).Block(jen.Return(jen.Id("nameTable").Index(jen.Id("i")))),
			jen.Return(jen.Lit("Code(").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("c"))).Op("+").Lit(")"))),
		codeMethod("Error", "returns \"orchestrator error 1002 (ItemNotFound)\": the number and, for a documented code, its identifier. It holds no message: a code's documented message is Message's, and an error body's message is Error.Message. fmt's %v and %s print this; %d prints the number.", jen.String(),
			jen.Id("s").Op(":=").Lit("orchestrator error ").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("c"))),
			jen.If(jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Id("c").Dot("index").Call(), jen.Id("ok")).Block(
				jen.Id("s").Op("+=").Lit(" (").Op("+").Id("nameTable").Index(jen.Id("i")).Op("+").Lit(")")),
			jen.Return(jen.Id("s"))),
		codeMethod("Message", "returns the code's first message, \"\" when the page gives none.", jen.String(),
			jen.If(lookupIndex(), jen.Id("ok").Op("&&").Len(jen.Id("messageTable").Index(jen.Id("i"))).Op(">").Lit(0)).Block(
				jen.Return(jen.Id("messageTable").Index(jen.Id("i")).Index(jen.Lit(0)))),
			jen.Return(jen.Lit(""))),
		cloneMethod("Messages", "returns a copy of the code's messages, in page order.", "messageTable"),
		tableMethod("Description", "returns the page's description of the code.", "descriptionTable", jen.String(), jen.Lit("")),
		tableMethod("Category", "returns the code's category label (\"Generic\", \"Conflict\").", "categoryTable", jen.String(), jen.Lit("")),
		tableMethod("HTTPStatus", "returns the HTTP status the page states for the code, 0 when none.", "statusTable", jen.Int(), jen.Lit(0)),
		cloneMethod("Endpoints", "returns a copy of the endpoints the page ties to the code, as \"METHOD PATH\".", "endpointTable"),
		codeMethod("Documented", "reports whether the code is in the catalog.", jen.Bool(),
			jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("c").Dot("index").Call(),
			jen.Return(jen.Id("ok"))),
		unmarshalCode(),
	)
}

// unmarshalCode emits Code.UnmarshalJSON over decodeCode:
//
//	func (c *Code) UnmarshalJSON(data []byte) error {
//		if string(data) == "null" {
//			return nil
//		}
//		n, name, ok := decodeCode(data)
//		if !ok || n == 0 && name != "" {
//			return fmt.Errorf(...)
//		}
//		*c = n
//		return nil
//	}
func unmarshalCode() jen.Code {
	return jen.Add(docComment("UnmarshalJSON decodes a code written as a JSON number in any form (1002, 1002.0, 1.002e3), a quoted number (\"1002\") or a quoted name ByName knows (\"ItemNotFound\"); null leaves c as it is. Anything else, an unknown name included, is an error: Error's decoding keeps such a name in Error.Name instead.")).
		Func().Params(jen.Id("c").Op("*").Id("Code")).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.If(jen.String().Call(jen.Id("data")).Op("==").Lit("null")).Block(jen.Return(jen.Nil())),
		jen.List(jen.Id("n"), jen.Id("name"), jen.Id("ok")).Op(":=").Id("decodeCode").Call(jen.Id("data")),
		jen.If(jen.Op("!").Id("ok").Op("||").Id("n").Op("==").Lit(0).Op("&&").Id("name").Op("!=").Lit("")).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("orcerr: error code %s: not a number or a known name"), jen.Id("data")))),
		jen.Op("*").Id("c").Op("=").Id("n"),
		jen.Return(jen.Nil()),
	).Line()
}
