// Package spec turns a Swagger 2.0 or OpenAPI 3.x definition, or an orcgen
// spec snapshot, into the model.Spec facts orcgen needs.
package spec
