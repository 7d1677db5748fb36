// Package golang turns a model.Catalog into the Go source of an error-code
// package (constants, lookup tables, the wire error body) and its names lock.
package golang
