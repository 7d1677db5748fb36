package parser

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/orcgen/orcgen/model"
)

// Provenance is decided here, once: a source is identified by the content
// orcgen extracted from it, never by where it was read from. The same table
// read from the embedded copy, a file anywhere or a URL gives the same
// Source, so the artifacts depend on content and settings only, and a
// change to the site's navigation or scripts is not drift.

// pageSource identifies the page by its table as read: every code's number,
// stated names, messages, description, category, status and endpoints.
func pageSource(page *model.Catalog) model.Source {
	type endpoint struct {
		Methods []string `json:"m"`
		Path    string   `json:"p"`
	}
	type row struct {
		Code        int        `json:"c"`
		Names       []string   `json:"n"`
		Messages    []string   `json:"m"`
		Description string     `json:"d"`
		Category    string     `json:"g"`
		HTTPStatus  int        `json:"s"`
		Endpoints   []endpoint `json:"e"`
	}
	rows := make([]row, 0, len(page.Codes))
	for _, c := range page.Codes {
		r := row{Code: c.Code, Names: c.Names, Messages: c.Messages, Description: c.Description, Category: c.Category, HTTPStatus: c.HTTPStatus}
		for _, ep := range c.Endpoints {
			r.Endpoints = append(r.Endpoints, endpoint{Methods: ep.Methods, Path: ep.Path})
		}
		rows = append(rows, r)
	}
	return model.Source{Kind: model.SourcePage, SHA256: contentHash(rows)}
}

// specSource identifies the spec by its facts (error schema, enums,
// operations) with its title and version.
func specSource(spec *model.Spec) model.Source {
	facts := *spec
	facts.Source = model.Source{Title: spec.Source.Title, Version: spec.Source.Version}
	facts.Snapshot = 0
	return model.Source{Kind: model.SourceSpec, SHA256: contentHash(&facts), Title: spec.Source.Title, Version: spec.Source.Version}
}

// contentHash is the hex SHA-256 of v's JSON encoding, which is
// deterministic for these types (structs and slices, no maps).
func contentHash(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic("parser: content hash: " + err.Error()) // structs of strings and ints always encode
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
