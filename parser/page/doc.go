// Package page turns the bytes of UiPath Orchestrator's Response Codes page
// (HTML, its Markdown export, or a localized copy) into a model.Catalog of
// numeric error codes, reading the page's table with goquery.
package page
