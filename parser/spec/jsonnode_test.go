package spec

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// FuzzJSONNodes checks jsonToNode against encoding/json: it accepts exactly
// the valid JSON documents (but for duplicate keys and the limits), and its
// tree decodes to the value encoding/json decodes.
func FuzzJSONNodes(f *testing.F) {
	for _, s := range []string{
		`{"a": 1, "b": [true, false, null, "x\u00e9\n"], "c": {"d": -1.5e3}}`,
		`{"a": 1, "a": 2}`, `[1, 2`, `{"a" 1}`, `"\ud83d\ude00"`, "{\"a\": \"\xff\"}", `12345678901234567890`,
	} {
		f.Add([]byte(s))
	}
	f.Add(readTestdata(f, "small-3.0.json"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := jsonToNode(data)
		valid := json.Valid(data)
		if err == nil && !valid {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		if err != nil {
			msg := err.Error()
			if valid && !strings.Contains(msg, "duplicate key") && !strings.Contains(msg, "limit") && !strings.Contains(msg, "too large") {
				t.Fatalf("refused valid JSON %q: %v", data, err)
			}
			return
		}
		var want any
		if json.Unmarshal(data, &want) != nil {
			return // a number beyond float64
		}
		var fromNode any
		if err := n.Decode(&fromNode); err != nil {
			t.Fatalf("tree of %q does not decode: %v", data, err)
		}
		b, err := json.Marshal(fromNode)
		if err != nil {
			t.Fatalf("tree of %q decodes to %#v, which does not marshal: %v", data, fromNode, err)
		}
		var got any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: tree decodes to %#v, encoding/json to %#v", data, got, want)
		}
	})
}
