package openapi

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/model"
)

// Patch rewrites a user's full spec (already loaded as OpenAPI 3) so that
// every operation's error responses point at the error components and carry
// x-orchestrator-error-codes; it validates the result. It is the way for a
// Swagger 2.0 definition, converted to OpenAPI 3 and written by Marshal; an
// OpenAPI 3 definition keeps its text with PatchSource.
//
// What it does, precisely:
//   - It adds the ErrorCode and ErrorName schemas, one example per code and
//     one response per error status the document and the catalog use. A
//     user's component of the same name is an error: Patch never overwrites
//     it silently.
//   - A user's own ErrorResult schema is kept; only its ErrorCode property
//     becomes a reference to ErrorCode (its other keywords, such as
//     readOnly, are dropped with it). Without one, the catalog's is added.
//   - Every 4xx and 5xx response (and 4XX, 5XX) of every operation keeps its
//     description, headers, links and extensions; its content becomes an
//     application/json ErrorResult body, with the examples of the codes the
//     page ties to the operation that come with that status (or with no
//     stated status).
//   - An operation the page ties to codes gets x-orchestrator-error-codes,
//     a response for each status those codes state that it lacks (a
//     reference to the component), and, when it declares no error response
//     at all, a default response with the examples of its codes.
func Patch(doc *openapi3.T, cat *model.Catalog) error {
	if doc.Components == nil {
		doc.Components = &openapi3.Components{}
	}
	comps, err := components(cat, nil)
	if err != nil {
		return err
	}
	p := &patcher{doc: doc, cat: cat, comps: comps, codes: codesByOperation(cat)}
	if err := p.addSchemas(); err != nil {
		return err
	}
	statuses, err := p.patchOperations()
	if err != nil {
		return err
	}
	if err := p.addResponses(errorStatuses(cat, statuses)); err != nil {
		return err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return fmt.Errorf("validate patched spec: %w", err)
	}
	return nil
}

// patcher holds what Patch works on.
type patcher struct {
	doc   *openapi3.T
	cat   *model.Catalog
	comps *openapi3.Components
	// codes maps an operationId to the codes tied to it.
	codes map[string][]model.Code
	// result is the ErrorResult schema the responses refer to.
	result *openapi3.Schema
}

// codesByOperation maps each operationId of the catalog to its codes.
func codesByOperation(cat *model.Catalog) map[string][]model.Code {
	byNumber := make(map[int]model.Code, len(cat.Codes))
	for _, c := range cat.Codes {
		byNumber[c.Code] = c
	}
	out := make(map[string][]model.Code)
	for _, op := range cat.Operations {
		for _, n := range op.Codes {
			if c, ok := byNumber[n]; ok {
				out[op.OperationID] = append(out[op.OperationID], c)
			}
		}
	}
	return out
}

// addSchemas adds ErrorCode and ErrorName and ties the ErrorResult schema to
// ErrorCode.
func (p *patcher) addSchemas() error {
	if p.doc.Components.Schemas == nil {
		p.doc.Components.Schemas = openapi3.Schemas{}
	}
	schemas := p.doc.Components.Schemas
	for _, name := range []string{SchemaErrorCode, SchemaErrorName} {
		if _, ok := schemas[name]; ok {
			return fmt.Errorf("spec already has a schema %q: rename it before patching", name)
		}
		schemas[name] = p.comps.Schemas[name]
	}
	user, ok := schemas[SchemaErrorResult]
	if !ok {
		schemas[SchemaErrorResult] = p.comps.Schemas[SchemaErrorResult]
		p.result = p.comps.Schemas[SchemaErrorResult].Value
		return nil
	}
	if user.Value == nil {
		return fmt.Errorf("spec schema %q is an unresolved reference %q", SchemaErrorResult, user.Ref)
	}
	if user.Value.Properties == nil {
		user.Value.Properties = openapi3.Schemas{}
	}
	user.Value.Properties[codeProperty] = schemaRef(SchemaErrorCode, p.comps.Schemas[SchemaErrorCode].Value)
	p.result = user.Value
	return nil
}

// addResponses adds the examples and the responses for statuses to the
// document's components.
func (p *patcher) addResponses(statuses []int) error {
	c := p.doc.Components
	if c.Examples == nil {
		c.Examples = openapi3.Examples{}
	}
	for _, name := range slices.Sorted(maps.Keys(p.comps.Examples)) {
		if _, ok := c.Examples[name]; ok {
			return fmt.Errorf("spec already has an example %q: rename it before patching", name)
		}
		c.Examples[name] = p.comps.Examples[name]
	}
	if c.Responses == nil {
		c.Responses = openapi3.ResponseBodies{}
	}
	own := responses(p.cat, statuses, p.result, p.comps.Examples)
	for _, name := range slices.Sorted(maps.Keys(own)) {
		if _, ok := c.Responses[name]; ok {
			return fmt.Errorf("spec already has a response %q: rename it before patching", name)
		}
		c.Responses[name] = own[name]
	}
	return nil
}

