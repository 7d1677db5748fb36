// Package parser joins what the page parser (parser/page) and the spec loader
// (parser/spec) read into one catalog: numeric codes from the Response Codes
// page, symbolic names and operations from the Swagger definition, and the
// evidence that ties each code to its name.
package parser
