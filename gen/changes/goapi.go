package changes

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/model"
)

// lockPackage names the package in the lock built between the two
// resolutions; the name plays no part in the identifiers.
const lockPackage = "orcerr"

// declared is one code constant of a resolved package.
type declared struct {
	code    int
	current bool
}

// goAPI resolves both catalogs' identifiers as two successive generations
// would, the first with lock (nil for none), the second honouring the lock
// the first wrote, and compares the declarations.
func goAPI(old, new *model.Catalog, lock *naming.Lock, renames []NameRename) (GoAPI, error) {
	oldRes, err := naming.Resolve(orEmpty(old), lock)
	if err != nil {
		return GoAPI{}, fmt.Errorf("old catalog: %w", err)
	}
	newRes, err := naming.Resolve(orEmpty(new), oldRes.Lock(lockPackage))
	if err != nil {
		return GoAPI{}, fmt.Errorf("new catalog: %w", err)
	}
	unlocked, err := naming.Resolve(orEmpty(new), nil)
	if err != nil {
		return GoAPI{}, fmt.Errorf("new catalog: %w", err)
	}
	var g GoAPI
	g.codes(oldRes, newRes, unlocked)
	oldNames, newNames := nameIdents(oldRes), nameIdents(newRes)
	g.NamesAdded = minus(newNames, oldNames)
	g.NamesRemoved = minus(oldNames, newNames)
	g.pairNames(renames, nameConstants(oldRes), nameConstants(newRes))
	return g, nil
}

// pairNames moves the constants of renamed spec names from NamesAdded and
// NamesRemoved to NamesRenamed; oldIdent and newIdent map spec names to
// their constants.
func (g *GoAPI) pairNames(renames []NameRename, oldIdent, newIdent map[string]string) {
	moved := map[string]bool{}
	for _, r := range renames {
		o, n := oldIdent[r.Old], newIdent[r.New]
		if o == "" || n == "" || !slices.Contains(g.NamesRemoved, o) || !slices.Contains(g.NamesAdded, n) {
			continue
		}
		g.NamesRenamed = append(g.NamesRenamed, NameRename{Old: o, New: n})
		moved[o], moved[n] = true, true
	}
	keep := func(s string) bool { return !moved[s] }
	g.NamesAdded, g.NamesRemoved = filter(g.NamesAdded, keep), filter(g.NamesRemoved, keep)
}

// orEmpty returns cat, or an empty catalog for nil.
func orEmpty(cat *model.Catalog) *model.Catalog {
	if cat == nil {
		return &model.Catalog{}
	}
	return cat
}

// codes fills the code constant lists from the two resolutions; unlocked,
// the new catalog resolved without a lock, gives the identifiers the lock
// may have kept out.
func (g *GoAPI) codes(oldRes, newRes, unlocked *naming.Result) {
	oldDecl, newDecl := codeDecls(oldRes), codeDecls(newRes)
	oldIdent := map[int]string{}
	for _, c := range oldRes.Codes {
		oldIdent[c.Code] = c.Ident
	}
	for i, c := range newRes.Codes {
		prev, documented := oldIdent[c.Code]
		switch {
		case !documented:
			if _, had := oldDecl[c.Ident]; !had {
				g.CodesAdded = append(g.CodesAdded, Constant{Ident: c.Ident, Code: c.Code})
			}
		case prev != c.Ident:
			g.CodesRenamed = append(g.CodesRenamed, ConstantRename{Code: c.Code, Old: prev, New: c.Ident, AliasKept: slices.Contains(c.Deprecated, prev)})
		case unlocked.Codes[i].Ident != c.Ident:
			g.CodesKept = append(g.CodesKept, ConstantRename{Code: c.Code, Old: prev, New: unlocked.Codes[i].Ident})
		}
	}
	for _, c := range newRes.Removed {
		for _, id := range c.Deprecated {
			if d, ok := oldDecl[id]; ok && d.code == c.Code && d.current {
				g.CodesDeprecated = append(g.CodesDeprecated, Constant{Ident: id, Code: c.Code})
			}
		}
	}
	for _, id := range sortedIdents(oldDecl) {
		d := oldDecl[id]
		n, ok := newDecl[id]
		switch {
		case !ok:
			g.CodesRemoved = append(g.CodesRemoved, Constant{Ident: id, Code: d.code})
		case n.code != d.code:
			g.CodesRenumbered = append(g.CodesRenumbered, Renumber{Ident: id, Old: d.code, New: n.code})
		}
	}
	slices.SortFunc(g.CodesDeprecated, func(a, b Constant) int { return cmp.Or(a.Code-b.Code, cmp.Compare(a.Ident, b.Ident)) })
}

// codeDecls maps every code constant a resolution declares (current and
// deprecated identifiers of documented and removed codes) to its code.
func codeDecls(r *naming.Result) map[string]declared {
	m := map[string]declared{}
	for _, c := range slices.Concat(r.Codes, r.Removed) {
		if c.Ident != "" {
			m[c.Ident] = declared{code: c.Code, current: true}
		}
		for _, id := range c.Deprecated {
			m[id] = declared{code: c.Code}
		}
	}
	return m
}

// sortedIdents returns the identifiers of m, sorted.
func sortedIdents(m map[string]declared) []string {
	out := make([]string, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// nameConstants maps each spec name of a resolution to its constant.
func nameConstants(r *naming.Result) map[string]string {
	m := map[string]string{}
	for _, n := range r.Names {
		m[n.Name.Name] = n.Ident
	}
	return m
}

// nameIdents is the set of a resolution's Name constants.
func nameIdents(r *naming.Result) map[string]bool {
	m := map[string]bool{}
	for _, n := range r.Names {
		m[n.Ident] = true
	}
	return m
}
