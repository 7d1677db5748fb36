package spec

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	yaml3 "gopkg.in/yaml.v3"
)

// loadPieces decodes data in pieces as decodeYAML does; ok is false when
// the document was not cut.
func loadPieces(t testing.TB, data []byte) (doc *openapi3.T, ok bool, err error) {
	t.Helper()
	outline, err := scanYAML(data)
	if err != nil {
		return nil, false, err
	}
	return decodeYAMLPieces(data, outline, openapi3.NewLoader())
}

// sameDocument fails t unless the document read in pieces equals the one
// kin-openapi's loader reads from the same bytes, as values and as JSON.
func sameDocument(t testing.TB, data []byte, pieces *openapi3.T) {
	t.Helper()
	whole, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatalf("read in pieces, but the whole load fails: %v", err)
	}
	if !reflect.DeepEqual(pieces, whole) {
		t.Errorf("the document read in pieces differs from the whole load")
	}
	a, errA := json.Marshal(pieces)
	b, errB := json.Marshal(whole)
	if errA != nil || errB != nil || !bytes.Equal(a, b) {
		t.Errorf("the document read in pieces marshals to %d bytes (%v), the whole load to %d (%v)", len(a), errA, len(b), errB)
	}
}

// TestPiecesSharedSpecs reads every shared OpenAPI 3 YAML definition in
// pieces and compares it with kin-openapi's own load.
func TestPiecesSharedSpecs(t *testing.T) {
	for _, name := range []string{"orchestrator-v15.0.yaml", "orchestrator-v16.0.yaml", "orchestrator-v17.0.yaml", "orchestrator-v18.0.yaml", "orchestrator-v20.0.yaml"} {
		t.Run(name, func(t *testing.T) {
			data := readShared(t, name)
			doc, ok, err := loadPieces(t, data)
			if err != nil || !ok {
				t.Fatalf("not read in pieces: ok %v, %v", ok, err)
			}
			sameDocument(t, data, doc)
		})
	}
}

// TestPiecesFine reads the 20.0 definition cut at every key of every
// mapping up to maxOutlineCol deep, thousands of pieces, and compares it
// with kin-openapi's own load.
func TestPiecesFine(t *testing.T) {
	defer func(n int) { minPieceBytes = n }(minPieceBytes)
	minPieceBytes = 1
	data := readShared(t, "orchestrator-v20.0.yaml")
	outline, err := scanYAML(data)
	if err != nil {
		t.Fatal(err)
	}
	pieces := 0
	outline.plan(len(data), 1).each(func(*yamlPiece) { pieces++ })
	if pieces < 5000 {
		t.Errorf("%d pieces, want one a key, at least 5000", pieces)
	}
	doc, ok, err := loadPieces(t, data)
	if err != nil || !ok {
		t.Fatalf("not read in pieces: ok %v, %v", ok, err)
	}
	sameDocument(t, data, doc)
}

