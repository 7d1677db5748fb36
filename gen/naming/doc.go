// Package naming settles, once and before any emitter runs, the Go
// identifier of every documented code and every spec name: Go's identifier
// rules, the names the generated package's own API declares, collisions, and
// the names lock of earlier generations. The Go package, the OpenAPI
// x-enum-varnames and the Markdown all use its Result, so they never
// disagree on what a code is called.
package naming
