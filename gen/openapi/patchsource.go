package openapi

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/orcgen/orcgen/model"
)

// ErrSwagger2 is returned by PatchSource for a Swagger 2.0 document, whose
// text cannot be kept: convert it to OpenAPI 3 (kin-openapi's openapi2conv),
// patch that with Patch and write it with Marshal.
var ErrSwagger2 = errors.New("a Swagger 2.0 document is patched as its OpenAPI 3 conversion, not in place")

// PatchResult is what PatchSource made of a document.
type PatchResult struct {
	// Data is the patched document, in the input's format.
	Data []byte
	// Operations counts the document's operations; every one of them has
	// an error response with the ErrorResult body after the patch.
	Operations int
	// Defaults counts the default responses added to operations that
	// declared no error response with a body.
	Defaults int
	// Stated counts the status responses added because a code the page
	// ties to the operation states a status the operation did not declare.
	Stated int
	// Bodies counts the declared error responses without content that got
	// the ErrorResult body.
	Bodies int
	// Tagged counts the operations given x-orchestrator-error-codes.
	Tagged int
	// Bodiless counts the declared error responses whose content the
	// document gives as an empty map ("content: {}"); they are left as they
	// are, since filling them would change a line.
	Bodiless int
}

// PatchSource patches the text of a user's OpenAPI 3 definition (YAML or
// JSON) in place: it only inserts lines (a JSON object, or a YAML flow
// mapping, gets its new members right after its opening brace), so every
// key order, quoting style, comment and blank line of the input stays as it
// was and a line diff against the input shows only added lines (except in
// an empty flow mapping, or a document on one line, which must grow on its
// own line).
//
// What it adds:
//   - to every operation the page ties to codes (by operationId, else by
//     method and path), x-orchestrator-error-codes and a reference to the
//     component response of each status those codes state that the
//     operation does not declare;
//   - to every declared 4xx, 5xx, 4XX or 5XX response that has no content,
//     an application/json ErrorResult body with the examples of the
//     operation's codes that come with that status;
//   - to every operation still without an error response that has a body
//     (a default, a $ref, or a response with non-empty content), a default
//     response with the ErrorResult body and the examples of its codes;
//   - to components: the ErrorCode and ErrorName schemas, ErrorResult when
//     the document has none (a user's own ErrorResult is kept as it is), one
//     example per code and one response per error status. A component of the
//     same name already in the document is an error.
//
// A declared error response whose content is an empty map is left alone and
// counted in Bodiless. The result is not validated: load it as any input.
// A Swagger 2.0 document gives ErrSwagger2.
func PatchSource(data []byte, cat *model.Catalog) (*PatchResult, error) {
	var file yaml.Node
	if err := yaml.Unmarshal(data, &file); err != nil {
		return nil, fmt.Errorf("parse document: %w", err)
	}
	if len(file.Content) == 0 || file.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("parse document: not a mapping")
	}
	root := file.Content[0]
	if _, v := mapGet(root, "swagger"); v != nil {
		return nil, ErrSwagger2
	}
	if _, v := mapGet(root, "openapi"); v == nil || !strings.HasPrefix(v.Value, "3.") {
		return nil, errors.New("parse document: no \"openapi: 3.x\" field")
	}
	comps, err := components(cat, nil)
	if err != nil {
		return nil, err
	}
	p := &sourcePatcher{
		root:   root,
		ed:     newEditor(data, root),
		cat:    cat,
		comps:  comps,
		codes:  codesByOperation(cat),
		routes: codesByRoute(cat),
		res:    &PatchResult{},
	}
	statuses, err := p.patchPaths(root)
	if err != nil {
		return nil, err
	}
	if err := p.addComponents(root, statuses); err != nil {
		return nil, err
	}
	out, err := p.ed.apply()
	if err != nil {
		return nil, err
	}
	p.res.Data = out
	return p.res, nil
}

// sourcePatcher holds what PatchSource works on.
type sourcePatcher struct {
	root  *yaml.Node
	ed    *editor
	cat   *model.Catalog
	comps *openapi3.Components
	// codes maps an operationId, routes a "METHOD path", to its codes.
	codes, routes map[string][]model.Code
	res           *PatchResult
}

// codesByRoute maps "METHOD path" of each catalog operation to its codes.
func codesByRoute(cat *model.Catalog) map[string][]model.Code {
	byID := codesByOperation(cat)
	out := make(map[string][]model.Code)
	for _, op := range cat.Operations {
		if codes := byID[op.OperationID]; len(codes) > 0 {
			out[strings.ToUpper(op.Method)+" "+op.Path] = codes
		}
	}
	return out
}

