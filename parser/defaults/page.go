package defaults

import _ "embed"

// Page is the embedded Response Codes page, in the current site's shape. It
// is written by testdata/pages/gen together with testdata/pages/current.html,
// and a test proves the two are equal.
//
//go:embed response-codes.html
var Page []byte

// PageURI names the embedded page in model.Source.URI and error messages.
const PageURI = "embedded:response-codes.html"
