// Package model defines orcgen's intermediate model: the catalog of UiPath
// Orchestrator error codes that the parsers fill from the Response Codes page
// and the Swagger definition, and that the emitters turn into Go, OpenAPI and
// Markdown.
//
// The model is plain data. It imports no parser or generator library, and its
// JSON form (schemaVersion 1) is a release artifact of its own: tools in other
// languages read it. Every slice is kept in a deterministic order (codes
// ascending, everything else in source order unless a field says otherwise),
// so that the same inputs always marshal to the same bytes.
package model
