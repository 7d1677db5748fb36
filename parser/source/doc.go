// Package source turns a file path or an http(s) URL into the bytes of an
// input, and an http(s) URL into a snapshot on disk (body plus metadata).
package source
