package golang

import "github.com/dave/jennifer/jen"

// formatFuncs emits Fill, Format and their scanner, placeholders.
func formatFuncs() jen.Code {
	key, msg := jen.Id("key"), jen.Id("message")
	return jen.Add(
		jen.Add(docComment("Fill replaces each placeholder \"[Key]\" or \"{Key}\" of message with values[Key]; a placeholder without a value stays as it is.")).
			Func().Id("Fill").Params(msg.Clone().String(), jen.Id("values").Map(jen.String()).String()).String().Block(
			jen.Return(jen.Id("placeholders").Call(msg.Clone(), jen.Func().Params(key.Clone().String()).Params(jen.String(), jen.Bool()).Block(
				jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("values").Index(key.Clone()),
				jen.Return(jen.Id("v"), jen.Id("ok")))))).Line(),
		jen.Add(docComment("Format replaces placeholders with args, each written with fmt.Sprint: \"{n}\" takes args[n]; the named placeholders (\"[Key]\", \"{Key}\") take the args in the order they first appear. A placeholder without an arg stays as it is.")).
			Func().Id("Format").Params(msg.Clone().String(), jen.Id("args").Op("...").Any()).String().Block(
			jen.Id("named").Op(":=").Map(jen.String()).Int().Values(),
			jen.Return(jen.Id("placeholders").Call(msg.Clone(), jen.Func().Params(key.Clone().String()).Params(jen.String(), jen.Bool()).Block(
				jen.List(jen.Id("i"), jen.Err()).Op(":=").Qual("strconv", "Atoi").Call(key.Clone()),
				jen.If(jen.Err().Op("!=").Nil()).Block(
					jen.List(jen.Id("n"), jen.Id("seen")).Op(":=").Id("named").Index(key.Clone()),
					jen.If(jen.Op("!").Id("seen")).Block(
						jen.Id("n").Op("=").Len(jen.Id("named")),
						jen.Id("named").Index(key.Clone()).Op("=").Id("n")),
					jen.Id("i").Op("=").Id("n")),
				jen.If(jen.Id("i").Op("<").Lit(0).Op("||").Id("i").Op(">=").Len(jen.Id("args"))).Block(jen.Return(jen.Lit(""), jen.False())),
				jen.Return(jen.Qual("fmt", "Sprint").Call(jen.Id("args").Index(jen.Id("i"))), jen.True()))))).Line(),
		placeholdersFunc(),
	)
}

// placeholdersFunc emits the scanner that replaces each "[key]" or "{key}"
// whose value is known, leaving unclosed brackets as they are.
func placeholdersFunc() jen.Code {
	m := jen.Id("message")
	return jen.Comment("placeholders replaces each placeholder of message whose value is known.").Line().
		Func().Id("placeholders").Params(m.Clone().String(), jen.Id("value").Func().Params(jen.String()).Params(jen.String(), jen.Bool())).String().Block(
		jen.Var().Id("b").Qual("strings", "Builder"),
		jen.For().Block(
			jen.Id("i").Op(":=").Qual("strings", "IndexAny").Call(m.Clone(), jen.Lit("[{")),
			jen.If(jen.Id("i").Op("<").Lit(0)).Block(jen.Break()),
			jen.Id("closer").Op(":=").Lit("]"),
			jen.If(m.Clone().Index(jen.Id("i")).Op("==").LitRune('{')).Block(jen.Id("closer").Op("=").Lit("}")),
			jen.Id("j").Op(":=").Qual("strings", "Index").Call(m.Clone().Index(jen.Id("i").Op("+").Lit(1), jen.Empty()), jen.Id("closer")),
			jen.If(jen.Id("j").Op("<").Lit(0)).Block(jen.Break()),
			jen.Id("key").Op(":=").Add(m.Clone()).Index(jen.Id("i").Op("+").Lit(1), jen.Id("i").Op("+").Lit(1).Op("+").Id("j")),
			jen.If(jen.Qual("strings", "ContainsAny").Call(jen.Id("key"), jen.Lit("[{"))).Block(
				jen.Id("b").Dot("WriteString").Call(m.Clone().Index(jen.Empty(), jen.Id("i").Op("+").Lit(1))),
				m.Clone().Op("=").Add(m.Clone()).Index(jen.Id("i").Op("+").Lit(1), jen.Empty()),
				jen.Continue()),
			jen.Id("b").Dot("WriteString").Call(m.Clone().Index(jen.Empty(), jen.Id("i"))),
			jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("value").Call(jen.Id("key")), jen.Id("ok")).Block(
				jen.Id("b").Dot("WriteString").Call(jen.Id("v"))).Else().Block(
				jen.Id("b").Dot("WriteString").Call(m.Clone().Index(jen.Id("i"), jen.Id("i").Op("+").Lit(2).Op("+").Id("j")))),
			m.Clone().Op("=").Add(m.Clone()).Index(jen.Id("i").Op("+").Lit(2).Op("+").Id("j"), jen.Empty()),
		),
		jen.Id("b").Dot("WriteString").Call(m.Clone()),
		jen.Return(jen.Id("b").Dot("String").Call()),
	).Line()
}
