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
		codeMethod("Error", "returns \"orchestrator error 1002 (ItemNotFound): Robot does not exist.\": the number, the identifier and the first message, when known.", jen.String(),
			jen.Id("s").Op(":=").Lit("orchestrator error ").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("c"))),
			jen.If(jen.Op("!").Id("c").Dot("Documented").Call()).Block(jen.Return(jen.Id("s"))),
			jen.Id("s").Op("+=").Lit(" (").Op("+").Id("c").Dot("String").Call().Op("+").Lit(")"),
			jen.If(jen.Id("m").Op(":=").Id("c").Dot("Message").Call(), jen.Id("m").Op("!=").Lit("")).Block(jen.Id("s").Op("+=").Lit(": ").Op("+").Id("m")),
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

// unmarshalCode emits Code.UnmarshalJSON, which accepts a number, a quoted
// number or a quoted name known to ByName; anything else is an error.
func unmarshalCode() jen.Code {
	return jen.Add(docComment("UnmarshalJSON decodes a code written as a number (1002), a quoted number (\"1002\") or a quoted name (\"ItemNotFound\").")).
		Func().Params(jen.Id("c").Op("*").Id("Code")).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Id("s").Op(":=").String().Call(jen.Id("data")),
		jen.If(jen.List(jen.Id("u"), jen.Err()).Op(":=").Qual("strconv", "Unquote").Call(jen.Id("s")), jen.Err().Op("==").Nil()).Block(
			jen.If(jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Id("ByName").Call(jen.Id("u")), jen.Id("ok")).Block(
				jen.Op("*").Id("c").Op("=").Id("n"), jen.Return(jen.Nil())),
			jen.Id("s").Op("=").Id("u")),
		jen.List(jen.Id("n"), jen.Err()).Op(":=").Qual("strconv", "ParseInt").Call(jen.Id("s"), jen.Lit(10), jen.Lit(32)),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("orcerr: error code %s: not a number or a known name"), jen.Id("data")))),
		jen.Op("*").Id("c").Op("=").Id("Code").Call(jen.Id("n")),
		jen.Return(jen.Nil()),
	).Line()
}

// lookupFuncs emits Lookup, ByName and All.
func lookupFuncs() jen.Code {
	return jen.Add(
		jen.Add(docComment("Lookup returns the documented code numbered n; false when there is none.")).
			Func().Id("Lookup").Params(jen.Id("n").Int()).Params(jen.Id("Code"), jen.Bool()).Block(
			jen.If(jen.Id("n").Op("<").Qual("math", "MinInt32").Op("||").Id("n").Op(">").Qual("math", "MaxInt32")).Block(jen.Return(jen.Lit(0), jen.False())),
			jen.Id("c").Op(":=").Id("Code").Call(jen.Id("n")),
			jen.If(jen.Op("!").Id("c").Dot("Documented").Call()).Block(jen.Return(jen.Lit(0), jen.False())),
			jen.Return(jen.Id("c"), jen.True())).Line(),
		jen.Add(docComment("ByName returns the code known by name: its identifier, a deprecated identifier, a name the page states, or a spec name tied to it.")).
			Func().Id("ByName").Params(jen.Id("name").String()).Params(jen.Id("Code"), jen.Bool()).Block(
			jen.Return(jen.Id("searchNames").Call(jen.Id("byNameTable").Index(jen.Empty(), jen.Empty()), jen.Id("name")))).Line(),
		jen.Comment("searchNames finds name in a table sorted by name.").Line().
			Func().Id("searchNames").Params(jen.Id("table").Index().Id("nameCode"), jen.Id("name").String()).Params(jen.Id("Code"), jen.Bool()).Block(
			jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Qual("slices", "BinarySearchFunc").Call(jen.Id("table"), jen.Id("name"),
				jen.Func().Params(jen.Id("e").Id("nameCode"), jen.Id("name").String()).Int().Block(
					jen.Return(jen.Qual("strings", "Compare").Call(jen.Id("e").Dot("name"), jen.Id("name"))))),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Lit(0), jen.False())),
			jen.Return(jen.Id("table").Index(jen.Id("i")).Dot("code"), jen.True())).Line(),
		jen.Add(docComment("All returns every documented code, ascending.")).
			Func().Id("All").Params().Index().Id("Code").Block(
			jen.Return(jen.Qual("slices", "Clone").Call(jen.Id("codeTable").Index(jen.Empty(), jen.Empty())))).Line(),
	)
}
