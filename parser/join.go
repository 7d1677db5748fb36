package parser

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orcgen/orcgen/model"
)

// JoinOptions configure Join.
type JoinOptions struct {
	// Extend lets the alignment name codes whose confidence reaches
	// ExtendThreshold rather than AlignThreshold (origin "aligned", level
	// medium). Off by default: below AlignThreshold a name is only recorded
	// as the code's Guess.
	Extend bool
}

// Join merges a parsed page and the facts of a spec into one catalog. Either
// side may be nil: without a spec every code is named from the page alone;
// without a page the catalog holds the spec's names and operations only.
// Neither input is modified.
//
// Every code of the result has a Name that is unique in the catalog, and a
// NameOrigin that says which evidence produced it (see the model.Origin
// constants). Decisions and contradictions are reported in Diagnostics.
func Join(page *model.Catalog, spec *model.Spec, opts JoinOptions) (*model.Catalog, error) {
	j, err := newJoiner(page, spec, opts)
	if err != nil {
		return nil, err
	}
	if err := j.assignNames(); err != nil {
		return nil, err
	}
	j.matchEndpoints()
	if j.out.Diagnostics == nil {
		j.out.Diagnostics = []model.Diagnostic{}
	}
	return j.out, nil
}

// newJoiner copies the inputs into a catalog whose codes are sorted and
// whose names are indexed, ready for naming.
func newJoiner(page *model.Catalog, spec *model.Spec, opts JoinOptions) (*joiner, error) {
	j := &joiner{opts: opts, out: &model.Catalog{SchemaVersion: model.SchemaVersion}}
	if page != nil {
		if page.SchemaVersion != model.SchemaVersion {
			return nil, fmt.Errorf("join: page model has schemaVersion %d, want %d", page.SchemaVersion, model.SchemaVersion)
		}
		j.out.Sources = append(j.out.Sources, pageSource(page))
		j.out.Codes = cloneCodes(page.Codes)
		j.out.Diagnostics = append(j.out.Diagnostics, page.Diagnostics...)
	}
	if spec != nil {
		j.out.Sources = append(j.out.Sources, specSource(spec))
		j.out.Enums = slices.Clone(spec.Enums)
		j.out.ErrorSchema = spec.ErrorSchema
		j.out.Operations = cloneOperations(spec.Operations)
		j.out.Diagnostics = append(j.out.Diagnostics, spec.Diagnostics...)
	}
	if j.out.Codes == nil {
		j.out.Codes = []model.Code{}
	}
	slices.SortStableFunc(j.out.Codes, func(a, b model.Code) int { return a.Code - b.Code })
	j.buildNames()
	return j, nil
}

// joiner holds the state of one Join.
type joiner struct {
	opts JoinOptions
	out  *model.Catalog
	// nameIndex maps a symbolic name to its index in out.Names.
	nameIndex map[string]int
	// position maps a name of the main enum (the largest enum of error
	// names, whose order follows the page's codes) to its index there.
	position map[string]int
	// mainEnum is the main enum's values, nil without a spec.
	mainEnum []string
	// byLower maps a name's lower-case form to the names spelled so.
	byLower map[string][]string
	// spelled holds, per code index, the one spec name its messages spell
	// ("" when none or several), computed once for all naming steps.
	spelled []string
	// lex holds the words of the main enum's names, built on first use.
	lex *lexicon
	// texts holds, per code index, the stemmed words of the code's own
	// text, built on first use.
	texts [][]string
	// lexRows holds, per code index, the lexical scores of the code's text
	// against the main enum's names, built on first use.
	lexRows []map[int]float64
}

// diag appends a diagnostic of the join.
func (j *joiner) diag(severity string, code int, format string, args ...any) {
	j.out.Diagnostics = append(j.out.Diagnostics, model.Diagnostic{
		Severity: severity, Source: "join", Code: code, Message: fmt.Sprintf(format, args...),
	})
}

// buildNames fills out.Names from the enums: every name once, in the order
// of the first enum holding it, with every enum that holds it.
func (j *joiner) buildNames() {
	j.nameIndex = map[string]int{}
	j.position = map[string]int{}
	j.byLower = map[string][]string{}
	for _, e := range j.out.Enums {
		if len(e.Values) > len(j.mainEnum) {
			j.mainEnum = e.Values
		}
		for _, v := range e.Values {
			i, ok := j.nameIndex[v]
			if !ok {
				i = len(j.out.Names)
				j.nameIndex[v] = i
				j.out.Names = append(j.out.Names, model.Name{Name: v})
				j.byLower[strings.ToLower(v)] = append(j.byLower[strings.ToLower(v)], v)
			}
			if !slices.Contains(j.out.Names[i].Enums, e.Name) {
				j.out.Names[i].Enums = append(j.out.Names[i].Enums, e.Name)
			}
		}
	}
	for i, v := range j.mainEnum {
		if _, dup := j.position[v]; !dup {
			j.position[v] = i
		}
	}
}

// cloneCodes deep-copies codes so that Join never writes into its inputs.
func cloneCodes(codes []model.Code) []model.Code {
	out := make([]model.Code, len(codes))
	for i, c := range codes {
		c.Names = slices.Clone(c.Names)
		c.Messages = slices.Clone(c.Messages)
		c.Params = slices.Clone(c.Params)
		c.Aliases = slices.Clone(c.Aliases)
		if c.Alignment != nil {
			al := *c.Alignment
			al.Words = slices.Clone(al.Words)
			c.Alignment = &al
		}
		eps := make([]model.Endpoint, len(c.Endpoints))
		for k, e := range c.Endpoints {
			e.Methods = slices.Clone(e.Methods)
			e.OperationIDs = slices.Clone(e.OperationIDs)
			eps[k] = e
		}
		c.Endpoints = eps
		out[i] = c
	}
	return out
}

// cloneOperations deep-copies operations.
func cloneOperations(ops []model.Operation) []model.Operation {
	out := make([]model.Operation, len(ops))
	for i, o := range ops {
		o.Tags = slices.Clone(o.Tags)
		o.ErrorStatuses = slices.Clone(o.ErrorStatuses)
		o.ErrorResponses = slices.Clone(o.ErrorResponses)
		o.Codes = slices.Clone(o.Codes)
		out[i] = o
	}
	return out
}
