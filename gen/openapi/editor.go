package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// editor inserts members into the mappings of a parsed document and writes
// the document's text with the insertions, every other byte unchanged.
type editor struct {
	data []byte
	// lineStart is the byte offset of each line; line n starts at
	// lineStart[n-1].
	lineStart []int
	// end is, for each block mapping, the line of the first token after it
	// (len(lineStart)+1 at the end of the document).
	end map[*yaml.Node]int
	// fresh marks the mappings the editor created: members are added to
	// them directly.
	fresh map[*yaml.Node]bool
	// pending lists, in the order of their first addition, the document's
	// mappings that get members; adds holds the members.
	pending []*yaml.Node
	adds    map[*yaml.Node][][2]*yaml.Node
	// step is the document's indentation step, used inside inserted
	// block YAML.
	step int
}

// newEditor indexes the lines of data and the extent of root's mappings.
func newEditor(data []byte, root *yaml.Node) *editor {
	e := &editor{
		data:      data,
		lineStart: []int{0},
		end:       map[*yaml.Node]int{},
		fresh:     map[*yaml.Node]bool{},
		adds:      map[*yaml.Node][][2]*yaml.Node{},
	}
	for i, b := range data {
		if b == '\n' && i+1 < len(data) {
			e.lineStart = append(e.lineStart, i+1)
		}
	}
	e.index(root, len(e.lineStart)+1)
	e.step = indentStep(root)
	return e
}

// indentStep is the column of the first key of root's first block mapping
// value, less one: the document's indentation step (2 when it has none).
func indentStep(root *yaml.Node) int {
	for i := 1; i < len(root.Content); i += 2 {
		v := root.Content[i]
		if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 && v.Content[0].Column > 1 {
			return v.Content[0].Column - 1
		}
	}
	return 2
}

// index records, for every mapping under n, the line where it ends;
// boundary is the line of the first token after n.
func (e *editor) index(n *yaml.Node, boundary int) {
	switch n.Kind {
	case yaml.MappingNode:
		e.end[n] = boundary
		for i := 1; i < len(n.Content); i += 2 {
			next := boundary
			if i+1 < len(n.Content) {
				next = n.Content[i+1].Line
			}
			e.index(n.Content[i], next)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			next := boundary
			if i+1 < len(n.Content) {
				next = n.Content[i+1].Line
			}
			e.index(c, next)
		}
	}
}

// child returns the mapping under key in m, adding an empty one when m has
// no such key.
func (e *editor) child(m *yaml.Node, key string) (*yaml.Node, error) {
	k, v := mapGet(m, key)
	if v == nil {
		c := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		e.fresh[c] = true
		e.add(m, key, c)
		return c, nil
	}
	if v.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%q (line %d) is not a mapping", key, k.Line)
	}
	return v, nil
}

// add gives mapping m the member key: v.
func (e *editor) add(m *yaml.Node, key string, v *yaml.Node) {
	kv := pair(key, v)
	if e.fresh[m] {
		m.Content = append(m.Content, kv[0], kv[1])
		return
	}
	if _, ok := e.adds[m]; !ok {
		e.pending = append(e.pending, m)
	}
	e.adds[m] = append(e.adds[m], kv)
}

// insertion is text to insert at a byte offset of the document; at one
// offset, the insertion into the deeper mapping comes first.
type insertion struct {
	at    int
	depth int
	text  string
}

// apply returns the document with every addition inserted, its lines ending
// in CRLF when the document's do.
func (e *editor) apply() ([]byte, error) {
	ins := make([]insertion, 0, len(e.pending))
	for _, m := range e.pending {
		in, err := e.insertion(m, e.adds[m])
		if err != nil {
			return nil, err
		}
		ins = append(ins, in)
	}
	slices.SortStableFunc(ins, func(a, b insertion) int {
		if a.at != b.at {
			return a.at - b.at
		}
		return b.depth - a.depth
	})
	crlf := bytes.Contains(e.data, []byte("\r\n"))
	var out bytes.Buffer
	out.Grow(len(e.data) + len(ins)*256)
	last := 0
	for _, in := range ins {
		out.Write(e.data[last:in.at])
		if crlf {
			in.text = strings.ReplaceAll(in.text, "\n", "\r\n")
		}
		out.WriteString(in.text)
		last = in.at
	}
	out.Write(e.data[last:])
	return out.Bytes(), nil
}

