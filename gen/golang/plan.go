package golang

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/model/ident"
)

// reserved returns the package-level identifiers the generated package
// always declares; no code or name constant may take them.
func reserved() []string {
	return []string{"All", "ByName", "Code", "Error", "Fill", "Format", "FromResponse", "Lookup", "Name", "Parse"}
}

// plan is every identifier decision for one generated package.
type plan struct {
	codes   []codeEntry    // documented codes, ascending
	removed []codeEntry    // codes only the lock knows: all identifiers deprecated
	names   []nameEntry    // Name constants, in catalog order
	taken   map[string]int // identifier → code that owns it (0 for reserved and names)
}

// codeEntry is one code's constant and its deprecated aliases.
type codeEntry struct {
	code    model.Code
	ident   string   // current identifier
	retired []string // deprecated aliases, newest first
}

// nameEntry is one Name constant.
type nameEntry struct {
	ident string
	name  model.Name
}

// makePlan checks the catalog's codes and names and settles every
// identifier, honouring the lock: a locked identifier is never dropped while
// its code is documented, and a derived name never displaces a locked one.
func makePlan(cat *model.Catalog, lock *Lock) (*plan, error) {
	p := &plan{taken: map[string]int{}}
	for _, r := range reserved() {
		p.taken[r] = 0
	}
	codes := apiSafeNames(cat.Codes)
	if err := p.checkCodes(codes); err != nil {
		return nil, err
	}
	for _, c := range codes {
		p.codes = append(p.codes, currentIdent(c, lock.identifiers(c.Code)))
	}
	p.claimCurrent()
	p.claimRetired(p.codes)
	p.collectRemoved(codes, lock)
	return p, p.nameConstants(cat.Names)
}

// checkCodes rejects codes out of order, out of the int32 range, or with an
// empty, invalid or duplicate Name.
func (p *plan) checkCodes(codes []model.Code) error {
	seen := map[string]int{}
	for i, c := range codes {
		switch {
		case c.Code <= 0 || c.Code > math.MaxInt32:
			return fmt.Errorf("code %d: out of range 1..%d", c.Code, math.MaxInt32)
		case i > 0 && c.Code <= codes[i-1].Code:
			return fmt.Errorf("code %d: after code %d, codes must ascend", c.Code, codes[i-1].Code)
		case c.Name == "":
			return fmt.Errorf("code %d: empty name", c.Code)
		case !ident.Valid(c.Name):
			return fmt.Errorf("code %d: name %q is not a valid exported Go identifier", c.Code, c.Name)
		}
		if prev, ok := seen[c.Name]; ok {
			return fmt.Errorf("code %d: name %q already used by code %d", c.Code, c.Name, prev)
		}
		seen[c.Name] = c.Code
	}
	return nil
}

// apiSafeNames returns the codes with every Name that the package's own API
// declares (a code named Lookup, Error or Code) followed by "Code" until it
// is free ("LookupCode"): the one rule for code names that clash with the
// API. The catalog is not modified.
func apiSafeNames(codes []model.Code) []model.Code {
	used := map[string]bool{}
	for _, c := range codes {
		used[c.Name] = true
	}
	out := slices.Clone(codes)
	for i := range out {
		if !slices.Contains(reserved(), out[i].Name) {
			continue
		}
		id := out[i].Name + "Code"
		for used[id] || slices.Contains(reserved(), id) {
			id += "Code"
		}
		used[id] = true
		out[i].Name = id
	}
	return out
}

// currentIdent picks a code's identifier given its locked identifiers
// (current first). The catalog's name becomes current unless it was derived
// and the lock has another; every other locked identifier is retired.
func currentIdent(c model.Code, locked []string) codeEntry {
	e := codeEntry{code: c, ident: c.Name}
	if len(locked) > 0 && c.NameOrigin == model.OriginDerived && ident.Valid(locked[0]) {
		e.ident = locked[0]
	}
	for _, id := range locked {
		if id != e.ident && !slices.Contains(e.retired, id) {
			e.retired = append(e.retired, id)
		}
	}
	return e
}

