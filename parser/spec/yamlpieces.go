package spec

import (
	"bytes"
	"runtime"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// minPieceBytes is the least a piece of a split parse holds: below it the
// goroutines cost more than they save. Tests lower it to cut at every key.
var minPieceBytes = 64 << 10

// decodeYAMLPieces decodes an OpenAPI 3 YAML document as kin-openapi's
// LoadFromData does (parse, prepare the scalars, decode into openapi3.T,
// resolve the $refs), but parses the pieces of outline's plan in parallel
// and decodes the paths beside the rest of the document. On the 20.0
// definition the parse takes 0.7 and the decode 0.7 of their time whole,
// on two processors. ok is false, and nothing is decoded, when the
// document has no plan or holds what the pieces' preparation does not
// follow (anchors, aliases, merge keys, a null key, an infinite float) or
// does not parse or decode: the caller then loads it whole, which gives
// the document's own error. The loader is used only once the document has
// decoded, to resolve its $refs; their error is the load's.
func decodeYAMLPieces(data []byte, outline *yamlOutline, loader *openapi3.Loader) (doc *openapi3.T, ok bool, err error) {
	if otherLineBreaks(data) {
		return nil, false, nil
	}
	pieceBytes := max(len(data)/(4*runtime.GOMAXPROCS(0)), minPieceBytes)
	plan := outline.plan(len(data), pieceBytes)
	if plan == nil {
		return nil, false, nil
	}
	root, ok := parsePieces(data, plan)
	if !ok {
		return nil, false, nil
	}
	doc, ok = decodeDocument(root)
	if !ok {
		return nil, false, nil
	}
	if err := loader.ResolveRefsIn(doc, nil); err != nil {
		return nil, true, err
	}
	return doc, true, nil
}

// otherLineBreaks reports whether data breaks lines with anything the line
// scanner does not: a lone "\r", NEL, LS or PS.
func otherLineBreaks(data []byte) bool {
	return bytes.Count(data, []byte("\r")) != bytes.Count(data, []byte("\r\n")) ||
		bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029"))
}

// parsePieces parses plan's pieces in parallel, prepares each one's nodes
// and joins them into the mapping the whole document parses to.
func parsePieces(data []byte, plan *yamlMapping) (*yaml.Node, bool) {
	var pieces []*yamlPiece
	plan.each(func(p *yamlPiece) { pieces = append(pieces, p) })
	parsed := make([]bool, len(pieces))
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, p := range pieces {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			p.node, parsed[i] = parsePiece(data, p)
		})
	}
	wg.Wait()
	for _, ok := range parsed {
		if !ok {
			return nil, false
		}
	}
	return plan.join(), true
}

// parsePiece parses one piece into its mapping, numbered from the piece's
// first line and prepared as kin-openapi prepares a document's nodes. The
// piece must parse to one block mapping whose keys sit at the piece's
// column (what makes its cut sound, see yamlsplit.go); a piece with a child
// must parse to one key with no value.
func parsePiece(data []byte, p *yamlPiece) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data[p.lo:p.hi], &doc); err != nil {
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, false
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode || m.Style&yaml.FlowStyle != 0 || m.Column != p.col+1 {
		return nil, false
	}
	if p.child != nil && (len(m.Content) != 2 || m.Content[1].Tag != nullTag) {
		return nil, false
	}
	if !prepareNodes(m, p.line-1) {
		return nil, false
	}
	return m, true
}

// join assembles the mapping m from its pieces' parsed nodes.
func (m *yamlMapping) join() *yaml.Node {
	first := m.pieces[0].node
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: mapTag, Line: first.Line, Column: first.Column}
	n := 0
	for _, p := range m.pieces {
		n += len(p.node.Content)
	}
	out.Content = make([]*yaml.Node, 0, n)
	for _, p := range m.pieces {
		if p.child != nil {
			out.Content = append(out.Content, p.node.Content[0], p.child.join())
			continue
		}
		out.Content = append(out.Content, p.node.Content...)
	}
	return out
}

// The tags prepareNodes reads and writes.
const (
	strTag       = "!!str"
	nullTag      = "!!null"
	mapTag       = "!!map"
	floatTag     = "!!float"
	mergeTag     = "!!merge"
	timestampTag = "!!timestamp"
)

// prepareNodes renumbers the lines of the tree at n by offset and gives its
// scalars the tags kin-openapi's loader gives them before decoding (see
// prepareScalars in its native_yaml.go): a local tag or a timestamp is read
// as a string, and a mapping key as its text. It returns false for what the
// loader treats otherwise or refuses: an anchor or alias, a merge key, a
// null key, an infinite or NaN float.
func prepareNodes(n *yaml.Node, offset int) bool {
	n.Line += offset
	switch n.Kind {
	case yaml.AliasNode:
		return false
	case yaml.ScalarNode:
		if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") || n.Tag == timestampTag {
			n.Tag = strTag
		}
		if n.Tag == floatTag {
			switch strings.ToLower(strings.TrimLeft(n.Value, "+-")) {
			case ".inf", ".nan":
				return false
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || k.Tag == strTag {
				continue
			}
			if k.Tag == nullTag || k.Tag == mergeTag {
				return false
			}
			k.Tag = strTag
		}
	}
	if n.Anchor != "" {
		return false
	}
	for _, c := range n.Content {
		if !prepareNodes(c, offset) {
			return false
		}
	}
	return true
}

// decodeDocument decodes root into an openapi3.T as kin-openapi's loader
// does, its paths (when a mapping) beside the rest of the document.
func decodeDocument(root *yaml.Node) (*openapi3.T, bool) {
	rest := &yaml.Node{Kind: root.Kind, Tag: root.Tag, Line: root.Line, Column: root.Column}
	var pathsNode *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == "paths" {
			if pathsNode != nil || v.Kind != yaml.MappingNode {
				return nil, false // a duplicate key, or paths that are not a mapping: decoded whole
			}
			pathsNode = v
			continue
		}
		rest.Content = append(rest.Content, root.Content[i], root.Content[i+1])
	}
	if pathsNode == nil {
		doc := &openapi3.T{}
		if err := (&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}).Decode(doc); err != nil {
			return nil, false
		}
		return doc, true
	}
	paths := &openapi3.Paths{}
	var pathsErr error
	var wg sync.WaitGroup
	wg.Go(func() { pathsErr = pathsNode.Decode(paths) })
	doc := &openapi3.T{}
	err := (&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{rest}}).Decode(doc)
	wg.Wait()
	if err != nil || pathsErr != nil {
		return nil, false
	}
	doc.Paths = paths
	return doc, true
}