// TestPiecesRestyled reads the 20.0 definition written in other styles,
// as other tools and later versions write it: re-encoded with an indent of
// 4 or 3, with the innermost mappings and lists in flow style (where
// apostrophes in plain text, "the Machine's Id.", must not open a quote),
// with CRLF line ends, with comments at every key of the top two levels. Each is read in pieces, into the document kin-openapi's loader
// reads.
func TestPiecesRestyled(t *testing.T) {
	data := readShared(t, "orchestrator-v20.0.yaml")
	var tree yaml3.Node
	if err := yaml3.Unmarshal(data, &tree); err != nil {
		t.Fatal(err)
	}
	encode := func(indent int) []byte {
		var buf bytes.Buffer
		enc := yaml3.NewEncoder(&buf)
		enc.SetIndent(indent)
		if err := enc.Encode(&tree); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	var flowLeaves func(n *yaml3.Node) bool
	flowLeaves = func(n *yaml3.Node) bool { // reports whether n is a scalar
		leaf := true
		for _, c := range n.Content {
			if !flowLeaves(c) {
				leaf = false
			}
		}
		if n.Kind == yaml3.MappingNode || n.Kind == yaml3.SequenceNode {
			if leaf && len(n.Content) > 0 {
				n.Style = yaml3.FlowStyle
			}
			return false
		}
		return n.Kind == yaml3.ScalarNode
	}
	indent3, indent4 := encode(3), encode(4)
	flowLeaves(&tree)
	flow := encode(2)
	if !regexp.MustCompile(`(?m)^ +[A-Za-z]+: \{[^'"\n]*\w's `).Match(flow) {
		t.Fatal("no apostrophe in a plain scalar of a flow mapping: the flow style misses its point")
	}
	commented := regexp.MustCompile(`(?m)^( {0,2}[^ #\n-][^\n]*)$`).ReplaceAll(data, []byte("# about the next key\n$1 # and this one"))
	styles := []struct {
		name string
		data []byte
	}{
		{"flow leaves", flow},
		{"indent 4", indent4},
		{"indent 3", indent3},
		{"CRLF", bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))},
		{"comments", commented},
	}
	for _, s := range styles {
		t.Run(s.name, func(t *testing.T) {
			if bytes.Equal(s.data, data) {
				t.Fatal("the style changed nothing")
			}
			doc, ok, err := loadPieces(t, s.data)
			if err != nil || !ok {
				t.Fatalf("not read in pieces: ok %v, %v", ok, err)
			}
			sameDocument(t, s.data, doc)
		})
	}
}

// TestPiecesPlan checks where the 20.0 definition is cut: the top level,
// paths and the component schemas are split, into more pieces than the
// machine has processors.
func TestPiecesPlan(t *testing.T) {
	data := readShared(t, "orchestrator-v20.0.yaml")
	outline, err := scanYAML(data)
	if err != nil {
		t.Fatal(err)
	}
	plan := outline.plan(len(data), len(data)/8)
	if plan == nil {
		t.Fatal("no plan")
	}
	var split []string
	pieces := 0
	plan.each(func(p *yamlPiece) {
		pieces++
		if p.child != nil {
			split = append(split, strings.TrimSpace(string(data[p.lo:p.hi])))
		}
	})
	if got := strings.Join(split, " "); got != "paths: components: schemas:" {
		t.Errorf("split mappings %q, want paths, components and schemas", got)
	}
	if pieces < 8 {
		t.Errorf("%d pieces, want at least 8", pieces)
	}
}

