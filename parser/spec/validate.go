package spec

import (
	"context"
	"fmt"

	"github.com/getkin/kin-openapi/openapi3"
)

// validate checks doc leniently — examples, defaults, patterns and formats
// are not checked, since vendor definitions get them wrong harmlessly — with
// work bounded by the document's size: each schema is validated once.
//
// kin-openapi's Validate starts afresh from every component, response and
// parameter and follows every $ref from there, so a chain of n schemas costs
// n² (6,000 chained schemas took 16 s). Here every $ref to a schema is
// pointed, for the duration of Validate, at one empty schema: each schema is
// then validated where it is written, components by Validate itself, the
// targets of $refs that live outside the components (in another document)
// one by one afterwards. Nothing is skipped and nothing is checked twice.
func validate(doc *openapi3.T) error {
	refs := collectSchemaRefs(doc)
	stub := &openapi3.Schema{}
	saved := make([]*openapi3.Schema, len(refs.refs))
	for i, ref := range refs.refs {
		saved[i], ref.Value = ref.Value, stub
	}
	defer func() {
		for i, ref := range refs.refs {
			ref.Value = saved[i]
		}
	}()
	opts := []openapi3.ValidationOption{
		openapi3.DisableExamplesValidation(),
		openapi3.DisableSchemaDefaultsValidation(),
		openapi3.DisableSchemaPatternValidation(),
		openapi3.DisableSchemaFormatValidation(),
	}
	if err := doc.Validate(context.Background(), opts...); err != nil {
		return fmt.Errorf("invalid definition: %w", err)
	}
	if doc.IsOpenAPI31OrLater() {
		opts = append(opts, openapi3.IsOpenAPI31OrLater())
	}
	components := map[*openapi3.Schema]bool{}
	if doc.Components != nil {
		for _, ref := range doc.Components.Schemas {
			if ref != nil && ref.Ref == "" {
				components[ref.Value] = true
			}
		}
	}
	for i, target := range refs.targets {
		if components[target] {
			continue
		}
		if err := target.Validate(context.Background(), opts...); err != nil {
			return fmt.Errorf("invalid definition: schema %s: %w", refs.targetRefs[i], err)
		}
	}
	return nil
}

// schemaRefs are the $refs to schemas of a document and their distinct
// targets, in the order first met.
type schemaRefs struct {
	refs       []*openapi3.SchemaRef
	targets    []*openapi3.Schema
	targetRefs []string // the $ref that first led to each target
	seen       map[*openapi3.Schema]bool
	seenOther  map[any]bool // parameters, headers, bodies, responses, path items
}

// collectSchemaRefs walks every schema of doc once and returns its $refs.
func collectSchemaRefs(doc *openapi3.T) *schemaRefs {
	r := &schemaRefs{seen: map[*openapi3.Schema]bool{}, seenOther: map[any]bool{}}
	if c := doc.Components; c != nil {
		for _, name := range sortedKeys(c.Schemas) {
			r.schema(c.Schemas[name])
		}
		for _, name := range sortedKeys(c.Parameters) {
			r.parameter(c.Parameters[name])
		}
		for _, name := range sortedKeys(c.Headers) {
			r.header(c.Headers[name])
		}
		for _, name := range sortedKeys(c.RequestBodies) {
			if b := c.RequestBodies[name]; b != nil && b.Value != nil && r.first(b.Value) {
				r.content(b.Value.Content)
			}
		}
		for _, name := range sortedKeys(c.Responses) {
			r.response(c.Responses[name])
		}
		for _, name := range sortedKeys(c.Callbacks) {
			if cb := c.Callbacks[name]; cb != nil {
				r.callback(cb.Value)
			}
		}
	}
	if doc.Paths != nil {
		paths := doc.Paths.Map()
		for _, path := range sortedKeys(paths) {
			r.pathItem(paths[path])
		}
	}
	for _, name := range sortedKeys(doc.Webhooks) {
		r.pathItem(doc.Webhooks[name])
	}
	return r
}

// first reports whether v is met for the first time.
func (r *schemaRefs) first(v any) bool {
	if r.seenOther[v] {
		return false
	}
	r.seenOther[v] = true
	return true
}

func (r *schemaRefs) callback(cb *openapi3.Callback) {
	if cb == nil || !r.first(cb) {
		return
	}
	items := cb.Map()
	for _, expr := range sortedKeys(items) {
		r.pathItem(items[expr])
	}
}

func (r *schemaRefs) pathItem(item *openapi3.PathItem) {
	if item == nil || !r.first(item) {
		return
	}
	for _, p := range item.Parameters {
		r.parameter(p)
	}
	ops := item.Operations()
	for _, method := range sortedKeys(ops) {
		op := ops[method]
		for _, p := range op.Parameters {
			r.parameter(p)
		}
		if b := op.RequestBody; b != nil && b.Value != nil && r.first(b.Value) {
			r.content(b.Value.Content)
		}
		if op.Responses != nil {
			responses := op.Responses.Map()
			for _, status := range sortedKeys(responses) {
				r.response(responses[status])
			}
		}
		for _, name := range sortedKeys(op.Callbacks) {
			if cb := op.Callbacks[name]; cb != nil {
				r.callback(cb.Value)
			}
		}
	}
}

func (r *schemaRefs) parameter(p *openapi3.ParameterRef) {
	if p == nil || p.Value == nil || !r.first(p.Value) {
		return
	}
	r.schema(p.Value.Schema)
	r.content(p.Value.Content)
}

func (r *schemaRefs) header(h *openapi3.HeaderRef) {
	if h == nil || h.Value == nil || !r.first(h.Value) {
		return
	}
	r.schema(h.Value.Schema)
	r.content(h.Value.Content)
}

func (r *schemaRefs) response(resp *openapi3.ResponseRef) {
	if resp == nil || resp.Value == nil || !r.first(resp.Value) {
		return
	}
	for _, name := range sortedKeys(resp.Value.Headers) {
		r.header(resp.Value.Headers[name])
	}
	r.content(resp.Value.Content)
}

func (r *schemaRefs) content(c openapi3.Content) {
	for _, name := range sortedKeys(c) {
		if mt := c[name]; mt != nil {
			r.schema(mt.Schema)
			r.schema(mt.ItemSchema)
		}
	}
}

// schema records ref if it is a $ref and walks its target's subschemas the
// first time the target is met.
func (r *schemaRefs) schema(ref *openapi3.SchemaRef) {
	if ref == nil || ref.Value == nil {
		return
	}
	s := ref.Value
	if ref.Ref != "" {
		r.refs = append(r.refs, ref)
	}
	if r.seen[s] {
		return
	}
	r.seen[s] = true
	if ref.Ref != "" {
		r.targets = append(r.targets, s)
		r.targetRefs = append(r.targetRefs, ref.Ref)
	}
	for _, name := range sortedKeys(s.Properties) {
		r.schema(s.Properties[name])
	}
	for _, sub := range []*openapi3.SchemaRef{s.Items, s.AdditionalProperties.Schema, s.Not, s.Contains,
		s.PropertyNames, s.If, s.Then, s.Else, s.UnevaluatedItems.Schema, s.UnevaluatedProperties.Schema, s.ContentSchema} {
		r.schema(sub)
	}
	for _, list := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf, s.PrefixItems} {
		for _, sub := range list {
			r.schema(sub)
		}
	}
	for _, m := range []openapi3.Schemas{s.PatternProperties, s.DependentSchemas, s.Defs} {
		for _, name := range sortedKeys(m) {
			r.schema(m[name])
		}
	}
}
