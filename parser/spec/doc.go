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
// Load returns the facts, LoadDocument the OpenAPI 3 document (for patch),
// LoadDocumentAndFacts both from one parse; Cache serves the facts of
// bytes seen before.
package spec