// TestPiecesFallBack lists documents that must not be read in pieces, or
// must read to what the whole load reads, with every key its own piece.
func TestPiecesFallBack(t *testing.T) {
	defer func(n int) { minPieceBytes = n }(minPieceBytes)
	minPieceBytes = 1
	head := "openapi: 3.0.1\ninfo:\n  title: t\n  version: \"1\"\n"
	cases := []struct {
		name, doc string
		pieces    bool // read in pieces
	}{
		{"plain", head + "paths:\n  /a:\n    get:\n      responses:\n        \"200\":\n          description: ok\n  /b:\n    get:\n      responses:\n        \"200\":\n          description: ok\n", true},
		{"multi-line quoted value", head + "paths:\n  /a:\n    description: \"one\n  /b: two\"\n    get:\n      responses: {}\n", true},
		{"multi-line quoted item", head + "tags:\n- \"x\n  /b: y\"\npaths: {}\n", false},
		{"block scalar item", head + "paths:\n  /a:\n    x-list:\n    - |\n      text\n  /b:\n    get:\n      responses: {}\n", false},
		{"flow over lines", head + "paths:\n  /a: {x-a: [1,\n  2], get: {responses: {}}}\n  /b:\n    get:\n      responses: {}\n", true},
		{"tagged block", head + "x-t: !!str |\n  a: b\npaths: {}\n", false},
		{"anchor", head + "paths:\n  /a: &a\n    get:\n      responses: {}\n  /b: *a\n", false},
		{"merge key", head + "x-m: {a: 1}\npaths:\n  /a:\n    <<: {get: {responses: {}}}\n", false},
		{"duplicate paths", head + "paths:\n  /a: {}\npaths:\n  /b: {}\n", false},
		{"duplicate path", head + "paths:\n  /a: {}\n  /a: {}\n", true},
		{"document marker", "---\n" + head + "paths: {}\n", false},
		{"indented top", "  " + strings.ReplaceAll(head, "\n", "\n  ") + "paths: {}\n", false},
		{"lone CR", head + "x-a: 1\rx-b: 2\npaths: {}\n", false},
		{"NEL", head + "x-a: \"a\u0085b\"\npaths: {}\n", false},
		{"infinity", head + "x-f: .inf\npaths: {}\n", false},
		{"timestamp and local tag", head + "x-t: 2020-06-11T16:32:50Z\nx-l: !md hi\npaths: {}\n", false},
		{"numeric keys", head + "paths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n", true},
		{"comments", "# top\n" + head + "paths: # p\n  # before\n  /a: # a\n    get: {responses: {}}\n  # tail\n", true},
		{"long keys", head + "paths:\n  ? /a(key='{key}')\n  : get:\n      responses: {}\n  ? \"/b\"\n  :\n    get:\n      responses: {}\n  /c: {}\n", true},
		{"long key over lines", head + "paths:\n  ? /a\n    b\n  : get:\n      responses: {}\n", false},
		{"hash in a quoted value", head + "paths:\n  /a:\n    x-d: 'it''s #1'\n    x-e: |\n      x'\n      /b: {}\n  /c: {}\n", true},
		{"apostrophes in flow", head + "paths:\n  /a: {x-a: [it's, {u: http://h/x'y}],\n    x-b: \"a:b\"}\n  /b: {}\n", true},
		// The scanner drops the comment-like line inside the first quoted
		// value, takes the second value's opening quote for the first's
		// close, and cuts inside the second: the piece before the cut
		// ends inside a quote and fails, and the document is read whole.
		{"scanner misled", head + "paths:\n  /a:\n    description: \"one\n  # two\"\n    x-b: \"three\n  /b: four\"\n    get: {responses: {}}\n  /c: {}\n", false},
		{"bad indentation", head + "paths:\n    /a: {}\n  /b: {}\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := []byte(c.doc)
			doc, ok, err := loadPieces(t, data)
			if ok != c.pieces {
				t.Fatalf("read in pieces: %v, want %v (%v)", ok, c.pieces, err)
			}
			if ok && err == nil {
				sameDocument(t, data, doc)
			}
			if ok && err != nil {
				if _, wholeErr := openapi3.NewLoader().LoadFromData(data); wholeErr == nil || wholeErr.Error() != err.Error() {
					t.Errorf("pieces: %v; whole: %v", err, wholeErr)
				}
			}
		})
	}
}

// FuzzPieces reads any document in pieces, every key its own piece: a
// document read so must be the one kin-openapi's loader reads, and a
// $ref error the one it gives.
func FuzzPieces(f *testing.F) {
	defer func(n int) { minPieceBytes = n }(minPieceBytes)
	minPieceBytes = 1
	for _, name := range []string{"small-3.0.yaml", "small-3.1.yaml", "alias-bomb.yaml"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte("openapi: 3.0.1\ninfo: {title: t, version: v}\npaths:\n  /a:\n    description: \"x\n  /b: y\"\n    get: {responses: {}}\n"))
	f.Add([]byte("openapi: 3.0.1\ninfo: {title: t, version: v}\npaths:\n  /a:\n    description: \"one\n  # two\"\n    x-b: \"three\n  /b: four\"\n    get: {responses: {}}\n  /c: {}\n"))
	f.Add([]byte("openapi: 3.0.1\ninfo:\n  title: t\n  version: v\npaths:\n  ? /a\n  : get:\n      responses:\n        200: {description: ok}\n  /b:\n    x-l: [1,\n  2]\n    x-s: |\n      /c: d\n    get:\n      responses: {}\ncomponents:\n  schemas:\n    A: {type: string}\n    B:\n      $ref: '#/components/schemas/A'\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		doc, ok, err := loadPieces(t, data)
		if !ok {
			return
		}
		if err != nil {
			if _, wholeErr := openapi3.NewLoader().LoadFromData(data); wholeErr == nil || wholeErr.Error() != err.Error() {
				t.Fatalf("pieces: %v; whole: %v", err, wholeErr)
			}
			return
		}
		sameDocument(t, data, doc)
	})
}
