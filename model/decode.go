package model

import (
	"encoding/json"
	"fmt"
)

// Decode decodes a model.json file. ok is false when data is not one (not a
// JSON object with schemaVersion and codes); an error means it is one that
// cannot be used: a schemaVersion newer than this package's, or a field of
// the wrong type. Files of earlier versions decode: their fields keep their
// names, and only a joined catalog's Sources changed meaning (version 2).
func Decode(data []byte) (cat *Catalog, ok bool, err error) {
	var probe struct {
		SchemaVersion *int            `json:"schemaVersion"`
		Codes         json.RawMessage `json:"codes"`
	}
	if json.Unmarshal(data, &probe) != nil || probe.SchemaVersion == nil || probe.Codes == nil {
		return nil, false, nil
	}
	if v := *probe.SchemaVersion; v < 1 || v > SchemaVersion {
		return nil, true, fmt.Errorf("model schemaVersion %d, want 1 to %d", v, SchemaVersion)
	}
	var c Catalog
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, true, fmt.Errorf("model file: %w", err)
	}
	return &c, true, nil
}
