// Package markdown turns a model.Catalog into the Markdown response-codes
// document, through the text/template files of package templates or a
// user's overrides.
package markdown
