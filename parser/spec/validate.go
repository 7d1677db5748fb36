package spec

import (
	"context"
	"fmt"

	"github.com/getkin/kin-openapi/openapi3"
)

// validate checks doc leniently — examples, defaults, patterns and formats
// are not checked, since vendor definitions get them wrong harmlessly — with
// work bounded by the document's size: each schema, parameter, header,
// request body and response is validated once.
//
// kin-openapi's Validate starts afresh from every component, operation and
// response and follows every $ref from there, so a chain of n schemas costs
// n² (6,000 chained schemas took 16 s), and 5,000 operations that refer to
// one response holding a schema of 5,000 properties took 19 s and 3.4 GB.
// Here every $ref is pointed, for the duration of Validate, at a small stub
// of its target (one empty schema for schemas; a parameter's stub keeps its
// name, location and required flag, which the path checks read): each
// object is then validated where it is written, components by Validate
// itself, targets that live outside the components (in another document)
// one by one afterwards. Nothing is skipped and nothing is checked twice.
func validate(doc *openapi3.T) error {
	refs := collectSchemaRefs(doc)
	undo := refs.stub()
	defer undo()
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
	ctx := context.Background()
	inComponents := components(doc)
	for _, t := range refs.targets() {
		if inComponents[t.value] {
			continue
		}
		if err := t.validate(ctx, opts...); err != nil {
			return fmt.Errorf("invalid definition: %s: %w", t.ref, err)
		}
	}
	return nil
}

// components returns the values the document's components define
// themselves (not by $ref).
func components(doc *openapi3.T) map[any]bool {
	in := map[any]bool{}
	c := doc.Components
	if c == nil {
		return in
	}
	for _, r := range c.Schemas {
		if r != nil && r.Ref == "" {
			in[r.Value] = true
		}
	}
	for _, r := range c.Parameters {
		if r != nil && r.Ref == "" {
			in[r.Value] = true
		}
	}
	for _, r := range c.Headers {
		if r != nil && r.Ref == "" {
			in[r.Value] = true
		}
	}
	for _, r := range c.RequestBodies {
		if r != nil && r.Ref == "" {
			in[r.Value] = true
		}
	}
	for _, r := range c.Responses {
		if r != nil && r.Ref == "" {
			in[r.Value] = true
		}
	}
	return in
}

// target is the value a $ref led to, for validation on its own.
type target struct {
	value    any
	ref      string
	validate func(ctx context.Context, opts ...openapi3.ValidationOption) error
}

// targets returns the distinct targets of every $ref, in the order met.
func (r *schemaRefs) targets() []target {
	var ts []target
	for i, s := range r.schemaTargets {
		ts = append(ts, target{s, "schema " + r.schemaTargetRefs[i], s.Validate})
	}
	seen := map[any]bool{}
	for _, p := range r.params {
		if v := p.Value; !seen[v] {
			seen[v] = true
			ts = append(ts, target{v, "parameter " + p.Ref, v.Validate})
		}
	}
	for _, h := range r.headers {
		if v := h.Value; !seen[v] {
			seen[v] = true
			ts = append(ts, target{v, "header " + h.Ref, v.Validate})
		}
	}
	for _, b := range r.bodies {
		if v := b.Value; !seen[v] {
			seen[v] = true
			ts = append(ts, target{v, "request body " + b.Ref, v.Validate})
		}
	}
	for _, resp := range r.responses {
		if v := resp.Value; !seen[v] {
			seen[v] = true
			ts = append(ts, target{v, "response " + resp.Ref, v.Validate})
		}
	}
	return ts
}

// stub points every recorded $ref at a stub of its target and returns the
// function that points them back.
func (r *schemaRefs) stub() (undo func()) {
	schema := &openapi3.Schema{}
	schemaRef := &openapi3.SchemaRef{Value: schema}
	desc := "stub"
	var undos []func()
	for _, ref := range r.refs {
		orig := ref.Value
		ref.Value = schema
		undos = append(undos, func() { ref.Value = orig })
	}
	params := map[*openapi3.Parameter]*openapi3.Parameter{}
	for _, ref := range r.params {
		orig := ref.Value
		if params[orig] == nil {
			params[orig] = &openapi3.Parameter{Name: orig.Name, In: orig.In, Required: orig.Required, Schema: schemaRef}
		}
		ref.Value = params[orig]
		undos = append(undos, func() { ref.Value = orig })
	}
	header := &openapi3.Header{Parameter: openapi3.Parameter{Schema: schemaRef}}
	for _, ref := range r.headers {
		orig := ref.Value
		ref.Value = header
		undos = append(undos, func() { ref.Value = orig })
	}
	body := &openapi3.RequestBody{Content: openapi3.Content{"application/json": &openapi3.MediaType{Schema: schemaRef}}}
	for _, ref := range r.bodies {
		orig := ref.Value
		ref.Value = body
		undos = append(undos, func() { ref.Value = orig })
	}
	response := &openapi3.Response{Description: &desc}
	for _, ref := range r.responses {
		orig := ref.Value
		ref.Value = response
		undos = append(undos, func() { ref.Value = orig })
	}
	return func() {
		for _, u := range undos {
			u()
		}
	}
}

// schemaRefs are the $refs of a document — to schemas, parameters,
// headers, request bodies and responses — and the distinct schemas they
// lead to, in the order first met.
type schemaRefs struct {
	refs             []*openapi3.SchemaRef
	schemaTargets    []*openapi3.Schema
	schemaTargetRefs []string // the $ref that first led to each target
	params           []*openapi3.ParameterRef
	headers          []*openapi3.HeaderRef
	bodies           []*openapi3.RequestBodyRef
	responses        []*openapi3.ResponseRef
	seen             map[*openapi3.Schema]bool
	seenOther        map[any]bool // parameters, headers, bodies, responses, path items
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
			r.requestBody(c.RequestBodies[name])
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
		r.requestBody(op.RequestBody)
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
	if p == nil || p.Value == nil {
		return
	}
	if p.Ref != "" {
		r.params = append(r.params, p)
	}
	if !r.first(p.Value) {
		return
	}
	r.schema(p.Value.Schema)
	r.content(p.Value.Content)
}

func (r *schemaRefs) header(h *openapi3.HeaderRef) {
	if h == nil || h.Value == nil {
		return
	}
	if h.Ref != "" {
		r.headers = append(r.headers, h)
	}
	if !r.first(h.Value) {
		return
	}
	r.schema(h.Value.Schema)
	r.content(h.Value.Content)
}

func (r *schemaRefs) requestBody(b *openapi3.RequestBodyRef) {
	if b == nil || b.Value == nil {
		return
	}
	if b.Ref != "" {
		r.bodies = append(r.bodies, b)
	}
	if r.first(b.Value) {
		r.content(b.Value.Content)
	}
}

func (r *schemaRefs) response(resp *openapi3.ResponseRef) {
	if resp == nil || resp.Value == nil {
		return
	}
	if resp.Ref != "" {
		r.responses = append(r.responses, resp)
	}
	if !r.first(resp.Value) {
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
		r.schemaTargets = append(r.schemaTargets, s)
		r.schemaTargetRefs = append(r.schemaTargetRefs, ref.Ref)
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