// patchOperations patches every operation, in path then method order, and
// returns the numeric error statuses they use.
func (p *patcher) patchOperations() ([]int, error) {
	var statuses []int
	if p.doc.Paths == nil {
		return nil, nil
	}
	for _, path := range p.doc.Paths.InMatchingOrder() {
		item := p.doc.Paths.Value(path)
		ops := item.Operations()
		for _, method := range slices.Sorted(maps.Keys(ops)) {
			used, err := p.patchOperation(ops[method])
			if err != nil {
				return nil, fmt.Errorf("operation %s %s: %w", method, path, err)
			}
			statuses = append(statuses, used...)
		}
	}
	return statuses, nil
}

// patchOperation patches one operation and returns its numeric error
// statuses.
func (p *patcher) patchOperation(op *openapi3.Operation) ([]int, error) {
	if op.Responses == nil {
		op.Responses = openapi3.NewResponses()
	}
	codes := p.codes[op.OperationID]
	declared := p.patchDeclared(op, codes)
	if len(codes) == 0 {
		return declared, nil
	}
	if op.Extensions == nil {
		op.Extensions = map[string]any{}
	}
	numbers := make([]any, len(codes))
	for i, c := range codes {
		numbers[i] = c.Code
	}
	op.Extensions[ExtErrorCodes] = numbers
	added := p.addStated(op, codes)
	if len(declared) == 0 && len(added) == 0 && !hasRangeError(op) && op.Responses.Default() == nil {
		op.Responses.Set("default", &openapi3.ResponseRef{Value: errorResponse("Error", numbersOf(codes), p.result, p.comps.Examples)})
	}
	return append(declared, added...), nil
}

// patchDeclared rewrites the operation's declared error responses and
// returns their numeric statuses.
func (p *patcher) patchDeclared(op *openapi3.Operation, codes []model.Code) []int {
	var statuses []int
	for _, key := range op.Responses.Keys() {
		status, isError := errorKey(key)
		if !isError {
			continue
		}
		if status > 0 {
			statuses = append(statuses, status)
		}
		ref := op.Responses.Value(key)
		op.Responses.Set(key, &openapi3.ResponseRef{Value: p.rewrite(ref, codesWithStatus(codes, status))})
	}
	return statuses
}

// rewrite keeps a response's description, headers, links and extensions and
// gives it an ErrorResult body with the examples of codes.
func (p *patcher) rewrite(ref *openapi3.ResponseRef, codes []int) *openapi3.Response {
	old := ref.Value
	if old == nil {
		old = &openapi3.Response{}
	}
	desc := ""
	if old.Description != nil {
		desc = *old.Description
	}
	r := errorResponse(desc, codes, p.result, p.comps.Examples)
	r.Headers, r.Links, r.Extensions = old.Headers, old.Links, old.Extensions
	return r
}

// addStated adds, as references to the components, the responses for the
// statuses the codes state and the operation lacks; it returns them.
func (p *patcher) addStated(op *openapi3.Operation, codes []model.Code) []int {
	var added []int
	for _, c := range codes {
		if c.HTTPStatus < 400 || op.Responses.Status(c.HTTPStatus) != nil {
			continue
		}
		st := c.HTTPStatus
		added = append(added, st)
		codes := codesWithStatus(codes, st)
		op.Responses.Set(strconv.Itoa(st), &openapi3.ResponseRef{
			Ref:   "#/components/responses/" + ResponseName(st),
			Value: errorResponse(statusDescription(st), codes, p.result, p.comps.Examples),
		})
	}
	return added
}

// errorKey reports whether a responses key is an error status, and the
// status when it is a number (0 for "4XX" and "5XX").
func errorKey(key string) (int, bool) {
	if strings.EqualFold(key, "4XX") || strings.EqualFold(key, "5XX") {
		return 0, true
	}
	n, err := strconv.Atoi(key)
	if err != nil || n < 400 || n > 599 {
		return 0, false
	}
	return n, true
}

// hasRangeError reports whether the operation declares 4XX or 5XX.
func hasRangeError(op *openapi3.Operation) bool {
	for _, key := range op.Responses.Keys() {
		if st, ok := errorKey(key); ok && st == 0 {
			return true
		}
	}
	return false
}

// codesWithStatus lists the codes that state status or no status at all.
func codesWithStatus(codes []model.Code, status int) []int {
	var out []int
	for _, c := range codes {
		if c.HTTPStatus == 0 || c.HTTPStatus == status {
			out = append(out, c.Code)
		}
	}
	return out
}

// numbersOf lists the codes' numbers.
func numbersOf(codes []model.Code) []int {
	out := make([]int, len(codes))
	for i, c := range codes {
		out[i] = c.Code
	}
	return out
}
