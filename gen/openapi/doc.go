// Package openapi turns a model.Catalog into OpenAPI 3.0 error components
// (ErrorCode, ErrorName, ErrorResult and one response per error status) and
// patches a user's full spec so that its error responses point at them.
package openapi
