// Package changes turns two versions of a model.Catalog into the list of
// what changed between them (codes added, removed, renamed, edited; spec
// names added and removed), rendered as Markdown or JSON; and, with
// NewNotes, into release notes that also name both sides and say what the
// change does to the generated Go package (through gen/naming, as a
// regeneration with the names lock would) and which spec names were
// renamed.
package changes
