// Package mdtest reads a rendered response-codes document back with a
// CommonMark/GFM parser (goldmark) and checks it against its catalog, so that
// any test can prove a catalog's text cannot break the document.
package mdtest
