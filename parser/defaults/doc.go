// Package defaults holds orcgen's built-in inputs: the Response Codes page
// and the spec snapshot embedded into the binary, used when the user names
// no source.
package defaults
