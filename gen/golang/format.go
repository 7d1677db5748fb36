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

// placeholdersFunc emits the scanner behind Fill and Format. It walks the
// message once, remembering the last opener; a closer of the same kind ends
// a placeholder whose key holds no opener. The work is linear in the message,
// however many openers stay unclosed:
//
//	func placeholders(message string, value func(string) (string, bool)) string {
//		var b strings.Builder
//		start, done := -1, 0
//		for i := 0; i < len(message); i++ {
//			switch c := message[i]; {
//			case c == '[' || c == '{':
//				start = i
//			case start >= 0 && c == closer(message[start]):
//				if v, ok := value(message[start+1 : i]); ok { ... }
//				start = -1
//			}
//		}
//		...
//	}
func placeholdersFunc() jen.Code {
	m, c, i, start, done := jen.Id("message"), jen.Id("c"), jen.Id("i"), jen.Id("start"), jen.Id("done")
	b := jen.Id("b")
	closes := func(opener, closer rune) *jen.Statement {
		return c.Clone().Op("==").LitRune(closer).Op("&&").Add(m.Clone()).Index(start.Clone()).Op("==").LitRune(opener)
	}
	return docComment("placeholders replaces each placeholder of message whose value is known, in one pass.").
		Func().Id("placeholders").Params(m.Clone().String(), jen.Id("value").Func().Params(jen.String()).Params(jen.String(), jen.Bool())).String().Block(
		jen.Var().Add(b).Qual("strings", "Builder"),
		jen.List(start.Clone(), done.Clone()).Op(":=").List(jen.Lit(-1), jen.Lit(0)),
		jen.For(i.Clone().Op(":=").Lit(0), i.Clone().Op("<").Len(m.Clone()), i.Clone().Op("++")).Block(
			jen.Switch(c.Clone().Op(":=").Add(m.Clone()).Index(i.Clone()), jen.Empty()).Block(
				jen.Case(c.Clone().Op("==").LitRune('[').Op("||").Add(c.Clone()).Op("==").LitRune('{')).Block(
					start.Clone().Op("=").Add(i.Clone())),
				jen.Case(start.Clone().Op(">=").Lit(0).Op("&&").Parens(closes('[', ']').Op("||").Add(closes('{', '}')))).Block(
					jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("value").Call(m.Clone().Index(start.Clone().Op("+").Lit(1), i.Clone())), jen.Id("ok")).Block(
						b.Clone().Dot("WriteString").Call(m.Clone().Index(done.Clone(), start.Clone())),
						b.Clone().Dot("WriteString").Call(jen.Id("v")),
						done.Clone().Op("=").Add(i.Clone()).Op("+").Lit(1)),
					start.Clone().Op("=").Lit(-1)),
			),
		),
		jen.If(done.Clone().Op("==").Lit(0)).Block(jen.Return(m.Clone())),
		b.Clone().Dot("WriteString").Call(m.Clone().Index(done.Clone(), jen.Empty())),
		jen.Return(b.Clone().Dot("String").Call()),
	).Line()
}
