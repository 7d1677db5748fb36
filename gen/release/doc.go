// Package release builds orcgen's release bundle from a generated file set:
// one reproducible archive of the set's files
// (orcgen-catalog-<spec version>-<model hash>.tar.gz), its release notes
// as Markdown and JSON, and a SHA256SUMS file for every file written, and
// writes them into a directory under orcgen's ownership rules.
//
// The same set gives the same bytes: members are sorted by path and carry a
// fixed time (ModTime), mode (Mode) and owner (uid and gid 0, no names),
// and the gzip header has no name and no time.
package release
