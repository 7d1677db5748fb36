package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"
)

// Marshal renders a document deterministically as YAML and as JSON: keys
// sorted, two-space indentation, a trailing newline, both with a top-level
// "x-generated-by": "orcgen". The generated-file marker comment is the
// artifact table's (package gen) to write. The document itself is not
// changed.
func Marshal(doc *openapi3.T) (yamlData, jsonData []byte, err error) {
	tree, err := genericTree(doc)
	if err != nil {
		return nil, nil, err
	}
	tree[ExtGeneratedBy] = "orcgen"
	jsonData, err = marshalJSON(tree)
	if err != nil {
		return nil, nil, err
	}
	yamlData, err = marshalYAML(tree)
	if err != nil {
		return nil, nil, err
	}
	return yamlData, jsonData, nil
}

// genericTree is the document's JSON form decoded into maps, slices and
// json.Number, so that both encodings see the same values.
func genericTree(doc *openapi3.T) (map[string]any, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("marshal document: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var tree map[string]any
	if err := dec.Decode(&tree); err != nil {
		return nil, fmt.Errorf("decode document: %w", err)
	}
	return tree, nil
}

// marshalJSON writes the tree with sorted keys and a trailing newline,
// without HTML escaping.
func marshalJSON(tree map[string]any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(tree); err != nil {
		return nil, fmt.Errorf("encode json: %w", err)
	}
	return buf.Bytes(), nil
}

// marshalYAML writes the tree as YAML with sorted keys.
func marshalYAML(tree map[string]any) ([]byte, error) {
	node, err := yamlNode(tree)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(node); err != nil {
		return nil, fmt.Errorf("encode yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode yaml: %w", err)
	}
	return buf.Bytes(), nil
}

// yamlNode converts a decoded JSON value into a YAML node, map keys sorted.
func yamlNode(v any) (*yaml.Node, error) {
	switch v := v.(type) {
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			child, err := yamlNode(v[k])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			n.Content = append(n.Content, strNode(k), child)
		}
		return n, nil
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i, e := range v {
			child, err := yamlNode(e)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			n.Content = append(n.Content, child)
		}
		return n, nil
	default:
		return scalarNode(v)
	}
}

// scalarNode converts a decoded JSON scalar into a YAML scalar node.
func scalarNode(v any) (*yaml.Node, error) {
	switch v := v.(type) {
	case string:
		return strNode(v), nil
	case json.Number:
		tag := "!!int"
		if _, err := v.Int64(); err != nil {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v.String()}, nil
	case bool:
		if v {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"}, nil
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"}, nil
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected value of type %T", v)
}

// strNode is a string scalar; the encoder quotes it when it would read as
// another type.
func strNode(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}