// methods are the keys of a path item that hold operations, in OpenAPI 3.
var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// patchPaths patches every operation in document order and returns the
// statuses of the responses it referred to.
func (p *sourcePatcher) patchPaths(root *yaml.Node) ([]int, error) {
	_, paths := mapGet(root, "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return nil, nil
	}
	var statuses []int
	for i := 0; i+1 < len(paths.Content); i += 2 {
		path, item := paths.Content[i].Value, paths.Content[i+1]
		if item.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			method := item.Content[j].Value
			if !slices.Contains(methods, method) || item.Content[j+1].Kind != yaml.MappingNode {
				continue
			}
			used, err := p.patchOperation(strings.ToUpper(method)+" "+path, item.Content[j+1])
			if err != nil {
				return nil, fmt.Errorf("operation %s %s (line %d): %w", strings.ToUpper(method), path, item.Content[j].Line, err)
			}
			statuses = append(statuses, used...)
		}
	}
	return statuses, nil
}

// patchOperation patches one operation and returns the statuses of the
// component responses it referred to.
func (p *sourcePatcher) patchOperation(route string, op *yaml.Node) ([]int, error) {
	p.res.Operations++
	codes := p.routes[route]
	if _, id := mapGet(op, "operationId"); id != nil && len(p.codes[id.Value]) > 0 {
		codes = p.codes[id.Value]
	}
	if len(codes) > 0 {
		if _, v := mapGet(op, ExtErrorCodes); v == nil {
			p.ed.add(op, ExtErrorCodes, codeList(codes))
			p.res.Tagged++
		}
	}
	responses, err := p.ed.child(op, "responses")
	if err != nil {
		return nil, err
	}
	typed, err := p.patchDeclared(responses, codes)
	if err != nil {
		return nil, err
	}
	added := p.addStated(responses, codes)
	if !typed && len(added) == 0 {
		ex := numbersOf(codes)
		p.ed.add(responses, "default", responseNode(errorResponse("Error", ex, nil, p.comps.Examples)))
		p.res.Defaults++
	}
	return added, nil
}

// patchDeclared gives the declared error responses without content the
// ErrorResult body and reports whether the operation has an error response
// with a body.
func (p *sourcePatcher) patchDeclared(responses *yaml.Node, codes []model.Code) (bool, error) {
	typed := false
	for i := 0; i+1 < len(responses.Content); i += 2 {
		key, resp := responses.Content[i].Value, responses.Content[i+1]
		status, isError := errorKey(key)
		if !isError && key != "default" {
			continue
		}
		if resp.Kind != yaml.MappingNode {
			return false, fmt.Errorf("response %q (line %d) is not a mapping", key, resp.Line)
		}
		if _, ref := mapGet(resp, "$ref"); ref != nil {
			typed = typed || p.hasErrorBody(resp, 0)
			continue
		}
		_, content := mapGet(resp, "content")
		switch {
		case content == nil:
			var ex []int
			if isError {
				ex = codesWithStatus(codes, status)
			} else {
				ex = numbersOf(codes)
			}
			body := responseNode(errorResponse("", ex, nil, p.comps.Examples).Content)
			p.ed.add(resp, "content", body)
			p.res.Bodies++
			typed = true
		case content.Kind == yaml.MappingNode && len(content.Content) == 0:
			p.res.Bodiless++
		default:
			typed = typed || p.hasErrorBody(resp, 0)
		}
	}
	return typed, nil
}

// hasErrorBody reports whether a response, or the component response it
// refers to, has a body whose schema refers to ErrorResult.
func (p *sourcePatcher) hasErrorBody(resp *yaml.Node, depth int) bool {
	if _, ref := mapGet(resp, "$ref"); ref != nil {
		name, ok := strings.CutPrefix(ref.Value, "#/components/responses/")
		if !ok || depth > 8 {
			return false
		}
		_, comps := mapGet(p.root, "components")
		_, all := mapGet(comps, "responses")
		_, target := mapGet(all, name)
		return target != nil && p.hasErrorBody(target, depth+1)
	}
	_, content := mapGet(resp, "content")
	if content == nil || content.Kind != yaml.MappingNode {
		return false
	}
	for i := 1; i < len(content.Content); i += 2 {
		_, schema := mapGet(content.Content[i], "schema")
		if _, ref := mapGet(schema, "$ref"); ref != nil && ref.Value == "#/components/schemas/"+SchemaErrorResult {
			return true
		}
	}
	return false
}

