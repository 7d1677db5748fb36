package spec

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/orcgen/orcgen/model"
)

// snapshotVersion is the only model.Spec.Snapshot value Load accepts.
const snapshotVersion = 1

// Snapshot returns the deterministic JSON of a spec's facts: two-space
// indents, fields in model order (model.Spec holds no maps), no HTML
// escaping and a trailing newline. Snapshot.Snapshot is set to 1.
func Snapshot(s *model.Spec) ([]byte, error) {
	c := *s
	c.Snapshot = snapshotVersion
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&c); err != nil {
		return nil, fmt.Errorf("spec snapshot: %w", err)
	}
	return buf.Bytes(), nil
}

// loadSnapshot decodes a snapshot strictly: unknown fields and versions
// other than 1 are errors.
func loadSnapshot(data []byte) (*model.Spec, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var s model.Spec
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	if s.Snapshot != snapshotVersion {
		return nil, fmt.Errorf("snapshot: unsupported %s %d, want %d", snapshotKey, s.Snapshot, snapshotVersion)
	}
	if dec.More() {
		return nil, fmt.Errorf("snapshot: data after the JSON object")
	}
	return &s, nil
}
