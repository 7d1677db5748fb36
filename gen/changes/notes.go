package changes

import (
	"github.com/orcgen/orcgen/gen/naming"
	"github.com/orcgen/orcgen/model"
)

// Notes is a release note for a catalog change: the two sides compared,
// what the generated Go package gains, renames and loses, and the changes of
// codes and spec names. Lists are sorted as in Changes; an empty list is nil.
type Notes struct {
	// Old and New describe the catalogs compared.
	Old, New Side
	// GoAPI is the effect on the generated Go package.
	GoAPI GoAPI
	// Codes are the code changes (Added, Removed, Renamed, Edited). Its
	// NamesAdded and NamesRemoved are those of Changes, renames included;
	// Notes.Names holds them with the renames paired.
	Codes *Changes
	// Names are the spec's symbolic names added, removed and renamed.
	Names NameChanges

	names map[int]string // code → the new catalog's name, for the Markdown
}

// Side names one catalog of a comparison by its sources' metadata.
type Side struct {
	// Title is the spec's info.title, empty without a spec.
	Title string `json:"title"`
	// Version is the spec's info.version, empty without a spec.
	Version string `json:"version"`
	// SpecSHA256 is the hex SHA-256 of the spec as read, empty without one.
	SpecSHA256 string `json:"specSha256"`
	// PageSHA256 is the hex SHA-256 of the page as read, empty without one.
	PageSHA256 string `json:"pageSha256"`
	// Codes is the number of documented codes.
	Codes int `json:"codes"`
	// Names is the number of the spec's symbolic names.
	Names int `json:"names"`
}

// NameChanges are the spec's symbolic names that changed. A removal and an
// addition that are the same name but for one word are a rename, not listed
// as added or removed.
type NameChanges struct {
	// Added are the names only the new catalog holds, sorted.
	Added []string `json:"added"`
	// Removed are the names only the old catalog holds, sorted.
	Removed []string `json:"removed"`
	// Renamed pairs a removed name with the added name it became, by old
	// name.
	Renamed []NameRename `json:"renamed"`
}

// GoAPI is what a catalog change does to the generated Go package when its
// names lock (orcgen.lock.json) is committed, as the naming stage
// (gen/naming) decides it: the old catalog's identifiers are resolved
// without a lock, the new catalog's with the lock the old generation wrote.
// A renamed code then keeps its old identifier as a deprecated alias, a
// removed code keeps its constant, deprecated, and a derived name never
// replaces a locked identifier. Name constants are not locked.
type GoAPI struct {
	// CodesAdded are the code constants only the new package declares, by
	// code.
	CodesAdded []Constant `json:"codesAdded"`
	// CodesRenamed are the codes documented by both whose current
	// identifier changes, by code.
	CodesRenamed []ConstantRename `json:"codesRenamed"`
	// CodesKept are the codes whose name changes in the catalog but whose
	// identifier the lock keeps (a derived name does not replace a locked
	// one), by code; New is the catalog's new name, which is not declared.
	CodesKept []ConstantRename `json:"codesKept"`
	// CodesDeprecated are the constants of codes no longer documented that
	// the package keeps as deprecated, by code.
	CodesDeprecated []Constant `json:"codesDeprecated"`
	// CodesRenumbered are the constants declared by both packages whose
	// value changes, by identifier.
	CodesRenumbered []Renumber `json:"codesRenumbered"`
	// CodesRemoved are the code constants only the old package declares
	// (breaking), by identifier.
	CodesRemoved []Constant `json:"codesRemoved"`
	// NamesAdded are the Name constants only the new package declares,
	// sorted, renamed ones apart.
	NamesAdded []string `json:"namesAdded"`
	// NamesRemoved are the Name constants only the old package declares
	// (breaking), sorted, renamed ones apart.
	NamesRemoved []string `json:"namesRemoved"`
	// NamesRenamed are the Name constants of the spec names renamed
	// (NameChanges.Renamed), in that order: the old constant is not kept
	// (breaking).
	NamesRenamed []NameRename `json:"namesRenamed"`
}

// Constant is one code constant of the generated Go package.
type Constant struct {
	// Ident is the constant's identifier.
	Ident string `json:"ident"`
	// Code is its value, the numeric code.
	Code int `json:"code"`
}

// Renumber is a code constant whose value changes.
type Renumber struct {
	// Ident is the constant's identifier.
	Ident string `json:"ident"`
	// Old and New are its values in the old and new packages.
	Old int `json:"old"`
	New int `json:"new"`
}

// ConstantRename is a code whose identifier (or, in GoAPI.CodesKept, whose
// catalog name) changes.
type ConstantRename struct {
	// Code is the numeric code.
	Code int `json:"code"`
	// Old is the identifier in the old package.
	Old string `json:"old"`
	// New is the identifier in the new package (in CodesKept: the
	// catalog's new name).
	New string `json:"new"`
	// AliasKept reports whether the new package still declares Old, as a
	// deprecated alias of the same code.
	AliasKept bool `json:"aliasKept"`
}

// NewNotes compares old with new and returns the release note. Either may
// be nil, meaning an empty catalog. It fails when the naming stage rejects a
// catalog's names (a name that is no Go identifier, a duplicate).
func NewNotes(old, new *model.Catalog) (*Notes, error) {
	return NewNotesWithLock(old, new, nil)
}

// NewNotesWithLock is NewNotes for an old catalog generated with lock, the
// names lock committed beside it (nil for none): the old package's
// identifiers, deprecated aliases included, are resolved with it, and the
// new package's with the lock that generation wrote.
func NewNotesWithLock(old, new *model.Catalog, lock *naming.Lock) (*Notes, error) {
	c := Compare(old, new)
	n := &Notes{Old: SideOf(old), New: SideOf(new), Codes: c, names: map[int]string{}}
	for _, code := range orEmpty(new).Codes {
		n.names[code.Code] = code.Name
	}
	n.Names.Renamed, n.Names.Removed, n.Names.Added = pairRenames(c.NamesRemoved, c.NamesAdded)
	g, err := goAPI(old, new, lock, n.Names.Renamed)
	if err != nil {
		return nil, err
	}
	n.GoAPI = g
	return n, nil
}

// SideOf describes a catalog by the sources it records: the spec's title,
// version and SHA-256 and the page's SHA-256. A nil catalog is empty.
func SideOf(cat *model.Catalog) Side {
	var s Side
	if cat == nil {
		return s
	}
	s.Codes, s.Names = len(cat.Codes), len(cat.Names)
	for _, src := range cat.Sources {
		switch src.Kind {
		case model.SourcePage:
			s.PageSHA256 = src.SHA256
		case model.SourceSpec:
			s.Title, s.Version, s.SpecSHA256 = src.Title, src.Version, src.SHA256
		}
	}
	return s
}

// Empty reports whether nothing changed.
func (n *Notes) Empty() bool {
	return n.Codes.Empty()
}