// claimCurrent takes every code's current identifier. A locked identifier
// kept as current that another code now has as its name yields to it.
func (p *plan) claimCurrent() {
	names := map[string]bool{}
	for _, e := range p.codes {
		names[e.code.Name] = true
	}
	for i := range p.codes {
		e := &p.codes[i]
		if e.ident != e.code.Name && names[e.ident] {
			e.retired = append([]string{e.ident}, e.retired...)
			e.ident = e.code.Name
		}
		p.taken[e.ident] = e.code.Code
	}
}

// claimRetired keeps each retired identifier that is valid and free; the
// first code (ascending) wins a clash, and the loser forgets it.
func (p *plan) claimRetired(entries []codeEntry) {
	for i := range entries {
		e := &entries[i]
		var kept []string
		for _, id := range e.retired {
			if _, used := p.taken[id]; used || !ident.Valid(id) {
				continue
			}
			p.taken[id] = e.code.Code
			kept = append(kept, id)
		}
		e.retired = kept
	}
}

// collectRemoved keeps the identifiers of locked codes the catalog no longer
// documents, as deprecated constants.
func (p *plan) collectRemoved(codes []model.Code, lock *Lock) {
	if lock == nil {
		return
	}
	for _, lc := range lock.Codes {
		_, found := slices.BinarySearchFunc(codes, lc.Code, func(c model.Code, n int) int { return c.Code - n })
		if found || lc.Code <= 0 || lc.Code > math.MaxInt32 {
			continue
		}
		p.removed = append(p.removed, codeEntry{code: model.Code{Code: lc.Code}, retired: lc.Identifiers})
	}
	p.claimRetired(p.removed)
}

// nameConstants names each spec name's constant "Name" + name, repeating
// the prefix until the identifier is free: the one rule for collisions. A
// spec name that cannot follow "Name" in an identifier ("foo-bar") is
// spelled as ident.Derive spells it ("NameFooBar"), or by its position when
// it has no letters at all ("NameValue12").
func (p *plan) nameConstants(names []model.Name) error {
	for i, n := range names {
		id := "Name" + n.Name
		if !ident.Valid(id) {
			id = "Name" + ident.Derive(n.Name)
		}
		if id == "Name" {
			id = fmt.Sprintf("NameValue%d", i)
		}
		for {
			if _, used := p.taken[id]; !used {
				break
			}
			id = "Name" + id
		}
		p.taken[id] = 0
		p.names = append(p.names, nameEntry{ident: id, name: n})
	}
	return nil
}

// lock returns the names lock after this generation: documented codes with
// their current and retired identifiers, then the removed ones, ascending.
func (p *plan) lock(pkg string) *Lock {
	l := &Lock{SchemaVersion: LockSchemaVersion, Package: pkg, Codes: []LockedCode{}}
	for _, e := range slices.Concat(p.codes, p.removed) {
		ids := e.retired
		if e.ident != "" {
			ids = append([]string{e.ident}, ids...)
		}
		if len(ids) > 0 {
			l.Codes = append(l.Codes, LockedCode{Code: e.code.Code, Identifiers: ids})
		}
	}
	slices.SortFunc(l.Codes, func(a, b LockedCode) int { return a.Code - b.Code })
	return l
}

// declarations returns every exported top-level identifier the package
// declares, sorted: what a test compares with the parsed output.
func (p *plan) declarations() []string {
	var out []string
	for id := range p.taken {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// endpointStrings renders a code's endpoints as "METHOD PATH", one per
// method, in page order; an endpoint without methods is its path alone.
func endpointStrings(eps []model.Endpoint) []string {
	var out []string
	for _, ep := range eps {
		if len(ep.Methods) == 0 {
			out = append(out, ep.Path)
		}
		for _, m := range ep.Methods {
			out = append(out, strings.TrimSpace(m+" "+ep.Path))
		}
	}
	return out
}
