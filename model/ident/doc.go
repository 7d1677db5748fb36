// Package ident turns free text from the Response Codes page (messages,
// descriptions, category labels) into exported, idiomatic Go identifiers.
package ident
