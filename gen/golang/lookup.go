package golang

import (
	"cmp"
	"slices"

	"github.com/dave/jennifer/jen"
)

// byNameGroup is one case of ByName's switch: the names of one code.
type byNameGroup struct {
	code  int
	names []string
}

// byNameGroups returns every name ByName knows, grouped by code (ascending)
// and sorted within a group: each code's current and deprecated identifier,
// the names the page states, its aliases, then every spec name tied to a
// code. A name belongs to the first code that claims it in that order.
func (g *generator) byNameGroups() []byNameGroup {
	owner := map[string]int{}
	var order []string
	add := func(name string, code int) {
		if _, taken := owner[name]; name != "" && code != 0 && !taken {
			owner[name] = code
			order = append(order, name)
		}
	}
	for _, e := range g.plan.codes {
		add(e.ident, e.code.Code)
	}
	for _, e := range g.plan.codes {
		for _, n := range slices.Concat(e.retired, e.code.Names, e.code.Aliases) {
			add(n, e.code.Code)
		}
	}
	for _, n := range g.cat.Names {
		add(n.Name, n.Code)
	}
	byCode := map[int][]string{}
	for _, n := range order {
		byCode[owner[n]] = append(byCode[owner[n]], n)
	}
	var groups []byNameGroup
	for code, names := range byCode {
		slices.Sort(names)
		groups = append(groups, byNameGroup{code, names})
	}
	slices.SortFunc(groups, func(a, b byNameGroup) int { return cmp.Compare(a.code, b.code) })
	return groups
}

// codeRefs maps each documented code to its constant: ByName returns
// ItemNotFound, not 1002.
func (g *generator) codeRefs() map[int]string {
	refs := map[int]string{}
	for _, e := range g.plan.codes {
		refs[e.code.Code] = e.ident
	}
	return refs
}

// byNameFunc emits ByName as one switch, which the compiler turns into a
// search on length and bytes without a table walk:
//
//	func ByName(name string) (Code, bool) {
//		switch name {
//		case "ItemNotFound", "RobotNotFound":
//			return ItemNotFound, true
//		}
//		return 0, false
//	}
func (g *generator) byNameFunc() jen.Code {
	refs := g.codeRefs()
	var cases []jen.Code
	for _, grp := range g.byNameGroups() {
		ret := jen.Id("Code").Call(jen.Lit(grp.code))
		if id, ok := refs[grp.code]; ok {
			ret = jen.Id(id)
		}
		var names []jen.Code
		for _, n := range grp.names {
			names = append(names, jen.Lit(n))
		}
		cases = append(cases, jen.Case(names...).Block(jen.Return(ret, jen.True())))
	}
	body := []jen.Code{jen.Return(jen.Lit(0), jen.False())}
	if len(cases) > 0 {
		body = append([]jen.Code{jen.Switch(jen.Id("name")).Block(cases...)}, body...)
	}
	return jen.Add(docComment("ByName returns the code known by name: its identifier, a deprecated identifier, a name the page states, or a spec name tied to it. Names match exactly, case included.")).
		Func().Id("ByName").Params(jen.Id("name").String()).Params(jen.Id("Code"), jen.Bool()).Block(body...).Line()
}

// lookupFuncs emits Lookup, ByName, All, and nameCode with searchNames, which
// Name.Code uses.
func (g *generator) lookupFuncs() jen.Code {
	return jen.Add(
		jen.Add(docComment("Lookup returns the documented code numbered n; false when there is none.")).
			Func().Id("Lookup").Params(jen.Id("n").Int()).Params(jen.Id("Code"), jen.Bool()).Block(
			jen.If(jen.Id("n").Op("<").Qual("math", "MinInt32").Op("||").Id("n").Op(">").Qual("math", "MaxInt32")).Block(jen.Return(jen.Lit(0), jen.False())),
			jen.Id("c").Op(":=").Id("Code").Call(jen.Id("n")),
			jen.If(jen.Op("!").Id("c").Dot("Documented").Call()).Block(jen.Return(jen.Lit(0), jen.False())),
			jen.Return(jen.Id("c"), jen.True())).Line(),
		g.byNameFunc(),
		docComment("nameCode pairs a name with its code.").
			Type().Id("nameCode").Struct(jen.Id("name").String(), jen.Id("code").Id("Code")).Line(),
		docComment("searchNames finds name in a table sorted by name.").
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
