package changes

import (
	"slices"
	"strconv"
	"strings"

	"github.com/orcgen/orcgen/model"
)

// Changes is what changed from an old catalog to a new one. Every list is
// sorted (codes ascending, names alphabetically); an empty list is nil.
type Changes struct {
	// Added are the codes only the new catalog documents.
	Added []CodeRef `json:"added,omitempty"`
	// Removed are the codes only the old catalog documents.
	Removed []CodeRef `json:"removed,omitempty"`
	// Renamed are the codes whose identifier (model.Code.Name) changed.
	Renamed []Rename `json:"renamed,omitempty"`
	// Edited are the field changes of codes both catalogs document, by code,
	// then field.
	Edited []Edit `json:"edited,omitempty"`
	// NamesAdded are the spec's symbolic names only the new catalog holds.
	NamesAdded []string `json:"namesAdded,omitempty"`
	// NamesRemoved are the spec's symbolic names only the old catalog holds.
	NamesRemoved []string `json:"namesRemoved,omitempty"`
}

// CodeRef identifies a code added or removed.
type CodeRef struct {
	// Code is the numeric code.
	Code int `json:"code"`
	// Name is the code's identifier, empty when the catalog has none.
	Name string `json:"name,omitempty"`
	// Message is the code's first message, empty when none.
	Message string `json:"message,omitempty"`
}

// Rename is a code whose identifier changed.
type Rename struct {
	// Code is the numeric code.
	Code int `json:"code"`
	// Old is the identifier in the old catalog.
	Old string `json:"old"`
	// New is the identifier in the new catalog.
	New string `json:"new"`
}

// Edited field names used in Edit.Field.
const (
	FieldMessages    = "messages"
	FieldDescription = "description"
	FieldCategory    = "category"
	FieldHTTPStatus  = "httpStatus"
	// FieldNames is the names the page states for the code.
	FieldNames = "names"
	// FieldEndpoints is the endpoints the page ties to the code.
	FieldEndpoints = "endpoints"
)

// Edit is one field of a code that changed.
type Edit struct {
	// Code is the numeric code.
	Code int `json:"code"`
	// Field is one of the Field constants.
	Field string `json:"field"`
	// Old is the field's old value as text (messages, names and endpoints
	// ("GET /odata/Robots") one per line, an HTTP status in decimal, "" for
	// none).
	Old string `json:"old"`
	// New is the field's new value as text.
	New string `json:"new"`
}

// Compare returns what changed from old to new. Either may be nil, meaning
// an empty catalog.
func Compare(old, new *model.Catalog) *Changes {
	oldCodes, newCodes := codesOf(old), codesOf(new)
	c := &Changes{}
	for _, n := range sortedKeys(newCodes) {
		o, ok := oldCodes[n]
		if !ok {
			c.Added = append(c.Added, ref(newCodes[n]))
			continue
		}
		c.compareCode(o, newCodes[n])
	}
	for _, n := range sortedKeys(oldCodes) {
		if _, ok := newCodes[n]; !ok {
			c.Removed = append(c.Removed, ref(oldCodes[n]))
		}
	}
	oldNames, newNames := namesOf(old), namesOf(new)
	c.NamesAdded = minus(newNames, oldNames)
	c.NamesRemoved = minus(oldNames, newNames)
	return c
}

// Empty reports whether nothing changed.
func (c *Changes) Empty() bool {
	return len(c.Added)+len(c.Removed)+len(c.Renamed)+len(c.Edited)+
		len(c.NamesAdded)+len(c.NamesRemoved) == 0
}

func (c *Changes) compareCode(o, n model.Code) {
	if o.Name != n.Name && o.Name != "" && n.Name != "" {
		c.Renamed = append(c.Renamed, Rename{Code: n.Code, Old: o.Name, New: n.Name})
	}
	fields := []struct{ field, old, new string }{
		{FieldMessages, strings.Join(o.Messages, "\n"), strings.Join(n.Messages, "\n")},
		{FieldDescription, o.Description, n.Description},
		{FieldCategory, o.Category, n.Category},
		{FieldHTTPStatus, status(o.HTTPStatus), status(n.HTTPStatus)},
		{FieldNames, strings.Join(o.Names, "\n"), strings.Join(n.Names, "\n")},
		{FieldEndpoints, endpoints(o.Endpoints), endpoints(n.Endpoints)},
	}
	for _, f := range fields {
		if f.old != f.new {
			c.Edited = append(c.Edited, Edit{Code: n.Code, Field: f.field, Old: f.old, New: f.new})
		}
	}
}

// endpoints writes endpoints one "METHOD PATH" per line, in page order.
func endpoints(eps []model.Endpoint) string {
	var lines []string
	for _, e := range eps {
		if len(e.Methods) == 0 {
			lines = append(lines, e.Path)
		}
		for _, m := range e.Methods {
			lines = append(lines, m+" "+e.Path)
		}
	}
	return strings.Join(lines, "\n")
}

func status(s int) string {
	if s == 0 {
		return ""
	}
	return strconv.Itoa(s)
}

func ref(c model.Code) CodeRef {
	r := CodeRef{Code: c.Code, Name: c.Name}
	if len(c.Messages) > 0 {
		r.Message = c.Messages[0]
	}
	return r
}

func codesOf(cat *model.Catalog) map[int]model.Code {
	m := map[int]model.Code{}
	if cat != nil {
		for _, c := range cat.Codes {
			m[c.Code] = c
		}
	}
	return m
}

func namesOf(cat *model.Catalog) map[string]bool {
	m := map[string]bool{}
	if cat != nil {
		for _, n := range cat.Names {
			m[n.Name] = true
		}
	}
	return m
}

func sortedKeys(m map[int]model.Code) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// minus returns the keys of a not in b, sorted; nil when none.
func minus(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if !b[k] {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
