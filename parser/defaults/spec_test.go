package defaults

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestSpecIsSnapshot(t *testing.T) {
	var head struct {
		Snapshot int `json:"orcgenSpecSnapshot"`
		Source   struct {
			URI     string `json:"uri"`
			Version string `json:"version"`
		} `json:"source"`
	}
	if err := json.Unmarshal(Spec, &head); err != nil {
		t.Fatalf("%s: %v", SpecURI, err)
	}
	if head.Snapshot != 1 || head.Source.URI != "orchestrator-v20.0.yaml" || head.Source.Version != "20.0" {
		t.Errorf("%s: marker %d, source %+v; want marker 1, uri orchestrator-v20.0.yaml, version 20.0", SpecURI, head.Snapshot, head.Source)
	}
	if !bytes.HasSuffix(Spec, []byte("}\n")) {
		t.Errorf("%s does not end in a newline", SpecURI)
	}
}
