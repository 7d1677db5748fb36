// Package spec turns a Swagger 2.0 or OpenAPI 3.x definition, or an orcgen
// spec snapshot, into the model.Spec facts orcgen needs.
//
// Its work is bounded by the input, never by a clock. Before kin-openapi
// decodes a definition, the key budget (MaxMappingKeys, MaxEntries and the
// sum of squared key counts) and the resolver budget (maxRefWork) refuse
// what its decoder or $ref resolver would take unbounded time on;
// validation visits each schema, parameter, header, request body and
// response once; no origins are recorded (the error schema's property
// order is read from the bytes). JSON is read by a scanner of its own
// that refuses duplicate keys, as the YAML decoder does.
//
// A large OpenAPI 3 YAML definition is parsed in pieces, in parallel: the
// line scanner that applies the key budget also outlines the block
// mappings, whose entries are cut at key lines into pieces that parse on
// their own and join into the tree the whole document parses to; the paths
// are decoded beside the rest of the document. A document the outline
// cannot follow, or that fails, is loaded whole by kin-openapi, so its
// errors are kin-openapi's.
//
// Load returns the facts, LoadDocument the OpenAPI 3 document (for patch),
// LoadDocumentAndFacts both from one parse; Cache serves the facts of
// bytes seen before.
package spec
