// Package gen turns a model.Catalog into orcgen's artifacts (Go package,
// OpenAPI schemas, Markdown docs, model.json) as an in-memory file set, and
// writes that set to disk atomically or compares it with the files there.
package gen