// insertion places members in m: as lines before the line after a block
// mapping, else right after the opening brace of a flow mapping.
func (e *editor) insertion(m *yaml.Node, members [][2]*yaml.Node) (insertion, error) {
	if m.Style&yaml.FlowStyle != 0 || len(m.Content) == 0 {
		return e.flowInsertion(m, members)
	}
	depth := m.Content[0].Column - 1
	text, err := blockText(members, strings.Repeat(" ", depth), e.step)
	if err != nil {
		return insertion{}, err
	}
	line := e.end[m]
	if line > len(e.lineStart) {
		if len(e.data) > 0 && e.data[len(e.data)-1] != '\n' {
			text = "\n" + text
		}
		return insertion{at: len(e.data), depth: depth, text: text}, nil
	}
	return insertion{at: e.lineStart[line-1], depth: depth, text: text}, nil
}

// flowInsertion places members right after the opening brace of a flow
// mapping, each on a line of its own followed by a comma; in an empty
// mapping, or one whose first member shares the brace's line, they go on
// that line.
func (e *editor) flowInsertion(m *yaml.Node, members [][2]*yaml.Node) (insertion, error) {
	at := e.offset(m.Line, m.Column)
	if at >= len(e.data) || e.data[at] != '{' {
		return insertion{}, fmt.Errorf("line %d column %d: a mapping to extend is neither a block mapping nor a {...} mapping", m.Line, m.Column)
	}
	at++
	if len(m.Content) == 0 || m.Content[0].Line == m.Line {
		parts := make([]string, len(members))
		for i, kv := range members {
			parts[i] = jsonText(kv[0], "", "") + ": " + jsonText(kv[1], "", "")
		}
		text := strings.Join(parts, ", ")
		if len(m.Content) > 0 {
			text += ", "
		}
		return insertion{at: at, text: text}, nil
	}
	base := e.lineIndent(m.Line)
	indent := base + "  "
	if first := m.Content[0]; first.Line > m.Line && first.Column-1 > len(base) {
		indent = strings.Repeat(" ", first.Column-1)
	}
	step := indent[len(base):]
	var b strings.Builder
	for _, kv := range members {
		b.WriteString("\n" + indent + jsonText(kv[0], indent, step) + ": " + jsonText(kv[1], indent, step) + ",")
	}
	return insertion{at: at, text: b.String()}, nil
}

// offset is the byte offset of a 1-based line and column (in characters).
func (e *editor) offset(line, column int) int {
	if line < 1 || line > len(e.lineStart) {
		return len(e.data)
	}
	at := e.lineStart[line-1]
	for i := 1; i < column && at < len(e.data); i++ {
		_, size := utf8.DecodeRune(e.data[at:])
		at += size
	}
	return at
}

// lineIndent is the leading spaces of a line.
func (e *editor) lineIndent(line int) string {
	at := e.lineStart[line-1]
	end := at
	for end < len(e.data) && e.data[end] == ' ' {
		end++
	}
	return string(e.data[at:end])
}

// blockText renders members as block YAML lines indented by indent, with
// step spaces per level.
func blockText(members [][2]*yaml.Node, indent string, step int) (string, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(step)
	if err := enc.Encode(mapping(members...)); err != nil {
		return "", fmt.Errorf("encode yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return "", fmt.Errorf("encode yaml: %w", err)
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if strings.TrimSpace(line) != "" {
			b.WriteString(indent)
		}
		b.WriteString(line)
	}
	return b.String(), nil
}

// jsonText renders a node as JSON whose nested lines start with prefix
// plus one more step per level; with an empty step, on one line. A flow
// sequence stays on one line.
func jsonText(n *yaml.Node, prefix, step string) string {
	var b strings.Builder
	writeJSON(&b, n, prefix, step)
	return b.String()
}

// writeJSON writes n as JSON (see jsonText).
func writeJSON(b *strings.Builder, n *yaml.Node, prefix, step string) {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		open, closing, stride := "[", "]", 1
		if n.Kind == yaml.MappingNode {
			open, closing, stride = "{", "}", 2
		}
		b.WriteString(open)
		inner, sep, nl := prefix+step, ", ", ""
		if step != "" && n.Style&yaml.FlowStyle == 0 {
			sep, nl = ",", "\n"
		} else {
			step = ""
		}
		for i := 0; i < len(n.Content); i += stride {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(nl)
			if nl != "" {
				b.WriteString(inner)
			}
			writeJSON(b, n.Content[i], inner, step)
			if stride == 2 {
				b.WriteString(": ")
				writeJSON(b, n.Content[i+1], inner, step)
			}
		}
		if nl != "" && len(n.Content) > 0 {
			b.WriteString(nl + prefix)
		}
		b.WriteString(closing)
	default:
		switch n.Tag {
		case "!!int", "!!float", "!!bool", "!!null":
			b.WriteString(n.Value)
		default:
			b.WriteString(jsonString(n.Value))
		}
	}
}

// jsonString quotes s as a JSON string without HTML escaping.
func jsonString(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(buf.String(), "\n")
}

// jsonTree is a value's JSON form decoded into maps, slices and
// json.Number.
func jsonTree(v any) (any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("marshal: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	return tree, nil
}
