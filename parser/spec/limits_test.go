package spec

import (
	"fmt"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// enumSpec returns a definition whose one error-code enum holds n names.
func enumSpec(n int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\ninfo:\n  title: Enum\n  version: \"1.0\"\npaths: {}\ncomponents:\n  schemas:\n    Failed:\n      type: object\n      properties:\n        ErrorCode:\n          type: string\n          enum:\n")
	for i := range n {
		fmt.Fprintf(&b, "            - Failure%06d\n", i)
	}
	return []byte(b.String())
}

func TestLoadMaxNames(t *testing.T) {
	s, err := Load(enumSpec(MaxNames), Options{URI: "enum.yaml"})
	if err != nil {
		t.Fatalf("Load of %d names: %v", MaxNames, err)
	}
	if got := len(s.Enums[0].Values); got != MaxNames {
		t.Errorf("%d names loaded, want %d", got, MaxNames)
	}
	_, err = Load(enumSpec(MaxNames+1), Options{URI: "enum.yaml"})
	want := "spec enum.yaml: enums hold 65537 distinct error names, more than the limit of 65536"
	if err == nil || err.Error() != want {
		t.Errorf("Load of %d names: error %v, want %q", MaxNames+1, err, want)
	}
}

func TestLoadSnapshotMaxNames(t *testing.T) {
	values := make([]string, MaxNames+1)
	for i := range values {
		values[i] = fmt.Sprintf("Failure%06d", i)
	}
	data, err := Snapshot(&model.Spec{Source: model.Source{Kind: model.SourceSpec, URI: "big.yaml"}, Enums: []model.Enum{{Name: "Big", Values: values}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Load(data, Options{URI: "snapshot.json"})
	want := "spec snapshot.json: enums hold 65537 distinct error names, more than the limit of 65536"
	if err == nil || err.Error() != want {
		t.Errorf("Load of a snapshot of %d names: error %v, want %q", MaxNames+1, err, want)
	}
}
