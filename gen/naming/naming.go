package naming

import (
	"fmt"
	"math"
	"slices"

	"github.com/orcgen/orcgen/model"
	"github.com/orcgen/orcgen/model/ident"
)

// API returns the package-level identifiers the generated Go package always
// declares; no code or name constant may take them.
func API() []string {
	return []string{"All", "ByName", "Code", "Error", "Fill", "Format", "FromResponse", "Lookup", "Name", "Parse"}
}

// Code is the identifiers of one code.
type Code struct {
	// Code is the numeric error code.
	Code int
	// Ident is the current identifier; empty for a code only the lock knows.
	Ident string
	// Deprecated are earlier identifiers kept as deprecated aliases, newest
	// first.
	Deprecated []string
}

// Name is the constant of one spec name.
type Name struct {
	// Ident is the constant's identifier ("NameItemNotFound").
	Ident string
	// Name is the spec name as the catalog holds it.
	Name model.Name
}

// Result is every identifier decision of one generation.
type Result struct {
	// Catalog is a copy of the input catalog whose every Code.Name is the
	// code's identifier: what every emitter shows.
	Catalog *model.Catalog
	// Codes are the documented codes' identifiers, in Catalog.Codes order.
	Codes []Code
	// Removed are the codes only the lock knows (no longer documented),
	// ascending; all their identifiers are deprecated.
	Removed []Code
	// Names are the Name constants, in Catalog.Names order.
	Names []Name
	// taken maps every identifier declared at package level to the code
	// that owns it (0 for the API and Name constants).
	taken map[string]int
}

// Resolve settles every identifier for cat, honouring lock (nil for none):
// a locked identifier is never dropped while its code is documented, and a
// derived name never displaces a locked one. The lock must have passed
// CheckLock. cat is not modified.
func Resolve(cat *model.Catalog, lock *Lock) (*Result, error) {
	r := &Result{taken: map[string]int{}}
	for _, id := range API() {
		r.taken[id] = 0
	}
	codes := apiSafe(cat.Codes)
	if err := checkCodes(codes); err != nil {
		return nil, err
	}
	for _, c := range codes {
		r.Codes = append(r.Codes, current(c, lock.Identifiers(c.Code)))
	}
	r.claimCurrent(codes)
	r.claimDeprecated(r.Codes)
	r.collectRemoved(codes, lock)
	r.nameConstants(cat.Names)

	named := *cat
	named.Codes = slices.Clone(cat.Codes)
	for i := range named.Codes {
		named.Codes[i].Name = r.Codes[i].Ident
	}
	r.Catalog = &named
	return r, nil
}

// checkCodes rejects codes out of order, out of the int32 range, or with an
// empty, invalid or duplicate Name.
func checkCodes(codes []model.Code) error {
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

// apiSafe returns the codes with every Name that the package's own API
// declares (a code named Lookup, Error or Code) followed by "Code" until it
// is free ("LookupCode"): the one rule for code names that clash with the
// API. The input is not modified.
func apiSafe(codes []model.Code) []model.Code {
	used := map[string]bool{}
	for _, c := range codes {
		used[c.Name] = true
	}
	out := slices.Clone(codes)
	for i := range out {
		if !slices.Contains(API(), out[i].Name) {
			continue
		}
		id := out[i].Name + "Code"
		for used[id] || slices.Contains(API(), id) {
			id += "Code"
		}
		used[id] = true
		out[i].Name = id
	}
	return out
}

// current picks a code's identifier given its locked identifiers (current
// first). The catalog's name becomes current unless it was derived and the
// lock has another; every other locked identifier is deprecated.
func current(c model.Code, locked []string) Code {
	e := Code{Code: c.Code, Ident: c.Name}
	if len(locked) > 0 && c.NameOrigin == model.OriginDerived {
		e.Ident = locked[0]
	}
	for _, id := range locked {
		if id != e.Ident && !slices.Contains(e.Deprecated, id) {
			e.Deprecated = append(e.Deprecated, id)
		}
	}
	return e
}

// claimCurrent takes every code's current identifier. A locked identifier
// kept as current that another code now has as its name yields to it.
func (r *Result) claimCurrent(codes []model.Code) {
	names := map[string]bool{}
	for _, c := range codes {
		names[c.Name] = true
	}
	for i := range r.Codes {
		e := &r.Codes[i]
		if e.Ident != codes[i].Name && names[e.Ident] {
			e.Deprecated = append([]string{e.Ident}, e.Deprecated...)
			e.Ident = codes[i].Name
		}
		r.taken[e.Ident] = e.Code
	}
}

// claimDeprecated keeps each deprecated identifier that is free; the first
// code (ascending) wins a clash, and the loser forgets it.
func (r *Result) claimDeprecated(entries []Code) {
	for i := range entries {
		e := &entries[i]
		var kept []string
		for _, id := range e.Deprecated {
			if _, used := r.taken[id]; used {
				continue
			}
			r.taken[id] = e.Code
			kept = append(kept, id)
		}
		e.Deprecated = kept
	}
}

// collectRemoved keeps the identifiers of locked codes the catalog no longer
// documents, as deprecated constants.
func (r *Result) collectRemoved(codes []model.Code, lock *Lock) {
	if lock == nil {
		return
	}
	for _, lc := range lock.Codes {
		_, found := slices.BinarySearchFunc(codes, lc.Code, func(c model.Code, n int) int { return c.Code - n })
		if found || lc.Code <= 0 || lc.Code > math.MaxInt32 {
			continue
		}
		r.Removed = append(r.Removed, Code{Code: lc.Code, Deprecated: slices.Clone(lc.Identifiers)})
	}
	r.claimDeprecated(r.Removed)
}

// nameConstants names each spec name's constant "Name" + name, repeating
// the prefix until the identifier is free: the one rule for collisions. A
// spec name that cannot follow "Name" in an identifier ("foo-bar") is
// spelled as ident.Derive spells it ("NameFooBar"), or by its position when
// it has no letters at all ("NameValue12").
func (r *Result) nameConstants(names []model.Name) {
	for i, n := range names {
		id := "Name" + n.Name
		if !ident.Valid(id) {
			id = "Name" + ident.Derive(n.Name)
		}
		if id == "Name" {
			id = fmt.Sprintf("NameValue%d", i)
		}
		for {
			if _, used := r.taken[id]; !used {
				break
			}
			id = "Name" + id
		}
		r.taken[id] = 0
		r.Names = append(r.Names, Name{Ident: id, Name: n})
	}
}

// Lock returns the names lock after this generation for package pkg:
// documented codes with their current and deprecated identifiers, then the
// removed ones, ascending.
func (r *Result) Lock(pkg string) *Lock {
	l := &Lock{SchemaVersion: LockSchemaVersion, Package: pkg, Codes: []LockedCode{}}
	for _, e := range slices.Concat(r.Codes, r.Removed) {
		ids := e.Deprecated
		if e.Ident != "" {
			ids = append([]string{e.Ident}, ids...)
		}
		if len(ids) > 0 {
			l.Codes = append(l.Codes, LockedCode{Code: e.Code, Identifiers: ids})
		}
	}
	slices.SortFunc(l.Codes, func(a, b LockedCode) int { return a.Code - b.Code })
	return l
}