// addStated adds a reference to the component response of each status the
// codes state and the operation does not declare; it returns the statuses.
func (p *sourcePatcher) addStated(responses *yaml.Node, codes []model.Code) []int {
	var added []int
	for _, c := range codes {
		st := c.HTTPStatus
		if st < 400 || slices.Contains(added, st) {
			continue
		}
		if _, v := mapGet(responses, strconv.Itoa(st)); v != nil {
			continue
		}
		added = append(added, st)
		ref := mapping(pair("$ref", strNode("#/components/responses/"+ResponseName(st))))
		p.ed.add(responses, strconv.Itoa(st), ref)
		p.res.Stated++
	}
	return added
}

// addComponents adds the schemas, examples and responses the operations
// refer to, refusing to replace a component of the same name.
func (p *sourcePatcher) addComponents(root *yaml.Node, statuses []int) error {
	comps, err := p.ed.child(root, "components")
	if err != nil {
		return err
	}
	schemas, err := p.ed.child(comps, "schemas")
	if err != nil {
		return err
	}
	for _, name := range []string{SchemaErrorCode, SchemaErrorName} {
		if _, v := mapGet(schemas, name); v != nil {
			return fmt.Errorf("spec already has a schema %q (line %d): rename it before patching", name, v.Line)
		}
		p.ed.add(schemas, name, jsonNode(p.comps.Schemas[name].Value))
	}
	if _, v := mapGet(schemas, SchemaErrorResult); v == nil {
		p.ed.add(schemas, SchemaErrorResult, jsonNode(p.comps.Schemas[SchemaErrorResult].Value))
	}
	examples, err := p.ed.child(comps, "examples")
	if err != nil {
		return err
	}
	for _, name := range componentNames(p.comps.Examples) {
		if _, v := mapGet(examples, name); v != nil {
			return fmt.Errorf("spec already has an example %q (line %d): rename it before patching", name, v.Line)
		}
		p.ed.add(examples, name, jsonNode(p.comps.Examples[name].Value))
	}
	resps, err := p.ed.child(comps, "responses")
	if err != nil {
		return err
	}
	all := errorStatuses(p.cat, statuses)
	own := responses(p.cat, all, nil, p.comps.Examples)
	for _, st := range all {
		name := ResponseName(st)
		if _, v := mapGet(resps, name); v != nil {
			return fmt.Errorf("spec already has a response %q (line %d): rename it before patching", name, v.Line)
		}
		p.ed.add(resps, name, responseNode(own[name].Value))
	}
	return nil
}

// codeList is the flow sequence of the codes' numbers.
func codeList(codes []model.Code) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, c := range codes {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(c.Code)})
	}
	return n
}

// jsonNode is the YAML node of a value's JSON form, keys sorted.
func jsonNode(v any) *yaml.Node {
	tree, err := jsonTree(v)
	if err != nil {
		panic(fmt.Sprintf("openapi: %v", err)) // the values are orcgen's own components
	}
	n, err := yamlNode(tree)
	if err != nil {
		panic(fmt.Sprintf("openapi: %v", err))
	}
	return n
}

// responseNode is the node of a response or of its content, with the
// description before the content and the schema before the examples.
func responseNode(v any) *yaml.Node {
	n := jsonNode(v)
	moveFirst(n, "description")
	content := n
	if _, c := mapGet(n, "content"); c != nil {
		content = c
	}
	for i := 1; i < len(content.Content); i += 2 {
		moveFirst(content.Content[i], "schema")
	}
	return n
}

// moveFirst moves the member key of mapping n, if any, to the front.
func moveFirst(n *yaml.Node, key string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			kv := []*yaml.Node{n.Content[i], n.Content[i+1]}
			n.Content = append(kv, slices.Delete(n.Content, i, i+2)...)
			return
		}
	}
}

// mapping is a block mapping node of the pairs.
func mapping(pairs ...[2]*yaml.Node) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, kv := range pairs {
		n.Content = append(n.Content, kv[0], kv[1])
	}
	return n
}

// pair is a key and its value.
func pair(key string, v *yaml.Node) [2]*yaml.Node {
	return [2]*yaml.Node{strNode(key), v}
}

// mapGet returns the key and value nodes of key in a mapping node.
func mapGet(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}
