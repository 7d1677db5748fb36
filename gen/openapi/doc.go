// Package openapi turns a model.Catalog into OpenAPI 3.0 error components
// (ErrorCode, ErrorName, ErrorResult and one response per error status) and
// patches a user's full spec so that its error responses point at them:
// PatchSource edits an OpenAPI 3 document's text, inserting lines only;
// Patch works on a loaded document (a Swagger 2.0 file's conversion), which
// Marshal then writes anew.
package openapi
