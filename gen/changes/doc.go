// Package changes turns two versions of a model.Catalog into the list of
// what changed between them (codes added, removed, renamed, edited; spec
// names added and removed), rendered as Markdown or JSON.
package changes
