package golang

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
)

// nameCode pairs a name with its code, for the sorted name tables.
type nameCode struct {
	name string
	code int
}

// nameTable emits "var name = [...]nameCode{{"A", 1}, ...}" sorted by name.
func nameTable(name, doc string, pairs []nameCode) jen.Code {
	slices.SortFunc(pairs, func(a, b nameCode) int { return strings.Compare(a.name, b.name) })
	var vals []jen.Code
	for _, p := range pairs {
		vals = append(vals, jen.Values(jen.Lit(p.name), jen.Lit(p.code)))
	}
	return jen.Var().Defs(table(name, doc, jen.Id("nameCode"), vals))
}

// namesFile builds names_gen.go:
//
//	type Name string
//	const (
//		// NameItemNotFound is "ItemNotFound" ...
//		NameItemNotFound Name = "ItemNotFound"
//	)
//	func (n Name) Code() (Code, bool)
func (g *generator) namesFile(f *jen.File) error {
	f.Add(docComment("Name is a symbolic error name of the Orchestrator API's enums, the string ErrorCode of bodies such as FailedQueueItemDto.").
		Type().Id("Name").String())
	var defs []jen.Code
	var pairs []nameCode
	for _, n := range g.plan.names {
		defs = append(defs, docComment(nameDoc(n)).Id(n.ident).Id("Name").Op("=").Lit(n.name.Name))
		if n.name.Code != 0 {
			pairs = append(pairs, nameCode{n.name.Name, n.name.Code})
		}
	}
	if len(defs) > 0 {
		f.Const().Defs(defs...)
	}
	f.Add(nameTable("nameCodeTable", "holds the spec names whose code is known, sorted by name.", pairs))
	f.Add(docComment("Code returns the numeric code of the name, when it is known.").
		Func().Params(jen.Id("n").Id("Name")).Id("Code").Params().Params(jen.Id("Code"), jen.Bool()).Block(
		jen.Return(jen.Id("searchNames").Call(jen.Id("nameCodeTable").Index(jen.Empty(), jen.Empty()), jen.String().Call(jen.Id("n"))))))
	return nil
}

// nameDoc is the doc comment of a Name constant.
func nameDoc(n nameEntry) string {
	s := fmt.Sprintf("%s is the spec name %q", n.ident, n.name.Name)
	if n.name.Code != 0 {
		s += fmt.Sprintf(", code %d", n.name.Code)
	}
	if len(n.name.Enums) > 0 {
		s += " (enums: " + strings.Join(n.name.Enums, ", ") + ")"
	}
	return s + "."
}
