package spec

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"

	"github.com/orcgen/orcgen/model"
)

// FuzzLoadFacts checks what Load returns, beyond FuzzLoad's error naming:
// two loads of the same bytes give the same result; a definition's Source
// names the input and hashes its bytes; operations are ordered by path,
// then method, each once, with ascending error statuses; and the facts'
// snapshot loads back to the same snapshot.
func FuzzLoadFacts(f *testing.F) {
	for _, name := range []string{"small-3.0.yaml", "small-3.0.json", "small-2.0.yaml", "small-3.1.yaml", "not-a-spec.yaml"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte(`{"orcgenSpecSnapshot": 1, "enums": [], "operations": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Load(data, Options{URI: "fuzz.yaml"})
		again, err2 := Load(data, Options{URI: "fuzz.yaml"})
		if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
			t.Fatalf("two loads disagree: %v, then %v", err, err2)
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "spec fuzz.yaml: ") {
				t.Fatalf("error without the spec's name: %v", err)
			}
			return
		}
		snap := mustSnapshot(t, s)
		if !bytes.Equal(snap, mustSnapshot(t, again)) {
			t.Fatalf("two loads gave different facts:\n%s\n%s", snap, mustSnapshot(t, again))
		}
		if kind, _ := detectKind(data); kind != kindSnapshot {
			checkSource(t, s.Source, data)
		}
		checkOperations(t, s.Operations)
		back, err := Load(snap, Options{URI: "fuzz.json"})
		if err != nil {
			t.Fatalf("the facts' snapshot does not load: %v\n%s", err, snap)
		}
		if got := mustSnapshot(t, back); !bytes.Equal(got, snap) {
			t.Fatalf("the snapshot loads back as\n%s\nwant\n%s", got, snap)
		}
	})
}

func mustSnapshot(t *testing.T, s *model.Spec) []byte {
	t.Helper()
	data, err := Snapshot(s)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkSource requires the Source of a definition loaded from data as
// "fuzz.yaml" to say so.
func checkSource(t *testing.T, src model.Source, data []byte) {
	t.Helper()
	sum := sha256.Sum256(data)
	if src.Kind != model.SourceSpec || src.URI != "fuzz.yaml" || src.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("Source = %+v, want kind %q, URI fuzz.yaml and the data's SHA-256", src, model.SourceSpec)
	}
}

// checkOperations requires ops ordered by path, then method, each pair
// once, and each operation's error statuses ascending and matching its
// error responses.
func checkOperations(t *testing.T, ops []model.Operation) {
	t.Helper()
	for i, op := range ops {
		if i > 0 {
			prev := ops[i-1]
			if c := cmp.Or(cmp.Compare(prev.Path, op.Path), cmp.Compare(prev.Method, op.Method)); c >= 0 {
				t.Fatalf("operation %s %s after %s %s", op.Method, op.Path, prev.Method, prev.Path)
			}
		}
		if !slices.IsSorted(op.ErrorStatuses) || len(op.ErrorStatuses) != len(op.ErrorResponses) {
			t.Fatalf("%s %s: error statuses %v, responses %+v", op.Method, op.Path, op.ErrorStatuses, op.ErrorResponses)
		}
		for j, r := range op.ErrorResponses {
			if r.Status != op.ErrorStatuses[j] || r.Status < 400 || r.Status > 599 {
				t.Fatalf("%s %s: error response %+v at %d, statuses %v", op.Method, op.Path, r, j, op.ErrorStatuses)
			}
		}
	}
}

// TestLoadIgnoresNonCanonicalStatusKeys: a response key "0404" beside "404"
// made two 404 error responses whose order followed map iteration, so two
// loads of one definition could differ. Only canonical keys count.
func TestLoadIgnoresNonCanonicalStatusKeys(t *testing.T) {
	data := strings.Replace(string(readTestdata(t, "small-3.0.yaml")), `        "400":
          description: Bad Request`, `        "0404":
          description: Also not found
        "+409":
          description: Conflict
        "400":
          description: Bad Request`, 1)
	for range 20 {
		s, err := Load([]byte(data), Options{URI: "dup.yaml"})
		if err != nil {
			t.Fatal(err)
		}
		get := s.Operations[slices.IndexFunc(s.Operations, func(o model.Operation) bool { return o.Method == "GET" })]
		want := []model.ErrorResponse{{Status: 400, Schema: "ErrorResult"}, {Status: 404, Schema: "ErrorResult"}}
		if !slices.Equal(get.ErrorResponses, want) || !slices.Equal(get.ErrorStatuses, []int{400, 404}) {
			t.Fatalf("GET %s error responses = %+v, statuses %v; want %+v", get.Path, get.ErrorResponses, get.ErrorStatuses, want)
		}
	}
}
