package templates

import "embed"

// FS holds the embedded templates: response-codes.md.tmpl, the document,
// and the partials it calls, each named after its file.
//
//go:embed *.tmpl
var FS embed.FS
