package defaults

import _ "embed"

// SpecURI is the Source.URI of the embedded spec snapshot as orcgen reports
// it when no spec is given.
const SpecURI = "embedded:orchestrator-v20.0.snapshot.json"

// Spec is orcgen's default spec: the snapshot (spec.Snapshot) of the facts
// of Orchestrator's 20.0 OpenAPI definition. Regenerate it with
// go test ./parser/spec -run TestEmbeddedSnapshot -update.
//
//go:embed orchestrator-v20.0.snapshot.json
var Spec []byte
