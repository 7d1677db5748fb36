package spec

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/orcgen/orcgen/internal/testenv"
	"github.com/orcgen/orcgen/parser/defaults"
)

var update = flag.Bool("update", false, "rewrite the embedded spec snapshot parser/defaults/"+snapshotFile)

// snapshotFile is the embedded snapshot's file name in parser/defaults.
const snapshotFile = "orchestrator-v20.0.snapshot.json"

func TestSnapshotRoundTrip(t *testing.T) {
	s, err := Load(readTestdata(t, "small-3.0.yaml"), Options{URI: "small-3.0.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := Snapshot(s)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(snap, []byte("}\n")) || !bytes.HasPrefix(snap, []byte("{\n  \"orcgenSpecSnapshot\": 1,\n")) {
		t.Errorf("snapshot does not start with the marker or end with a newline:\n%s", snap)
	}
	back, err := Load(snap, Options{URI: "embedded:small.snapshot.json"})
	if err != nil {
		t.Fatal(err)
	}
	s.Snapshot = 1
	if !reflect.DeepEqual(back, s) {
		t.Errorf("round trip changed the facts:\nbefore: %+v\nafter:  %+v", s, back)
	}
	again, err := Snapshot(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, snap) {
		t.Errorf("second snapshot differs from the first")
	}
}

func TestSnapshotKeepsHTML(t *testing.T) {
	s, err := Load(readTestdata(t, "small-3.0.yaml"), Options{URI: "a&b<c>.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := Snapshot(s)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(snap, []byte(`"uri": "a&b<c>.yaml"`)) {
		t.Errorf("snapshot escapes HTML characters:\n%s", snap)
	}
}

// TestEmbeddedSnapshot proves the committed snapshot equals the snapshot of
// the real 20.0 definition; -update rewrites it.
func TestEmbeddedSnapshot(t *testing.T) {
	const name = "orchestrator-v20.0.yaml"
	data, err := os.ReadFile(testenv.Shared(t, "specs", name))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(data, Options{URI: name})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Snapshot(s)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		path := filepath.Join(testenv.Root(), "parser", "defaults", snapshotFile)
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(defaults.Spec, want) {
		t.Errorf("parser/defaults/%s is stale: run go test ./parser/spec -run TestEmbeddedSnapshot -update", snapshotFile)
	}
	embedded, err := Load(defaults.Spec, Options{URI: defaults.SpecURI})
	if err != nil {
		t.Fatal(err)
	}
	if embedded.Source.URI != name || len(embedded.Enums[0].Values) != 632 || len(embedded.Operations) != 418 {
		t.Errorf("embedded snapshot: source %+v, %d names, %d operations", embedded.Source, len(embedded.Enums[0].Values), len(embedded.Operations))
	}
}
