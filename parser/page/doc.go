// Package page turns the bytes of UiPath Orchestrator's Response Codes page
// (HTML, its Markdown export, a localized copy, or a GFM or plain pipe-text
// rendering) into a model.Catalog of numeric error codes, reading the page's
// table with goquery.
package page
