package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

// jsonNodes builds the YAML node tree of a JSON document — the tree
// kin-openapi's own YAML parser would produce, scalars tagged by their JSON
// type — refusing duplicate keys and objects beyond the key budget as it
// goes. kin-openapi's decoder reads its documents from such trees
// (openapi3.T.UnmarshalYAML); building the tree from JSON directly skips
// its YAML parser, which reads JSON slowly, and encoding/json, through
// which kin-openapi's types decode every nested value twice.
type jsonNodes struct {
	jsonScanner
	line   int // line of pos
	budget keyBudget
}

// jsonToNode returns the node tree of data, a JSON document.
func jsonToNode(data []byte) (*yaml.Node, error) {
	p := &jsonNodes{jsonScanner: jsonScanner{data: data}, line: 1}
	p.space()
	n, err := p.node(0)
	if err != nil {
		return nil, err
	}
	if p.space(); p.pos < len(p.data) {
		return nil, p.syntax("data after the top-level value")
	}
	return n, nil
}

// space skips whitespace, counting lines.
func (p *jsonNodes) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '\n':
			p.line++
		case ' ', '\t', '\r':
		default:
			return
		}
		p.pos++
	}
}

// syntax reports malformed JSON at the current line.
func (p *jsonNodes) syntax(what string) error {
	return fmt.Errorf("json: line %d: %s", p.line, what)
}

func (p *jsonNodes) node(depth int) (*yaml.Node, error) {
	if p.pos >= len(p.data) {
		return nil, p.syntax("unexpected end of input")
	}
	if depth > maxJSONDepth {
		return nil, p.syntax(fmt.Sprintf("nested more than %d deep", maxJSONDepth))
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, err := p.text()
		if err != nil {
			return nil, err
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: p.line}, nil
	default:
		return p.literal()
	}
}

// text reads a string and decodes its escapes.
func (p *jsonNodes) text() (string, error) {
	raw, err := p.str()
	if err != nil {
		return "", p.syntax("unterminated string")
	}
	if bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		for _, c := range raw {
			if c < 0x20 {
				return "", p.syntax("control character in string")
			}
		}
		return string(raw), nil
	}
	var s string
	if err := json.Unmarshal(p.data[p.pos-len(raw)-2:p.pos], &s); err != nil {
		return "", p.syntax(err.Error())
	}
	return s, nil
}

// literal reads a number, true, false or null.
func (p *jsonNodes) literal() (*yaml.Node, error) {
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			break
		}
		p.pos++
	}
	lit := p.data[start:p.pos]
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: string(lit), Line: p.line}
	switch string(lit) {
	case "true", "false":
		n.Tag = "!!bool"
		return n, nil
	case "null":
		n.Tag = "!!null"
		return n, nil
	}
	if !json.Valid(lit) || lit[0] == '"' || lit[0] == '{' || lit[0] == '[' {
		return nil, p.syntax(fmt.Sprintf("invalid value %q", truncate(lit)))
	}
	n.Tag = "!!float"
	if !bytes.ContainsAny(lit, ".eE") && fitsInteger(n.Value) {
		n.Tag = "!!int"
	}
	return n, nil
}

// fitsInteger reports whether an integer literal fits a 64-bit integer,
// which the YAML decoder needs of an !!int; larger ones are floats to it as
// to encoding/json.
func fitsInteger(lit string) bool {
	if lit == "-0" {
		return false // a float to the YAML decoder
	}
	if _, err := strconv.ParseInt(lit, 10, 64); err == nil {
		return true
	}
	_, err := strconv.ParseUint(lit, 10, 64)
	return err == nil
}

// truncate shortens a literal for an error message.
func truncate(b []byte) string {
	if len(b) > 20 {
		return string(b[:20]) + "…"
	}
	return string(b)
}

// object reads an object into a mapping node.
func (p *jsonNodes) object(depth int) (*yaml.Node, error) {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.line}
	p.pos++
	var keys map[string]struct{}
	for {
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == '}' && len(m.Content) == 0 {
			p.pos++
			break
		}
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.syntax("expected a key")
		}
		line := p.line
		key, err := p.text()
		if err != nil {
			return nil, err
		}
		if keys == nil {
			keys = map[string]struct{}{}
		}
		if _, dup := keys[key]; dup {
			return nil, fmt.Errorf("json: line %d: duplicate key %q", line, key)
		}
		if keys[key] = struct{}{}; len(keys) > MaxMappingKeys {
			return nil, fmt.Errorf("json: line %d: an object of more than %d keys, the limit", m.Line, MaxMappingKeys)
		}
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.syntax("expected ':' after a key")
		}
		p.pos++
		p.space()
		v, err := p.node(depth + 1)
		if err != nil {
			return nil, err
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: line}, v)
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			break
		}
		return nil, p.syntax("expected ',' or '}'")
	}
	if err := p.budget.charge(len(m.Content)/2, func() string { return fmt.Sprintf("json: line %d", m.Line) }); err != nil {
		return nil, err
	}
	return m, nil
}

// array reads an array into a sequence node.
func (p *jsonNodes) array(depth int) (*yaml.Node, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.line}
	p.pos++
	for {
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ']' && len(seq.Content) == 0 {
			p.pos++
			return seq, nil
		}
		v, err := p.node(depth + 1)
		if err != nil {
			return nil, err
		}
		seq.Content = append(seq.Content, v)
		if err := p.budget.items(1, func() string { return fmt.Sprintf("json: line %d", seq.Line) }); err != nil {
			return nil, err
		}
		p.space()
		if p.pos >= len(p.data) {
			return nil, p.syntax("unexpected end of input")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return seq, nil
		default:
			return nil, p.syntax("expected ',' or ']'")
		}
	}
}

// errNotObject refuses a JSON document that is not an object.
var errNotObject = errors.New("json: the document is not an object")
