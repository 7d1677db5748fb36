package openapi

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/orcgen/orcgen/model"
)

// jsonMediaType is the media type of the error bodies.
const jsonMediaType = "application/json"

// errorStatuses lists, ascending and once each, the 4xx and 5xx statuses the
// catalog's operations and codes use, plus extra.
func errorStatuses(cat *model.Catalog, extra []int) []int {
	var out []int
	for _, op := range cat.Operations {
		out = append(out, op.ErrorStatuses...)
	}
	for _, c := range cat.Codes {
		if c.HTTPStatus >= 400 {
			out = append(out, c.HTTPStatus)
		}
	}
	out = append(out, extra...)
	slices.Sort(out)
	return slices.Compact(out)
}

// ResponseName is the component name of the response for an error status:
// the status text without spaces plus "Error" ("NotFoundError"), or
// "Error<status>" for a status without a standard text.
func ResponseName(status int) string {
	text := http.StatusText(status)
	if text == "" {
		return "Error" + strconv.Itoa(status)
	}
	var b strings.Builder
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }) {
		b.WriteString(f)
	}
	b.WriteString("Error")
	return b.String()
}

// ExampleName is the component name of the example for a code
// ("ErrorCode1001").
func ExampleName(code int) string {
	return "ErrorCode" + strconv.Itoa(code)
}

// examples holds one example error body per code.
func examples(cat *model.Catalog) openapi3.Examples {
	ex := make(openapi3.Examples, len(cat.Codes))
	for _, c := range cat.Codes {
		ex[ExampleName(c.Code)] = &openapi3.ExampleRef{Value: example(c)}
	}
	return ex
}

// example is the error body a client sees for a code.
func example(c model.Code) *openapi3.Example {
	body := map[string]any{codeProperty: c.Code}
	if len(c.Messages) > 0 {
		body["Message"] = strings.Join(c.Messages, " ")
	}
	summary := strconv.Itoa(c.Code)
	if c.Name != "" {
		summary += " " + c.Name
	}
	return &openapi3.Example{Summary: summary, Description: c.Description, Value: body}
}

// responses holds one response per error status, with the examples of the
// codes known to come with it.
func responses(cat *model.Catalog, statuses []int, result *openapi3.Schema, ex openapi3.Examples) openapi3.ResponseBodies {
	rb := make(openapi3.ResponseBodies, len(statuses))
	for _, st := range statuses {
		codes := codesForStatus(cat.Codes, st)
		rb[ResponseName(st)] = &openapi3.ResponseRef{Value: errorResponse(statusDescription(st), codes, result, ex)}
	}
	return rb
}

// statusDescription describes a response for a status.
func statusDescription(status int) string {
	if text := http.StatusText(status); text != "" {
		return text
	}
	return fmt.Sprintf("Error %d", status)
}

// codesForStatus lists the codes whose page states the status; when none
// does, the codes whose status the page leaves open, since any of them may
// come with it.
func codesForStatus(codes []model.Code, status int) []int {
	var stated, open []int
	for _, c := range codes {
		switch c.HTTPStatus {
		case status:
			stated = append(stated, c.Code)
		case 0:
			open = append(open, c.Code)
		}
	}
	if len(stated) > 0 {
		return stated
	}
	return open
}

// errorResponse is a response whose JSON body is an ErrorResult, with
// references to the examples of codes.
// The references are resolved to result and to the values in ex.
func errorResponse(description string, codes []int, result *openapi3.Schema, ex openapi3.Examples) *openapi3.Response {
	mt := &openapi3.MediaType{Schema: schemaRef(SchemaErrorResult, result)}
	if len(codes) > 0 {
		mt.Examples = make(openapi3.Examples, len(codes))
		for _, code := range codes {
			name := ExampleName(code)
			mt.Examples[name] = &openapi3.ExampleRef{Ref: "#/components/examples/" + name, Value: ex[name].Value}
		}
	}
	return &openapi3.Response{
		Description: &description,
		Content:     openapi3.Content{jsonMediaType: mt},
	}
}
