// Package templates holds the text/template files that gen/markdown turns a
// catalog view into Markdown with, embedded so that orcgen needs no files at
// run time.
package templates
